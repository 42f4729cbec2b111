import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { seedDemo } from '#db/seed/index';
import { DEMO_BASELINE } from '#db/seed/population';
import { createTestDb } from '../../tests/db';
import { ethnicHighLevel } from '~/responses/demographics';
import type { PopulationDimension } from './census-labels';
import { populationValueOf } from './groups';
import { whoWeHeardFrom, type WhoModel } from './who.server';

// The demo on a fresh database (SQLite, and PostgreSQL when TEST_DATABASE_URL names a server):
// the page model against a plain recomputation from SQL.

const TODAY = new Date('2026-11-22T10:30:00Z');
const THRESHOLD = 10;
let db: Db;
let destroy: () => Promise<void>;
let consultation: Consultation;
const spam: number[] = [];

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedDemo(db, { responses: 1500, today: TODAY });
  consultation = await db.selectFrom('consultations').selectAll().where('slug', '=', 'one-stockport-conversation').executeTakeFirstOrThrow();
  // Two responses marked as spam: in the database, but never counted.
  const ids = await db.selectFrom('responses').select('id').where('consultation_id', '=', consultation.id).orderBy('id').limit(2).execute();
  spam.push(...ids.map((r) => r.id));
  await db.updateTable('responses').set({ status: 'spam' }).where('id', 'in', spam).execute();
}, 120_000);
afterAll(() => destroy());

const COLUMN: Record<PopulationDimension, 'age_band' | 'sex' | 'ethnicity' | 'disability' | 'carer' | 'ward_code'> = {
  ageBand: 'age_band',
  sex: 'sex',
  ethnicGroup: 'ethnicity',
  ethnicity: 'ethnicity',
  disability: 'disability',
  carer: 'carer',
  ward: 'ward_code',
};

/** Respondents per population group and those left out, straight from the responses table. */
async function fromSql(dimension: PopulationDimension, values: readonly string[], group: string | null) {
  let query = db
    .selectFrom('responses')
    .select([COLUMN[dimension], (eb) => eb.fn.countAll<number>().as('n')])
    .where('consultation_id', '=', consultation.id)
    .where('status', '=', 'counted')
    .groupBy(COLUMN[dimension]);
  if (group) query = query.where('respondent_group', '=', group);
  const counts = new Map(values.map((v) => [v, 0]));
  let left = 0;
  for (const row of await query.execute()) {
    const raw = (row as unknown as Record<string, string | null>)[COLUMN[dimension]] ?? null;
    const stored = dimension === 'ethnicGroup' && raw !== null ? (ethnicHighLevel(raw) ?? raw) : raw;
    const value = populationValueOf(dimension, stored);
    if (value !== null && counts.has(value)) counts.set(value, counts.get(value)! + Number(row.n));
    else left += Number(row.n);
  }
  return { counts, left };
}

async function populationFromSql(baselineId: number, dimension: PopulationDimension) {
  const rows = await db
    .selectFrom('population_figures')
    .select(['value', 'count'])
    .where('baseline_id', '=', baselineId)
    .where('dimension', '=', dimension)
    .execute();
  return new Map(rows.map((r) => [r.value, Number(r.count)]));
}

