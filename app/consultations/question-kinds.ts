import type { QuestionKind } from '../../db/schema';

// How each kind of question is answered and stored. One answer row per chosen thing:
// - choice kinds (single_choice, yes_no, agree_scale): one row with option_id
//   (value_text holds the "please specify" text when the option is an "Other" option);
// - multiple_choice: one row per chosen option;
// - ranking: one row per ranked option, rank 1..rank_count;
// - rating: one row with value_number 1..rating_max;
// - short_text, long_text: one row with value_text.
// A question left unanswered has no rows.

/** Kinds whose options are fixed by the kind itself; their labels come from locales. */
export const STANDARD_OPTIONS: Partial<Record<QuestionKind, readonly string[]>> = {
  yes_no: ['yes', 'no'],
  agree_scale: ['strongly_agree', 'agree', 'neither', 'disagree', 'strongly_disagree'],
};

export const CHOICE_KINDS: readonly QuestionKind[] = ['single_choice', 'yes_no', 'agree_scale'];
export const TEXT_KINDS: readonly QuestionKind[] = ['short_text', 'long_text'];

export const DEFAULT_MAX_LENGTH = { short_text: 200, long_text: 2000 } as const;
export const DEFAULT_RATING_MAX = 5;
export const OTHER_MAX_LENGTH = 200;

export function maxLengthOf(question: { kind: QuestionKind; max_length: number | null }): number {
  if (question.max_length) return question.max_length;
  return question.kind === 'short_text' ? DEFAULT_MAX_LENGTH.short_text : DEFAULT_MAX_LENGTH.long_text;
}
