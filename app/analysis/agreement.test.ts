import { describe, expect, it } from 'vitest';
import { cohensKappa, kappaPerTheme } from '~/analysis/agreement';

// Build pairs from a 2×2 agreement table: [yes/yes, A yes & B no, A no & B yes, no/no].
function pairs(yesYes: number, yesNo: number, noYes: number, noNo: number): [string, string][] {
  return [
    ...Array<[string, string]>(yesYes).fill(['yes', 'yes']),
    ...Array<[string, string]>(yesNo).fill(['yes', 'no']),
    ...Array<[string, string]>(noYes).fill(['no', 'yes']),
    ...Array<[string, string]>(noNo).fill(['no', 'no']),
  ];
}

describe('cohensKappa', () => {
  it('the classic 50 grant proposals (Wikipedia, "Cohen\'s kappa"): po = 0.7, pe = 0.5, κ = 0.4', () => {
    expect(cohensKappa(pairs(20, 5, 10, 15))).toEqual({
      method: { code: 'cohens-kappa' },
      kappa: expect.closeTo(0.4, 12),
      observedAgreement: expect.closeTo(0.7, 12),
      expectedAgreement: expect.closeTo(0.5, 12),
      n: 50,
    });
  });

  it("Wikipedia's two tables with equal agreement but different kappa: 0.1304 and 0.2593", () => {
    // Same 60% agreement; kappa is higher when the coders' base rates differ (lower chance agreement).
    expect(cohensKappa(pairs(45, 15, 25, 15))?.kappa).toBeCloseTo(0.1304, 4);
    expect(cohensKappa(pairs(25, 35, 5, 35))?.kappa).toBeCloseTo(0.2593, 4);
  });

  it('three categories, worked by hand', () => {
    // Table (A rows × B columns): [[10, 2, 0], [1, 8, 1], [0, 3, 5]], n = 30.
    // po = 23/30; A margins 12, 10, 8; B margins 11, 13, 6; pe = (132 + 130 + 48)/900 = 310/900.
    const data: [string, string][] = [];
    const table = [
      [10, 2, 0],
      [1, 8, 1],
      [0, 3, 5],
    ];
    const labels = ['transport', 'housing', 'parks'];
    table.forEach((row, i) =>
      row.forEach((count, j) => {
        for (let k = 0; k < count; k++) data.push([labels[i]!, labels[j]!]);
      }),
    );
    const pe = 310 / 900;
    expect(cohensKappa(data)?.kappa).toBeCloseTo((23 / 30 - pe) / (1 - pe), 12);
  });

  it('edge cases: nothing coded, perfect agreement, and one label used by both for everything', () => {
    expect(cohensKappa([])).toBeNull();
    expect(cohensKappa(pairs(7, 0, 0, 3))?.kappa).toBe(1);
    expect(cohensKappa(pairs(10, 0, 0, 0))).toMatchObject({ kappa: null, observedAgreement: 1 });
    // Systematic disagreement is worse than chance.
    expect(cohensKappa(pairs(0, 5, 5, 0))?.kappa).toBe(-1);
  });
});

describe('kappaPerTheme', () => {
  it('turns multi-theme coding into a yes/no per theme, in codebook order, including unused themes', () => {
    const codings = [
      { coderA: ['buses', 'parks'], coderB: ['buses'] },
      { coderA: ['buses'], coderB: ['buses'] },
      { coderA: [], coderB: ['parks'] },
      { coderA: ['parks'], coderB: ['parks'] },
    ];
    const result = kappaPerTheme(codings, ['parks', 'buses', 'libraries']);
    expect(result.map((r) => r.theme)).toEqual(['parks', 'buses', 'libraries']);
    // buses: A yes,yes,no,no; B yes,yes,no,no → perfect.
    expect(result[1]?.agreement?.kappa).toBe(1);
    // parks: A yes,no,no,yes; B no,no,yes,yes → po = 0.5, pe = 0.5, κ = 0.
    expect(result[0]?.agreement).toMatchObject({ kappa: 0, observedAgreement: 0.5, expectedAgreement: 0.5 });
    // libraries: nobody used it, so both said "no" to everything: kappa undefined, not 1.
    expect(result[2]?.agreement).toMatchObject({ kappa: null, observedAgreement: 1 });
    expect(kappaPerTheme([])).toEqual([]);
  });
});
