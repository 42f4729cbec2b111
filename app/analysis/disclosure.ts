// Statistical disclosure control: the ONE place that decides which counts in a breakdown may be
// shown. Every page, chart, API and export renders a ProtectedTable, never raw counts, and a
// suppressed cell carries no value at all, so a later bug cannot print what was hidden.
//
// Rules (threshold t, default 10):
// - Primary: any count or total from 1 to t-1 is suppressed. A zero is shown: it describes nobody.
//   Except in a small group (a column whose total is small): there a zero would tell that
//   everyone in that small group answered alike, so it is suppressed too. A zero in a small row
//   (an answer few gave, "no answer" of 3 in all) is shown: it says nothing about anyone in its
//   group, and hiding it hid that group's base and percentages for nothing.
// - Secondary: the table is read with its totals as one extended (rows+1)×(columns+1) grid, where
//   every line adds up to its total. A hidden value can be recovered exactly by subtraction iff
//   it lies on no cycle of hidden values (in graph terms: the hidden entries are edges between
//   their row and column, and a recoverable one is a bridge). So we suppress more, cheapest
//   first, until no line has exactly one hidden entry and no hidden entry is a bridge.
// - Intervals: a reader also knows every count is a whole number ≥ 0, and with it can narrow a
//   hidden value even where the sums alone leave it free (a cycle through zeros cannot move; two
//   small values hidden only with each other lie below their sum). The rule, the one
//   tests/bounds-auditor.ts audits (tau-ARGUS's, Hundepool et al. 2012): a primary value x must
//   still be anything from 0 to t-1, as its "fewer than t" label says (room to fall by x and rise
//   by t-1-x), and any other hidden value must not be determined. The room is exact, by maximum
//   flow (feasibility.ts); while a value lacks it we hide the cheapest entry that gives it more
//   (interval-rule.ts). So on one table nothing is worked out, proved present, or narrowed
//   below "fewer than t", whatever the reader does with the shown figures and non-negativity.
// - Then no more than that: the greedy search can hide a value a later choice made unnecessary
//   (a zero beside a big group, a total). Each secondary value is shown again, totals first and
//   then the biggest, when the rest still leaves no bridge and keeps the interval rule, so
//   nothing hidden stays only for show.
// Limits, which the auditor's tests name: tables published side by side are protected together
// by passing shared figures between them (Forced; linked-disclosure.ts, safe-figures.ts), and
// their audit passes for questions whose answers add up. Two cases still narrow: where people
// give several answers, each line is protected on its own with each answer's ceiling (at most
// those who answered), and a ceiling set by another line's shown figure can still narrow a hidden
// one; and the ward/committee/overall tables, each keeping the rule, can narrow a figure they
// share when a ward has a handful of responses (HiTaS's known limit: room in each table that the
// two cannot use at once). Requiring shared figures to keep t-1 of room in every table closed
// it in tests but hid 70% of the area pages' percentages on the demo, so it is not done. An intruder who knows the suppression rules themselves (a hidden
// cell in a big group is never a zero) can learn more; that is outside the rule.
import { IntervalRule } from '~/analysis/interval-rule';
import { wilsonInterval, type Interval } from '~/analysis/statistics';

export const DEFAULT_DISCLOSURE_THRESHOLD = 10;

export type Cell = { readonly kind: 'shown'; readonly value: number } | { readonly kind: 'suppressed' };

/** Rows are answer options, columns are groups; totals are computed when not given. */
export type CountTable = {
  cells: readonly (readonly number[])[];
  rowTotals?: readonly number[];
  /** The groups' bases: how many in each group answered. */
  columnTotals?: readonly number[];
  grandTotal?: number;
};

/** Entries to hide whatever their value, marked in the shape of the table (absent: none). */
export type Marks = {
  cells?: readonly (readonly boolean[])[];
  rowTotals?: readonly boolean[];
  columnTotals?: readonly boolean[];
  grandTotal?: boolean;
};

/**
 * Figures another table hides (tables published side by side share them, see linked-disclosure.ts
 * and safe-figures.ts). `hidden`: hide it, and let nothing here work it out; `small`: hide it and
 * protect it as a small value (a figure of a group too small to show).
 */
export type Forced = {
  hidden?: Marks;
  small?: Marks;
  /**
   * The most each cell could be, where a reader knows more than the sums: where people give
   * several answers, each answer is at most those who answered. Without it a figure could look
   * free to rise further than it can.
   */
  ceilings?: readonly (readonly (number | undefined)[])[];
};

