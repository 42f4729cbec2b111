import type { QuestionKind } from '#db/schema';
import { rowOf, type ConsultationIndex } from './index/consultation-index';
import { DIMENSIONS, type Dimension } from './dimensions';
import { createTally, tallyInto, type Tally } from './index/tally';
import { inGroupOrder } from './age-order';

// Raw counts for every closed question, over the counted responses that pass a filter, in
// total and per group of one dimension. Percentages, intervals and suppression are worked out
// from these elsewhere (app/analysis/statistics.ts, disclosure.ts).
//
// Unfiltered, the answer is read off running totals per dimension (rollups.ts), so the page
// everyone opens first costs microseconds. Filtered, one pass picks the rows (and their group),
// then one tight loop per question adds into flat groups x values arrays (tally.ts). Either
// way the total is the sum over groups: every response is in exactly one ("not stated" is one).

/** Codes to keep per dimension; null is "not stated". Dimensions left out are not filtered. */
export type Filter = Partial<Record<Dimension, readonly (string | null)[]>>;

export interface SummaryRequest {
  filter?: Filter;
  breakdown?: Dimension;
}

export interface OptionCount {
  /** null for a rating's values. */
  optionId: number | null;
  key: string;
  /** Responses choosing it (for a ranking: ranking it at all). */
  count: number;
}

export interface RankedItem {
  optionId: number | null;
  key: string;
  ranked: number;
  rankSum: number;
  /** null when nobody ranked it. */
  meanRank: number | null;
  first: number;
  top3: number;
}

export interface QuestionCounts {
  questionId: number;
  key: string;
  kind: QuestionKind;
  /** Responses in the set that answered the question: the base of every percentage. */
  base: number;
  /** Asked the question but gave no answer (asked = base + noAnswer). */
  noAnswer: number;
  /** Not asked: their own earlier answers routed them past the question. Never "no answer". */
  notAsked: number;
  options: OptionCount[];
  ranking?: RankedItem[];
}

export interface Counts {
  responses: number;
  questions: QuestionCounts[];
}

export interface Summary {
  total: Counts;
  /** Only groups with at least one response, in vocabulary order, "not stated" (null) first. */
  breakdown?: { dimension: Dimension; groups: { value: string | null; counts: Counts }[] };
}

/**
 * Rows of counted responses passing the filter, and each one's group. Built as a byte mask, one
 * simple pass per filtered dimension, then compacted: a row-by-row loop over a list of tests
 * was the slowest part of a summary. Exported so coded free text (coded-themes.server.ts)
 * is filtered and grouped by exactly the same rule.
 */
export function selectRows(index: ConsultationIndex, filter: Filter, groupColumn: Uint8Array | null) {
  const n = index.size;
  const mask = index.counted.slice(0, n);
  for (const [dimension, allowed] of allowedCodes(index, filter)) narrow(mask, index.dimensions[dimension], allowed, n);
  const rows = new Int32Array(n);
  let m = 0;
  for (let r = 0; r < n; r++) if (mask[r] === 1) rows[m++] = r;
  const selected = rows.subarray(0, m);
  const groups = new Uint8Array(m);
  if (groupColumn) for (let i = 0; i < m; i++) groups[i] = groupColumn[selected[i]!]!;
  return { rows: selected, groups };
}

/** Per filtered dimension, which one-byte codes pass (1) or not (0). */
function allowedCodes(index: ConsultationIndex, filter: Filter): [Dimension, Uint8Array][] {
  const tests: [Dimension, Uint8Array][] = [];
  for (const d of DIMENSIONS) {
    const values = filter[d];
    if (!values) continue;
    const dictionary = index.coder.dictionaries[d];
    const allowed = new Uint8Array(256);
    for (const v of values) {
      const code = dictionary.find(v);
      if (code >= 0) allowed[code] = 1;
    }
    tests.push([d, allowed]);
  }
  return tests;
}

/**
 * Whether one row is a counted response passing the filter: the same test selectRows makes,
 * for callers that hold a few rows (coded answers) and must not scan them all.
 */