async function expectMatchesSql(model: WhoModel, group: string | null) {
  expect(model.dimensions.map((d) => d.dimension)).toEqual(['ageBand', 'sex', 'ethnicGroup', 'ethnicity', 'disability', 'carer', 'ward']);
  for (const { dimension, comparison } of model.dimensions) {
    const population = await populationFromSql(model.baseline!.id, dimension);
    const populationTotal = [...population.values()].reduce((a, b) => a + b, 0);
    const { counts, left } = await fromSql(dimension, [...population.keys()], group);
    const base = [...counts.values()].reduce((a, b) => a + b, 0);
    if (comparison.notCompared.kind === 'shown') {
      expect(comparison.notCompared.value, dimension).toBe(left);
      expect(comparison.base, dimension).toEqual({ kind: 'shown', value: base });
    } else {
      // Too few not compared to show, so the base (the total less them) is hidden too, and every share with it.
      expect(left < THRESHOLD || comparison.rows.some((r) => r.respondents.kind === 'suppressed'), dimension).toBe(true);
      expect(comparison.base.kind, dimension).toBe('suppressed');
      expect(
        comparison.rows.every((r) => r.share.kind === 'suppressed'),
        dimension,
      ).toBe(true);
    }
    expect(comparison.rows.map((r) => r.value).sort()).toEqual([...population.keys()].sort());
    for (const row of comparison.rows) {
      const n = counts.get(row.value)!;
      const where = `${dimension} ${row.value}`;
      expect(row.populationShare, where).toBeCloseTo(population.get(row.value)! / populationTotal, 12);
      if (row.respondents.kind === 'shown') {
        expect(row.respondents.value, where).toBe(n);
        if (row.share.kind === 'shown') {
          expect(row.share.proportion, where).toBeCloseTo(n / base, 12);
          expect(row.ratio, where).toBeCloseTo(n / base / row.populationShare, 10);
        }
      } else {
        // Hidden means hidden: no share, no ratio, no p-value to work the count back from.
        expect(row.share.kind, where).toBe('suppressed');
        expect(row.ratio, where).toBeNull();
        expect(row.pValue, where).toBeNull();
        // Hidden for itself, or beside another hidden count (a row, or those not compared) that it would give away.
        expect(
          (n > 0 && n < THRESHOLD) ||
            comparison.notCompared.kind === 'suppressed' ||
            comparison.rows.some((r) => r.respondents.kind === 'suppressed' && r !== row),
          where,
        ).toBe(true);
      }
    }
  }
}

describe('the demo population baseline', () => {
  it('is the real Census 2021 for Stockport, labelled as census with its source and approximations', async () => {
    const baselines = await db.selectFrom('population_baselines').selectAll().execute();
    expect(baselines).toHaveLength(1);
    expect(baselines[0]).toMatchObject({ name: DEMO_BASELINE.name, kind: 'census', loaded_at: TODAY.toISOString() });
    expect(baselines[0]!.source).toContain('Source: Office for National Statistics licensed under the Open Government Licence v3.0');
    const totals = await db
      .selectFrom('population_figures')
      .select(['dimension', (eb) => eb.fn.sum<number>('count').as('total')])
      .groupBy('dimension')
      .execute();
    // The borough tables as published (294,773 people; sex and disability add up to it exactly).
    expect(Object.fromEntries(totals.map((t) => [t.dimension, Number(t.total)]))).toMatchObject({
      sex: 294773,
      disability: 294773,
      carer: 278196,
      ethnicity: 294770,
    });
    const approximations = await db
      .selectFrom('population_figures')
      .select(['dimension', 'value', 'approximation'])
      .where('approximation', 'is not', null)
      .execute();
    expect(new Set(approximations.filter((a) => a.dimension === 'ward').map((a) => a.approximation))).toEqual(new Set(['small-area']));
    expect(approximations.filter((a) => a.dimension === 'ward')).toHaveLength(21);
    expect(
      approximations
        .filter((a) => a.dimension === 'ageBand')
        .map((a) => a.value)
        .sort(),
    ).toEqual(['16_17', '18_24', 'under_16']);
  });
});