export type ProtectedTable = {
  readonly threshold: number;
  readonly cells: readonly (readonly Cell[])[];
  readonly rowTotals: readonly Cell[];
  readonly columnTotals: readonly Cell[];
  readonly grandTotal: Cell;
};

export type Percentage =
  | { readonly kind: 'shown'; readonly proportion: number; readonly interval: Interval }
  | { readonly kind: 'suppressed' }
  // Nobody in the base: there is no percentage to show, and nobody to protect.
  | { readonly kind: 'no-base' };

const SUPPRESSED: Cell = Object.freeze({ kind: 'suppressed' });
const shown = (value: number): Cell => Object.freeze({ kind: 'shown', value });
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Decide, for every cell and total, whether it is shown or suppressed. */
export function protectTable(table: CountTable, threshold = DEFAULT_DISCLOSURE_THRESHOLD, forced: Forced = {}): ProtectedTable {
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError('threshold must be a whole number ≥ 1');
  // The same table comes back often: tables that share figures are protected again until none
  // hides more (safe-figures.ts, linked-disclosure.ts), most of them unchanged, and each results
  // page asks again. The answer depends on the input alone and is frozen, so it is kept.
  const key = JSON.stringify([table.cells, table.rowTotals, table.columnTotals, table.grandTotal, threshold, forced]);
  const known = remembered.get(key);
  if (known) return known;
  const result = protect(table, threshold, forced);
  if (remembered.size >= REMEMBERED) remembered.clear();
  remembered.set(key, result);
  return result;
}

// Enough for every table of a few results pages (a page of 40 questions protects a few hundred).
const REMEMBERED = 2000;
const remembered = new Map<string, ProtectedTable>();

function protect(table: CountTable, threshold: number, forced: Forced): ProtectedTable {
  const grid = extendedGrid(table);
  const marked = (marks: Marks | undefined) => {
    const r = grid.length - 1;
    const c = (grid[0]?.length ?? 1) - 1;
    return grid.map((row, i) =>
      row.map((_, j) => (i < r ? (j < c ? marks?.cells?.[i]?.[j] : marks?.rowTotals?.[i]) : j < c ? marks?.columnTotals?.[j] : marks?.grandTotal) === true),
    );
  };
  const small = marked(forced.small);
  const alsoHidden = marked(forced.hidden);
  // Primary: what is sensitive here and must keep "fewer than t" of room.
  const primary = primarySuppression(grid, threshold).map((row, i) => row.map((isSmall, j) => isSmall || small[i]?.[j] === true));
  // Secondary values may be shown again; what another table hides may not.
  const fixed = primary.map((row, i) => row.map((isPrimary, j) => isPrimary || alsoHidden[i]?.[j] === true));
  const hidden = fixed.map((row) => [...row]);
  secondarySuppression(grid, hidden);
  const rule = new IntervalRule(grid, hidden, primary, threshold, forced.ceilings);
  const unrepairable = rule.widen(byCost(grid));
  showWhatNeedNotBeHidden(grid, hidden, fixed, rule, unrepairable);

  const r = grid.length - 1;
  const c = (grid[0]?.length ?? 1) - 1;
  const cell = (i: number, j: number) => (hidden[i]?.[j] ? SUPPRESSED : shown(grid[i]?.[j] ?? 0));
  const range = (length: number) => Array.from({ length }, (_, k) => k);
  return Object.freeze({
    threshold,
    cells: Object.freeze(range(r).map((i) => Object.freeze(range(c).map((j) => cell(i, j))))),
    rowTotals: Object.freeze(range(r).map((i) => cell(i, c))),
    columnTotals: Object.freeze(range(c).map((j) => cell(r, j))),
    grandTotal: cell(r, c),
  });
}

/** A percentage is shown only when its count and its base are both shown. */
export function percentageOf(count: Cell, base: Cell): Percentage {
  if (count.kind === 'suppressed' || base.kind === 'suppressed') return { kind: 'suppressed' };
  if (base.value === 0) return { kind: 'no-base' };
  const interval = wilsonInterval(Math.min(count.value, base.value), base.value);
  if (!interval) return { kind: 'no-base' };
  return { kind: 'shown', proportion: count.value / base.value, interval };
}

