import { z } from 'zod';

// The forms of the moderation pages. Messages are translation codes: "moderation:x" is
// moderation.json's errors.x.

export const EXCLUDED_STATUSES = ['spam', 'duplicate', 'test'] as const;
export type ExcludedStatus = (typeof EXCLUDED_STATUSES)[number];
export const REASON_MAX = 500;

const reason = z
  .string({ error: 'moderation:reasonMissing' })
  .trim()
  .min(1, { error: 'moderation:reasonMissing' })
  .max(REASON_MAX, { error: `moderation:reasonLong|${REASON_MAX}` });

/** Marking a response as spam, duplicate or test; restoring it to the counts. Both need a reason. */
export const statusChangeSchema = z.discriminatedUnion('intent', [
  z.object({
    csrf: z.string().optional(),
    intent: z.literal('exclude'),
    status: z.enum(EXCLUDED_STATUSES, { error: 'moderation:statusMissing' }),
    reason,
  }),
  z.object({ csrf: z.string().optional(), intent: z.literal('restore'), reason }),
]);
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const LIST_STATUSES = ['all', 'counted', 'excluded', 'spam', 'duplicate', 'test'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
