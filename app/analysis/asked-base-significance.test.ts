import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { seedReference } from '#db/seed/index';
import { createTestDb } from '../../tests/db';
import { findConsultation } from '~/consultations/find.server';
import { loadResults } from './results.server';
import { resultsScreen } from './results-screen';
import type { QuestionResult, ResultsModel } from './results-model';
import { createRoutedFixture, type RoutedFixture } from './routed.fixture';

// The tests of difference between groups on a question some were routed past (issue 17): each
// group's proportion is of those asked who answered, never of everyone in the group, so a
// group where most were not asked is judged on the few who were. Real responses in a freshly
// migrated database, read back as the results page and its JSON get them, against the
// two-proportion z-test worked out here by hand.
//
// Ward A: 100 people, 60 of them do not run a business and are not asked its size; of the 40
// asked, 30 say small and 10 large. Ward B: 110 people who all run one; 50 small, 50 large,
// 10 asked who did not say. Of those asked who answered, A is 75% small and B 50%: A higher.
// Counted over everyone in the ward it would be 30% against 45%: A lower, the wrong way round.

const WARD_A = 'E05000779';
const WARD_B = 'E05000780';
const THRESHOLD = 10;

let db: Db;
let destroy: () => Promise<void>;
let f: RoutedFixture;
let consultation: Consultation;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
  f = await createRoutedFixture(db);
  for (let i = 0; i < 100; i++) {
    if (i < 60) await f.store({ runs: 'no', like: 'agree', ward: WARD_A });
    else await f.store({ runs: 'yes', size: i < 90 ? 'small' : 'large', like: 'agree', ward: WARD_A });
  }
  for (let i = 0; i < 110; i++) {
    await f.store({ runs: 'yes', size: i < 50 ? 'small' : i < 100 ? 'large' : undefined, like: 'disagree', ward: WARD_B });
  }
  consultation = (await findConsultation(db, f.consultationId))!;
}, 120_000);
afterAll(() => destroy());

async function byWard(): Promise<ResultsModel> {
  const outcome = await loadResults(db, consultation, 'en', new URLSearchParams({ breakdown: 'ward' }), THRESHOLD);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.model;
}

const sizeOf = (model: ResultsModel): QuestionResult => model.questions.find((q) => q.key === 'size')!;
const shown = (value: number) => ({ suppressed: false, value });

/** Two-sided normal tail P(|Z| ≥ z), by Simpson's rule on the density: nothing shared with statistics.ts. */
function twoSidedNormalTail(z: number): number {
  const steps = 20_000;
  const h = Math.abs(z) / steps;
  const density = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let area = density(0) + density(Math.abs(z));
  for (let k = 1; k < steps; k++) area += (k % 2 === 1 ? 4 : 2) * density(k * h);
  return 1 - 2 * ((area * h) / 3);
}

// By hand: 30 of 40 asked who answered in A against 50 of 100 in B, pooled 80 of 140.
const pooled = 80 / 140;
const z = (30 / 40 - 50 / 100) / Math.sqrt(pooled * (1 - pooled) * (1 / 40 + 1 / 100));
// Two answers ("small", "large"), one comparison each, Holm-corrected together: both p-values
// are the same 2×2 table's, so each becomes twice the raw one.
const holm = Math.min(1, 2 * twoSidedNormalTail(z));

