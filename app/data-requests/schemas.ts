import { z } from 'zod';
import { DATA_REQUEST_KINDS, DATA_REQUEST_STATUSES, type DataRequestStatus } from '#db/schema';
import { normaliseReference } from './reference';

// The forms of residents' data requests. Messages are translation codes: "requests:x" is
// requests.json's errors.x (see app/ui/form/use-error-text.ts).

export const MESSAGE_MAX = 2000;
export const NOTE_MAX = 1000;
const EMAIL_MAX = 254;

const optionalText = (max: number, code: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `requests:${code}|${max}` })
    .optional()
    .transform((value) => (value ? value : undefined));

/** The public form: a reference, what they want, and (optionally) how to reach them. */
export const publicRequestSchema = z.object({
  reference: z
    .string({ error: 'requests:referenceMissing' })
    .trim()
    .min(1, { error: 'requests:referenceMissing' })
    .max(40, { error: 'requests:referenceInvalid' })
    .transform((typed, ctx) => {
      const reference = normaliseReference(typed);
      if (!reference) ctx.addIssue({ code: 'custom', message: 'requests:referenceInvalid' });
      return reference ?? typed;
    }),
  kind: z.enum(DATA_REQUEST_KINDS, { error: 'requests:kindMissing' }),
  email: z
    .string()
    .trim()
    .max(EMAIL_MAX, { error: 'requests:emailInvalid' })
    .optional()
    .transform((value) => (value ? value.toLowerCase() : undefined))
    .pipe(z.email({ error: 'requests:emailInvalid' }).optional()),
  message: optionalText(MESSAGE_MAX, 'messageLong'),
  // The honeypot (app/responses/moderation/honeypot.ts): accepted here, judged by the action.
  website: z.string().optional(),
});
export type PublicRequest = z.infer<typeof publicRequestSchema>;

const note = (missing: string) =>
  z
    .string({ error: `requests:${missing}` })
    .trim()
    .min(1, { error: `requests:${missing}` })
    .max(NOTE_MAX, { error: `requests:noteLong|${NOTE_MAX}` });

/** The officer's decisions on one request, each a named button of its own form. */
export const decisionSchema = z.discriminatedUnion('intent', [
  z.object({ csrf: z.string().optional(), intent: z.literal('verify'), howChecked: note('verifyNoteMissing') }),
  z.object({ csrf: z.string().optional(), intent: z.literal('refuse'), reason: note('refuseNoteMissing') }),
  z.object({ csrf: z.string().optional(), intent: z.literal('complete-access') }),
  z.object({
    csrf: z.string().optional(),
    intent: z.literal('erase'),
    confirm: z.literal('yes', { error: 'requests:confirmMissing' }),
  }),
]);
export type Decision = z.infer<typeof decisionSchema>;

export const LIST_FILTERS = ['open', ...DATA_REQUEST_STATUSES, 'all'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** The list's filter from its address: "open" (received or verified) unless it names another. */
export function readListFilter(url: URL): ListFilter {
  const value = url.searchParams.get('status') ?? 'open';
  return (LIST_FILTERS as readonly string[]).includes(value) ? (value as ListFilter) : 'open';
}

export const OPEN_STATUSES: readonly DataRequestStatus[] = ['received', 'verified'];
