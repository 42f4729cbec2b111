import { describe, expect, it } from 'vitest';
import { oneProportionTest } from './statistics';

// The one-sample test of a proportion, worked out by hand: z = (x/n − p0) / √(p0(1 − p0)/n),
// two-sided p = P(|Z| ≥ |z|), which is R's prop.test(x, n, p0, correct = FALSE).

describe('oneProportionTest', () => {
  it('30 out of 200 against an expected 25%: z = −0.1/√(0.1875/200) = −3.26599, p = 0.0010908', () => {
    const result = oneProportionTest(30, 200, 0.25)!;
    expect(result.method.code).toBe('one-proportion-z');
    expect(result.z).toBeCloseTo(-3.265986, 5);
    // chi-square form: (30 − 50)²/50 + (170 − 150)²/150 = 8 + 2.667 = 10.667 on 1 degree of freedom.
    expect(result.z ** 2).toBeCloseTo(10.666667, 5);
    expect(result.pValue).toBeCloseTo(0.0010908, 6);
    expect(result.expectedBelow5).toBe(false);
  });

  it('52 out of 100 against a half is no surprise: z = 0.4, p = 0.68916', () => {
    const result = oneProportionTest(52, 100, 0.5)!;
    expect(result.z).toBeCloseTo(0.4, 10);
    expect(result.pValue).toBeCloseTo(0.6891565, 6);
  });

  it('says when the expected count is under 5 (200 people, a group of 2% expects 4)', () => {
    expect(oneProportionTest(0, 200, 0.02)!.expectedBelow5).toBe(true);
    expect(oneProportionTest(0, 250, 0.02)!.expectedBelow5).toBe(false);
  });

  it('has nothing to test with nobody asked, or a share of 0 or 1', () => {
    expect(oneProportionTest(0, 0, 0.3)).toBeNull();
    expect(oneProportionTest(0, 10, 0)).toBeNull();
    expect(oneProportionTest(10, 10, 1)).toBeNull();
  });

  it('refuses counts that cannot be', () => {
    expect(() => oneProportionTest(11, 10, 0.5)).toThrow(RangeError);
    expect(() => oneProportionTest(1.5, 10, 0.5)).toThrow(RangeError);
    expect(() => oneProportionTest(1, 10, 1.2)).toThrow(RangeError);
  });
});
