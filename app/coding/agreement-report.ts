import { cohensKappa, kappaPerTheme, type KappaResult } from '~/analysis/agreement';

// How far two officers agree when they code the same sample on their own. For every pair of
// coders, over the answers both coded:
// - overall: every answer-and-theme decision (ticked or not) pooled into one yes/no table, so
//   an answer with five themes weighs as five decisions; this is the usual single figure for
//   coding where an answer can carry several themes;
// - per theme: the same yes/no table for that theme alone (kappaPerTheme).

export interface SampleCoding {
  answerId: number;
  coderId: number;
  themeIds: readonly number[];
}

export interface CoderPair {
  coderA: number;
  coderB: number;
  /** Answers both coded. */
  answers: number;
  overall: KappaResult | null;
  perTheme: { themeId: number; agreement: KappaResult | null }[];
}

/** Every pair of coders with at least one answer in common, in coder id order. */
export function agreementByPair(codings: readonly SampleCoding[], themeIds: readonly number[]): CoderPair[] {
  const byCoder = new Map<number, Map<number, readonly number[]>>();
  for (const c of codings) {
    let answers = byCoder.get(c.coderId);
    if (!answers) byCoder.set(c.coderId, (answers = new Map()));
    answers.set(c.answerId, c.themeIds);
  }
  const coders = [...byCoder.keys()].sort((a, b) => a - b);
  const pairs: CoderPair[] = [];
  for (const [i, coderA] of coders.entries()) {
    for (const coderB of coders.slice(i + 1)) {
      const a = byCoder.get(coderA)!;
      const b = byCoder.get(coderB)!;
      const both = [...a.keys()].filter((answerId) => b.has(answerId)).sort((x, y) => x - y);
      if (both.length === 0) continue;
      const labels = themeIds.map(String);
      const double = both.map((answerId) => ({ coderA: a.get(answerId)!.map(String), coderB: b.get(answerId)!.map(String) }));
      const decisions = double.flatMap(({ coderA: ta, coderB: tb }) => labels.map((theme) => [ta.includes(theme), tb.includes(theme)] as const));
      pairs.push({
        coderA,
        coderB,
        answers: both.length,
        overall: cohensKappa(decisions),
        perTheme: kappaPerTheme(double, labels)
          .filter(({ theme }) => labels.includes(theme))
          .map(({ theme, agreement }) => ({ themeId: Number(theme), agreement })),
      });
    }
  }
  return pairs;
}

export const KAPPA_BANDS = ['poor', 'slight', 'fair', 'moderate', 'substantial', 'almostPerfect'] as const;
export type KappaBand = (typeof KAPPA_BANDS)[number];

/**
 * Landis and Koch's (1977) words for a kappa: below 0 poor (worse than chance), up to 0.20
 * slight, 0.40 fair, 0.60 moderate, 0.80 substantial, above that almost perfect.
 */
export function kappaBand(kappa: number): KappaBand {
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almostPerfect';
}
