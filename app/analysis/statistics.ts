// The statistics behind "what we heard": confidence intervals, tests of difference between
// groups and their correction for many comparisons. Pure functions, no database, so every page,
// chart and export computes them the same way. Agreement between coders is in agreement.ts.
//
// Distribution tails come from stdlib (maintained, typed, tested against R and Boost) rather than
// hand-written special functions: the upper regularised incomplete gamma gives chi-square tails
// without the cancellation of `1 - cdf`, so tiny p-values keep their digits.
import gammainc from '@stdlib/math-base-special-gammainc';
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * Codes naming each method in plain words; the UI translates them (e.g. `analysis:method.<code>`,
 * with `count` for the number of comparisons so i18next can pluralise). No UI text lives here.
 */
export type MethodCode =
  'wilson-interval' | 'chi-square-independence' | 'two-proportion-z' | 'one-proportion-z' | 'fisher-exact' | 'holm-correction' | 'cohens-kappa';

export type Method = { code: MethodCode; count?: number };

export type Interval = { lower: number; upper: number };

export type ChiSquareResult = {
  method: Method;
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
  /** Some expected count is under 5, so the chi-square approximation is rougher than usual. */
  expectedBelow5: boolean;
  /** Cochran's rule holds: no expected count below 1 and at most 20% of them below 5. */
  valid: boolean;
};

