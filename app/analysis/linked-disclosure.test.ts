import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overallFigure, protectHierarchy, type Hierarchy } from '~/analysis/linked-disclosure';
import { determinedHiddenFigures } from '../../tests/linked-auditor';

const THRESHOLD = 10;

// Stockport Central from issue 15: five wards, Edgeley and Cheadle Heath the small one.
const central: Hierarchy = {
  committees: [
    { key: 'central', wards: [0, 1, 2, 3] },
    { key: 'heatons', wards: [4, 5] },
  ],
  wardResponses: [40, 45, 38, 12, 60, 55],
  questions: [
    {
      key: 'local_shops',
      counts: [
        [13, 14, 11, 8, 20, 22],
        [27, 31, 27, 4, 40, 33],
      ],
    },
  ],
};

/** A hierarchy of random sizes with some wards planted small (1 to 9 responses). */
const hierarchies = (maxCommittees: number, maxWards: number, maxResponses: number) =>
  fc
    .record({
      wardsPerCommittee: fc.array(fc.integer({ min: 1, max: maxWards }), { minLength: 1, maxLength: maxCommittees }),
      lines: fc.integer({ min: 2, max: 5 }),
      questions: fc.integer({ min: 1, max: 3 }),
      seed: fc.integer(),
    })
    .chain(({ wardsPerCommittee, lines, questions }) => {
      const wards = wardsPerCommittee.reduce((a, b) => a + b, 0);
      const responses = fc.array(fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: maxResponses })), { minLength: wards, maxLength: wards });
      return responses.chain((wardResponses) =>
        fc
          .array(
            fc.tuple(...wardResponses.map((r) => fc.array(fc.nat({ max: 100 }), { minLength: lines, maxLength: lines }).map((weights) => split(r, weights)))),
            { minLength: questions, maxLength: questions },
          )
          .map((perQuestion): Hierarchy => {
            let next = 0;
            return {
              committees: wardsPerCommittee.map((n, k) => ({ key: `c${k}`, wards: Array.from({ length: n }, () => next++) })),
              wardResponses,
              questions: perQuestion.map((columns, q) => ({
                key: `q${q}`,
                counts: Array.from({ length: lines }, (_, line) => columns.map((column) => column[line] ?? 0)),
              })),
            };
          }),
      );
    });

/** Splits `total` into lines in proportion to the weights, whole numbers adding up exactly. */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[0] = (parts[0] ?? 0) + total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

const hiddenCount = (tables: ReturnType<typeof protectHierarchy>) =>
  tables.questions.flatMap((q) => [...q.overall, ...q.committees.flat(), ...q.wards.flat()]).filter((c) => c.kind !== 'shown').length;

describe('ward, area committee and overall tables protected together', () => {
  it('hides the small ward and enough beside it that the committee total does not give it away', () => {
    const tables = protectHierarchy(central, THRESHOLD);
    const shops = tables.questions[0]!;
    expect(shops.wards[0]![3]).toEqual({ kind: 'suppressed' });
    expect(shops.committees[0]![0]).toEqual({ kind: 'shown', value: 46 });
    expect(shops.wards[0]!.filter((c) => c.kind !== 'shown').length).toBeGreaterThanOrEqual(2);
    expect(determinedHiddenFigures(central, tables)).toEqual([]);
  });

  it('is what the auditor catches when a ward is protected alone', () => {
    // Hiding only the small ward's cells, as one ward table would, leaves it recoverable.
    const tables = protectHierarchy(central, THRESHOLD);
    const leaky = {
      ...tables,
      questions: tables.questions.map((q) => ({
        ...q,
        wards: q.wards.map((row, line) => row.map((c, w) => (w === 3 ? c : { kind: 'shown' as const, value: central.questions[0]!.counts[line]![w]! }))),
      })),
    };
    expect(determinedHiddenFigures(central, leaky).map((f) => f.name)).toContain('q0:0:w3');
    expect(determinedHiddenFigures(central, leaky).find((f) => f.name === 'q0:0:w3')?.value).toBe(8n);
  });

  it('shows everything when no group is small', () => {
    const big: Hierarchy = {
      ...central,
      wardResponses: [40, 45, 38, 30, 60, 55],
      questions: [
        {
          key: 'q',
          counts: [
            [13, 14, 11, 12, 20, 22],
            [27, 31, 27, 18, 40, 33],
          ],
        },
      ],
    };
    expect(hiddenCount(protectHierarchy(big, THRESHOLD))).toBe(0);
  });

  it('hides an overall figure another page hides, and protects it', () => {
    const tables = protectHierarchy(central, THRESHOLD, [overallFigure(0, 0)]);
    expect(tables.questions[0]!.overall[0]).toEqual({ kind: 'suppressed' });
    expect(determinedHiddenFigures(central, tables)).toEqual([]);
  });

  for (const [label, committees, wards, responses] of [
    ['small', 2, 3, 40],
    ['middling', 4, 4, 200],
    ['large', 8, 5, 1500],
  ] as const) {
    it(`leaves no hidden figure determined by all the tables together (${label}, planted small wards)`, () => {
      fc.assert(
        fc.property(hierarchies(committees, wards, responses), (h) => {
          const tables = protectHierarchy(h, THRESHOLD);
          expect(determinedHiddenFigures(h, tables)).toEqual([]);
          // A small ward is always hidden.
          h.wardResponses.forEach((r, w) => {
            if (r > 0 && r < THRESHOLD) expect(tables.responses.wards[w]).toEqual({ kind: 'suppressed' });
          });
        }),
        { numRuns: label === 'large' ? 20 : 80, seed: 1404 },
      );
    });
  }
});