/** Each cell as a percentage of its group (column) base, the usual "what we heard" view. */
export function columnPercentages(table: ProtectedTable): Percentage[][] {
  return table.cells.map((row) => row.map((count, j) => percentageOf(count, table.columnTotals[j] ?? SUPPRESSED)));
}

function extendedGrid({ cells, rowTotals, columnTotals, grandTotal }: CountTable): number[][] {
  const width = cells[0]?.length ?? 0;
  if (cells.some((row) => row.length !== width)) throw new RangeError('every row needs one count per group');
  const columnSums = Array.from({ length: width }, (_, j) => sum(cells.map((row) => row[j] ?? 0)));
  const rows = rowTotals ?? cells.map((row) => sum(row));
  const columns = columnTotals ?? columnSums;
  if (rows.length !== cells.length || columns.length !== width) throw new RangeError('totals do not match the table');
  const grid = [...cells.map((row, i) => [...row, rows[i] ?? 0]), [...columns, grandTotal ?? sum(columns)]];
  for (const value of grid.flat()) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`counts must be whole numbers ≥ 0, got ${value}`);
  }
  return grid;
}

function primarySuppression(grid: number[][], threshold: number): boolean[][] {
  const small = (value: number) => value > 0 && value < threshold;
  const r = grid.length - 1;
  const smallColumn = (grid[r] ?? []).map(small);
  return grid.map((row) => row.map((value, j) => small(value) || (value === 0 && smallColumn[j] === true)));
}

type Entry = { i: number; j: number };

// Cheapest first: a cell before a total (a hidden total, a group's size above all, takes every
// percentage of its line away, and a group's size is shared by every question), so a line's
// total before a group's size or the grand total (everyone's), then a non-zero
// value before a zero (a hidden zero next to other hidden values can still be pinned down by
// non-negativity), then a small value before a big one.
// Ties go to the first in reading order, so the same table always gets the same pattern.
function byCost(grid: number[][]): (a: Entry, b: Entry) => number {
  const r = grid.length - 1;
  const c = (grid[0]?.length ?? 1) - 1;
  const cost = ({ i, j }: Entry) => {
    const value = grid[i]?.[j] ?? 0;
    return [i === r ? 2 : j === c ? 1 : 0, value === 0 ? 1 : 0, value, i, j] as const;
  };
  return (a, b) => {
    const x = cost(a);
    const y = cost(b);
    const k = x.findIndex((v, n) => v !== y[n]);
    return k === -1 ? 0 : (x[k] ?? 0) - (y[k] ?? 0);
  };
}

function cheapest(grid: number[][], candidates: Entry[]): Entry | undefined {
  const order = byCost(grid);
  let best: Entry | undefined;
  for (const entry of candidates) {
    if (!best || order(entry, best) < 0) best = entry;
  }
  return best;
}

function secondarySuppression(grid: number[][], hidden: boolean[][]): void {
  const rows = grid.length;
  const columns = grid[0]?.length ?? 0;
  const isHidden = (i: number, j: number) => hidden[i]?.[j] === true;
  const hide = ({ i, j }: Entry) => {
    (hidden[i] as boolean[])[j] = true;
  };

  for (;;) {
    // A line with a single hidden entry gives it away by subtraction: hide its cheapest neighbour.
    let changed = false;
    for (let i = 0; i < rows; i++) {
      const row = Array.from({ length: columns }, (_, j) => ({ i, j }));
      if (row.filter((e) => isHidden(e.i, e.j)).length === 1) {
        const pick = cheapest(
          grid,
          row.filter((e) => !isHidden(e.i, e.j)),
        );
        if (pick) {
          hide(pick);
          changed = true;
        }
      }
    }
    for (let j = 0; j < columns; j++) {
      const column = Array.from({ length: rows }, (_, i) => ({ i, j }));
      if (column.filter((e) => isHidden(e.i, e.j)).length === 1) {
        const pick = cheapest(
          grid,
          column.filter((e) => !isHidden(e.i, e.j)),
        );
        if (pick) {
          hide(pick);
          changed = true;
        }
      }
    }
    if (changed) continue;

    // Every line now has 0 or ≥2 hidden entries, yet a hidden entry joining two otherwise separate
    // groups of hidden entries (a bridge) is still fixed by the equations. Close a cycle through it.
    const bridge = findBridge(hidden);
    if (!bridge) return;
    const sideA = reachable(hidden, { row: bridge.i }, bridge);
    const sideB = reachable(hidden, { column: bridge.j }, bridge);
    const candidates: Entry[] = [];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns; j++) {
        const crosses = (sideA.rows.has(i) && sideB.columns.has(j)) || (sideB.rows.has(i) && sideA.columns.has(j));
        if (crosses && !isHidden(i, j)) candidates.push({ i, j });
      }
    }
    const pick = cheapest(grid, candidates);
    if (!pick) return; // Unreachable after the line rule (each side has a row and a column); never loop forever.
    hide(pick);
  }
}

