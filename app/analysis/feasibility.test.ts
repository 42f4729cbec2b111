import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell, ProtectedTable } from '~/analysis/disclosure';
import { hiddenIntervals } from '~/analysis/feasibility';
import { hiddenBounds, singleTable } from '../../tests/bounds-auditor';

const T = 10;

/** The extended grid of a table: each row with its total, then the column totals and the grand total. */
function extended(cells: number[][]): number[][] {
  const rows = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = (rows[0] ?? []).map((_, j) => rows.reduce((a, row) => a + (row[j] ?? 0), 0));
  return [...rows, totals];
}

/** The table as published with exactly `hidden` (over the extended grid) suppressed. */
function published(grid: number[][], hidden: boolean[][]): ProtectedTable {
  const r = grid.length - 1;
  const c = (grid[0]?.length ?? 1) - 1;
  const cell = (i: number, j: number): Cell => (hidden[i]?.[j] ? { kind: 'suppressed' } : { kind: 'shown', value: grid[i]?.[j] ?? 0 });
  const range = (n: number) => Array.from({ length: n }, (_, k) => k);
  return {
    threshold: T,
    cells: range(r).map((i) => range(c).map((j) => cell(i, j))),
    rowTotals: range(r).map((i) => cell(i, c)),
    columnTotals: range(c).map((j) => cell(r, j)),
    grandTotal: cell(r, c),
  };
}

/** The auditor's bounds (HiGHS, exact) in the same shape as hiddenIntervals. */
async function audited(grid: number[][], hidden: boolean[][]) {
  const cells = grid.slice(0, -1).map((row) => row.slice(0, -1));
  const bounds = await hiddenBounds(singleTable(cells, published(grid, hidden)), { exact: true });
  return bounds.map((b) => {
    const [i, j] = b.name.slice(1).split(',').map(Number);
    return { i, j, lower: b.lower, upper: b.upper };
  });
}

// Small counts and zeros (where non-negativity bites) beside big ones.
const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 200 }));
const tables = fc.record({ rows: fc.integer({ min: 1, max: 4 }), columns: fc.integer({ min: 1, max: 5 }) }).chain(({ rows, columns }) =>
  fc.record({
    cells: fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
    hidden: fc.array(fc.array(fc.boolean(), { minLength: columns + 1, maxLength: columns + 1 }), { minLength: rows + 1, maxLength: rows + 1 }),
  }),
);

describe('feasibility intervals by maximum flow', () => {
  it('are exactly the bounds the linear-programming auditor finds, on random tables and hidden patterns', async () => {
    let narrowed = 0;
    await fc.assert(
      fc.asyncProperty(tables, async ({ cells, hidden }) => {
        const grid = extended(cells);
        const ours = hiddenIntervals(grid, hidden);
        expect(ours).toEqual(await audited(grid, hidden));
        narrowed += ours.filter((b) => b.upper !== Infinity && b.upper - b.lower < T - 1).length;
      }),
      { numRuns: 300, seed: 15 },
    );
    expect(narrowed).toBeGreaterThan(50); // the property met tables where non-negativity pins values down
  });

  it('finds the 3 and 4 hidden only with each other between 0 and 7, as the auditor does', () => {
    const grid = extended([
      [3, 4],
      [40, 50],
    ]);
    const hidden = [
      [true, true, false],
      [true, true, false],
      [false, false, false],
    ];
    expect(hiddenIntervals(grid, hidden).map(({ lower, upper }) => [lower, upper])).toEqual([
      [0, 7],
      [0, 7],
      [36, 43],
      [47, 54],
    ]);
  });

  it('pins down the zeros of a line whose hidden values add up to 0', () => {
    const grid = extended([
      [4, 5, 10],
      [0, 0, 30],
    ]);
    const hidden = [
      [true, true, false, false],
      [true, true, false, false],
      [true, true, false, false],
    ];
    expect(hiddenIntervals(grid, hidden).filter(({ i }) => i === 1)).toEqual([
      { i: 1, j: 0, lower: 0, upper: 0 },
      { i: 1, j: 1, lower: 0, upper: 0 },
    ]);
  });

  it('leaves a value hidden whole, every total with it, anything up from 0', () => {
    const grid = extended([[5]]);
    const hidden = grid.map((row) => row.map(() => true));
    expect(hiddenIntervals(grid, hidden).map(({ lower, upper }) => [lower, upper])).toEqual([
      [0, Infinity],
      [0, Infinity],
      [0, Infinity],
      [0, Infinity],
    ]);
  });
});
