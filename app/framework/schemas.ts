import { z } from 'zod';

// One schema per framework form. Messages are translation keys: "framework:x" is framework.json's
// errors.x. Translations are optional: an empty one means "show the English".

const MAX_NAME = 150;
const MAX_TEXT = 2000;

const name = z.string({ error: 'framework:nameMissing' }).trim().min(1, { error: 'framework:nameMissing' }).max(MAX_NAME, { error: 'framework:nameLong' });
const optionalName = z.string().trim().max(MAX_NAME, { error: 'framework:nameLong' }).optional();
const text = z.string().trim().max(MAX_TEXT, { error: 'framework:textLong' }).optional();

const themeTranslation = z.object({ name: optionalName, description: text }).optional();
const priorityTranslation = z.object({ name: optionalName, ambition: text }).optional();

export const themeSchema = z.object({
  csrf: z.string().optional(),
  intent: z.literal('save'),
  name,
  description: text,
  pl: themeTranslation,
  ur: themeTranslation,
});

export const prioritySchema = z.object({
  csrf: z.string().optional(),
  intent: z.literal('save'),
  themeId: z.number({ error: 'framework:themeMissing' }).int({ error: 'framework:themeMissing' }),
  name,
  ambition: text,
  pl: priorityTranslation,
  ur: priorityTranslation,
});

export const moveSchema = z.object({
  csrf: z.string().optional(),
  intent: z.literal('move'),
  kind: z.enum(['theme', 'priority']),
  id: z.number().int(),
  direction: z.enum(['up', 'down']),
});

export const deleteSchema = z.object({ csrf: z.string().optional(), intent: z.literal('delete') });

type Translated<F extends string> = { pl?: Partial<Record<F, string>>; ur?: Partial<Record<F, string>> };

/** The form's translations as the editing functions take them: every field, empty when blank. */
function translationsOf<F extends string>(value: Translated<F>, fields: readonly F[]) {
  const of = (locale: 'pl' | 'ur') => Object.fromEntries(fields.map((f) => [f, value[locale]?.[f] ?? '']));
  return { pl: of('pl'), ur: of('ur') };
}

export function themeInput(value: z.infer<typeof themeSchema>) {
  return { name: value.name, description: value.description ?? '', translations: translationsOf(value, ['name', 'description']) };
}

export function priorityInput(value: z.infer<typeof prioritySchema>) {
  return { themeId: value.themeId, name: value.name, ambition: value.ambition ?? '', translations: translationsOf(value, ['name', 'ambition']) };
}
