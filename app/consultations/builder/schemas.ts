import { z } from 'zod';
import { QUESTION_KINDS, RETENTION_ABOUT_YOU, RETENTION_FREE_TEXT } from '#db/schema';
import { SLUG_PATTERN } from './keys';

// One schema per builder form, used by the server and (through conform) the browser. Messages
// are translation codes: "builder:x" is builder.json's errors.x.

const text = (missing: string, max: number) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `builder:tooLong|${max}` });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `builder:tooLong|${max}` })
    .default('');
const reason = z.string().trim().max(500, { error: 'builder:tooLong|500' }).optional();
const whole = (min: number, max: number, code: string) => z.number({ error: code }).int({ error: code }).min(min, { error: code }).max(max, { error: code });
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'builder:dateInvalid' })
  .optional();
const time = z
  .string()
  .regex(/^\d{1,2}:\d{2}$/, { error: 'builder:timeInvalid' })
  .optional();

export const createSchema = z.object({
  title: text('builder:titleMissing', 200),
  slug: z.string().trim().toLowerCase().max(80, { error: 'builder:tooLong|80' }).regex(SLUG_PATTERN, { error: 'builder:slugInvalid' }).optional(),
  summary: optionalText(1000),
});

export const detailsSchema = z
  .object({
    title: text('builder:titleMissing', 200),
    summary: optionalText(1000),
    whyAsking: optionalText(4000),
    whatHappensNext: optionalText(4000),
    estimatedMinutes: whole(1, 120, 'builder:minutesInvalid').default(10),
    opensDate: date,
    opensTime: time,
    closesDate: date,
    closesTime: time,
    priorities: z.array(z.number()).min(1, { error: 'builder:priorityMissing' }).default([]),
    askAboutYou: z.boolean().default(false),
    requiredLocales: z.array(z.string()).default([]),
    // Keeping responses (issue 18): months blank = the installation's default.
    retentionMonths: whole(0, 1200, 'builder:retentionMonthsInvalid').optional(),
    retentionFreeText: z.enum(RETENTION_FREE_TEXT, { error: 'builder:retentionChoiceInvalid' }).optional(),
    retentionAboutYou: z.enum(RETENTION_ABOUT_YOU, { error: 'builder:retentionChoiceInvalid' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.opensTime && !v.opensDate) ctx.addIssue({ code: 'custom', path: ['opensDate'], message: 'builder:dateMissing' });
    if (v.closesTime && !v.closesDate) ctx.addIssue({ code: 'custom', path: ['closesDate'], message: 'builder:dateMissing' });
  });

export const sectionSchema = z.object({
  intent: z.string().optional(),
  title: text('builder:sectionTitleMissing', 200),
  intro: optionalText(2000),
  reason,
});

const questionFields = {
  sectionId: z.number({ error: 'builder:sectionMissing' }),
  kind: z.enum(QUESTION_KINDS, { error: 'builder:kindMissing' }),
  text: text('builder:questionTextMissing', 500),
  hint: optionalText(1000),
  required: z.boolean().default(false),
  maxSelections: whole(1, 50, 'builder:maxSelectionsInvalid').optional(),
  rankCount: whole(2, 50, 'builder:rankCountInvalid').optional(),
  maxLength: whole(1, 10000, 'builder:maxLengthInvalid').optional(),
  ratingMax: whole(2, 10, 'builder:ratingMaxInvalid').optional(),
};

export const newQuestionSchema = z.object({
  ...questionFields,
  /** One option per line. */
  options: z.string().max(10000, { error: 'builder:tooLong|10000' }).default(''),
  otherLabel: z.string().trim().max(200, { error: 'builder:tooLong|200' }).optional(),
});

export const questionSchema = z.object({ intent: z.literal('save'), ...questionFields, reason });

export const optionSchema = z.object({
  intent: z.enum(['addOption', 'saveOption']),
  optionId: z.number().optional(),
  label: text('builder:optionLabelMissing', 300),
  isOther: z.boolean().default(false),
  reason,
});

export const hideSchema = z.object({
  intent: z.enum(['hide', 'show', 'hideOption', 'showOption']),
  optionId: z.number().optional(),
  reason: z.string({ error: 'builder:reasonMissing' }).trim().min(1, { error: 'builder:reasonMissing' }).max(500, { error: 'builder:tooLong|500' }),
});

export const reopenSchema = z.object({
  intent: z.literal('reopen'),
  closesDate: z.string({ error: 'builder:dateMissing' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'builder:dateInvalid' }),
  closesTime: z
    .string()
    .regex(/^\d{1,2}:\d{2}$/, { error: 'builder:timeInvalid' })
    .default('23:59'),
});

/** Lines of a textarea as option labels: blank lines and repeats dropped. */
export function optionLines(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

// Routing (rules.server.ts): a rule's conditions, how they join, and where answers lead.
export const conditionSchema = z.object({
  intent: z.literal('addCondition'),
  question: z.string({ error: 'builder:routingQuestionMissing' }).min(1, { error: 'builder:routingQuestionMissing' }),
  answers: z.array(z.string(), { error: 'builder:routingAnswersMissing' }).min(1, { error: 'builder:routingAnswersMissing' }),
});

export const removeConditionSchema = z.object({ intent: z.literal('removeCondition'), index: z.number().int().min(0) });

export const matchSchema = z.object({ intent: z.literal('setMatch'), match: z.enum(['all', 'any'], { error: 'builder:routingMatchMissing' }) });

export const routesSchema = z.object({
  intent: z.literal('saveRoutes'),
  goesTo: z.record(z.string(), z.string()).default({}),
  exitText: optionalText(2000),
});
