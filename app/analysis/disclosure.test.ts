import { describe, expect, it } from 'vitest';
import { type Cell, columnPercentages, percentageOf, protectTable, type ProtectedTable } from '~/analysis/disclosure';

const S = { kind: 'suppressed' } as const;
const v = (value: number) => ({ kind: 'shown', value }) as const;

// The protected table as the (rows+1)×(columns+1) grid a reader sees, totals in the last row/column.
function extended(t: ProtectedTable): Cell[][] {
  return [...t.cells.map((row, i) => [...row, t.rowTotals[i]!]), [...t.columnTotals, t.grandTotal]];
}

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  for (let col = 0; col < (m[0]?.length ?? 0) && r < m.length; col++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[col]!) > 1e-9);
    if (pivot === -1) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![col]! / m[r]![col]!;
      m[i] = m[i]!.map((x, k) => x - f * m[r]![k]!);
    }
    r++;
  }
  return r;
}

// An attacker's view, worked independently of the suppression code: every line of the extended
// grid adds up (cells − total = 0). With the shown values known, a hidden value is recoverable iff
// its unit vector lies in the row space of those equations over the hidden unknowns.
function recoverableHidden(grid: Cell[][]): number {
  const unknowns = grid.flatMap((row, i) => row.flatMap((cell, j) => (cell.kind === 'suppressed' ? [[i, j] as const] : [])));
  const r = grid.length - 1;
  const c = grid[0]!.length - 1;
  const lines = [
    ...grid.map((_, i) => (e: readonly [number, number]) => (e[0] === i ? (e[1] === c ? -1 : 1) : 0)),
    ...grid[0]!.map((_, j) => (e: readonly [number, number]) => (e[1] === j ? (e[0] === r ? -1 : 1) : 0)),
  ];
  const equations = lines.map((line) => unknowns.map(line));
  const base = rank(equations);
  return unknowns.filter((_, k) => rank([...equations, unknowns.map((_, n) => (n === k ? 1 : 0))]) === base).length;
}

