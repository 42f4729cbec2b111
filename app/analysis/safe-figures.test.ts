import { describe, expect, it } from 'vitest';
import type { Count, QuestionResult } from './results-model';
import { protectFamily, type Family, type TabulatedQuestion } from './safe-figures';

// One question's figures as a reader gets them (counts, "no answer", responses and bases, for
// every group and for All) audited by exact linear algebra over the rationals: the hidden values
// are the unknowns, every sum the table implies is an equation, and a hidden value is given
// away iff its unit vector lies in the span of those equations. And the percentages a small
// "no answer" used to take away are kept.

const THRESHOLD = 10;

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

/** The rank of an integer matrix, exactly: fraction-free elimination in BigInt, rows kept small by their gcd. */
function exactRank(matrix: readonly (readonly number[])[]): number {
  const m = matrix.map((row) => row.map(BigInt));
  const width = m[0]?.length ?? 0;
  let rank = 0;
  for (let col = 0; col < width && rank < m.length; col++) {
    const pivot = m.findIndex((row, i) => i >= rank && row[col] !== 0n);
    if (pivot === -1) continue;
    [m[rank], m[pivot]] = [m[pivot]!, m[rank]!];
    const p = m[rank]!;
    for (let i = 0; i < m.length; i++) {
      if (i === rank || m[i]![col] === 0n) continue;
      const f = m[i]![col]!;
      let row = m[i]!.map((x, k) => x * p[col]! - f * p[k]!);
      const g = row.reduce((a, x) => gcd(a, x), 0n);
      if (g > 1n) row = row.map((x) => x / g);
      m[i] = row;
    }
    rank++;
  }
  return rank;
}

type Unknown = string;

/** The hidden values of one protected question that its shown figures determine exactly. */
function determinedHidden(q: QuestionResult, additive: boolean): Unknown[] {
  const unknowns: Unknown[] = [];
  const terms: { name: Unknown; hidden: boolean }[][] = [];
  const cellName = (i: number, j: number) => `x${i},${j}`;
  const mark = (name: Unknown, hidden: boolean) => {
    if (hidden && !unknowns.includes(name)) unknowns.push(name);
    return { name, hidden };
  };
  const width = q.columns.length;
  const groups = Array.from({ length: width - 1 }, (_, g) => g + 1);
  const sign = new Map<string, number>();
  const equation = (plus: { name: Unknown; hidden: boolean }[], minus: { name: Unknown; hidden: boolean }[]) => {
    minus.forEach((t) => sign.set(`${terms.length}:${t.name}`, -1));
    terms.push([...plus, ...minus]);
  };
  const x = (i: number, j: number) => mark(cellName(i, j), q.rows[i]!.cells[j]!.suppressed);
  const n = (j: number) => mark(`n${j}`, q.columns[j]!.noAnswer.suppressed);
  const r = (j: number) => mark(`r${j}`, q.columns[j]!.responses.suppressed);
  // Column 0 is All: each group's figures add up to it.
  q.rows.forEach((_, i) =>
    equation(
      groups.map((g) => x(i, g)),
      [x(i, 0)],
    ),
  );
  equation(
    groups.map((g) => n(g)),
    [n(0)],
  );
  equation(
    groups.map((g) => r(g)),
    [r(0)],
  );
  for (let j = 0; j < width; j++) {
    // One answer each: the answers and "no answer" add up to the responses.
    if (additive) equation([...q.rows.map((_, i) => x(i, j)), n(j)], [r(j)]);
    // A shown base is the responses less "no answer": one more equation, whatever the kind.
    if (!q.columns[j]!.base.suppressed) equation([r(j)], [n(j)]);
  }
  const matrix = terms.map((eq, e) =>
    unknowns.map((u) => eq.filter((t) => t.name === u && t.hidden).reduce((s, t) => s + (sign.get(`${e}:${t.name}`) ?? 1), 0)),
  );
  if (unknowns.length === 0) return [];
  const base = exactRank(matrix);
  return unknowns.filter((_, k) => exactRank([...matrix, unknowns.map((__, m) => (m === k ? 1 : 0))]) === base);
}