export function rowFilter(index: ConsultationIndex, filter: Filter): (row: number) => boolean {
  const tests = allowedCodes(index, filter).map(([d, allowed]) => [index.dimensions[d], allowed] as const);
  return (row) => index.counted[row] === 1 && tests.every(([codes, allowed]) => allowed[codes[row]!] === 1);
}

/**
 * Whether a response, by id, is counted and passes the filter: for lists beside the figures
 * (a report's quotes) that must hold the same people as the figures.
 */
export function responseFilter(index: ConsultationIndex, filter: Filter): (responseId: number) => boolean {
  const inSelection = rowFilter(index, filter);
  return (responseId) => {
    const row = rowOf(index, responseId);
    return row >= 0 && inSelection(row);
  };
}

function narrow(mask: Uint8Array, codes: Uint8Array, allowed: Uint8Array, n: number): void {
  for (let r = 0; r < n; r++) mask[r] = mask[r]! & allowed[codes[r]!]!;
}

/** The counts of one group (or, with group = -1, of all groups added up). */
function countsOf(tallies: Tally[], responses: number, group: number, groupCount: number): Counts {
  const at = (a: Int32Array | Float64Array | undefined, width: number, j: number) => {
    if (!a) return 0;
    if (group >= 0) return a[group * width + j]!;
    let sum = 0;
    for (let g = 0; g < groupCount; g++) sum += a[g * width + j]!;
    return sum;
  };
  const questions = tallies.map(({ column, width, counts, notAsked: skipped, rankSum, first, top3 }): QuestionCounts => {
    // Column 0 holds everyone without an answer; those not asked are taken out of it.
    const notAsked = at(skipped, 1, 0);
    const noAnswer = at(counts, width, 0) - notAsked;
    const options = column.options.map((o, j) => ({ ...o, count: at(counts, width, j + 1) }));
    const summary: QuestionCounts = {
      questionId: column.id,
      key: column.key,
      kind: column.kind,
      base: responses - noAnswer - notAsked,
      noAnswer,
      notAsked,
      options,
    };
    if (column.shape === 'ranking') {
      summary.ranking = column.options.map((o, j) => {
        const ranked = at(counts, width, j + 1);
        const sum = at(rankSum, width, j + 1);
        return { ...o, ranked, rankSum: sum, meanRank: ranked > 0 ? sum / ranked : null, first: at(first, width, j + 1), top3: at(top3, width, j + 1) };
      });
    }
    return summary;
  });
  return { responses, questions };
}

export function summarise(index: ConsultationIndex, request: SummaryRequest = {}): Summary {
  const { filter = {}, breakdown } = request;
  const dictionary = breakdown ? index.coder.dictionaries[breakdown] : null;
  const groupCount = dictionary ? dictionary.size : 1;
  let tallies: Tally[];
  let perGroup: Int32Array;
  if (DIMENSIONS.some((d) => filter[d])) {
    const { rows, groups } = selectRows(index, filter, breakdown ? index.dimensions[breakdown] : null);
    tallies = index.questions.map((q) => {
      const t = createTally(q, groupCount);
      tallyInto(t, rows, groups);
      return t;
    });
    perGroup = new Int32Array(groupCount);
    for (let i = 0; i < groups.length; i++) perGroup[groups[i]!]!++;
  } else {
    // Unfiltered: the running totals already hold every group of every dimension. With no
    // breakdown any dimension's groups add up to the total.
    const rollup = index.rollups[breakdown ?? 'channel'];
    tallies = rollup.tallies;
    perGroup = rollup.responses;
  }
  const summary: Summary = { total: countsOf(tallies, sum(perGroup), -1, perGroup.length) };
  if (breakdown && dictionary) {
    const list = [];
    for (let g = 0; g < groupCount; g++) {
      const n = perGroup[g]!;
      if (n > 0) list.push({ value: dictionary.value(g), counts: countsOf(tallies, n, g, groupCount) });
    }
    summary.breakdown = { dimension: breakdown, groups: inGroupOrder(breakdown, list) };
  }
  return summary;
}

function sum(a: Int32Array): number {
  let total = 0;
  for (const x of a) total += x;
  return total;
}
