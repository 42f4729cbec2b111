import { NOT_STATED } from './filters';
import { PREFER_NOT, WARD_UNKNOWN } from '~/responses/demographics';
import type { Cell, Count, NotableDifference, QuestionResult } from './results-model';

// "Where do the groups differ?" for one question of a breakdown: the groups ranked by the share
// giving one answer, each with its interval and base, the overall share to read them against,
// and every group whose share cannot be shown listed with the reason in words. Read from the
// protected model only (a hidden figure carries no value, so none can reach this page), and the
// notable flags are the tests' own (notable.ts).

type Shown = Extract<Cell, { suppressed: false }>;

export interface ComparedGroup {
  key: string;
  label: string;
  count: number;
  /** Those asked who answered: the share's base, and the tests'. */
  base: number;
  /** Routed past the question by their earlier answers: in neither the share nor the tests. */
  notAsked: Count;
  percent: number;
  ciLow: number;
  ciHigh: number;
  notable?: 'higher' | 'lower';
  /** "Not stated", "prefer not to say", "I don't know": shown, never compared. */
  unsaid: boolean;
}

/**
 * Why a group's share is not shown. Never whether a hidden figure was small or hidden with one
 * (that would tell which is small): only which figure is hidden.
 * - group: how many people are in the group is hidden;
 * - base: how many in it answered is hidden;
 * - figure: how many in it gave this answer is hidden;
 * - nobody: nobody in it answered this question;
 * - notAsked: nobody in it was asked this question (their earlier answers routed them past it).
 */
export type HiddenReason = 'group' | 'base' | 'figure' | 'nobody' | 'notAsked';

export interface HiddenGroup {
  key: string;
  label: string;
  reason: HiddenReason;
}

export interface ComparedOption {
  key: string;
  label: string;
  /** Notable differences between groups on this answer. */
  notable: number;
}

export interface Comparison {
  /** What the share is of: chose the answer, ranked the item first (a ranking), raised the theme (coded text). */
  measure: 'chose' | 'first' | 'theme';
  option: ComparedOption;
  options: ComparedOption[];
  /** Some were routed past the question: each base leaves them out, and the page says how many. */
  routed: boolean;
  /** Everyone in the figures (the "All" column), the reference line; null when hidden. */
  overall: { percent: number; ciLow: number; ciHigh: number; base: number; notAsked: Count } | null;
  /** Groups that said who they are, highest share first; then those that did not say. */
  groups: ComparedGroup[];
  hidden: HiddenGroup[];
}

const UNSAID = new Set([NOT_STATED, PREFER_NOT, WARD_UNKNOWN]);

/** The figures the groups are compared on: the answers, or for a ranking who put each item first. */
function measuredRows(q: QuestionResult): { key: string; label: string; cells: Cell[] }[] {
  return q.ranking ? q.ranking.map((r) => ({ key: r.key, label: r.label, cells: r.first })) : q.rows;
}

/** What a question's groups are compared on: choosing an answer, ranking an item first, raising a theme. */
export const measureOf = (q: Pick<QuestionResult, 'kind' | 'ranking'>): Comparison['measure'] => (q.ranking ? 'first' : q.kind === 'coded' ? 'theme' : 'chose');

const notableOn = (q: QuestionResult, optionKey: string) => q.notable.filter((n) => n.optionKey === optionKey).length;

/**
 * The answer to compare the groups on when the officer has not picked one: the one with the most
 * notable differences (the most notable first on a tie), else the most chosen overall.
 */
export function defaultOption(q: QuestionResult): string | undefined {
  const rows = measuredRows(q);
  const [first] = q.notable; // sorted by p-value
  if (first) {
    const most = Math.max(...rows.map((r) => notableOn(q, r.key)));
    return q.notable.find((n) => notableOn(q, n.optionKey) === most)?.optionKey ?? first.optionKey;
  }
  let best: { key: string; percent: number } | undefined;
  for (const row of rows) {
    const all = row.cells[0];
    const percent = all && !all.suppressed ? (all.percent ?? -1) : -1;
    if (!best || percent > best.percent) best = { key: row.key, percent };
  }
  return best?.key;
}

function hiddenReason(q: QuestionResult, j: number, cell: Cell | undefined): HiddenReason | null {
  const column = q.columns[j]!;
  if (column.responses.suppressed) return 'group';
  if (column.base.suppressed) return 'base';
  if (column.base.value === 0) {
    const everyone = column.responses.value;
    return everyone > 0 && !column.notAsked.suppressed && column.notAsked.value === everyone ? 'notAsked' : 'nobody';
  }
  if (!cell || cell.suppressed || cell.percent === null || cell.ciLow === null || cell.ciHigh === null) return 'figure';
  return null;
}