describe('protectTable', () => {
  it('hides a small cell and, so it cannot be subtracted out, the cheapest cells closing a rectangle', () => {
    // Options × three wards. The 3 alone would follow from 15 − 12, or from 38 − 20 − 15.
    const result = protectTable({
      cells: [
        [20, 3, 15],
        [30, 12, 25],
      ],
    });
    expect(result.cells).toEqual([
      [v(20), S, S],
      [v(30), S, S],
    ]);
    expect(result.rowTotals).toEqual([v(38), v(67)]);
    expect(result.columnTotals).toEqual([v(50), v(15), v(40)]);
    expect(result.grandTotal).toEqual(v(105));
  });

  it('closes a cycle through a hidden value that only joins two hidden groups (found by the random test below)', () => {
    // "Two hidden per line" alone leaves (3,0)–(3,2)–(4,2) as a chain between two rectangles:
    // each of them follows from the equations. One more cell, (5,4) = 26, puts them on a cycle,
    // after which the 15 the line rule hid at (5,0) protects nothing and is shown again. That
    // cycle alone still let non-negativity prove the 5 at (3,0) and the 6 at (4,3) present (in
    // [3, 15] and [4, 16]): the 27 at (1,2) gives both the room to fall to 0.
    const cells = [
      [17, 37, 64, 33, 41],
      [0, 47, 27, 13, 2],
      [0, 59, 19, 51, 63],
      [5, 0, 10, 37, 32],
      [31, 42, 2, 6, 8],
      [15, 11, 0, 0, 26],
    ];
    const result = protectTable({ cells });
    expect(result.cells.map((row) => row.map((cell) => (cell.kind === 'shown' ? cell.value : 'hidden')))).toEqual([
      ['hidden', 'hidden', 64, 33, 41],
      [0, 47, 'hidden', 'hidden', 'hidden'],
      [0, 59, 19, 51, 63],
      ['hidden', 0, 'hidden', 37, 32],
      [31, 42, 'hidden', 'hidden', 'hidden'],
      [15, 'hidden', 0, 0, 'hidden'],
    ]);
    expect(recoverableHidden(extended(result))).toBe(0);
  });

  it("hides an answer rather than a group's size, which would take every percentage of that group away (issue 15)", () => {
    // Answers and "no answer" down, three groups across, each group's responses as its total. Hiding
    // the 2 needs a partner in its column: the group's 90 responses were once cheaper than the 44s
    // beside it (a zero below cost more), and hid that group's base in every question.
    const result = protectTable({
      cells: [
        [2, 36, 44],
        [44, 0, 52],
        [44, 0, 36],
      ],
      columnTotals: [90, 36, 132],
    });
    expect(result.columnTotals).toEqual([v(90), v(36), v(132)]);
    expect(result.grandTotal).toEqual(v(258));
    expect(result.cells[0]![0]).toEqual(S);
    expect(recoverableHidden(extended(result))).toBe(0);
  });

  it('shows zeros, except in a group too small to show, where they would say "all of them answered alike"', () => {
    const big = protectTable({
      cells: [
        [0, 40],
        [25, 30],
      ],
    });
    expect(big.cells).toEqual([
      [v(0), v(40)],
      [v(25), v(30)],
    ]);

    // Ward B has 4 respondents, all of whom chose option 1; its 0 must not give that away.
    const small = protectTable({
      cells: [
        [30, 4],
        [25, 0],
        [20, 0],
      ],
    });
    expect(small.columnTotals[1]).toEqual(S);
    expect(small.cells.map((row) => row[1])).toEqual([S, S, S]);
    expect(recoverableHidden(extended(small))).toBe(0);
  });

  it('suppresses a base below the threshold and every percentage of it', () => {
    const result = protectTable({
      cells: [
        [40, 5, 30],
        [35, 3, 25],
      ],
    });
    expect(result.columnTotals[1]).toEqual(S);
    expect(columnPercentages(result).map((row) => row[1])).toEqual([S, S]);
    expect(columnPercentages(result)[0]?.[0]).toMatchObject({ kind: 'shown', proportion: 40 / 75 });
  });

  it('keeps no trace of a hidden value in what it returns', () => {
    const result = protectTable({
      cells: [
        [20, 7],
        [30, 12],
      ],
    });
    expect(JSON.stringify(result)).not.toMatch(/"value":7\b/);
    expect(result.cells[0]?.[1]).toEqual({ kind: 'suppressed' });
    expect(Object.isFrozen(result.cells[0])).toBe(true);
    expect(Object.isFrozen(result.cells[0]?.[0])).toBe(true);
  });

  it('takes the threshold from the installation, and given totals over computed ones', () => {
    expect(
      protectTable(
        {
          cells: [
            [20, 7],
            [30, 12],
          ],
        },
        5,
      ).cells,
    ).toEqual([
      [v(20), v(7)],
      [v(30), v(12)],
    ]);
    // A multiple-choice question: bases count people, not ticks, so they are passed in.
    const multi = protectTable({
      cells: [
        [20, 15],
        [30, 12],
      ],
      columnTotals: [40, 20],
      rowTotals: [35, 42],
      grandTotal: 60,
    });
    expect(multi.columnTotals).toEqual([v(40), v(20)]);
    expect(() => protectTable({ cells: [[1, 2], [3]] })).toThrow(RangeError);
    expect(() => protectTable({ cells: [[1.5]] })).toThrow(RangeError);
    expect(() => protectTable({ cells: [[1]] }, 0)).toThrow(RangeError);
  });

  it('leaves an all-safe or empty table untouched', () => {
    expect(
      protectTable({
        cells: [
          [0, 0],
          [0, 0],
        ],
      }).grandTotal,
    ).toEqual(v(0));
    expect(
      protectTable({
        cells: [
          [10, 11],
          [12, 13],
        ],
      })
        .cells.flat()
        .every((cell) => cell.kind === 'shown'),
    ).toBe(true);
  });

  it('on 1,000 random tables with small groups: nothing below 10 shown, no line with one hidden entry, nothing recoverable', () => {
    const rand = random(2024);
    let withSecondary = 0;
    for (let k = 0; k < 1000; k++) {
      const rows = 1 + Math.floor(rand() * 6);
      const columns = 1 + Math.floor(rand() * 6);
      const cells = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => {
          const roll = rand();
          return roll < 0.25 ? 0 : roll < 0.55 ? 1 + Math.floor(rand() * 9) : 10 + Math.floor(rand() * 60);
        }),
      );
      const protectedTable = protectTable({ cells });
      const shownGrid = extended(protectedTable);
      const raw = [...cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)])];
      raw.push(raw[0]!.map((_, j) => raw.reduce((sum, row) => sum + row[j]!, 0)));

      shownGrid.forEach((row, i) =>
        row.forEach((cell, j) => {
          const value = raw[i]![j]!;
          if (cell.kind === 'shown') {
            expect(cell.value).toBe(value);
            expect(value === 0 || value >= 10).toBe(true);
          } else if (value >= 10 || value === 0) {
            withSecondary++;
          }
        }),
      );
      const lines = [...shownGrid, ...shownGrid[0]!.map((_, j) => shownGrid.map((row) => row[j]!))];
      for (const line of lines) expect(line.filter((cell) => cell.kind === 'suppressed').length).not.toBe(1);
      expect(recoverableHidden(shownGrid)).toBe(0);
    }
    expect(withSecondary).toBeGreaterThan(100); // the random tables really exercised secondary suppression
  });
});

describe('percentageOf', () => {
  it('is shown only when both count and base are shown, with its Wilson interval', () => {
    expect(percentageOf(v(81), v(263))).toMatchObject({ kind: 'shown', proportion: 81 / 263, interval: { lower: expect.closeTo(0.2553, 4) } });
    expect(percentageOf(S, v(263))).toEqual(S);
    expect(percentageOf(v(0), S)).toEqual(S);
    expect(percentageOf(v(0), v(0))).toEqual({ kind: 'no-base' });
  });
});
