import { z } from 'zod';
import { EXCERPT_MAX, isExcerptOf } from './excerpt';

// The forms of the quotes pages. Messages are translation codes: "quotes:x" is quotes.json's errors.x.

const id = z.number().int().positive();

/**
 * Picking an answer as a quote, for a codebook theme, a council priority or both. Built with the
 * answer's words, so the browser and the server both check that the excerpt is part of them
 * (null only to read back a form whose answer cannot be quoted at all).
 */
export function pickQuoteSchema(answerText: string | null) {
  return z
    .object({
      csrf: z.string().optional(),
      intent: z.literal('pick'),
      themeId: id.optional(),
      priorityId: id.optional(),
      excerpt: z
        .string({ error: 'quotes:excerptMissing' })
        .trim()
        .min(1, { error: 'quotes:excerptMissing' })
        .max(EXCERPT_MAX, { error: `quotes:excerptLong|${EXCERPT_MAX}` })
        .refine((excerpt) => excerpt === '' || answerText === null || isExcerptOf(answerText, excerpt), { error: 'quotes:notExcerpt' }),
    })
    .superRefine((value, ctx) => {
      if (!value.themeId && !value.priorityId) ctx.addIssue({ code: 'custom', path: ['themeId'], message: 'quotes:targetMissing' });
    });
}
export type PickQuote = z.infer<ReturnType<typeof pickQuoteSchema>>;

/** Taking a quote off the list. */
export const removeQuoteSchema = z.object({ csrf: z.string().optional(), intent: z.literal('remove'), quoteId: id });
