// Agreement between two officers who coded the same sample of free-text answers. Raw percentage
// agreement flatters coders when one theme dominates (two people ticking "no" on everything agree
// 95% of the time), so we report Cohen's kappa: agreement beyond what chance alone would give.
import type { Method } from '~/analysis/statistics';

export type KappaResult = {
  method: Method;
  /**
   * Null when chance agreement is already 100% (both coders used one and the same label for
   * every answer): kappa is 0/0 there, and inventing 1 or 0 would mislead.
   */
  kappa: number | null;
  observedAgreement: number;
  expectedAgreement: number;
  n: number;
};

/** Cohen's kappa for two coders' labels on the same items, one [coderA, coderB] pair per item. */
export function cohensKappa<Label extends string | number | boolean>(pairs: readonly (readonly [Label, Label])[]): KappaResult | null {
  const n = pairs.length;
  if (n === 0) return null;

  const byA = new Map<Label, number>();
  const byB = new Map<Label, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    byA.set(a, (byA.get(a) ?? 0) + 1);
    byB.set(b, (byB.get(b) ?? 0) + 1);
    if (a === b) agreed += 1;
  }
  const observedAgreement = agreed / n;
  // Chance agreement: both coders independently pick the same label at their own base rates.
  let expectedAgreement = 0;
  for (const [label, countA] of byA) {
    expectedAgreement += (countA / n) * ((byB.get(label) ?? 0) / n);
  }
  const kappa = expectedAgreement >= 1 ? null : (observedAgreement - expectedAgreement) / (1 - expectedAgreement);
  return { method: { code: 'cohens-kappa' }, kappa, observedAgreement, expectedAgreement, n };
}

/** One answer coded by both officers: the themes each of them assigned (any number, maybe none). */
export type DoubleCoding<Theme extends string> = {
  coderA: readonly Theme[];
  coderB: readonly Theme[];
};

export type ThemeAgreement<Theme extends string> = { theme: Theme; agreement: KappaResult | null };

/**
 * Kappa per theme when an answer can carry several themes: each theme becomes a yes/no question
 * per answer ("did this coder tick it?"), which is how multi-label coding is usually reported.
 * Pass the codebook's themes so a theme neither officer used still appears, in codebook order.
 */
export function kappaPerTheme<Theme extends string>(codings: readonly DoubleCoding<Theme>[], themes?: readonly Theme[]): ThemeAgreement<Theme>[] {
  const seen = new Set<Theme>(themes ?? []);
  for (const { coderA, coderB } of codings) {
    for (const theme of [...coderA, ...coderB]) seen.add(theme);
  }
  const sets = codings.map(({ coderA, coderB }) => ({ a: new Set(coderA), b: new Set(coderB) }));
  return [...seen].map((theme) => ({
    theme,
    agreement: cohensKappa(sets.map(({ a, b }) => [a.has(theme), b.has(theme)] as const)),
  }));
}