export type ProportionTestResult =
  | { method: { code: 'two-proportion-z' }; z: number; pValue: number }
  // Small expected counts make the normal approximation unreliable; say so and use the exact test.
  | { method: { code: 'fisher-exact' }; pValue: number; because: 'expected-below-5' };

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative whole number, got ${value}`);
  }
}

/** P(X ≥ statistic) for X ~ chi-square(df): Q(df/2, x/2), the upper regularised gamma. */
export function chiSquareUpperTail(statistic: number, degreesOfFreedom: number): number {
  if (statistic <= 0) return 1;
  return gammainc(statistic / 2, degreesOfFreedom / 2, true, true);
}

/**
 * Wilson score interval for a proportion: unlike the textbook p ± z·se it never leaves [0, 1]
 * and stays honest for small groups and for 0% or 100%. Null when nobody answered.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval | null {
  assertCount(successes, 'successes');
  assertCount(n, 'n');
  if (successes > n) throw new RangeError(`successes (${successes}) exceed n (${n})`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('confidence must be in (0, 1)');
  if (n === 0) return null;

  const z = normalQuantile(1 - (1 - confidence) / 2, 0, 1);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const halfWidth = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // At 0% and 100% the bound is exactly 0 or 1 on paper; rounding must not make it 1e-17 off.
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === n ? 1 : Math.min(1, centre + halfWidth),
  };
}

/**
 * Pearson's chi-square test of independence for an r×c table (no Yates correction, as
 * `chisq.test(correct = FALSE)` in R). Empty rows and columns carry no information and would
 * divide by zero, so they are dropped. Null when fewer than two rows or columns remain: there is
 * nothing to compare.
 */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareResult | null {
  for (const row of table) row.forEach((value) => assertCount(value, 'count'));
  const width = Math.max(0, ...table.map((row) => row.length));
  const padded = table.map((row) => Array.from({ length: width }, (_, j) => row[j] ?? 0));
  const columnSums = Array.from({ length: width }, (_, j) => padded.reduce((sum, row) => sum + (row[j] ?? 0), 0));
  const keptColumns = columnSums.flatMap((sum, j) => (sum > 0 ? [j] : []));
  const rows = padded.map((row) => keptColumns.map((j) => row[j] ?? 0)).filter((row) => row.some((value) => value > 0));
  if (rows.length < 2 || keptColumns.length < 2) return null;

  const rowSums = rows.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = keptColumns.map((j) => columnSums[j] ?? 0);
  const total = rowSums.reduce((a, b) => a + b, 0);

  let statistic = 0;
  let below5 = 0;
  let below1 = 0;
  rows.forEach((row, i) => {
    row.forEach((observed, j) => {
      const expected = ((rowSums[i] ?? 0) * (colSums[j] ?? 0)) / total;
      statistic += (observed - expected) ** 2 / expected;
      if (expected < 5) below5 += 1;
      if (expected < 1) below1 += 1;
    });
  });
  const cells = rows.length * keptColumns.length;
  const degreesOfFreedom = (rows.length - 1) * (keptColumns.length - 1);
  return {
    method: { code: 'chi-square-independence' },
    statistic,
    degreesOfFreedom,
    pValue: chiSquareUpperTail(statistic, degreesOfFreedom),
    expectedBelow5: below5 > 0,
    valid: below1 === 0 && below5 <= 0.2 * cells,
  };
}

/**
 * Fisher's exact test for a 2×2 table [[a, b], [c, d]], two-sided as in R's `fisher.test`:
 * the p-value sums every table with the same margins that is no more likely than the one seen
 * (with R's 1e-7 relative tolerance so ties are not lost to rounding).
 */
export function fisherExactTest(table: readonly [readonly [number, number], readonly [number, number]]): number {
  const [[a, b], [c, d]] = table;
  [a, b, c, d].forEach((value) => assertCount(value, 'count'));
  const total = a + b + c + d;
  const row1 = a + b;
  const col1 = a + c;
  if (total === 0 || row1 === 0 || row1 === total || col1 === 0 || col1 === total) return 1;
  // The top-left count is hypergeometric: col1 "successes" in the population, row1 draws.
  const pmf = (k: number) => hypergeometricPmf(k, total, col1, row1);
  const observed = pmf(a) * (1 + 1e-7);
  let pValue = 0;
  for (let k = Math.max(0, row1 + col1 - total); k <= Math.min(row1, col1); k++) {
    const p = pmf(k);
    if (p <= observed) pValue += p;
  }
  return Math.min(1, pValue);
}

/**
 * Is x1/n1 different from x2/n2? The pooled two-sided z-test (equal to R's `prop.test(correct =
 * FALSE)`), unless an expected count is under 5, when Fisher's exact test is used instead.
 * Null when either group is empty.
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): ProportionTestResult | null {
  [x1, n1, x2, n2].forEach((value) => assertCount(value, 'count'));
  if (x1 > n1 || x2 > n2) throw new RangeError('a count exceeds its base');
  if (n1 === 0 || n2 === 0) return null;

  const pooled = (x1 + x2) / (n1 + n2);
  const expected = [n1 * pooled, n1 * (1 - pooled), n2 * pooled, n2 * (1 - pooled)];
  if (expected.some((e) => e < 5)) {
    return {
      method: { code: 'fisher-exact' },
      pValue: fisherExactTest([
        [x1, n1 - x1],
        [x2, n2 - x2],
      ]),
      because: 'expected-below-5',
    };
  }
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = (x1 / n1 - x2 / n2) / se;
  // Two-sided normal tail via chi-square(1) of z²: same value, without 1 - Φ cancellation.
  return { method: { code: 'two-proportion-z' }, z, pValue: chiSquareUpperTail(z * z, 1) };
}

export type OneProportionTestResult = {
  method: { code: 'one-proportion-z' };
  z: number;
  pValue: number;
  /** n·p0 or n·(1 − p0) is under 5: the normal approximation is not to be trusted, so do not flag on it. */
  expectedBelow5: boolean;
};

/**
 * Is x out of n different from an expected share p0 (say, the census population's)? The two-sided
 * one-sample z-test of a proportion, with the standard error under the null hypothesis (equal to
 * R's `prop.test(x, n, p0, correct = FALSE)`). Null when n is 0 or p0 is 0 or 1: nothing to test.
 */
export function oneProportionTest(x: number, n: number, p0: number): OneProportionTestResult | null {
  assertCount(x, 'x');
  assertCount(n, 'n');
  if (x > n) throw new RangeError(`x (${x}) exceeds n (${n})`);
  if (!(p0 >= 0 && p0 <= 1)) throw new RangeError(`p0 must be in [0, 1], got ${p0}`);
  if (n === 0 || p0 === 0 || p0 === 1) return null;
  const z = (x / n - p0) / Math.sqrt((p0 * (1 - p0)) / n);
  return {
    method: { code: 'one-proportion-z' },
    z,
    pValue: chiSquareUpperTail(z * z, 1),
    expectedBelow5: n * p0 < 5 || n * (1 - p0) < 5,
  };
}

/**
 * Holm–Bonferroni adjusted p-values, in the order given. Flagging every notable difference in a
 * breakdown means many tests; Holm keeps the chance of any false flag at α, and is never less
 * powerful than plain Bonferroni. Matches R's `p.adjust(p, "holm")`.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must be in [0, 1], got ${p}`);
  }
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m);
  let runningMax = 0;
  order.forEach(({ p, i }, rank) => {
    // Step-down: an adjusted p may never be smaller than the one ranked before it.
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * p));
    adjusted[i] = runningMax;
  });
  return adjusted;
}

/** The plain-words name of the correction, e.g. "Holm correction for 12 comparisons". */
export function holmMethod(comparisons: number): Method {
  return { code: 'holm-correction', count: comparisons };
}
