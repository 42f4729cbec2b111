import { percentageOf, protectTable, type Cell, type Percentage } from '~/analysis/disclosure';
import { holmAdjust, oneProportionTest } from '~/analysis/statistics';
import type { Approximation } from './census-labels';

// Who we heard from against who lives here, for one dimension: each group's share of the
// respondents who told us (people who did not say, or preferred not to, are left out of the
// base), its share of the population, and the ratio of the two.
//
// A group is flagged as under-represented when its share is notably below its population
// share: a ratio under 0.8 (a fifth fewer than its share) AND a one-sample test of a proportion
// against the population share significant at 5% after the Holm correction for the groups
// tested. Either alone misleads: a small ratio in a small sample can be chance, and with
// thousands of answers a trivial gap is "significant". Groups expected to have fewer than 5
// respondents are not tested: the test's normal approximation does not hold there.
//
// Every count and share goes through protectTable/percentageOf. A suppressed group shows no
// count, share, ratio or p-value; its flag is still given (worked out from the real count),
// which says no more than a range, as "fewer than 10" already does.

export const UNDER_REPRESENTED_RATIO = 0.8;
export const SIGNIFICANCE = 0.05;

export interface GroupInput {
  value: string;
  respondents: number;
  population: number;
  approximation: Approximation | null;
}

export interface ComparisonRow {
  value: string;
  respondents: Cell;
  share: Percentage;
  population: number;
  populationShare: number;
  approximation: Approximation | null;
  /** Respondents' share ÷ population share; null when the share is not shown. */
  ratio: number | null;
  /** Tested (expected count 5 or more)? */
  tested: boolean;
  /** Holm-adjusted p-value; null when not tested or not shown. */
  pValue: number | null;
  underRepresented: boolean;
}

export interface Comparison {
  rows: ComparisonRow[];
  /** Every counted response in the set. */
  total: Cell;
  /** Not stated, prefer not to say, "I don't know" and groups the baseline does not have. */
  notCompared: Cell;
  /** The comparison base: people in one of the baseline's groups. */
  base: Cell;
  /** How many groups were tested (the Holm correction's number of comparisons). */
  comparisons: number;
}

export function compareWithPopulation(groups: readonly GroupInput[], notCompared: number, threshold: number): Comparison {
  // One table: the groups, then everyone not compared, adding up to every response. So a small
  // "not stated" is protected too, and nothing hidden can be worked out from the total.
  const table = protectTable({ cells: [...groups.map((g) => [g.respondents]), [notCompared]] }, threshold);
  const total = table.grandTotal;
  const notComparedCell = table.cells[groups.length]?.[0] ?? { kind: 'suppressed' };
  const rawBase = groups.reduce((sum, g) => sum + g.respondents, 0);
  // The base is the total less those not compared: shown only when both are.
  const base: Cell =
    total.kind === 'shown' && notComparedCell.kind === 'shown' ? { kind: 'shown', value: total.value - notComparedCell.value } : { kind: 'suppressed' };
  const populationTotal = groups.reduce((sum, g) => sum + g.population, 0);

  const tests = groups.map((g) => {
    const p0 = populationTotal > 0 ? g.population / populationTotal : 0;
    const result = rawBase > 0 ? oneProportionTest(g.respondents, rawBase, p0) : null;
    return result && !result.expectedBelow5 ? result.pValue : null;
  });
  const tested = tests.filter((p): p is number => p !== null);
  const adjusted = holmAdjust(tested);
  let next = 0;
  const adjustedOf = tests.map((p) => (p === null ? null : (adjusted[next++] ?? null)));

  const rows = groups.map((g, i): ComparisonRow => {
    const respondents = table.cells[i]?.[0] ?? { kind: 'suppressed' };
    const share = percentageOf(respondents, base);
    const populationShare = populationTotal > 0 ? g.population / populationTotal : 0;
    const rawRatio = rawBase > 0 && populationShare > 0 ? g.respondents / rawBase / populationShare : null;
    const pValue = adjustedOf[i] ?? null;
    return {
      value: g.value,
      respondents,
      share,
      population: g.population,
      populationShare,
      approximation: g.approximation,
      ratio: share.kind === 'shown' && populationShare > 0 ? share.proportion / populationShare : null,
      tested: pValue !== null,
      pValue: share.kind === 'shown' ? pValue : null,
      underRepresented: rawRatio !== null && pValue !== null && rawRatio < UNDER_REPRESENTED_RATIO && pValue < SIGNIFICANCE,
    };
  });
  return { rows, total, notCompared: notComparedCell, base, comparisons: tested.length };
}
