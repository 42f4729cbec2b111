import type { QuestionKind } from '#db/schema';
import type { Dimension } from './dimensions';
import type { MethodCode } from './statistics';

// "What we heard" as every page, chart, API and export receives it: figures that have already
// been through disclosure control (protect.ts). A hidden figure is `{ suppressed: true }` and
// nothing else, so no later bug (or a look at the JSON) can bring back what was hidden.
// Labels are in the reader's language. Plain data: safe to send to the browser and to serialise.

export type Hidden = { readonly suppressed: true };
export type Count = Hidden | { readonly suppressed: false; readonly value: number };

/** A count with its percentage of the base (those who answered), and the 95% Wilson interval. */
export type Cell =
  | Hidden
  | {
      readonly suppressed: false;
      readonly count: number;
      /** 0–100, of the column's `percentOf`; null when that base is hidden or nobody answered. */
      readonly percent: number | null;
      readonly ciLow: number | null;
      readonly ciHigh: number | null;
      /** A statistically notable difference from the other groups (see notable.ts). */
      notable?: 'higher' | 'lower';
    };

export type MeanRank = Hidden | { readonly suppressed: false; readonly value: number | null };

export interface Column {
  /** 'all', or the group's code (NOT_STATED for "not stated"). */
  key: string;
  label: string;
  /** The column of everyone in the figures, beside the groups of a breakdown. */
  total: boolean;
  responses: Count;
  /** Those who answered: shown only when it cannot reveal a hidden "no answer". */
  base: Count;
  noAnswer: Count;
  /** Routed past the question by their own earlier answers: neither in the base nor "no answer". */
  notAsked: Count;
  /**
   * What the column's percentages are of: those who answered, or, where that base would give
   * away a hidden "no answer", everyone in the group (its responses) or, where some were routed
   * past the question, everyone in the group who was asked it (responses less "not asked", both
   * shown), so they are not lost and those not asked are still never in them.
   */
  percentOf: 'answered' | 'responses' | 'asked';
}

export interface OptionRow {
  key: string;
  label: string;
  /** One per column. For a ranking: the people who ranked the item at all. */
  cells: Cell[];
}

export interface RankRow {
  key: string;
  label: string;
  first: Cell[];
  top3: Cell[];
  /** Shown only where the number who ranked the item is shown. */
  meanRank: MeanRank[];
}

export interface NotableDifference {
  optionKey: string;
  option: string;
  groupKey: string;
  group: string;
  direction: 'higher' | 'lower';
  percent: number;
  /** The same figure among the other groups tested. */
  restPercent: number;
  /** After the Holm correction. */
  pValue: number;
  method: MethodCode;
}

export interface QuestionTest {
  /** Groups compared on at least one answer: they said who they are, and that answer's figure and their base are shown. */
  groupsTested: number;
  /** Groups compared on no answer. */
  groupsLeftOut: number;
  /** Chi-square test of independence across the groups whose figures are all shown; null when it does not apply. */
  overall: { groups: number; statistic: number; degreesOfFreedom: number; pValue: number; notable: boolean; reliable: boolean } | null;
  /** Per answer, each group against the rest; corrected together for this many comparisons. */
  comparisons: number;
  methods: MethodCode[];
}

export type ResultKind = QuestionKind | 'coded';

export interface QuestionResult {
  key: string;
  text: string;
  kind: ResultKind;
  /** An ordered scale (agree–disagree, a rating), drawn as stacked bars per group. */
  scale: boolean;
  /** No longer asked; its earlier answers still count. */
  hidden: boolean;
  /** Some in the figures were routed past it: the columns' "not asked" is worth saying. */
  routed?: boolean;
  columns: Column[];
  rows: OptionRow[];
  ranking?: RankRow[];
  test?: QuestionTest;
  notable: NotableDifference[];
}

export interface AppliedFilter {
  dimension: Dimension;
  label: string;
  values: { key: string; label: string }[];
}

