import { describe, expect, it } from 'vitest';
import { reweight, type ReweightInput } from './reweight';

// Worked by hand. Re-weighted share of k = Σ P_g · x_gk / n_g; weight w_g = P_g / (n_g / n);
// design effect n · Σ P_g² / n_g; effective sample size 1 / Σ P_g² / n_g.

const base = { options: ['yes', 'no'], ordered: true, threshold: 10, minStratum: 20 } as const;
const shown = (proportion: number) => ({ kind: 'shown', proportion });

describe('re-weighting to the population', () => {
  it('two age groups: young 30% of the population but 25% of respondents', () => {
    // young: 20 yes, 30 no (n 50); old: 90 yes, 60 no (n 150); 25 more not saying their age (12 / 13).
    const input: ReweightInput = {
      ...base,
      strata: [
        { value: 'young', population: 300, counts: [20, 30] },
        { value: 'old', population: 700, counts: [90, 60] },
      ],
      outside: [12, 13],
    };
    const result = reweight(input);
    // Raw: yes 122 of 225 = 54.22%, no 103 of 225.
    expect(result.base).toEqual({ kind: 'shown', value: 225 });
    expect(result.rows[0]!.count).toEqual({ kind: 'shown', value: 122 });
    expect(result.rows[0]!.raw).toMatchObject({ kind: 'shown', proportion: 122 / 225 });
    // Re-weighted: yes 0.3 × 0.4 + 0.7 × 0.6 = 0.54; no 0.3 × 0.6 + 0.7 × 0.4 = 0.46.
    expect(result.rows[0]!.reweighted.kind).toBe('shown');
    expect((result.rows[0]!.reweighted as { proportion: number }).proportion).toBeCloseTo(0.54, 12);
    expect((result.rows[1]!.reweighted as { proportion: number }).proportion).toBeCloseTo(0.46, 12);
    // Weights: young 0.3 / (50/200) = 1.2, old 0.7 / (150/200) = 0.9333.
    expect(result.strata.map((s) => s.weight)).toEqual([expect.closeTo(1.2, 12), expect.closeTo(0.933333, 6)]);
    // deff = 200 × (0.09/50 + 0.49/150) = 200 × 0.00506667 = 1.01333; n_eff = 197.368.
    expect(result.designEffect).toBeCloseTo(1.013333, 6);
    expect(result.effectiveSize).toBeCloseTo(197.368, 3);
    expect(result.merged).toBe(false);
  });

  it('merges a small age group with its smaller neighbour before weighting', () => {
    // a has 5 answers (< 20): its only neighbour b takes it. ab: 300 people, 22 yes / 23 no.
    const result = reweight({
      ...base,
      strata: [
        { value: 'a', population: 100, counts: [2, 3] },
        { value: 'b', population: 200, counts: [20, 20] },
        { value: 'c', population: 300, counts: [30, 30] },
        { value: 'd', population: 400, counts: [40, 60] },
      ],
      outside: [0, 0],
    });
    expect(result.merged).toBe(true);
    expect(result.strata.map((s) => s.values)).toEqual([['a', 'b'], ['c'], ['d']]);
    // yes: 0.3 × 22/45 + 0.3 × 0.5 + 0.4 × 0.4 = 0.146667 + 0.15 + 0.16 = 0.456667.
    expect(result.rows[0]!.reweighted).toEqual(shown(expect.closeTo(0.456667, 6)));
    // deff = 205 × (0.09/45 + 0.09/60 + 0.16/100) = 205 × 0.0051 = 1.0455; n_eff = 196.078.
    expect(result.designEffect).toBeCloseTo(1.0455, 10);
    expect(result.effectiveSize).toBeCloseTo(196.078, 3);
  });

  it('pools small groups of an unordered dimension', () => {
    // a (10), b (7), m (8) are each under 20: pooled, 25 answers (13 yes, 12 no), 20% of the population.
    const result = reweight({
      ...base,
      ordered: false,
      strata: [
        { value: 'w', population: 800, counts: [90, 60] },
        { value: 'a', population: 100, counts: [6, 4] },
        { value: 'b', population: 60, counts: [4, 3] },
        { value: 'm', population: 40, counts: [3, 5] },
      ],
      outside: [0, 0],
    });
    expect(result.strata.map((s) => s.values)).toEqual([['w'], ['a', 'b', 'm']]);
    // yes: 0.8 × 0.6 + 0.2 × 13/25 = 0.48 + 0.104 = 0.584.
    expect(result.rows[0]!.reweighted).toEqual(shown(expect.closeTo(0.584, 12)));
  });

  it('merges a group with an answer too few to show, rather than weight on a hidden count', () => {
    // Only 5 young people said yes (under 10): young joins old, leaving one group, so the
    // re-weighted share is simply 95 of 200 and every weight is 1.
    const result = reweight({
      ...base,
      strata: [
        { value: 'young', population: 300, counts: [5, 45] },
        { value: 'old', population: 700, counts: [90, 60] },
      ],
      outside: [12, 13],
    });
    expect(result.strata.map((s) => s.values)).toEqual([['young', 'old']]);
    expect(result.rows[0]!.reweighted).toEqual(shown(0.475));
    expect(result.strata[0]!.weight).toBe(1);
    expect(result.designEffect).toBe(1);
  });

  it('does not show a re-weighted percentage built on a hidden count', () => {
    // 3 people who did not give their age said yes: hidden, and so, to stop subtraction, is
    // the young "yes" (20, the smallest in its row), then the young "no" (its column).
    const result = reweight({
      ...base,
      strata: [
        { value: 'young', population: 300, counts: [20, 30] },
        { value: 'old', population: 700, counts: [90, 60] },
      ],
      outside: [3, 22],
    });
    expect(result.rows.map((r) => r.reweighted)).toEqual([{ kind: 'suppressed' }, { kind: 'suppressed' }]);
    expect(JSON.stringify(result.rows)).not.toContain('0.54');
  });

  it('has nothing to weight when nobody in the groups answered', () => {
    const result = reweight({ ...base, strata: [{ value: 'young', population: 300, counts: [0, 0] }], outside: [15, 15] });
    expect(result.rows.map((r) => r.reweighted.kind)).toEqual(['no-base', 'no-base']);
    expect(result.designEffect).toBeNull();
  });
});
