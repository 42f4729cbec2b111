import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Count, QuestionResult } from './results-model';
import { protectFamily, type Family, type TabulatedQuestion } from './safe-figures';
import { auditBounds, familyTables } from '../../tests/bounds-auditor';

// Random small breakdowns of questions some were routed past (issue 17): each group has its
// answers, a "no answer" line and a "not asked" line, and the groups' responses are published
// once for the page and again beside every question. Whatever the counts, the protected figures
// must give no hidden figure away by subtraction, and every shown percentage must be of those
// asked who answered.
//
// The audit reads the figures as a reader gets them (the results model). Every figure is named
// (the groups' responses are one figure, however many questions repeat them); one shown anywhere
// is known. The equations are every sum a reader knows holds: All is the sum of the groups, a
// group's responses are its base, "no answer" and "not asked", and where a person gives one
// answer the answers add up to the base. A hidden figure is given away iff its unit vector lies
// in the span of those equations over the hidden figures: found exactly, by fraction-free
// elimination in BigInt to reduced row echelon form, where such a figure's row has no other entry.

type Kind = 'single_choice' | 'multiple_choice';

interface Drawn {
  threshold: number;
  breakdown: boolean;
  sizes: number[];
  /** `route`: questions on one route (a routed section, say) pass by the same people. 0: asked of all. */
  questions: { kind: Kind; route: number; options: number; draws: number[] }[];
}

const DRAWS = 48;

