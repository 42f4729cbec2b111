import { protectTable, type Cell, type ProtectedTable } from './disclosure';

// Disclosure control for tables published side by side that nest: wards inside area committees,
// committees inside everyone. Each committee's figure is the sum of its wards' and the overall
// figure the sum of the committees', so protecting each table alone is not enough: a committee's
// shown total minus its shown wards gives away a hidden ward (issue 15).
//
// The method is the one tau-ARGUS calls HiTaS: protect every sub-table of the hierarchy with the
// single-table rule (protectTable), each with the figures it shares with its parent as totals, and
// pass what one table hides to every table holding the same figure, as a figure protectTable must
// hide and keep from being worked out (a small one is small in every table that holds it, so it
// keeps its "fewer than t" of room there too), until no table hides anything new.
// The sub-tables, for each question (its answers and its "no answer" down the side, so every
// column adds up to the group's responses):
// - the committee table: answers × committees, with the overall counts as row totals and the
//   committees' responses as column totals;
// - one table per committee: answers × its wards, with the committee's counts as row totals and
//   the wards' responses as column totals.
// The groups' responses are shared by every question, so they are hidden alike in all of them.
// tests/linked-auditor.ts checks the result by exact linear algebra over every published figure.

export interface Hierarchy {
  /** Each committee (or "no committee": wards not stated or unknown) with the indexes of its wards. */
  committees: readonly { key: string; wards: readonly number[] }[];
  /** Responses per ward, in the order the questions' columns are. */
  wardResponses: readonly number[];
  /** Per question, counts[line][ward]: every answer, then "no answer"; each column adds up to the ward's responses. */
  questions: readonly { key: string; counts: readonly (readonly number[])[] }[];
}

export interface LinkedQuestion {
  key: string;
  /** [line]: everyone. */
  overall: Cell[];
  /** [line][committee]. */
  committees: Cell[][];
  /** [line][ward]. */
  wards: Cell[][];
}

