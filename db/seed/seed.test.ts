import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxLengthOf, OTHER_MAX_LENGTH } from '../../app/consultations/question-kinds';
import { createTestDb } from '../../tests/db';
import { openDatabase, type Db } from '../connection';
import { migrateToLatest } from '../migrate';
import { TRANSLATABLE, type TranslatableEntity } from '../schema';
import { seedConsultations } from './consultations';
import { seedFramework } from './framework';
import { seedDemo, seedReference } from './index';
import { generateResponses } from './responses';

const TODAY = new Date('2026-11-22T10:30:00Z');
type TestDb = Awaited<ReturnType<typeof createTestDb>>;

const opened: TestDb[] = [];
async function freshDb(): Promise<Db> {
  const test = await createTestDb();
  opened.push(test);
  return test.db;
}
afterAll(async () => {
  for (const test of opened) await test.destroy();
});

async function consultationId(db: Db, slug: string): Promise<number> {
  return (await db.selectFrom('consultations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

describe('the demo seed', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDb();
    await seedDemo(db, { today: TODAY });
  });

  it('has the 21 wards of 2004-2022 in their area committees, in alphabetical order', async () => {
    const wards = await db.selectFrom('wards').selectAll().orderBy('position').execute();
    expect(wards).toHaveLength(21);
    expect(wards.map((w) => w.code).sort()).toEqual(Array.from({ length: 21 }, (_, i) => `E05000${779 + i}`));
    expect(wards.map((w) => w.name)).toEqual([...wards.map((w) => w.name)].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(wards.map((w) => w.position)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const byCommittee: Record<string, string[]> = {};
    for (const ward of wards) (byCommittee[ward.area_committee] ??= []).push(ward.name);
    // The table in DOMAIN.md.
    expect(byCommittee).toEqual({
      'Bramhall and Cheadle Hulme South': ['Bramhall North', 'Bramhall South and Woodford', 'Cheadle Hulme South'],
      Cheadle: ['Cheadle and Gatley', 'Cheadle Hulme North', 'Heald Green'],
      'Heatons and Reddish': ['Heatons North', 'Heatons South', 'Reddish North', 'Reddish South'],
      Marple: ['Marple North', 'Marple South and High Lane'],
      'Stepping Hill': ['Hazel Grove', 'Offerton', 'Stepping Hill'],
      'Stockport Central': ['Brinnington and Central', 'Davenport and Cale Green', 'Edgeley and Cheadle Heath', 'Manor'],
      Werneth: ['Bredbury and Woodley', 'Bredbury Green and Romiley'],
    });
  });

  it('has the One Stockport framework: 3 themes of 3 priorities', async () => {
    const priorities = await db
      .selectFrom('priorities')
      .innerJoin('themes', 'themes.id', 'priorities.theme_id')
      .select(['themes.key as theme', 'priorities.key', 'priorities.ambition'])
      .orderBy('priorities.position')
      .execute();
    expect(priorities.map((p) => `${p.theme}/${p.key}`)).toEqual([
      'one_heart/caring_growing',
      'one_heart/healthy_happy',
      'one_heart/strong_supportive',
      'one_home/fair_inclusive',
      'one_home/flourishing_creative',
      'one_home/climate_friendly',
      'one_future/enterprising_thriving',
      'one_future/skilled_confident',
      'one_future/radically_digital',
    ]);
    expect(priorities[5]?.ambition).toBe('Stockport is a responsible and sustainable borough');
  });

  it('has one consultation in each status, the draft with no responses', async () => {
    const rows = await db.selectFrom('consultations').select(['slug', 'status']).orderBy('id').execute();
    expect(rows).toEqual([
      { slug: 'one-stockport-conversation', status: 'open' },
      { slug: 'climate-friendly-stockport', status: 'open' },
      { slug: 'covid-impact-survey', status: 'closed' },
      { slug: 'parks-and-green-spaces', status: 'results_published' },
      { slug: 'library-opening-hours', status: 'draft' },
    ]);
    const draftResponses = await db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('consultation_id', '=', await consultationId(db, 'library-opening-hours'))
      .executeTakeFirstOrThrow();
    expect(Number(draftResponses.n)).toBe(0);
  });

  it('uses every kind of question in the One Stockport conversation', async () => {
    const kinds = await db
      .selectFrom('questions')
      .select('kind')
      .distinct()
      .where('consultation_id', '=', await consultationId(db, 'one-stockport-conversation'))
      .execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      'agree_scale',
      'long_text',
      'multiple_choice',
      'ranking',
      'rating',
      'short_text',
      'single_choice',
      'yes_no',
    ]);
  });

  it('has 3,800 responses to the conversation, 1,000 of them from young people', async () => {
    const groups = await db
      .selectFrom('responses')
      .select(['respondent_group', (eb) => eb.fn.countAll<number>().as('n')])
      .where('consultation_id', '=', await consultationId(db, 'one-stockport-conversation'))
      .groupBy('respondent_group')
      .execute();
    const total = groups.reduce((sum, g) => sum + Number(g.n), 0);
    expect(total).toBe(3800);
    expect(Number(groups.find((g) => g.respondent_group === 'young_person')?.n)).toBe(1000);
  });

  it('gives every response a unique reference and a time inside its consultation', async () => {
    const rows = await db
      .selectFrom('responses')
      .innerJoin('consultations', 'consultations.id', 'responses.consultation_id')
      .select(['responses.reference', 'responses.submitted_at', 'consultations.opens_at', 'consultations.closes_at'])
      .execute();
    expect(new Set(rows.map((r) => r.reference)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.reference).toMatch(/^HRD-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(row.submitted_at >= (row.opens_at ?? '')).toBe(true);
      expect(row.submitted_at <= [row.closes_at ?? '9', TODAY.toISOString()].sort()[0]!).toBe(true);
    }
  });

  it('writes only answers that are valid for their question', async () => {
    const questions = await db.selectFrom('questions').selectAll().execute();
    const options = await db.selectFrom('options').selectAll().execute();
    const responses = await db.selectFrom('responses').select(['id', 'consultation_id']).execute();
    const answers = await db.selectFrom('answers').selectAll().execute();
    const questionById = new Map(questions.map((q) => [q.id, q]));
    const optionById = new Map(options.map((o) => [o.id, o]));
    const consultationOf = new Map(responses.map((r) => [r.id, r.consultation_id]));
    const grouped = new Map<string, typeof answers>();
    for (const answer of answers) {
      const key = `${answer.response_id}:${answer.question_id}`;
      const rows = grouped.get(key);
      if (rows) rows.push(answer);
      else grouped.set(key, [answer]);
    }
    expect(answers.length).toBeGreaterThan(3800 * 12);

    for (const rows of grouped.values()) {
      const question = questionById.get(rows[0]!.question_id)!;
      expect(consultationOf.get(rows[0]!.response_id)).toBe(question.consultation_id);
      for (const row of rows) {
        if (row.option_id !== null) expect(optionById.get(row.option_id)?.question_id).toBe(question.id);
        if (row.value_text !== null && row.option_id !== null) {
          expect(optionById.get(row.option_id)?.is_other).toBe(1);
          expect(row.value_text.length).toBeLessThanOrEqual(OTHER_MAX_LENGTH);
        }
      }
      const optionIds = rows.map((r) => r.option_id);
      switch (question.kind) {
        case 'single_choice':
        case 'yes_no':
        case 'agree_scale':
          expect(rows).toHaveLength(1);
          expect(rows[0]!.option_id).not.toBeNull();
          expect([rows[0]!.rank, rows[0]!.value_number]).toEqual([null, null]);
          break;
        case 'multiple_choice':
          expect(rows.length).toBeLessThanOrEqual(question.max_selections ?? Infinity);
          expect(new Set(optionIds).size).toBe(rows.length);
          expect(optionIds).not.toContain(null);
          break;
        case 'ranking':
          expect(rows.length).toBeLessThanOrEqual(question.rank_count!);
          expect(rows.map((r) => r.rank).sort()).toEqual(rows.map((_, i) => i + 1));
          expect(new Set(optionIds).size).toBe(rows.length);
          expect(optionIds).not.toContain(null);
          break;
        case 'rating':
          expect(rows).toHaveLength(1);
          expect(rows[0]!.option_id).toBeNull();
          expect(rows[0]!.value_number).toBeGreaterThanOrEqual(1);
          expect(rows[0]!.value_number).toBeLessThanOrEqual(question.rating_max ?? 5);
          break;
        case 'short_text':
        case 'long_text':
          expect(rows).toHaveLength(1);
          expect(rows[0]!.option_id).toBeNull();
          expect(rows[0]!.value_text?.length).toBeGreaterThan(0);
          expect(rows[0]!.value_text!.length).toBeLessThanOrEqual(maxLengthOf(question));
          break;
      }
    }

    // Every response to the main form answers every required question of its consultation (young
    // people answering a young people's version are asked the youth items, none of them required).
    const youthVersions = new Set((await db.selectFrom('consultations').select('id').where('youth_code', 'is not', null).execute()).map((c) => c.id));
    const youthItems = await db.selectFrom('youth_items').select('required').execute();
    expect(youthItems.every((item) => item.required === 0)).toBe(true);
    const mainFormResponses = await db
      .selectFrom('responses')
      .select(['id', 'consultation_id', 'respondent_group'])
      .execute()
      .then((rows) => rows.filter((r) => !(youthVersions.has(r.consultation_id) && r.respondent_group === 'young_person')));
    for (const question of questions.filter((q) => q.required)) {
      const answered = new Set(answers.filter((a) => a.question_id === question.id).map((a) => a.response_id));
      const expected = mainFormResponses.filter((r) => r.consultation_id === question.consultation_id);
      expect(expected.every((r) => answered.has(r.id))).toBe(true);
    }
  });

  it('reflects the published findings (43% more connected, 48% keep supporting local businesses)', async () => {
    const id = await consultationId(db, 'one-stockport-conversation');
    const share = async (questionKey: string) => {
      const rows = await db
        .selectFrom('answers')
        .innerJoin('questions', 'questions.id', 'answers.question_id')
        .innerJoin('options', 'options.id', 'answers.option_id')
        .select(['options.key', (eb) => eb.fn.countAll<number>().as('n')])
        .where('questions.consultation_id', '=', id)
        .where('questions.key', '=', questionKey)
        .groupBy('options.key')
        .execute();
      const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
      const agree = rows.filter((r) => r.key === 'agree' || r.key === 'strongly_agree').reduce((sum, r) => sum + Number(r.n), 0);
      return agree / total;
    };
    expect(await share('covid_connected')).toBeCloseTo(0.43, 1);
    expect(await share('covid_local_business')).toBeCloseTo(0.48, 1);
  });

  it('translates every translatable field of the demo into Polish and Urdu', async () => {
    const entities: [TranslatableEntity, Record<string, unknown>[]][] = [
      ['theme', await db.selectFrom('themes').selectAll().execute()],
      ['priority', await db.selectFrom('priorities').selectAll().execute()],
      ['consultation', await db.selectFrom('consultations').selectAll().execute()],
      ['section', await db.selectFrom('sections').selectAll().execute()],
      ['question', await db.selectFrom('questions').selectAll().execute()],
      ['option', await db.selectFrom('options').selectAll().execute()],
      ['youth_item', await db.selectFrom('youth_items').selectAll().execute()],
      ['youth_option', await db.selectFrom('youth_options').selectAll().execute()],
    ];
    const translations = await db.selectFrom('translations').selectAll().execute();
    const have = new Set(translations.filter((t) => t.value.trim() !== '').map((t) => `${t.entity_type}:${t.entity_id}:${t.field}:${t.locale}`));
    const missing: string[] = [];
    let checked = 0;
    for (const [entity, rows] of entities) {
      for (const row of rows) {
        for (const field of TRANSLATABLE[entity]) {
          if (row[field] === '') continue;
          checked++;
          for (const locale of ['pl', 'ur']) {
            const key = `${entity}:${row.id}:${field}:${locale}`;
            if (!have.has(key)) missing.push(key);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(200);
    // Urdu is written in Urdu script.
    expect(translations.filter((t) => t.locale === 'ur').every((t) => /[\u0600-\u06FF]/.test(t.value))).toBe(true);
  });

  it('adds nothing when consultations already exist', async () => {
    const before = await db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const summary = await seedDemo(db, { today: TODAY });
    const after = await db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(summary.skipped).toBe(true);
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await seedReference(db)).toEqual({ wards: 0 });
  });
});

describe('generateResponses', () => {
  async function generated(seed: number) {
    const db = await freshDb();
    await seedReference(db);
    await seedFramework(db);
    await seedConsultations(db, TODAY);
    await generateResponses(db, { consultationSlug: 'one-stockport-conversation', count: 400, seed, today: TODAY });
    return db;
  }

  async function digest(db: Db): Promise<string> {
    const hash = createHash('sha256');
    hash.update(JSON.stringify(await db.selectFrom('responses').selectAll().orderBy('id').execute()));
    hash.update(JSON.stringify(await db.selectFrom('answers').selectAll().orderBy('id').execute()));
    hash.update(JSON.stringify(await db.selectFrom('not_asked').selectAll().orderBy('response_id').orderBy('question_id').execute()));
    return hash.digest('hex');
  }

  it('gives identical rows for the same seed and day, and different rows for another seed', async () => {
    const [a, b, c] = await Promise.all([generated(7), generated(7), generated(8)]);
    const [digestA, digestB, digestC] = await Promise.all([digest(a), digest(b), digest(c)]);
    expect(digestA).toBe(digestB);
    expect(digestC).not.toBe(digestA);
  });

  it('leaves the id sequence ready for the next response the app inserts', async () => {
    const db = await generated(9);
    const next = await db
      .insertInto('responses')
      .values({
        consultation_id: await consultationId(db, 'one-stockport-conversation'),
        reference: 'HRD-TESTTEST',
        idempotency_key: 'app-1',
        channel: 'online',
        respondent_group: 'resident',
        locale: 'en',
        submitted_at: TODAY.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(next.id).toBe(401);
  });

  it('refuses to add the same seed to a consultation twice', async () => {
    const db = await generated(10);
    await expect(generateResponses(db, { consultationSlug: 'one-stockport-conversation', count: 10, seed: 10, today: TODAY })).rejects.toThrow(/already exist/);
  });
});

describe('the demo on either database', () => {
  // The test database (PostgreSQL in the data layer's second run) against a fresh SQLite: the bulk
  // inserts differ by dialect (db/bulk.ts), the rows they store must not.
  async function rows(db: Db) {
    await seedDemo(db, { responses: 300, seed: 11, today: TODAY });
    return {
      responses: await db.selectFrom('responses').selectAll().orderBy('id').execute(),
      answers: await db.selectFrom('answers').selectAll().orderBy('id').execute(),
      notAsked: await db.selectFrom('not_asked').selectAll().orderBy('response_id').orderBy('question_id').execute(),
    };
  }

  it('stores the same responses and answers, ids and all, and keeps every foreign key', async () => {
    const sqlite = openDatabase(':memory:');
    try {
      await migrateToLatest(sqlite);
      const db = await freshDb();
      const [expected, stored] = await Promise.all([rows(sqlite), rows(db)]);
      expect(stored.responses.length).toBe(300 + 850);
      expect(stored.answers.length).toBe(expected.answers.length);
      expect(stored.responses).toEqual(expected.responses);
      expect(stored.answers).toEqual(expected.answers);
      expect(stored.notAsked.length).toBeGreaterThan(0);
      expect(stored.notAsked).toEqual(expected.notAsked);
      // The keys were checked after the load, not dropped: an answer to no response is refused.
      await expect(
        db
          .insertInto('answers')
          .values({ response_id: 999_999, question_id: stored.answers[0]!.question_id, option_id: null, rank: null, value_number: null, value_text: 'x' })
          .execute(),
      ).rejects.toThrow();
    } finally {
      await sqlite.destroy();
    }
  });
});