describe('significance tests on a routed question', () => {
  it('bases each group on those asked who answered, and says how many were not asked', async () => {
    const size = sizeOf(await byWard());
    const [all, a, b] = size.columns;
    expect(size.routed).toBe(true);
    expect([all!.key, a!.key, b!.key]).toEqual(['all', WARD_A, WARD_B]);
    expect(a).toMatchObject({ responses: shown(100), notAsked: shown(60), noAnswer: shown(0), base: shown(40), percentOf: 'answered' });
    expect(b).toMatchObject({ responses: shown(110), notAsked: shown(0), noAnswer: shown(10), base: shown(100), percentOf: 'answered' });
    expect(all).toMatchObject({ responses: shown(210), notAsked: shown(60), noAnswer: shown(10), base: shown(140) });
    const small = size.rows.find((r) => r.key === 'small')!.cells;
    expect(small[1]).toMatchObject({ count: 30, percent: 75 });
    expect(small[2]).toMatchObject({ count: 50, percent: 50 });
  });

  it('gives the p-value and the flag of a hand computation on those bases', async () => {
    const size = sizeOf(await byWard());
    expect(z).toBeCloseTo(2.7, 1);
    expect(holm).toBeLessThan(0.05);
    expect(size.test).toMatchObject({ groupsTested: 2, groupsLeftOut: 0, comparisons: 2, methods: ['two-proportion-z'] });
    // The overall test on the answers' counts: a 2×2 chi-square is the z-test squared.
    expect(size.test!.overall).toMatchObject({ groups: 2, degreesOfFreedom: 1, reliable: true, notable: true });
    expect(size.test!.overall!.statistic).toBeCloseTo(z * z, 9);

    const onSmall = size.notable.filter((n) => n.optionKey === 'small');
    expect(onSmall.map((n) => [n.groupKey, n.direction])).toEqual(
      expect.arrayContaining([
        [WARD_A, 'higher'],
        [WARD_B, 'lower'],
      ]),
    );
    const a = onSmall.find((n) => n.groupKey === WARD_A)!;
    expect(a.percent).toBeCloseTo(75, 9);
    expect(a.restPercent).toBeCloseTo(50, 9);
    expect(a.method).toBe('two-proportion-z');
    expect(a.pValue).toBeCloseTo(holm, 9);
    expect(size.notable).toHaveLength(4); // and the mirror image on "large"
    const smallCells = size.rows.find((r) => r.key === 'small')!.cells;
    expect(smallCells[1]).toMatchObject({ notable: 'higher' });
    expect(smallCells[2]).toMatchObject({ notable: 'lower' });
  });

  it('states the not-asked count in the comparison officers read', async () => {
    const model = await byWard();
    const shownScreen = resultsScreen(model, { question: 'size', option: 'small', table: false })!;
    if (shownScreen.screen.kind !== 'question') throw new Error('expected the question screen');
    const comparison = shownScreen.screen.comparison!;
    expect(comparison.routed).toBe(true);
    expect(comparison.overall).toMatchObject({ base: 140, notAsked: shown(60) });
    expect(comparison.overall!.percent).toBeCloseTo((80 / 140) * 100, 9);
    expect(comparison.groups.map((g) => ({ key: g.key, count: g.count, base: g.base, notAsked: g.notAsked, notable: g.notable }))).toEqual([
      { key: WARD_A, count: 30, base: 40, notAsked: shown(60), notable: 'higher' },
      { key: WARD_B, count: 50, base: 100, notAsked: shown(0), notable: 'lower' },
    ]);
    expect(comparison.hidden).toEqual([]);
  });

  it('names a group nobody in which was asked as not asked, not as nobody answering', async () => {
    // A third ward of 12 people who do not run a business: the size question was put to none of them.
    for (let i = 0; i < 12; i++) await f.store({ runs: 'no', like: 'agree', ward: 'E05000781' });
    const model = await byWard();
    const screen = resultsScreen(model, { question: 'size', option: 'small', table: false })!.screen;
    if (screen.kind !== 'question') throw new Error('expected the question screen');
    const third = screen.question.columns.find((c) => c.key === 'E05000781')!;
    expect(third).toMatchObject({ responses: shown(12), notAsked: shown(12), noAnswer: shown(0), base: shown(0) });
    expect(screen.comparison!.hidden).toEqual([{ key: 'E05000781', label: expect.any(String), reason: 'notAsked' }]);
    // Not in the tests either: a group with nobody asked has nothing to compare.
    expect(screen.question.test).toMatchObject({ groupsTested: 2, groupsLeftOut: 1 });
  });
});
