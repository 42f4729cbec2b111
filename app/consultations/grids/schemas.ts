import { z } from 'zod';
import { optionLines } from '~/consultations/builder/schemas';

// The grid builder's forms. Messages are translation codes, as in builder/schemas.ts.

export const GRID_SCALES = ['agree_scale', 'rating', 'single_choice'] as const;
export type GridScale = (typeof GRID_SCALES)[number];

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
const lines = z.string().max(20000, { error: 'builder:tooLong|20000' }).default('');

export const newGridSchema = z
  .object({
    sectionId: z.number({ error: 'builder:sectionMissing' }),
    text: text('builder:gridTextMissing', 500),
    hint: optionalText(1000),
    kind: z.enum(GRID_SCALES, { error: 'builder:gridScaleMissing' }),
    ratingMax: z
      .number({ error: 'builder:ratingMaxInvalid' })
      .int({ error: 'builder:ratingMaxInvalid' })
      .min(2, { error: 'builder:ratingMaxInvalid' })
      .max(10, { error: 'builder:ratingMaxInvalid' })
      .optional(),
    /** One option per line, for the officer's own scale. */
    options: lines,
    /** One statement per line. */
    statements: lines,
    required: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (optionLines(v.statements).length < 2) ctx.addIssue({ code: 'custom', path: ['statements'], message: 'builder:gridStatementsMissing' });
    if (v.kind === 'single_choice' && optionLines(v.options).length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'builder:optionsMissing' });
  });

/** Save, or one statement's move or removal (`up-12`, `down-12`, `remove-12`), keeping every typed change. */
export const gridSchema = z.object({
  intent: z.string().regex(/^(save|delete|(up|down|remove)-\d+)$/, { error: 'builder:notFound' }),
  text: text('builder:gridTextMissing', 500),
  hint: optionalText(1000),
  statements: z.array(z.object({ id: z.number(), text: text('builder:gridStatementMissing', 500) })).default([]),
  /** More statements, one per line. */
  more: lines,
  options: z.string().max(20000, { error: 'builder:tooLong|20000' }).optional(),
});