export interface LinkedTables {
  threshold: number;
  responses: { overall: Cell; committees: Cell[]; wards: Cell[] };
  questions: LinkedQuestion[];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const SUPPRESSED: Cell = Object.freeze({ kind: 'suppressed' });
const shownCell = (value: number): Cell => Object.freeze({ kind: 'shown', value });

/** Names of the figures one table holds, so every table holding one hides it alike. */
const id = {
  ward: (q: number, line: number, w: number) => `q${q}:${line}:w${w}`,
  committee: (q: number, line: number, k: number) => `q${q}:${line}:c${k}`,
  overall: (q: number, line: number) => `q${q}:${line}:all`,
  wardResponses: (w: number) => `r:w${w}`,
  committeeResponses: (k: number) => `r:c${k}`,
  allResponses: 'r:all',
};

interface Grid {
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  grandTotal: number;
  ids: { cells: string[][]; rowTotals: string[]; columnTotals: string[]; grandTotal: string };
}

function validate({ committees, wardResponses, questions }: Hierarchy): void {
  const wards = committees.flatMap((c) => c.wards);
  if (new Set(wards).size !== wards.length || wards.length !== wardResponses.length || wards.some((w) => w < 0 || w >= wardResponses.length)) {
    throw new RangeError('every ward belongs to exactly one committee');
  }
  for (const q of questions) {
    wardResponses.forEach((responses, w) => {
      if (sum(q.counts.map((line) => line[w] ?? 0)) !== responses) throw new RangeError(`question ${q.key}: a ward's lines do not add up to its responses`);
    });
  }
}

/** The sub-tables of one question: the committee table first, then one per committee. */
function gridsOf(h: Hierarchy, q: number): Grid[] {
  const counts = h.questions[q]?.counts ?? [];
  const lines = counts.map((_, line) => line);
  const committeeCount = (line: number, k: number) => sum((h.committees[k]?.wards ?? []).map((w) => counts[line]?.[w] ?? 0));
  const committeeResponses = (k: number) => sum((h.committees[k]?.wards ?? []).map((w) => h.wardResponses[w] ?? 0));
  const ks = h.committees.map((_, k) => k);
  const top: Grid = {
    cells: lines.map((line) => ks.map((k) => committeeCount(line, k))),
    rowTotals: lines.map((line) => sum(counts[line] ?? [])),
    columnTotals: ks.map(committeeResponses),
    grandTotal: sum(h.wardResponses),
    ids: {
      cells: lines.map((line) => ks.map((k) => id.committee(q, line, k))),
      rowTotals: lines.map((line) => id.overall(q, line)),
      columnTotals: ks.map(id.committeeResponses),
      grandTotal: id.allResponses,
    },
  };
  const subs = h.committees.map((c, k): Grid => ({
    cells: lines.map((line) => c.wards.map((w) => counts[line]?.[w] ?? 0)),
    rowTotals: lines.map((line) => committeeCount(line, k)),
    columnTotals: c.wards.map((w) => h.wardResponses[w] ?? 0),
    grandTotal: committeeResponses(k),
    ids: {
      cells: lines.map((line) => c.wards.map((w) => id.ward(q, line, w))),
      rowTotals: lines.map((line) => id.committee(q, line, k)),
      columnTotals: c.wards.map(id.wardResponses),
      grandTotal: id.committeeResponses(k),
    },
  }));
  return [top, ...subs];
}

function protectGrid(grid: Grid, hidden: ReadonlySet<string>, threshold: number): ProtectedTable {
  const marks = (names: readonly string[]) => names.map((name) => hidden.has(name));
  return protectTable({ cells: grid.cells, rowTotals: grid.rowTotals, columnTotals: grid.columnTotals, grandTotal: grid.grandTotal }, threshold, {
    hidden: {
      cells: grid.ids.cells.map(marks),
      rowTotals: marks(grid.ids.rowTotals),
      columnTotals: marks(grid.ids.columnTotals),
      grandTotal: hidden.has(grid.ids.grandTotal),
    },
  });
}

/** Adds the names of what a protected table hides; true when any was new. */
function absorb(grid: Grid, table: ProtectedTable, hidden: Set<string>): boolean {
  const before = hidden.size;
  const add = (cell: Cell | undefined, name: string | undefined) => {
    if (cell?.kind !== 'shown' && name) hidden.add(name);
  };
  table.cells.forEach((row, i) => row.forEach((cell, j) => add(cell, grid.ids.cells[i]?.[j])));
  table.rowTotals.forEach((cell, i) => add(cell, grid.ids.rowTotals[i]));
  table.columnTotals.forEach((cell, j) => add(cell, grid.ids.columnTotals[j]));
  add(table.grandTotal, grid.ids.grandTotal);
  return hidden.size > before;
}

/**
 * Protects the whole hierarchy jointly. `alreadyHidden` names overall figures another page hides
 * (`overall(question, line)`), so the two pages hide them alike.
 */
export function protectHierarchy(h: Hierarchy, threshold: number, alreadyHidden: Iterable<string> = []): LinkedTables {
  validate(h);
  const hidden = new Set(alreadyHidden);
  const grids = h.questions.map((_, q) => gridsOf(h, q));
  for (let grew = true; grew;) {
    grew = false;
    for (const question of grids) {
      for (const grid of question) {
        if (absorb(grid, protectGrid(grid, hidden, threshold), hidden)) grew = true;
      }
    }
  }
  const value = (name: string, v: number) => (hidden.has(name) ? SUPPRESSED : shownCell(v));
  const committeeTotals = grids[0]?.[0]?.columnTotals ?? h.committees.map((c) => sum(c.wards.map((w) => h.wardResponses[w] ?? 0)));
  return {
    threshold,
    responses: {
      overall: value(id.allResponses, sum(h.wardResponses)),
      committees: committeeTotals.map((v, k) => value(id.committeeResponses(k), v)),
      wards: h.wardResponses.map((v, w) => value(id.wardResponses(w), v)),
    },
    questions: h.questions.map((question, q) => {
      const top = grids[q]?.[0];
      return {
        key: question.key,
        overall: (top?.rowTotals ?? []).map((v, line) => value(id.overall(q, line), v)),
        committees: (top?.cells ?? []).map((row, line) => row.map((v, k) => value(id.committee(q, line, k), v))),
        wards: question.counts.map((row, line) => row.map((v, w) => value(id.ward(q, line, w), v))),
      };
    }),
  };
}

/** The names of an overall figure and of everyone's responses, for `alreadyHidden`. */
export const overallFigure = id.overall;
export const ALL_RESPONSES = id.allResponses;