/** One question's groups compared on one answer (`optionKey`, or the default); null without a breakdown or answers. */
export function compareGroups(q: QuestionResult, optionKey?: string | null): Comparison | null {
  const rows = measuredRows(q);
  const groupColumns = q.columns.map((c, j) => ({ c, j })).filter(({ c }) => !c.total);
  if (rows.length === 0 || groupColumns.length === 0) return null;
  const chosen = rows.find((r) => r.key === optionKey) ?? rows.find((r) => r.key === defaultOption(q)) ?? rows[0]!;
  const options = rows.map((r) => ({ key: r.key, label: r.label, notable: notableOn(q, r.key) }));

  const totalIndex = q.columns.findIndex((c) => c.total);
  const all = totalIndex === -1 ? undefined : chosen.cells[totalIndex];
  const allBase = totalIndex === -1 ? undefined : q.columns[totalIndex]!.base;
  const overall =
    all && !all.suppressed && all.percent !== null && all.ciLow !== null && all.ciHigh !== null && allBase && !allBase.suppressed
      ? { percent: all.percent, ciLow: all.ciLow, ciHigh: all.ciHigh, base: allBase.value, notAsked: q.columns[totalIndex]!.notAsked }
      : null;

  const groups: ComparedGroup[] = [];
  const hidden: HiddenGroup[] = [];
  for (const { c, j } of groupColumns) {
    const cell = chosen.cells[j];
    const reason = hiddenReason(q, j, cell);
    if (reason) {
      hidden.push({ key: c.key, label: c.label, reason });
      continue;
    }
    const shown = cell as Shown & { percent: number; ciLow: number; ciHigh: number };
    const base = c.base as { suppressed: false; value: number };
    groups.push({
      key: c.key,
      label: c.label,
      count: shown.count,
      base: base.value,
      notAsked: c.notAsked,
      percent: shown.percent,
      ciLow: shown.ciLow,
      ciHigh: shown.ciHigh,
      ...(shown.notable ? { notable: shown.notable } : {}),
      unsaid: UNSAID.has(c.key),
    });
  }
  // Highest share first; a tie by the narrower interval (the surer figure), then by name.
  groups.sort(
    (a, b) => Number(a.unsaid) - Number(b.unsaid) || b.percent - a.percent || a.ciHigh - a.ciLow - (b.ciHigh - b.ciLow) || a.label.localeCompare(b.label),
  );
  return {
    measure: measureOf(q),
    routed: q.routed ?? false,
    option: options.find((o) => o.key === chosen.key)!,
    options,
    overall,
    groups,
    hidden,
  };
}

/** Where a question stands in the list of "where groups differ". */
export type Standing = 'differs' | 'alike' | 'notCompared';

export interface QuestionOutline {
  key: string;
  text: string;
  part: 'questions' | 'youth' | 'themes';
  measure: Comparison['measure'];
  standing: Standing;
  /** Notable differences, and the most notable of them. */
  notable: number;
  top: NotableDifference | null;
  /** Groups compared on at least one answer. */
  compared: number;
}

/**
 * Every question of a breakdown, the most notable differences first (the most differences, then
 * the smallest p-value), then those where the groups answered alike, then those whose groups
 * could not be compared; survey order within each.
 */
export function outlineQuestions(parts: { part: QuestionOutline['part']; questions: QuestionResult[] }[]): QuestionOutline[] {
  const outlines = parts.flatMap(({ part, questions }) =>
    questions.map((q): QuestionOutline => {
      const compared = q.test?.groupsTested ?? 0;
      return {
        key: q.key,
        text: q.text,
        part,
        measure: measureOf(q),
        standing: q.notable.length > 0 ? 'differs' : compared >= 2 ? 'alike' : 'notCompared',
        notable: q.notable.length,
        top: q.notable[0] ?? null,
        compared,
      };
    }),
  );
  const rank: Record<Standing, number> = { differs: 0, alike: 1, notCompared: 2 };
  const position = new Map(outlines.map((o, i) => [o, i]));
  return [...outlines].sort(
    (a, b) =>
      rank[a.standing] - rank[b.standing] || b.notable - a.notable || (a.top?.pValue ?? 1) - (b.top?.pValue ?? 1) || position.get(a)! - position.get(b)!,
  );
}