const drawnArb: fc.Arbitrary<Drawn> = fc.record({
  threshold: fc.constantFrom(3, 5, 10),
  breakdown: fc.boolean(),
  // Small groups (under any threshold) beside bigger ones.
  sizes: fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 70 })), { minLength: 1, maxLength: 5 }),
  questions: fc.array(
    fc.record({
      kind: fc.constantFrom<Kind>('single_choice', 'multiple_choice'),
      route: fc.integer({ min: 0, max: 2 }),
      options: fc.integer({ min: 1, max: 3 }),
      draws: fc.array(fc.nat(1000), { minLength: DRAWS, maxLength: DRAWS }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/** The family and its questions' raw counts, every group's lines adding up to its responses. */
function tabulate(drawn: Drawn): { family: Family; questions: TabulatedQuestion[] } {
  const sizes = drawn.breakdown ? drawn.sizes : drawn.sizes.slice(0, 1);
  const family: Family = {
    columns: sizes.map((_, j) => (drawn.breakdown ? { key: `g${j}`, label: `Group ${j}` } : { key: 'all', label: 'All' })),
    responses: sizes,
    breakdown: drawn.breakdown,
    allLabel: 'All',
  };
  const routes = new Map<number, number[]>();
  const questions = drawn.questions.map((d, qi): TabulatedQuestion => {
    let at = 0;
    const draw = (upTo: number) => (upTo <= 0 ? 0 : (d.draws[at++ % DRAWS] ?? 0) % (upTo + 1));
    const counts = Array.from({ length: d.options }, () => new Array<number>(sizes.length).fill(0));
    const noAnswer: number[] = [];
    const notAsked: number[] = routes.get(d.route) ?? sizes.map((size) => (d.route === 0 ? 0 : draw(size)));
    routes.set(d.route, notAsked);
    sizes.forEach((size, j) => {
      // Mostly a few with no answer, sometimes many.
      noAnswer[j] = draw(at % 3 === 0 ? size - notAsked[j]! : Math.min(size - notAsked[j]!, 12));
      let left = size - notAsked[j]! - noAnswer[j]!;
      counts.forEach((row, i) => {
        if (d.kind === 'multiple_choice') row[j] = draw(size - notAsked[j]! - noAnswer[j]!);
        else {
          row[j] = i === counts.length - 1 ? left : draw(left);
          left -= row[j]!;
        }
      });
    });
    return {
      key: `q${qi}`,
      text: `Question ${qi}?`,
      kind: d.kind,
      scale: false,
      hidden: false,
      options: counts.map((_, i) => ({ key: `o${i}`, label: `Option ${i}` })),
      counts,
      noAnswer,
      notAsked,
    };
  });
  return { family, questions };
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

/** The unknowns (columns) that reduced row echelon form pins down: their row has no other entry. */
function determined(matrix: bigint[][], width: number): number[] {
  const m = matrix.map((row) => [...row]);
  const pivots: { row: number; col: number }[] = [];
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
    pivots.push({ row: rank, col });
    rank++;
  }
  return pivots.filter(({ row }) => m[row]!.filter((x) => x !== 0n).length === 1).map(({ col }) => col);
}

interface Published {
  /** Figure name -> its true value. */
  truth: Map<string, number>;
  /** Figure name -> the value shown, for every figure shown somewhere. */
  shown: Map<string, number>;
  hidden: Set<string>;
  /** Each equation: figure name -> coefficient, summing to zero. */
  equations: Map<string, number>[];
}

/** Every figure of the page with its truth, what the reader sees of it, and the sums they know. */
function publish(drawn: Drawn, family: Family, raw: TabulatedQuestion[], responses: Count, results: QuestionResult[]): Published {
  const p: Published = { truth: new Map(), shown: new Map(), hidden: new Set(), equations: [] };
  const see = (name: string, value: Count | { suppressed: false; count: number } | { suppressed: true }, truth: number) => {
    p.truth.set(name, truth);
    if (value.suppressed) p.hidden.add(name);
    else p.shown.set(name, 'value' in value ? value.value : value.count);
  };
  const groups = family.responses.map((_, j) => j);
  const all = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  see('r:all', responses, all(family.responses));

  results.forEach((q, qi) => {
    const t = raw[qi]!;
    // The model's columns: All first in a breakdown, then each group; one column of everyone without.
    const column = (c: number) => (drawn.breakdown ? (c === 0 ? 'all' : String(c - 1)) : 'all');
    const truthOf = (values: readonly number[], c: number) => (column(c) === 'all' ? all(values) : values[Number(column(c))]!);
    const lines = (c: number) => {
      const col = column(c);
      return {
        r: `r:${col}`,
        n: `q${qi}:n:${col}`,
        s: `route${drawn.questions[qi]!.route}:s:${col}`,
        b: `q${qi}:b:${col}`,
        x: t.options.map((_, i) => `q${qi}:x${i}:${col}`),
      };
    };
    q.columns.forEach((c, ci) => {
      const l = lines(ci);
      const r = truthOf(family.responses, ci);
      const n = truthOf(t.noAnswer, ci);
      const s = truthOf(t.notAsked, ci);
      see(l.r, c.responses, r);
      see(l.n, c.noAnswer, n);
      see(l.s, c.notAsked, s);
      see(l.b, c.base, r - n - s);
      q.rows.forEach((row, i) => see(l.x[i]!, row.cells[ci]!, truthOf(t.counts[i]!, ci)));
      p.equations.push(
        new Map([
          [l.b, 1],
          [l.n, 1],
          [l.s, 1],
          [l.r, -1],
        ]),
      );
      if (t.kind === 'single_choice') p.equations.push(new Map([...l.x.map((x): [string, number] => [x, 1]), [l.b, -1]]));
    });
    if (drawn.breakdown) {
      const allLines = lines(0);
      const groupLines = groups.map((j) => lines(j + 1));
      const sums: [string, string[]][] = [
        [allLines.r, groupLines.map((l) => l.r)],
        [allLines.n, groupLines.map((l) => l.n)],
        [allLines.s, groupLines.map((l) => l.s)],
        [allLines.b, groupLines.map((l) => l.b)],
        ...allLines.x.map((x, i): [string, string[]] => [x, groupLines.map((l) => l.x[i]!)]),
      ];
      for (const [total, parts] of sums) p.equations.push(new Map([[total, -1], ...parts.map((part): [string, number] => [part, 1])]));
    }
  });
  return p;
}

/** Hidden figures a reader can work out exactly from what is shown. */
function recoverable(p: Published): string[] {
  // A figure shown in one place and hidden in another is simply known.
  const unknowns = [...p.hidden].filter((name) => !p.shown.has(name));
  const column = new Map(unknowns.map((u, k) => [u, k]));
  const matrix = p.equations
    .map((eq) => {
      const row = new Array<bigint>(unknowns.length).fill(0n);
      for (const [name, coefficient] of eq) {
        const k = column.get(name);
        if (k !== undefined) row[k] = row[k]! + BigInt(coefficient);
      }
      return row;
    })
    .filter((row) => row.some((x) => x !== 0n));
  const found = [...p.hidden].filter((name) => p.shown.has(name)).concat(determined(matrix, unknowns.length).map((k) => unknowns[k]!));
  // A base is no cell of any protected table but a sum of them (the answers, where a person gives
  // one; the responses less "no answer" and "not asked"): hidden when it would say more than what
  // is shown, and worked out from shown answers harmlessly. The cells are what must stay hidden.
  return found.filter((name) => !name.includes(':b:'));
}

const protect = (drawn: Drawn) => {
  const { family, questions } = tabulate(drawn);
  const { responses, questions: results } = protectFamily(family, questions, drawn.threshold);
  return { family, raw: questions, responses, questions: results };
};

describe('a group whose small "no answer" and "not asked" hide each other', () => {
  it('hides an answer beside them too, as a shown base would bound both to 5 together', async () => {
    // Group a: 60 people, 3 not asked, 2 no answer; b: 80 people, 4 not asked, 5 no answer
    // (threshold 10). The small figures cover each other against subtraction, but a's base (55)
    // would say "no answer" and "not asked" add up to 5, and the four of them alone could only
    // trade a few between them: each would be known to within less than "fewer than 10". So an
    // answer of each group is hidden with them, and a's base goes; All keeps everything.
    const family: Family = { columns: ['a', 'b'].map((key) => ({ key, label: key })), responses: [60, 80], breakdown: true, allLabel: 'All' };
    const question: TabulatedQuestion = {
      key: 'size',
      text: 'Size?',
      kind: 'single_choice',
      scale: false,
      hidden: false,
      options: [
        { key: 'small', label: 'Small' },
        { key: 'large', label: 'Large' },
      ],
      counts: [
        [30, 40],
        [25, 31],
      ],
      noAnswer: [2, 5],
      notAsked: [3, 4],
    };
    const [q] = protectFamily(family, [question], 10).questions;
    const a = q!.columns.find((c) => c.key === 'a')!;
    expect(a).toMatchObject({ noAnswer: { suppressed: true }, notAsked: { suppressed: true }, base: { suppressed: true } });
    expect(q!.rows.map((row) => row.cells.filter((cell) => cell.suppressed).length)).toEqual([0, 2]);
    const truth = { counts: question.counts, noAnswer: question.noAnswer, notAsked: question.notAsked, additive: true };
    expect((await auditBounds(familyTables(family.responses, [{ q: q!, truth }], 10))).failures).toEqual([]);
    // And All: 126 asked who answered, of 140.
    expect(q!.columns[0]).toMatchObject({ responses: { suppressed: false, value: 140 }, base: { suppressed: false, value: 126 } });
  });
});

describe('disclosure with a "not asked" line, over random small breakdowns', () => {
  it('gives no hidden figure away by subtraction from totals, group sizes, "not asked" and "no answer"', () => {
    let hiddenNotAsked = 0;
    fc.assert(
      fc.property(drawnArb, (drawn) => {
        const { family, raw, responses, questions } = protect(drawn);
        const p = publish(drawn, family, raw, responses, questions);
        // What is shown is true, and nothing from 1 to the threshold - 1 is shown.
        for (const [name, value] of p.shown) {
          expect(value, name).toBe(p.truth.get(name));
          if (!name.includes(':b:')) expect(value === 0 || value >= drawn.threshold, name).toBe(true);
        }
        expect(recoverable(p)).toEqual([]);
        hiddenNotAsked += [...p.hidden].filter((name) => name.includes(':s:')).length;
      }),
      { numRuns: 400 },
    );
    // The draws really did hide "not asked" figures, so the audit had them to find.
    expect(hiddenNotAsked).toBeGreaterThan(100);
  });

  it('shows percentages only of those asked who answered (or, where that would give away a small "no answer", of everyone asked)', () => {
    fc.assert(
      fc.property(drawnArb, (drawn) => {
        const { family, raw, questions } = protect(drawn);
        questions.forEach((q, qi) => {
          const t = raw[qi]!;
          q.columns.forEach((column, ci) => {
            const group = drawn.breakdown ? (ci === 0 ? null : ci - 1) : 0;
            const truthOf = (values: readonly number[]) => (group === null ? values.reduce((a, b) => a + b, 0) : values[group]!);
            const responses = truthOf(family.responses);
            const asked = responses - truthOf(t.notAsked);
            const answered = asked - truthOf(t.noAnswer);
            if (!column.base.suppressed) expect(column.base.value).toBe(answered);
            // One answer each, every answer shown: they add up to the base, so it is shown, and the
            // percentages with it, even where a small "no answer" and "not asked" hide each other.
            const allAnswersShown = q.rows.every((row) => !row.cells[ci]!.suppressed);
            if (t.kind === 'single_choice' && allAnswersShown && !column.responses.suppressed) expect(column.base.suppressed).toBe(false);
            // Of everyone in the group only where nobody in it was routed past, else of everyone
            // asked, never counting those not asked (the page then says which).
            if (column.percentOf === 'responses') expect(asked).toBe(responses);
            if (column.percentOf === 'asked') expect(column.notAsked).toEqual({ suppressed: false, value: responses - asked });
            // A hidden base loses no percentage while the group's size and its "not asked" are shown.
            if (column.base.suppressed && !column.responses.suppressed && !column.notAsked.suppressed) {
              expect(column.percentOf).toBe(column.notAsked.value === 0 ? 'responses' : 'asked');
            }
            const base = { answered, asked, responses }[column.percentOf];
            q.rows.forEach((row, i) => {
              const cell = row.cells[ci]!;
              if (cell.suppressed || cell.percent === null) return;
              expect(cell.count).toBe(truthOf(t.counts[i]!));
              expect(cell.percent).toBeCloseTo((100 * cell.count) / base, 9);
            });
          });
        });
      }),
      { numRuns: 400 },
    );
  });
});
