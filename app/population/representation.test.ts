import { describe, expect, it } from 'vitest';
import { compareWithPopulation, type GroupInput } from './representation';

// Hand-made figures with answers worked out by hand (z = (x/n − p0)/√(p0(1 − p0)/n), two-sided
// normal p-values, Holm: sort ascending, multiply the k-th smallest by m − k + 1, keep it rising).

const group = (value: string, respondents: number, population: number): GroupInput => ({ value, respondents, population, approximation: null });

describe('comparing respondents with the population', () => {
  it('shares, ratios and the one clear under-representation', () => {
    // Population 500 / 300 / 200 (50%, 30%, 20%); respondents 120 / 60 / 20 of a base of 200,
    // plus 50 who did not say (left out of the base).
    const result = compareWithPopulation([group('a', 120, 500), group('b', 60, 300), group('c', 20, 200)], 50, 10);
    expect(result.total).toEqual({ kind: 'shown', value: 250 });
    expect(result.notCompared).toEqual({ kind: 'shown', value: 50 });
    expect(result.base).toEqual({ kind: 'shown', value: 200 });
    expect(result.comparisons).toBe(3);
    const [a, b, c] = result.rows;
    expect(a!.share).toMatchObject({ kind: 'shown', proportion: 0.6 });
    expect(a!.populationShare).toBe(0.5);
    expect(a!.ratio).toBeCloseTo(1.2, 10);
    expect(b!.ratio).toBeCloseTo(1, 10);
    expect(c!.ratio).toBeCloseTo(0.5, 10);
    // c: z = (0.1 − 0.2)/√(0.16/200) = −3.5355, p = 0.00040695; smallest of 3, so × 3 = 0.0012209.
    expect(c!.pValue).toBeCloseTo(0.0012209, 6);
    // a: z = 2.8284, p = 0.0046777, second smallest, × 2 = 0.0093555; b: z = 0, p = 1.
    expect(a!.pValue).toBeCloseTo(0.0093555, 6);
    expect(b!.pValue).toBe(1);
    // Over-represented is not under-represented: only c is flagged.
    expect(result.rows.map((r) => r.underRepresented)).toEqual([false, false, true]);
  });

  it('a ratio under 0.8 that could be chance is not flagged', () => {
    // 7 of 20 against a half: ratio 0.7, z = −1.3416, p = 0.17971; 13 of 20 has the same p, so
    // Holm makes the smaller 2 × 0.17971 = 0.35942 and the other no smaller.
    const result = compareWithPopulation([group('a', 7, 50), group('b', 13, 50)], 0, 5);
    expect(result.rows[0]!.ratio).toBeCloseTo(0.7, 10);
    expect(result.rows[0]!.pValue).toBeCloseTo(0.35942, 5);
    expect(result.rows[1]!.pValue).toBeCloseTo(0.35942, 5);
    expect(result.rows.map((r) => r.underRepresented)).toEqual([false, false]);
  });

  it('hides small groups (and one more, so the total gives nothing away) but still flags them', () => {
    // Population 45% / 30% / 15% / 10%; respondents 120 / 60 / 20 / 4, base 204, 50 not saying.
    const result = compareWithPopulation([group('a', 120, 450), group('b', 60, 300), group('c', 20, 150), group('d', 4, 100)], 50, 10);
    const [a, b, c, d] = result.rows;
    // d (4) is below 10; c, the next smallest, is hidden so d cannot be found by subtraction.
    expect(d!.respondents).toEqual({ kind: 'suppressed' });
    expect(c!.respondents).toEqual({ kind: 'suppressed' });
    for (const hidden of [c!, d!]) {
      expect(hidden.share).toEqual({ kind: 'suppressed' });
      expect(hidden.ratio).toBeNull();
      expect(hidden.pValue).toBeNull();
    }
    expect(result.base).toEqual({ kind: 'shown', value: 204 });
    expect(a!.share).toMatchObject({ kind: 'shown', proportion: 120 / 204 });
    expect(b!.ratio).toBeCloseTo(60 / 204 / 0.3, 10);
    // d: 4/204 against 10%, z = −3.8274, p = 0.00012949, × 3 = 0.00038846: flagged.
    // c: 20/204 against 15% (ratio 0.654), z = −2.0784, p = 0.037670, × 2 = 0.075339: not.
    expect(result.rows.map((r) => r.underRepresented)).toEqual([false, false, false, true]);
    expect(result.rows.map((r) => r.tested)).toEqual([true, true, true, true]);
  });

  it('does not test a group expected to have fewer than 5 respondents', () => {
    // 0.5% of 790 is 3.95 expected: no test, no flag, even with nobody. The other two are tested.
    const result = compareWithPopulation([group('big', 600, 600), group('mid', 190, 395), group('tiny', 0, 5)], 20, 10);
    expect(result.rows[2]).toMatchObject({ tested: false, pValue: null, underRepresented: false, ratio: 0 });
    expect(result.rows.map((r) => r.tested)).toEqual([true, true, false]);
    expect(result.comparisons).toBe(2);
  });

  it('hides every share when those not compared are too few to show', () => {
    // 3 people did not say: the base (total less 3) would give them away.
    const result = compareWithPopulation([group('a', 100, 50), group('b', 100, 50)], 3, 10);
    expect(result.notCompared).toEqual({ kind: 'suppressed' });
    expect(result.base).toEqual({ kind: 'suppressed' });
    expect(result.rows.every((r) => r.share.kind === 'suppressed' && r.ratio === null)).toBe(true);
  });
});
