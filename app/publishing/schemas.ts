import { z } from 'zod';
import { ACTION_STATUSES } from '#db/schema';

// The forms of the publishing pages, one schema each, shared by the browser and the server.
// Messages are translation codes: "publishing:x" is publishing.json's errors.x.

export const TITLE_MAX = 150;
export const DESCRIPTION_MAX = 2000;
export const NOTE_MAX = 500;
export const SUMMARY_MAX = 5000;

const csrf = z.string().optional();

/** A real calendar date as YYYY-MM-DD (what a date field sends), or nothing. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'publishing:dateInvalid' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    error: 'publishing:dateInvalid',
  })
  .optional();

export const summarySchema = z.object({
  csrf,
  intent: z.literal('summary'),
  summary: z
    .string()
    .trim()
    .max(SUMMARY_MAX, { error: `publishing:summaryLong|${SUMMARY_MAX}` })
    .optional(),
});

export const publishSchema = z.object({ csrf, intent: z.enum(['publish', 'unpublish']) });

export const moveActionSchema = z.object({ csrf, intent: z.literal('move'), actionId: z.number().int().positive(), direction: z.enum(['up', 'down']) });

export const deleteActionSchema = z.object({ csrf, intent: z.literal('delete'), confirm: z.literal('yes', { error: 'publishing:confirmDelete' }) });

/**
 * One action ("what we did"): what, why, which priority it serves, and where it stands. A
 * change of status is kept as a dated update, with an optional note saying what happened.
 */
export const actionSchema = z
  .object({
    csrf,
    intent: z.literal('save'),
    title: z
      .string({ error: 'publishing:titleMissing' })
      .trim()
      .min(1, { error: 'publishing:titleMissing' })
      .max(TITLE_MAX, { error: `publishing:titleLong|${TITLE_MAX}` }),
    description: z
      .string()
      .trim()
      .max(DESCRIPTION_MAX, { error: `publishing:descriptionLong|${DESCRIPTION_MAX}` })
      .optional(),
    priorityId: z.number().int().positive().optional(),
    status: z.enum(ACTION_STATUSES, { error: 'publishing:statusMissing' }),
    dueOn: isoDate,
    doneOn: isoDate,
    changedOn: isoDate,
    note: z
      .string()
      .trim()
      .max(NOTE_MAX, { error: `publishing:noteLong|${NOTE_MAX}` })
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.status === 'done' && !value.doneOn) ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'publishing:doneOnMissing' });
  });

export type ActionForm = z.infer<typeof actionSchema>;

/** What the action functions store, from a valid form. */
export interface ActionInput {
  title: string;
  description: string;
  priorityId: number | null;
  status: (typeof ACTION_STATUSES)[number];
  dueOn: string | null;
  doneOn: string | null;
  /** When the status changed (today when not said); only used when it did change. */
  changedOn: string | null;
  note: string;
}

export function actionInput(value: ActionForm): ActionInput {
  return {
    title: value.title,
    description: value.description ?? '',
    priorityId: value.priorityId ?? null,
    status: value.status,
    // A done action has a done date, not a due date; an unfinished one the other way round.
    dueOn: value.status === 'done' ? null : (value.dueOn ?? null),
    doneOn: value.status === 'done' ? (value.doneOn ?? null) : null,
    changedOn: value.changedOn ?? null,
    note: value.note ?? '',
  };
}