describe('who we heard from, against the recomputation from SQL', () => {
  it('every respondent count, share, ratio and population share, for everyone', async () => {
    const model = await whoWeHeardFrom(
      db,
      consultation,
      { baselineId: null, group: null, questionId: null, weightBy: null },
      { threshold: THRESHOLD, locale: 'en' },
    );
    expect(model.baseline?.name).toBe(DEMO_BASELINE.name);
    const counted = await db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('consultation_id', '=', consultation.id)
      .where('status', '=', 'counted')
      .executeTakeFirstOrThrow();
    expect(model.total).toEqual({ kind: 'shown', value: Number(counted.n) });
    await expectMatchesSql(model, null);
    // The demo's respondents skew as real engagements do: the oldest are under-represented.
    const age = model.dimensions.find((d) => d.dimension === 'ageBand')!.comparison;
    expect(age.rows.find((r) => r.value === '85_plus')!.underRepresented).toBe(true);
    expect(age.comparisons).toBe(10);
  });

  it('for residents only', async () => {
    const model = await whoWeHeardFrom(
      db,
      consultation,
      { baselineId: null, group: 'resident', questionId: null, weightBy: null },
      { threshold: THRESHOLD, locale: 'en' },
    );
    await expectMatchesSql(model, 'resident');
  });

  it('for businesses, a small group: every hidden count stays hidden, every shown one is right', async () => {
    const model = await whoWeHeardFrom(
      db,
      consultation,
      { baselineId: null, group: 'business', questionId: null, weightBy: null },
      { threshold: THRESHOLD, locale: 'en' },
    );
    await expectMatchesSql(model, 'business');
    const hidden = model.dimensions.flatMap((d) => d.comparison.rows).filter((r) => r.respondents.kind === 'suppressed');
    expect(hidden.length).toBeGreaterThan(0);
    for (const row of hidden) expect(Object.keys(row.respondents)).toEqual(['kind']);
  });

  it('re-weights a question by age band as a recomputation from the answers table does', async () => {
    const model = await whoWeHeardFrom(
      db,
      consultation,
      { baselineId: null, group: null, questionId: null, weightBy: 'ageBand' },
      { threshold: THRESHOLD, locale: 'en' },
    );
    const view = model.reweighting!;
    expect(view.weightBy).toBe('ageBand');
    const options = await db.selectFrom('options').select(['id', 'key']).where('question_id', '=', view.questionId).execute();
    const answers = await db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .select(['responses.age_band', 'answers.option_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('answers.question_id', '=', view.questionId)
      .where('responses.status', '=', 'counted')
      .groupBy(['responses.age_band', 'answers.option_id'])
      .execute();
    const population = await populationFromSql(model.baseline!.id, 'ageBand');
    // x[stratum][option key], with the model's own merging of small groups.
    const stratumOf = (band: string | null) => view.result.strata.findIndex((s) => s.values.includes(populationValueOf('ageBand', band) ?? ''));
    const x = view.result.strata.map(() => new Map<string, number>());
    const keyOf = new Map(options.map((o) => [o.id, o.key]));
    for (const a of answers) {
      const s = stratumOf(a.age_band);
      if (s < 0) continue;
      const key = keyOf.get(a.option_id!)!;
      x[s]!.set(key, (x[s]!.get(key) ?? 0) + Number(a.n));
    }
    const n = x.map((m) => [...m.values()].reduce((a, b) => a + b, 0));
    const P = view.result.strata.map((s) => s.values.reduce((sum, v) => sum + population.get(v)!, 0));
    const totalP = P.reduce((a, b) => a + b, 0);
    for (const row of view.result.rows) {
      const expected = x.reduce((sum, m, g) => sum + (P[g]! / totalP) * ((m.get(row.option) ?? 0) / n[g]!), 0);
      if (row.reweighted.kind === 'shown') expect(row.reweighted.proportion, row.option).toBeCloseTo(expected, 10);
    }
    expect(view.result.rows.some((r) => r.reweighted.kind === 'shown')).toBe(true);
    const deff = n.reduce((a, b) => a + b, 0) * P.reduce((sum, p, g) => sum + (p / totalP) ** 2 / n[g]!, 0);
    expect(view.result.designEffect).toBeCloseTo(deff, 10);
  });

  it('never counts a response marked as spam', async () => {
    const model = await whoWeHeardFrom(
      db,
      consultation,
      { baselineId: null, group: null, questionId: null, weightBy: null },
      { threshold: THRESHOLD, locale: 'en' },
    );
    const all = await db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('consultation_id', '=', consultation.id)
      .executeTakeFirstOrThrow();
    expect(model.total).toEqual({ kind: 'shown', value: Number(all.n) - spam.length });
  });
});
