import { z } from 'zod';
import { SAMPLE_MAX, SAMPLE_MIN, SAMPLE_POOLS } from './sample-rules';

// One schema per coding form. Messages are translation codes: "coding:x" is coding.json's errors.x.

export const NAME_MAX = 150;
const TEXT_MAX = 2000;
const KEYWORDS_MAX = 4000;

const csrf = z.string().optional();
const name = z
  .string({ error: 'coding:nameMissing' })
  .trim()
  .min(1, { error: 'coding:nameMissing' })
  .max(NAME_MAX, { error: `coding:nameLong|${NAME_MAX}` });

export const themeSchema = z.object({
  csrf,
  intent: z.literal('save'),
  name,
  description: z
    .string()
    .trim()
    .max(TEXT_MAX, { error: `coding:textLong|${TEXT_MAX}` })
    .optional(),
  priorityId: z.number({ error: 'coding:priorityMissing' }).int({ error: 'coding:priorityMissing' }).optional(),
  keywords: z
    .string()
    .max(KEYWORDS_MAX, { error: `coding:textLong|${KEYWORDS_MAX}` })
    .optional(),
});

export const deleteThemeSchema = z.object({ csrf, intent: z.literal('delete') });

export function themeInput(value: z.infer<typeof themeSchema>) {
  return { name: value.name, description: value.description ?? '', priorityId: value.priorityId ?? null, keywords: value.keywords ?? '' };
}

export const moveThemeSchema = z.object({ csrf, intent: z.literal('move'), id: z.number().int(), direction: z.enum(['up', 'down']) });

/** Frequent terms taken into the codebook: added to a theme's keywords, or a new theme named after the first. */
export const adoptTermsSchema = z.object({
  csrf,
  intent: z.literal('adopt'),
  terms: z.array(z.string().trim().min(1).max(100), { error: 'coding:termsMissing' }).min(1, { error: 'coding:termsMissing' }).default([]),
  target: z.union([z.literal('new'), z.coerce.number().int()], { error: 'coding:targetMissing' }),
});

/** Ticking themes for one answer: at least one, or "no theme fits" (never both). */
export const codingSchema = z
  .object({
    csrf,
    intent: z.enum(['save', 'saveNext']),
    answerId: z.number().int(),
    themes: z.array(z.number().int()).default([]),
    none: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.themes.length === 0 && !value.none) ctx.addIssue({ code: 'custom', path: ['themes'], message: 'coding:themesMissing' });
    if (value.themes.length > 0 && value.none) ctx.addIssue({ code: 'custom', path: ['themes'], message: 'coding:noneAndThemes' });
  });

export const sampleSchema = z.object({
  csrf,
  intent: z.literal('create'),
  questionId: z.number({ error: 'coding:questionMissing' }).int({ error: 'coding:questionMissing' }),
  name,
  size: z
    .number({ error: `coding:sizeRange|${SAMPLE_MAX}` })
    .int({ error: `coding:sizeRange|${SAMPLE_MAX}` })
    .min(SAMPLE_MIN, { error: `coding:sizeRange|${SAMPLE_MAX}` })
    .max(SAMPLE_MAX, { error: `coding:sizeRange|${SAMPLE_MAX}` }),
  pool: z.enum(SAMPLE_POOLS, { error: 'coding:poolMissing' }),
});
