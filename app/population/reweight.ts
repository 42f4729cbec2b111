import { percentageOf, protectTable, type Cell, type Percentage } from '~/analysis/disclosure';

// Percentages re-weighted to the population: post-stratification on one dimension. Within each
// group (stratum) the answers are taken as they are; the groups are then added up in their
// population shares instead of their shares of the respondents:
//
//   re-weighted share of option k = Σ_g P_g · x_gk / n_g
//
// where P_g is group g's share of the population (over the groups compared), x_gk how many in g
// chose k and n_g how many in g answered. Each respondent in g carries the weight
// w_g = P_g / (n_g / n). Unequal weights cost precision: Kish's design effect
// deff = n·Σw² / (Σw)² = n · Σ_g P_g² / n_g, and the effective sample size n / deff.
//
// Small groups make wild weights and rest on hidden counts, so before weighting a group is
// merged when it has fewer answers than `minStratum` or any answer chosen by fewer than the
// disclosure threshold (a count that would be hidden): in an ordered dimension (age, hours of
// care) with its smaller neighbour; otherwise the small groups are pooled, and a pool still too
// small joins the smallest other group. The counts then go through protectTable like any other table, and a
// re-weighted percentage is shown only when every count it is built on is shown: otherwise it
// could give a hidden count away.

export interface Stratum {
  value: string;
  population: number;
  /** Answers per option of those in the group who answered. */
  counts: readonly number[];
}

export interface ReweightInput {
  options: readonly string[];
  strata: readonly Stratum[];
  /** Answers per option of people in no group (not stated, prefer not to say, unknown). */
  outside: readonly number[];
  ordered: boolean;
  threshold: number;
  minStratum: number;
}

export type Reweighted = { kind: 'shown'; proportion: number } | { kind: 'suppressed' } | { kind: 'no-base' };

export interface MergedStratum {
  values: string[];
  populationShare: number;
  base: Cell;
  /** Each respondent's weight; null when the group's base is hidden. */
  weight: number | null;
}

export interface ReweightRow {
  option: string;
  count: Cell;
  raw: Percentage;
  reweighted: Reweighted;
}

export interface ReweightResult {
  strata: MergedStratum[];
  rows: ReweightRow[];
  /** Everyone who answered the question. */
  base: Cell;
  /** Groups were merged before weighting. */
  merged: boolean;
  designEffect: number | null;
  effectiveSize: number | null;
}

interface Working {
  values: string[];
  population: number;
  counts: number[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const nOf = (s: Working) => sum(s.counts);
const join = (a: Working, b: Working): Working => ({
  values: [...a.values, ...b.values],
  population: a.population + b.population,
  counts: a.counts.map((c, i) => c + (b.counts[i] ?? 0)),
});

/** Merges groups too small to weight or to show, as described above. */
function mergeSmallStrata(strata: readonly Working[], ordered: boolean, min: number, threshold: number): Working[] {
  const tooSmall = (s: Working) => nOf(s) < min || s.counts.some((c) => c > 0 && c < threshold);
  let list = strata.map((s) => ({ ...s, values: [...s.values], counts: [...s.counts] }));
  while (list.length > 1) {
    const small = list.filter(tooSmall);
    if (small.length === 0) break;
    if (ordered) {
      // The smallest first; it joins whichever neighbour has fewer answers (the earlier on a tie).
      const target = small.reduce((a, b) => (nOf(b) < nOf(a) ? b : a));
      const i = list.indexOf(target);
      const before = list[i - 1];
      const after = list[i + 1];
      const j = !after || (before && nOf(before) <= nOf(after)) ? i - 1 : i + 1;
      const [lo, hi] = j < i ? [j, i] : [i, j];
      list.splice(lo, 2, join(list[lo]!, list[hi]!));
    } else if (small.length > 1) {
      const pool = small.reduce(join);
      list = [...list.filter((s) => !small.includes(s)), pool];
    } else {
      const lone = small[0]!;
      const others = list.filter((s) => s !== lone);
      const partner = others.reduce((a, b) => (nOf(b) < nOf(a) ? b : a));
      list = [...others.filter((s) => s !== partner), join(partner, lone)];
    }
  }
  return list;
}

export function reweight(input: ReweightInput): ReweightResult {
  const { options, threshold } = input;
  // A group nobody lives in cannot carry weight: its answers count as outside the groups.
  const outside = [...input.outside];
  const kept: Working[] = [];
  for (const s of input.strata) {
    if (s.population > 0) kept.push({ values: [s.value], population: s.population, counts: [...s.counts] });
    else s.counts.forEach((c, i) => (outside[i] = (outside[i] ?? 0) + c));
  }
  const strata = mergeSmallStrata(kept, input.ordered, input.minStratum, threshold);
  const merged = strata.length < kept.length;

  const table = protectTable(
    {
      cells: options.map((_, i) => [...strata.map((s) => s.counts[i] ?? 0), outside[i] ?? 0]),
      columnTotals: [...strata.map(nOf), sum(outside)],
    },
    threshold,
  );
  const n = sum(strata.map(nOf));
  const populationTotal = sum(strata.map((s) => s.population));
  const shares = strata.map((s) => (populationTotal > 0 ? s.population / populationTotal : 0));
  const basesShown = strata.every((_, g) => table.columnTotals[g]?.kind === 'shown');
  const weighted = n > 0 && strata.every((s) => nOf(s) > 0);

  const rows = options.map((option, i): ReweightRow => {
    const count = table.rowTotals[i] ?? { kind: 'suppressed' };
    const raw = percentageOf(count, table.grandTotal);
    let reweighted: Reweighted = { kind: 'no-base' };
    if (weighted) {
      const allShown = basesShown && strata.every((_, g) => table.cells[i]?.[g]?.kind === 'shown');
      reweighted = allShown
        ? { kind: 'shown', proportion: sum(strata.map((s, g) => (shares[g] ?? 0) * ((s.counts[i] ?? 0) / nOf(s)))) }
        : { kind: 'suppressed' };
    }
    return { option, count, raw, reweighted };
  });

  const inverse = weighted ? sum(strata.map((s, g) => (shares[g] ?? 0) ** 2 / nOf(s))) : 0;
  const showDesign = weighted && basesShown;
  return {
    strata: strata.map((s, g) => ({
      values: s.values,
      populationShare: shares[g] ?? 0,
      base: table.columnTotals[g] ?? { kind: 'suppressed' },
      weight: weighted && table.columnTotals[g]?.kind === 'shown' ? (shares[g] ?? 0) / (nOf(s) / n) : null,
    })),
    rows,
    base: table.grandTotal,
    merged,
    designEffect: showDesign ? n * inverse : null,
    effectiveSize: showDesign ? 1 / inverse : null,
  };
}