/** Shows each secondary value again whenever what stays hidden still keeps the rule. */
function showWhatNeedNotBeHidden(grid: number[][], hidden: boolean[][], fixed: boolean[][], rule: IntervalRule, unrepairable: ReadonlySet<string>): void {
  const r = grid.length - 1;
  const c = (grid[0]?.length ?? 1) - 1;
  const secondary: Entry[] = [];
  hidden.forEach((row, i) => row.forEach((isHidden, j) => isHidden && !fixed[i]?.[j] && secondary.push({ i, j })));
  // A total hides a whole line's percentages: try those first, then the values that say most.
  const isTotal = ({ i, j }: Entry) => (i === r || j === c ? 1 : 0);
  const value = ({ i, j }: Entry) => grid[i]?.[j] ?? 0;
  secondary.sort((a, b) => isTotal(b) - isTotal(a) || value(b) - value(a) || a.i - b.i || a.j - b.j);
  for (const entry of secondary) {
    rule.show(entry);
    // The rule holds for what stays hidden, bar what no hiding could help.
    if (findBridge(hidden) || rule.firstFailure(unrepairable)) rule.hide(entry);
  }
}

// Hidden entries as edges of a bipartite graph: row i is vertex i, column j is vertex rows + j.
function edgesOf(hidden: boolean[][]): { rows: number; adjacency: Entry[][] } {
  const rows = hidden.length;
  const columns = hidden[0]?.length ?? 0;
  const adjacency: Entry[][] = Array.from({ length: rows + columns }, () => []);
  hidden.forEach((row, i) =>
    row.forEach((isHidden, j) => {
      if (!isHidden) return;
      // One object in both lists: the bridge search recognises the edge it came in by identity.
      const edge = { i, j };
      adjacency[i]?.push(edge);
      adjacency[rows + j]?.push(edge);
    }),
  );
  return { rows, adjacency };
}

/** The first hidden entry that lies on no cycle of hidden entries (Tarjan's bridge search). */
function findBridge(hidden: boolean[][]): Entry | undefined {
  const { rows, adjacency } = edgesOf(hidden);
  const order = new Array<number>(adjacency.length).fill(-1);
  const low = new Array<number>(adjacency.length).fill(0);
  let counter = 0;
  let found: Entry | undefined;
  const visit = (vertex: number, via: Entry | undefined): void => {
    order[vertex] = low[vertex] = counter++;
    for (const edge of adjacency[vertex] ?? []) {
      if (found) return;
      if (edge === via) continue;
      const next = vertex < rows ? rows + edge.j : edge.i;
      if (order[next] === -1) {
        visit(next, edge);
        low[vertex] = Math.min(low[vertex] ?? 0, low[next] ?? 0);
        if ((low[next] ?? 0) > (order[vertex] ?? 0)) found ??= edge;
      } else {
        low[vertex] = Math.min(low[vertex] ?? 0, order[next] ?? 0);
      }
    }
  };
  for (let v = 0; v < adjacency.length && !found; v++) if (order[v] === -1) visit(v, undefined);
  return found;
}

/** Rows and columns joined to `start` by hidden entries, not crossing `without`. */
function reachable(hidden: boolean[][], start: { row: number } | { column: number }, without: Entry) {
  const { rows, adjacency } = edgesOf(hidden);
  const first = 'row' in start ? start.row : rows + start.column;
  const seen = new Set([first]);
  const queue = [first];
  for (let vertex = queue.pop(); vertex !== undefined; vertex = queue.pop()) {
    for (const edge of adjacency[vertex] ?? []) {
      if (edge.i === without.i && edge.j === without.j) continue;
      const next = vertex < rows ? rows + edge.j : edge.i;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  const all = [...seen];
  return {
    rows: new Set(all.filter((v) => v < rows)),
    columns: new Set(all.filter((v) => v >= rows).map((v) => v - rows)),
  };
}