export interface ResultsModel {
  consultation: { id: number; slug: string; title: string };
  /** Figures below this are hidden ("fewer than 10"). */
  threshold: number;
  breakdown: { dimension: Dimension; label: string } | null;
  filter: AppliedFilter[];
  /** Responses the figures cover. */
  responses: Count;
  /** Main questions; young people's mapped answers count here. */
  questions: QuestionResult[];
  /** Statements only young people were asked. */
  youth: QuestionResult[];
  /** Coded free-text answers, themes as options. */
  themes: QuestionResult[];
  labels: { all: string; noAnswer: string };
}

/** The results form: every dimension's groups, and what the address asked for (valid or not). */
export interface ResultsForm {
  dimensions: { dimension: Dimension; label: string; choices: { value: string; label: string }[] }[];
  selected: Partial<Record<Dimension, string[]>>;
  breakdown: string;
}

/** A query parameter the form could not have sent, with its message code (analysis:…). */
export type ResultsRequestError = { field: string; code: string };

export const HIDDEN: Hidden = Object.freeze({ suppressed: true });

/** The count a column's percentages are of (Column.percentOf). */
export function percentBaseOf(column: Column): Count {
  if (column.percentOf === 'responses') return column.responses;
  if (column.percentOf === 'answered') return column.base;
  const { responses, notAsked } = column;
  return responses.suppressed || notAsked.suppressed ? HIDDEN : { suppressed: false, value: responses.value - notAsked.value };
}

/** One line per figure, in the columns exports need (issue 6 builds its files on this). */
export interface ResultRow {
  consultation: string;
  part: 'questions' | 'youth' | 'themes';
  question_key: string;
  question: string;
  measure: 'chose' | 'no_answer' | 'ranked_first' | 'ranked_top3';
  option_key: string;
  option: string;
  breakdown: string;
  /** The column's key: `all`, or the group's code (NOT_STATED for "not stated"). */
  group_key: string;
  group: string;
  count: number | null;
  percent: number | null;
  base: number | null;
  /** What `percent` is of (Column.percentOf). */
  percent_of: Column['percentOf'];
  /** The group's responses routed past the question (0: everyone was asked; null: hidden). Never in `base`. */
  not_asked: number | null;
  ci_low: number | null;
  ci_high: number | null;
  mean_rank: number | null;
  suppressed: boolean;
}

export function resultRows(model: ResultsModel): ResultRow[] {
  const rows: ResultRow[] = [];
  const breakdown = model.breakdown?.label ?? '';
  const parts = [
    ['questions', model.questions],
    ['youth', model.youth],
    ['themes', model.themes],
  ] as const;
  for (const [part, questions] of parts) {
    for (const q of questions) {
      const line = (
        measure: ResultRow['measure'],
        option: { key: string; label: string },
        column: Column,
        cell: Cell | Count,
        meanRank?: MeanRank,
      ): ResultRow => {
        const base = column.base.suppressed ? null : column.base.value;
        const shown = !cell.suppressed;
        return {
          consultation: model.consultation.slug,
          part,
          question_key: q.key,
          question: q.text,
          measure,
          option_key: option.key,
          option: option.label,
          breakdown,
          group_key: column.key,
          group: column.label,
          count: cell.suppressed ? null : 'count' in cell ? cell.count : cell.value,
          percent: shown && 'percent' in cell ? cell.percent : null,
          base,
          percent_of: column.percentOf,
          not_asked: column.notAsked.suppressed ? null : column.notAsked.value,
          ci_low: shown && 'ciLow' in cell ? cell.ciLow : null,
          ci_high: shown && 'ciHigh' in cell ? cell.ciHigh : null,
          mean_rank: meanRank && !meanRank.suppressed ? meanRank.value : null,
          suppressed: cell.suppressed,
        };
      };
      q.columns.forEach((column, j) => {
        for (const row of q.rows) rows.push(line('chose', row, column, row.cells[j] ?? HIDDEN, q.ranking?.find((r) => r.key === row.key)?.meanRank[j]));
        for (const r of q.ranking ?? []) {
          rows.push(line('ranked_first', r, column, r.first[j] ?? HIDDEN));
          rows.push(line('ranked_top3', r, column, r.top3[j] ?? HIDDEN));
        }
        rows.push(line('no_answer', { key: 'no_answer', label: model.labels.noAnswer }, column, column.noAnswer));
      });
    }
  }
  return rows;
}