function randomQuestion(rand: () => number, kind: 'single_choice' | 'multiple_choice'): { family: Family; question: TabulatedQuestion } {
  const groups = 2 + Math.floor(rand() * 5);
  const options = 2 + Math.floor(rand() * 4);
  // Groups of every size, a small one planted in most tables.
  const responses = Array.from({ length: groups }, (_, j) => (j === 0 && rand() < 0.7 ? 1 + Math.floor(rand() * 9) : Math.floor(rand() * 150)));
  const noAnswer = responses.map((size) => Math.min(size, rand() < 0.5 ? Math.floor(rand() * 12) : 0));
  const counts = Array.from({ length: options }, () => new Array<number>(groups).fill(0));
  responses.forEach((size, j) => {
    const answered = size - noAnswer[j]!;
    if (kind === 'single_choice') {
      for (let p = 0; p < answered; p++) counts[Math.floor(rand() * options)]![j]! += 1;
    } else {
      for (const row of counts) row[j] = Math.floor(rand() * (answered + 1));
    }
  });
  const family: Family = { columns: responses.map((_, j) => ({ key: `g${j}`, label: `Group ${j}` })), responses, breakdown: true, allLabel: 'All' };
  const question: TabulatedQuestion = {
    key: 'q',
    text: 'Q?',
    kind,
    scale: false,
    hidden: false,
    options: counts.map((_, i) => ({ key: `o${i}`, label: `Option ${i}` })),
    counts,
    noAnswer,
    notAsked: noAnswer.map(() => 0),
  };
  return { family, question };
}

const shownValue = (c: Count) => (c.suppressed ? null : c.value);

describe('one question protected with its totals and group sizes', () => {
  it.each(['single_choice', 'multiple_choice'] as const)('leaves no hidden value determined, by exact linear algebra, in 400 random %s tables', (kind) => {
    const rand = random(kind === 'single_choice' ? 15 : 51);
    let hidden = 0;
    for (let k = 0; k < 400; k++) {
      const { family, question } = randomQuestion(rand, kind);
      const [q] = protectFamily(family, [question], THRESHOLD).questions;
      expect(determinedHidden(q!, kind === 'single_choice'), `table ${k}`).toEqual([]);
      for (const column of q!.columns) {
        // A percentage is of something shown, so it gives nothing away by itself.
        const of = column.percentOf === 'responses' ? column.responses : column.base;
        for (const row of q!.rows) {
          const cell = row.cells[q!.columns.indexOf(column)]!;
          if (!cell.suppressed && cell.percent !== null) {
            expect(of.suppressed).toBe(false);
            expect(cell.percent).toBeCloseTo((100 * cell.count) / shownValue(of)!, 9);
          }
          if (!cell.suppressed) expect(cell.count === 0 || cell.count >= THRESHOLD).toBe(true);
        }
        hidden += q!.rows.filter((r) => r.cells[q!.columns.indexOf(column)]!.suppressed).length;
      }
    }
    expect(hidden).toBeGreaterThan(300); // the planted small groups really were protected
  });

  it('keeps a group’s percentages when its "no answer" is small: they are of all its responses', () => {
    const family: Family = { columns: ['a', 'b', 'c'].map((key) => ({ key, label: key })), responses: [85, 120, 60], breakdown: true, allLabel: 'All' };
    const question: TabulatedQuestion = {
      key: 'library',
      text: 'Library?',
      kind: 'single_choice',
      scale: false,
      hidden: false,
      options: [
        { key: 'yes', label: 'Yes' },
        { key: 'no', label: 'No' },
      ],
      counts: [
        [50, 70, 30],
        [32, 50, 25],
      ],
      noAnswer: [3, 0, 5],
      notAsked: [0, 0, 0],
    };
    const [q] = protectFamily(family, [question], THRESHOLD).questions;
    const [, a, b, c] = q!.columns;
    // b's "no answer" of 0 in a group of 120 is shown, with its base and percentages of those who answered.
    expect(b).toMatchObject({ noAnswer: { suppressed: false, value: 0 }, base: { suppressed: false, value: 120 }, percentOf: 'answered' });
    // a and c hide their small "no answer", and so their base, but not their percentages.
    expect(a).toMatchObject({ noAnswer: { suppressed: true }, base: { suppressed: true }, percentOf: 'responses' });
    expect(c).toMatchObject({ noAnswer: { suppressed: true }, percentOf: 'responses' });
    // One answer in each of them is hidden too, or it would give "no answer" away; the other keeps its percentage.
    for (const [j, size] of [
      [1, 85],
      [3, 60],
    ] as const) {
      const shown = q!.rows.map((row) => row.cells[j]!).filter((cell) => !cell.suppressed);
      expect(shown).toHaveLength(1);
      for (const cell of shown) if (!cell.suppressed) expect(cell.percent).toBeCloseTo((100 * cell.count) / size, 9);
    }
    expect(determinedHidden(q!, true)).toEqual([]);
  });
});
