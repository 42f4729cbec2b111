import { describe, expect, it } from 'vitest';
import { chiSquareTest, chiSquareUpperTail, fisherExactTest, holmAdjust, holmMethod, twoProportionTest, wilsonInterval } from '~/analysis/statistics';

// A seeded generator, so a failing random case can be replayed.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (rand: () => number, max: number) => Math.floor(rand() * (max + 1));

describe('wilsonInterval', () => {
  // Newcombe (1998), Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score, no
  // continuity correction); the same values from scipy's binomtest(...).proportion_ci('wilson').
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i → [%f, %f]', (successes, n, lower, upper) => {
    const interval = wilsonInterval(successes, n);
    expect(interval?.lower).toBeCloseTo(lower, 4);
    expect(interval?.upper).toBeCloseTo(upper, 4);
  });

  it('is null when nobody answered, and pinned to 1 at 100%', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(20, 20)).toEqual({ lower: expect.closeTo(1 - 0.1611, 4), upper: 1 });
  });

  it('widens with the confidence level (99% uses z = 2.5758)', () => {
    const at95 = wilsonInterval(81, 263)!;
    const at99 = wilsonInterval(81, 263, 0.99)!;
    expect(at99.lower).toBeLessThan(at95.lower);
    expect(at99.upper).toBeGreaterThan(at95.upper);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
  });

  it('on 1,000 random proportions: contains p̂, stays in [0, 1], and each inner bound solves the score equation', () => {
    const rand = random(5);
    const z = 1.959963984540054;
    for (let k = 0; k < 1000; k++) {
      const n = 1 + int(rand, 2000);
      const s = int(rand, n);
      const p = s / n;
      const { lower, upper } = wilsonInterval(s, n)!;
      expect(0 <= lower && lower <= p && p <= upper && upper <= 1).toBe(true);
      // By definition a Wilson bound b satisfies |p̂ − b| = z·√(b(1 − b)/n).
      for (const bound of [lower, upper]) {
        if (bound > 0 && bound < 1) {
          expect(Math.abs(p - bound) / Math.sqrt((bound * (1 - bound)) / n)).toBeCloseTo(z, 6);
        }
      }
    }
  });
});

