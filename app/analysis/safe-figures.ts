import { percentageOf, protectTable, type Cell as DisclosureCell, type ProtectedTable } from './disclosure';
import { HIDDEN, percentBaseOf, type Cell, type Column, type Count, type MeanRank, type OptionRow, type QuestionResult, type RankRow } from './results-model';

// Turns raw counts into the figures a page may show, through protectTable (disclosure.ts), the
// one function that decides. Each question is a table: its answers and a "no answer" row down
// the side, the groups across, each group's responses as the column total. Where a person gives
// one answer, the column adds up to that total and is protected as one table; where they may
// give several, only the rows add up, and each row is protected on its own.
//
// A question some were routed past has a "not asked" row under "no answer" (the two and the
// answers add up to the responses), protected exactly as "no answer" is: a small "not asked"
// can point at a few people as surely as a small "no answer" can. The base of the percentages
// is those asked who answered, responses less both; it is shown when both are, and where a
// person gives one answer, also when every answer is: the answers add up to it, so it tells
// nothing they do not (a small "no answer" and "not asked" can hide each other, and the
// percentages and tests need not go with them).
//
// What is protected together: each page within itself, and a filtered page (an officer's
// filter, on the results page, its JSON twin and the summary export) jointly with its
// complement (everyone the filter leaves out) and the unfiltered figures at the same breakdown,
// the unfiltered page's pattern fixed (complement.ts, through `pinnedFigures` below): a filter
// and its complement, or a filter and the unfiltered page, cannot be subtracted to recover a
// hidden figure (tests/complement-auditor.ts checks it by exact linear algebra). Not protected
// together: two different filters that overlap (paper, and 16-24), nested filters (paper, and
// paper or online: their difference is a third filter), or one filter at two breakdowns; see
// complement.ts. The responses a filter covers are protected like any other count.
//
// Some figures appear in more than one table of the same page: every question repeats the
// groups' responses, and a ranking's three tables (ranked at all, ranked first, in the top 3)
// share their "no answer" row. A figure hidden in one table but shown in another would undo
// the first table's protection, so the shared figures are hidden alike everywhere: a figure one
// table hides is passed to every table that shares it as one protectTable must hide and keep
// from being worked out, until no table hides more.
//
// "Not asked" is such a figure too: the questions on one route (a routed section, say) are
// passed by the same people, so their "not asked" lines are the same figures, and a reader who
// sees them equal in one question would read them into another. Questions whose "not asked"
// lines are equal group by group share what any of them hides of that line, here and in the
// coded themes beside them.

export interface TabulatedQuestion {
  key: string;
  text: string;
  kind: QuestionResult['kind'];
  scale: boolean;
  hidden: boolean;
  options: { key: string; label: string }[];
  /** counts[option][group]: for a ranking, the number who ranked it at all. */
  counts: number[][];
  noAnswer: number[];
  /** Per group, those whose route passed the question by; all zero for an unrouted question. */
  notAsked: number[];
  ranking?: { first: number[][]; top3: number[][]; rankSum: number[][] };
}

export interface Family {
  /** The groups of a breakdown, or one column of everyone. */
  columns: { key: string; label: string }[];
  responses: number[];
  breakdown: boolean;
  allLabel: string;
}

/** Kinds whose answers exclude each other, so add up to the responses with "no answer". */
const ADDITIVE: ReadonlySet<string> = new Set(['single_choice', 'yes_no', 'agree_scale', 'rating']);

/** A line under the answers shared by a question's tables ("no answer", then "not asked"): what any of them hides. */
interface TailForced {
  cells: Set<number>;
  total: boolean;
}

