import { z } from 'zod';
import { BASELINE_KINDS } from '#db/schema';

// One schema per population form, used by the server and (through conform) the browser.
// Messages are translation codes: "population:x" is population.json's errors.x.

const files = z.array(z.file(), { error: 'population:chooseFiles' }).min(1, { error: 'population:chooseFiles' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `population:tooLong|${max}` })
    .default('');

export const createBaselineSchema = z.object({
  csrf: z.string().optional(),
  name: z.string({ error: 'population:nameMissing' }).trim().min(1, { error: 'population:nameMissing' }).max(200, { error: 'population:tooLong|200' }),
  kind: z.enum(BASELINE_KINDS, { error: 'population:kindMissing' }),
  source: text(1000),
  notes: text(2000),
  files,
  wardsApproximate: z.boolean().default(false),
});

export const uploadTablesSchema = z.object({
  csrf: z.string().optional(),
  intent: z.literal('upload'),
  files,
  wardsApproximate: z.boolean().default(false),
});

export const deleteBaselineSchema = z.object({
  csrf: z.string().optional(),
  intent: z.literal('delete'),
});

/** How many problems a page lists before saying how many more there are. */
export const PROBLEMS_LISTED = 50;