describe('chiSquareTest', () => {
  it("matches R's ?chisq.test example (Agresti 2007, party by gender): X² = 30.07, df = 2, p = 2.954e-07", () => {
    const result = chiSquareTest([
      [762, 327, 468],
      [484, 239, 477],
    ])!;
    expect(result.statistic).toBeCloseTo(30.0701, 3);
    expect(result.degreesOfFreedom).toBe(2);
    expect(result.pValue).toBeCloseTo(2.9536e-7, 10);
    expect(result).toMatchObject({ expectedBelow5: false, valid: true, method: { code: 'chi-square-independence' } });
  });

  it('gives textbook critical values their 5% tail', () => {
    // Chi-square table 0.95 quantiles: df 1 → 3.841459, df 2 → 5.991465, df 10 → 18.307038.
    expect(chiSquareUpperTail(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareUpperTail(5.991465, 2)).toBeCloseTo(0.05, 6);
    expect(chiSquareUpperTail(18.307038, 10)).toBeCloseTo(0.05, 6);
  });

  it('drops empty rows and columns, and is null when nothing is left to compare', () => {
    const withEmpties = chiSquareTest([
      [762, 0, 327, 468],
      [0, 0, 0, 0],
      [484, 0, 239, 477],
    ])!;
    expect(withEmpties.degreesOfFreedom).toBe(2);
    expect(withEmpties.statistic).toBeCloseTo(30.0701, 3);
    expect(chiSquareTest([[5, 7]])).toBeNull();
    expect(chiSquareTest([[5], [7]])).toBeNull();
    expect(chiSquareTest([])).toBeNull();
  });

  it('flags small expected counts and Cochran’s rule', () => {
    const small = chiSquareTest([
      [3, 1],
      [1, 3],
    ])!;
    expect(small).toMatchObject({ expectedBelow5: true, valid: false });
    // Identical rows: no association at all.
    expect(
      chiSquareTest([
        [10, 20],
        [10, 20],
      ]),
    ).toMatchObject({ statistic: 0, pValue: 1 });
  });

  it('on random 2×2 tables equals the two-proportion z-test (X² = z², same p)', () => {
    const rand = random(7);
    for (let k = 0; k < 300; k++) {
      const n1 = 20 + int(rand, 500);
      const n2 = 20 + int(rand, 500);
      const x1 = 5 + int(rand, n1 - 10);
      const x2 = 5 + int(rand, n2 - 10);
      const chi = chiSquareTest([
        [x1, n1 - x1],
        [x2, n2 - x2],
      ])!;
      const prop = twoProportionTest(x1, n1, x2, n2);
      if (!prop || !('z' in prop)) continue;
      expect(chi.statistic).toBeCloseTo(prop.z ** 2, 8);
      expect(chi.pValue).toBeCloseTo(prop.pValue, 10);
    }
  });
});

describe('twoProportionTest', () => {
  it('15/50 against 25/50: z = −2.0412, p = 0.04123 (R: prop.test(c(15, 25), c(50, 50), correct = FALSE))', () => {
    // By hand: pooled p = 0.4, se = √(0.4·0.6·(1/50 + 1/50)) = 0.09798, z = (0.3 − 0.5)/0.09798.
    const result = twoProportionTest(15, 50, 25, 50);
    expect(result).toMatchObject({ method: { code: 'two-proportion-z' } });
    if (!result || !('z' in result)) return;
    expect(result.z).toBeCloseTo(-2.0412, 4);
    expect(result.pValue).toBeCloseTo(0.041227, 6);
  });

  it("falls back to Fisher's exact test when an expected count is under 5 (scipy fisher_exact: p = 0.05728)", () => {
    expect(twoProportionTest(1, 10, 6, 10)).toEqual({
      method: { code: 'fisher-exact' },
      pValue: expect.closeTo(0.0572755, 6),
      because: 'expected-below-5',
    });
  });

  it('is null for an empty group, and finds no difference when everyone agrees', () => {
    expect(twoProportionTest(0, 0, 3, 10)).toBeNull();
    expect(twoProportionTest(40, 40, 60, 60)).toMatchObject({ pValue: 1 });
  });
});

describe('fisherExactTest', () => {
  it("matches R's ?fisher.test examples: tea tasting p = 0.4857, convictions p = 0.0005367", () => {
    expect(
      fisherExactTest([
        [3, 1],
        [1, 3],
      ]),
    ).toBeCloseTo(0.485714, 6);
    expect(
      fisherExactTest([
        [2, 10],
        [15, 3],
      ]),
    ).toBeCloseTo(0.00053672, 8);
  });

  it('on random tables equals a direct sum over all tables with the same margins (log-factorials)', () => {
    const logFactorial = (n: number) => {
      let s = 0;
      for (let i = 2; i <= n; i++) s += Math.log(i);
      return s;
    };
    const logProb = (a: number, b: number, c: number, d: number) =>
      logFactorial(a + b) +
      logFactorial(c + d) +
      logFactorial(a + c) +
      logFactorial(b + d) -
      logFactorial(a + b + c + d) -
      logFactorial(a) -
      logFactorial(b) -
      logFactorial(c) -
      logFactorial(d);
    const rand = random(11);
    for (let k = 0; k < 300; k++) {
      const [a, b, c, d] = [int(rand, 30), int(rand, 30), int(rand, 30), int(rand, 30)];
      const observed = logProb(a, b, c, d);
      let expected = 0;
      for (let x = 0; x <= a + b; x++) {
        const [y, z] = [a + b - x, a + c - x];
        const w = c + d - z;
        if (z < 0 || w < 0) continue;
        const lp = logProb(x, y, z, w);
        if (lp <= observed + 1e-7) expected += Math.exp(lp);
      }
      expect(
        fisherExactTest([
          [a, b],
          [c, d],
        ]),
      ).toBeCloseTo(Math.min(1, expected), 9);
    }
  });
});

describe('holmAdjust', () => {
  it("matches R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), 'holm') and keeps the order given", () => {
    expect(holmAdjust([0.01, 0.02, 0.03, 0.04, 0.05])).toEqual([0.05, 0.08, 0.09, 0.09, 0.09].map((p) => expect.closeTo(p, 12)));
    expect(holmAdjust([0.04, 0.01, 0.5])).toEqual([0.08, 0.03, 0.5].map((p) => expect.closeTo(p, 12)));
    expect(holmAdjust([])).toEqual([]);
    expect(holmAdjust([0.3, 0.9])).toEqual([0.6, 0.9]);
    expect(holmMethod(12)).toEqual({ code: 'holm-correction', count: 12 });
  });

  it('on random p-values equals the definition max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎)', () => {
    const rand = random(13);
    for (let k = 0; k < 500; k++) {
      const p = Array.from({ length: 1 + int(rand, 20) }, () => rand() ** 3);
      const sorted = [...p].sort((x, y) => x - y);
      const m = p.length;
      const byDefinition = p.map((value) => {
        const rank = sorted.indexOf(value);
        return Math.max(...sorted.slice(0, rank + 1).map((q, j) => Math.min(1, (m - j) * q)));
      });
      expect(holmAdjust(p)).toEqual(byDefinition);
    }
  });
});