interface Forced {
  totals: Set<number>;
  grand: boolean;
  /** One per line under the answers, in order. */
  tails: TailForced[];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const isHidden = (cell: DisclosureCell | undefined) => cell?.kind !== 'shown';
const shownCell = (value: number): DisclosureCell => ({ kind: 'shown', value });
const SUPPRESSED: DisclosureCell = { kind: 'suppressed' };

/**
 * The name of one figure of a question's tables, for figures another table outside this page
 * hides (a filter's complement, complement.ts): `line` is `count:i`, `first:i` or `top3:i` for
 * the i-th answer, or `noAnswer` / `notAsked` (shared by a ranking's tables); `column` a group's
 * key, or 'all' for everyone (the row totals of a breakdown).
 */
export const figureName = (question: string, line: string, column: string) => `${question}|${line}|${column}`;

/** Whether a figure of one table is hidden elsewhere: row (answers, then the lines under them), column index or 'all'. */
type Pinned = (row: number, column: number | 'all') => boolean;
const NOTHING_PINNED: Pinned = () => false;

/**
 * Answers that exclude each other (one choice, a scale, who ranked what first) add up, with
 * "no answer", to each group's responses: one table with every line's total.
 */
function protectAdditive(
  measure: number[][],
  tails: number[][],
  family: Family,
  forced: Forced,
  threshold: number,
  pinned: Pinned = NOTHING_PINNED,
): ProtectedTable {
  const rows = [...measure, ...tails];
  const tailOf = (i: number) => forced.tails[i - measure.length];
  return protectTable({ cells: rows, columnTotals: family.responses }, threshold, {
    hidden: {
      cells: rows.map((row, i) => row.map((_, j) => (tailOf(i)?.cells.has(j) ?? false) || pinned(i, j))),
      rowTotals: rows.map((_, i) => (tailOf(i)?.total ?? false) || pinned(i, 'all')),
      columnTotals: family.responses.map((_, j) => forced.totals.has(j)),
      grandTotal: forced.grand,
    },
  });
}

/**
 * Answers where a person may pick several (multiple choice, who ranked an item at all or in the
 * top 3, coded themes) do not add up down a group: the only sums are across the groups, so each
 * answer is protected as one row with its total. A group too small to show is hidden whole, as
 * the full table's rule for a small line would, and each of its figures kept to "fewer than t".
 */
function protectRows(
  measure: number[][],
  tails: number[][],
  family: Family,
  forced: Forced,
  threshold: number,
  pinned: Pinned = NOTHING_PINNED,
): ProtectedTable {
  const small = family.responses.map((r) => r > 0 && r < threshold);
  const row = (values: number[], total: boolean, force: (j: number) => boolean, ceiling: (j: number) => number) => {
    const table = protectTable({ cells: [values] }, threshold, {
      small: { cells: [values.map((_, j) => small[j] === true)] },
      hidden: { cells: [values.map((_, j) => force(j))], rowTotals: [total] },
      ceilings: [values.map((_, j) => ceiling(j))],
    });
    return { cells: table.cells[0] ?? [], total: table.rowTotals[0] ?? SUPPRESSED };
  };
  // Each answer is at most those who answered, and so each line under the answers ("no answer",
  // "not asked") at most the responses less the other such lines and the most chosen answer.
  // Where the group's responses are hidden the reader does not know that ceiling (the groups'
  // responses are protected in their own right): none is assumed.
  const under = (j: number) => sum(tails.map((line) => line[j] ?? 0));
  const known = (j: number, ceiling: number) => (forced.totals.has(j) ? Infinity : ceiling);
  const answered = (j: number) => known(j, (family.responses[j] ?? 0) - under(j));
  const most = (j: number) => Math.max(0, ...measure.map((line) => line[j] ?? 0));
  const answers = measure.map((values, i) => row(values, pinned(i, 'all'), (j) => pinned(i, j), answered));
  const lines = tails.map((values, t) =>
    row(
      values,
      forced.tails[t]!.total || pinned(measure.length + t, 'all'),
      (j) => forced.tails[t]!.cells.has(j) || pinned(measure.length + t, j),
      (j) => known(j, (family.responses[j] ?? 0) - (under(j) - (values[j] ?? 0)) - most(j)),
    ),
  );
  const all = [...answers, ...lines];
  return {
    threshold,
    cells: all.map((l) => l.cells),
    rowTotals: all.map((l) => l.total),
    columnTotals: family.responses.map((r, j) => (forced.totals.has(j) ? SUPPRESSED : shownCell(r))),
    grandTotal: forced.grand ? SUPPRESSED : shownCell(sum(family.responses)),
  };
}

/** Adds what a protected table hides of the shared figures to `forced`; true when anything was new. */
function absorb(table: ProtectedTable, forced: Forced, family: boolean): boolean {
  let grew = false;
  const add = (set: Set<number>, j: number) => {
    if (!set.has(j)) {
      set.add(j);
      grew = true;
    }
  };
  if (family) {
    table.columnTotals.forEach((c, j) => isHidden(c) && add(forced.totals, j));
    if (isHidden(table.grandTotal) && !forced.grand) {
      forced.grand = true;
      grew = true;
    }
  } else {
    const first = table.cells.length - forced.tails.length;
    forced.tails.forEach((tail, t) => {
      (table.cells[first + t] ?? []).forEach((c, j) => isHidden(c) && add(tail.cells, j));
      if (isHidden(table.rowTotals[first + t]) && !tail.total) {
        tail.total = true;
        grew = true;
      }
    });
  }
  return grew;
}

const count = (cell: DisclosureCell | undefined): Count => (cell?.kind === 'shown' ? { suppressed: false, value: cell.value } : HIDDEN);

function cellOf(protectedCount: DisclosureCell | undefined, base: Count): Cell {
  if (protectedCount?.kind !== 'shown') return HIDDEN;
  const percentage = percentageOf(protectedCount, base.suppressed ? { kind: 'suppressed' } : { kind: 'shown', value: base.value });
  if (percentage.kind !== 'shown') return { suppressed: false, count: protectedCount.value, percent: null, ciLow: null, ciHigh: null };
  const { proportion, interval } = percentage;
  return { suppressed: false, count: protectedCount.value, percent: proportion * 100, ciLow: interval.lower * 100, ciHigh: interval.upper * 100 };
}

/** The table's figures column by column: "All" first in a breakdown (the row totals), then each group. */
function columnsOf(
  table: ProtectedTable,
  family: Family,
  routed: boolean,
  /** The answers add up to those who answered (one answer each). */
  additive: boolean,
): { column: Column; pick: (row: number) => DisclosureCell | undefined }[] {
  const none = table.cells.length - (routed ? 2 : 1);
  const skipped = routed ? table.cells.length - 1 : -1;
  const make = (
    key: string,
    label: string,
    total: boolean,
    responses: DisclosureCell | undefined,
    noAnswer: DisclosureCell | undefined,
    notAsked: DisclosureCell | undefined,
    answers: readonly (DisclosureCell | undefined)[],
  ): Column => {
    const allShown = responses?.kind === 'shown' && noAnswer?.kind === 'shown' && notAsked?.kind === 'shown';
    const answered = answers.reduce<number | null>((n, a) => (n === null || a?.kind !== 'shown' ? null : n + a.value), 0);
    const base: Count = allShown
      ? { suppressed: false, value: responses.value - noAnswer.value - notAsked.value }
      : additive && responses?.kind === 'shown' && answered !== null
        ? { suppressed: false, value: answered }
        : HIDDEN;
    // Those who answered would give away a hidden "no answer" (the responses are shown): the
    // percentages are then of everyone in the group, which tells nothing the counts do not. Where
    // some were not asked (a shown count), of everyone asked: counting those not asked would
    // count them as saying no.
    const fallback = base.suppressed && responses?.kind === 'shown' && notAsked?.kind === 'shown';
    const percentOf = !fallback ? 'answered' : notAsked.value === 0 ? 'responses' : 'asked';
    return { key, label, total, responses: count(responses), noAnswer: count(noAnswer), notAsked: count(notAsked), base, percentOf };
  };
  const notAskedAt = (line: readonly (DisclosureCell | undefined)[] | undefined, j: number) => (routed ? line?.[j] : shownCell(0));
  const answerRows = table.cells.slice(0, none);
  const groups = family.columns.map((c, j) => ({
    column: make(
      c.key,
      c.label,
      !family.breakdown,
      table.columnTotals[j],
      table.cells[none]?.[j],
      notAskedAt(table.cells[skipped], j),
      answerRows.map((row) => row[j]),
    ),
    pick: (row: number) => table.cells[row]?.[j],
  }));
  if (!family.breakdown) return groups;
  const all = {
    column: make(
      'all',
      family.allLabel,
      true,
      table.grandTotal,
      table.rowTotals[none],
      routed ? table.rowTotals[skipped] : shownCell(0),
      table.rowTotals.slice(0, none),
    ),
    pick: (row: number) => table.rowTotals[row],
  };
  return [all, ...groups];
}

function resultOf(q: TabulatedQuestion, family: Family, tables: ProtectedTable[]): QuestionResult {
  const [main, first, top3] = tables as [ProtectedTable, ...ProtectedTable[]];
  const routed = isRouted(q);
  const columns = columnsOf(main, family, routed, ADDITIVE.has(q.kind) && !q.ranking);
  const rows: OptionRow[] = q.options.map((o, i) => ({ ...o, cells: columns.map(({ column, pick }) => cellOf(pick(i), percentBaseOf(column))) }));
  const result: QuestionResult = {
    key: q.key,
    text: q.text,
    kind: q.kind,
    scale: q.scale,
    hidden: q.hidden,
    routed,
    columns: columns.map((c) => c.column),
    rows,
    notable: [],
  };
  if (q.ranking && first && top3) {
    const firstColumns = columnsOf(first, family, routed, false);
    const top3Columns = columnsOf(top3, family, routed, false);
    const rankSums = q.ranking.rankSum;
    result.ranking = q.options.map((o, i): RankRow => ({
      ...o,
      first: firstColumns.map(({ pick }, j) => cellOf(pick(i), percentBaseOf(columns[j]!.column))),
      top3: top3Columns.map(({ pick }, j) => cellOf(pick(i), percentBaseOf(columns[j]!.column))),
      meanRank: columns.map(({ column, pick }, j): MeanRank => {
        const ranked = pick(i);
        if (ranked?.kind !== 'shown') return HIDDEN;
        // The All column of a breakdown adds every group's rank sum.
        const rankSum = column.total && family.breakdown ? sum(rankSums[i] ?? []) : (rankSums[i]?.[family.breakdown ? j - 1 : j] ?? 0);
        return { suppressed: false, value: ranked.value > 0 ? rankSum / ranked.value : null };
      }),
    }));
  }
  return result;
}

/** What a part of the page hides of the figures other parts share with it. */
export interface HiddenTotals {
  /** Groups whose responses are hidden. */
  totals: ReadonlySet<number>;
  grand: boolean;
  /** Per route (routeOf), the groups whose "not asked" is hidden, and whether its total is. */
  notAsked: ReadonlyMap<string, { cells: ReadonlySet<number>; total: boolean }>;
}

/**
 * Which route a question's "not asked" line belongs to: the questions on one route are passed by
 * the same people, so their lines are equal group by group, as a reader sees. Lines equal by
 * chance are linked too, which only hides a little more.
 */
const routeOf = (q: TabulatedQuestion): string => q.notAsked.join(',');
const hiddenIn = (line: TailForced) => line.cells.size + Number(line.total);

/**
 * Every question of one summary (the same responses, filter and breakdown), protected with
 * the shared figures hidden alike: the responses per group, and the "not asked" of a route.
 */
export function protectFamily(
  family: Family,
  questions: readonly TabulatedQuestion[],
  threshold: number,
  /** What another part of the page hides of the same groups' responses and routes (coded themes beside closed questions). */
  alsoHidden?: HiddenTotals,
  /** Figures (figureName) hidden by tables outside this page that hold them too: they are hidden here alike. */
  pinnedFigures: ReadonlySet<string> = new Set(),
): { responses: Count; questions: QuestionResult[]; hidden: HiddenTotals } {
  // The groups' responses on their own first: a breakdown with no groups (a filter nobody
  // matches) has none, and its zero describes nobody.
  const groups =
    family.responses.length > 0 ? protectTable({ cells: family.responses.map((r) => [r]), columnTotals: [sum(family.responses)] }, threshold) : null;
  const all: DisclosureCell = groups?.columnTotals[0] ?? shownCell(0);
  const shared: Forced = { totals: new Set(), grand: isHidden(all), tails: [] };
  groups?.cells.forEach((row, j) => isHidden(row[0]) && shared.totals.add(j));
  for (const j of alsoHidden?.totals ?? []) shared.totals.add(j);
  if (alsoHidden?.grand) shared.grand = true;
  // Only grows, so the passes below end: at worst every figure of a line is hidden.
  const routes = new Map<string, TailForced>();
  for (const [key, hidden] of alsoHidden?.notAsked ?? []) routes.set(key, { cells: new Set(hidden.cells), total: hidden.total });

  for (;;) {
    let restart = false;
    // A question earlier on a route showed what a later one had to hide: one more pass, once
    // this one has gathered all it can (each pass only adds to what is hidden).
    let again = false;
    const results: QuestionResult[] = [];
    const routesDone = new Set<string>();
    for (const q of questions) {
      const additive = ADDITIVE.has(q.kind);
      const measures: [number[][], boolean, string][] = q.ranking
        ? [
            [q.counts, false, 'count'],
            [q.ranking.first, true, 'first'],
            [q.ranking.top3, false, 'top3'],
          ]
        : [[q.counts, additive, 'count']];
      const route = isRouted(q) ? routeOf(q) : null;
      const tails = route === null ? [q.noAnswer] : [q.noAnswer, q.notAsked];
      // The route's "not asked" is one object, which every question on it protects and adds to.
      const onRoute = route === null ? null : (routes.get(route) ?? { cells: new Set<number>(), total: false });
      if (route !== null && onRoute) routes.set(route, onRoute);
      const hiddenBefore = onRoute ? hiddenIn(onRoute) : 0;
      const forced: Forced = { ...shared, tails: [{ cells: new Set(), total: false }, ...(onRoute ? [onRoute] : [])] };
      let tables: ProtectedTable[];
      for (;;) {
        tables = measures.map(([m, adds, line]) => {
          const pinned: Pinned = (row, column) => {
            if (pinnedFigures.size === 0) return false;
            const name = row < m.length ? `${line}:${row}` : row === m.length ? 'noAnswer' : 'notAsked';
            return pinnedFigures.has(figureName(q.key, name, column === 'all' ? 'all' : (family.columns[column]?.key ?? '')));
          };
          return (adds ? protectAdditive : protectRows)(m, tails, family, forced, threshold, pinned);
        });
        if (tables.some((t) => absorb(t, shared, true))) {
          restart = true;
          break;
        }
        if (!tables.map((t) => absorb(t, forced, false)).some(Boolean)) break;
      }
      if (restart) break;
      if (route !== null && onRoute) {
        if (routesDone.has(route) && hiddenIn(onRoute) > hiddenBefore) again = true;
        routesDone.add(route);
      }
      results.push(resultOf(q, family, tables));
    }
    if (!restart && !again) {
      const hidden: HiddenTotals = { totals: shared.totals, grand: shared.grand, notAsked: routes };
      return { responses: shared.grand ? HIDDEN : count(all), questions: results, hidden };
    }
  }
}

/** Whether anyone in the figures was routed past the question: only then has it a "not asked" line. */
function isRouted(q: TabulatedQuestion): boolean {
  return q.notAsked.some((n) => n > 0);
}
