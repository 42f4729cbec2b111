import { describe, expect, it } from 'vitest';
import { agreementByPair, kappaBand } from './agreement-report';

// Worked by hand. Themes 10 and 20; coders 1 (A) and 2 (B) both coded answers 101-104:
//   101: A {10}     B {10}
//   102: A {10,20}  B {10}
//   103: A {}       B {20}
//   104: A {20}     B {20}
// Theme 10: A,B agree on all 4 (yes,yes,no,no); each says yes 2/4, chance 0.5 -> kappa 1.
// Theme 20: agree on 101 and 104 only, po 0.5; each says yes 2/4, chance 0.5 -> kappa 0.
// Overall, the 8 answer-and-theme decisions pooled: 6 agree, po 0.75; each says yes 4/8,
//   chance 0.5 -> kappa (0.75 - 0.5) / 0.5 = 0.5.
// Coder 3 (C) coded 101 {10} and 105 {20}: with A and with B one answer in common, on which
//   they agree; theme 20 is "no" for both there, so its chance agreement is 1 and kappa null.
const codings = [
  { answerId: 101, coderId: 1, themeIds: [10] },
  { answerId: 102, coderId: 1, themeIds: [10, 20] },
  { answerId: 103, coderId: 1, themeIds: [] },
  { answerId: 104, coderId: 1, themeIds: [20] },
  { answerId: 101, coderId: 2, themeIds: [10] },
  { answerId: 102, coderId: 2, themeIds: [10] },
  { answerId: 103, coderId: 2, themeIds: [20] },
  { answerId: 104, coderId: 2, themeIds: [20] },
  { answerId: 101, coderId: 3, themeIds: [10] },
  { answerId: 105, coderId: 3, themeIds: [20] },
];

describe('agreement between coders of a sample', () => {
  const pairs = agreementByPair(codings, [10, 20]);

  it('reports every pair of coders with answers in common, and how many', () => {
    expect(pairs.map((p) => [p.coderA, p.coderB, p.answers])).toEqual([
      [1, 2, 4],
      [1, 3, 1],
      [2, 3, 1],
    ]);
  });

  it('gives the pooled kappa overall and a kappa per theme, as worked out by hand', () => {
    const [ab] = pairs;
    expect(ab!.overall!.kappa).toBeCloseTo(0.5, 12);
    expect(ab!.overall!.observedAgreement).toBeCloseTo(0.75, 12);
    expect(ab!.overall!.n).toBe(8);
    expect(ab!.perTheme.map((t) => [t.themeId, t.agreement!.kappa])).toEqual([
      [10, 1],
      [20, 0],
    ]);
  });

  it('says there is no kappa where chance agreement is already complete', () => {
    const ac = pairs[1]!;
    expect(ac.overall!.kappa).toBe(1);
    expect(ac.perTheme.find((t) => t.themeId === 20)!.agreement!.kappa).toBeNull();
  });

  it('puts kappas into Landis and Koch’s words', () => {
    expect([-0.1, 0, 0.2, 0.21, 0.4, 0.5, 0.6, 0.7, 0.8, 0.81, 1].map(kappaBand)).toEqual([
      'poor',
      'slight',
      'slight',
      'fair',
      'fair',
      'moderate',
      'moderate',
      'substantial',
      'substantial',
      'almostPerfect',
      'almostPerfect',
    ]);
  });
});
