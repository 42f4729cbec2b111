import { groupCode } from '../analysis/filters';
import { resultRows, type ResultsModel } from '../analysis/results-model';

// The `summary` export: the figures of "what we heard" as a tidy table, one line per figure,
// made from the protected results model (so every figure equals the one on screen, and a hidden
// one is `suppressed` with no count, percent or interval). Lines are the answers chosen and the
// "no answer" line of each question and group; the ranking positions (first, top three) are
// left to the results page and the JSON, as they would need columns this table does not have.
// `not_asked` is on every line of a question and group: those routed past it (0 for a question
// everyone was asked), protected like "no answer".

export const SUMMARY_COLUMNS = [
  'consultation',
  'question_key',
  'question',
  'option_key',
  'option',
  'breakdown',
  'group_code',
  'group',
  'count',
  'percent',
  'base',
  'percent_of',
  'not_asked',
  'ci_low',
  'ci_high',
  'suppressed',
] as const;

export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

export interface SummaryRow {
  consultation: string;
  question_key: string;
  question: string;
  option_key: string;
  option: string;
  /** The dimension broken down by (ward, ageBand...), or `all`. */
  breakdown: string;
  /** The group's code, the same in every language (filters.ts groupCode); `all` for everyone. */
  group_code: string;
  group: string;
  count: number | null;
  percent: number | null;
  base: number | null;
  /** What `percent` is of: `answered` (the base), `responses` (everyone in the group) or `asked` (everyone in it asked the question). */
  percent_of: 'answered' | 'responses' | 'asked';
  /** The group's responses whose own earlier answers routed them past the question: in neither the base nor "no answer" (null: hidden). */
  not_asked: number | null;
  ci_low: number | null;
  ci_high: number | null;
  suppressed: boolean;
}

export function summaryRows(model: ResultsModel): SummaryRow[] {
  const dimension = model.breakdown?.dimension ?? null;
  const breakdown = dimension ?? 'all';
  return resultRows(model)
    .filter((r) => r.measure === 'chose' || r.measure === 'no_answer')
    .map((r) => ({
      consultation: r.consultation,
      question_key: r.question_key,
      question: r.question,
      option_key: r.option_key,
      option: r.option,
      breakdown,
      group_code: groupCode(dimension, r.group_key),
      group: r.group,
      // Belt and braces: a hidden figure carries nothing, whatever the model's line says.
      count: r.suppressed ? null : r.count,
      percent: r.suppressed ? null : r.percent,
      base: r.base,
      percent_of: r.percent_of,
      not_asked: r.not_asked,
      ci_low: r.suppressed ? null : r.ci_low,
      ci_high: r.suppressed ? null : r.ci_high,
      suppressed: r.suppressed,
    }));
}
