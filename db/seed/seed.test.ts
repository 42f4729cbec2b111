import { createHash } from 'node:crypto';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxLengthOf, OTHER_MAX_LENGTH, STANDARD_OPTIONS } from '../../app/consultations/question-kinds';
import { isUnder13, YOUTH_AGE_BANDS } from '../../app/youth/ages';
import { canStandFor } from '../../app/youth/compatibility';
import { findConsultationByYouthCode, loadYouthDefinition } from '../../app/youth/definition.server';
import { createTestDb } from '../../tests/db';
import type { Db } from '../connection';
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

/** Flesch-Kincaid grade of a piece of English: a text without a full stop counts as one sentence. */
function readingGrade(text: string): number {
  const words = text.match(/[A-Za-z0-9’']+/g) ?? [];
  const sentences = Math.max(1, (text.match(/[.!?]+(\s|$)/g) ?? []).length);
  return fleschKincaid({ sentence: sentences, word: words.length, syllable: words.reduce((sum, w) => sum + syllable(w), 0) });
}

const SEVEN_STATEMENTS = ['yp_safe', 'yp_community', 'yp_voice', 'yp_health', 'yp_happy', 'yp_confident', 'yp_cared_for'];

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
    expect(kinds.map((k) => k.kind).sort()).toEqual(
      ['agree_scale', 'long_text', 'multiple_choice', 'ranking', 'rating', 'short_text', 'single_choice', 'yes_no'],
    );
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
      expect(row.reference).toMatch(/^HRD-[2-9A-HJ-NP-Z]{8}$/);
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
    const youthVersions = new Set(
      (await db.selectFrom('consultations').select('id').where('youth_code', 'is not', null).execute()).map((c) => c.id),
    );
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
    const have = new Set(
      translations.filter((t) => t.value.trim() !== '').map((t) => `${t.entity_type}:${t.entity_id}:${t.field}:${t.locale}`),
    );
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

  describe("the young people's version of the One Stockport conversation", () => {
    async function youthDef() {
      const consultation = await findConsultationByYouthCode(db, 'onestockport');
      expect(consultation?.slug).toBe('one-stockport-conversation');
      const def = await loadYouthDefinition(db, consultation!, 'en');
      expect(def).not.toBeNull();
      return def!;
    }

    async function youthResponses() {
      return db
        .selectFrom('responses')
        .selectAll()
        .where('consultation_id', '=', await consultationId(db, 'one-stockport-conversation'))
        .where('respondent_group', '=', 'young_person')
        .orderBy('id')
        .execute();
    }

    it('is reached with the code onestockport and asks one thing a screen, ending with the seven statements', async () => {
      const def = await youthDef();
      expect(def.items.map((item) => item.key)).toEqual([
        'best_thing',
        'proud_words',
        'future_important',
        'matters_most',
        'covid_connected',
        ...SEVEN_STATEMENTS,
      ]);
      expect(def.items.filter((item) => !item.mapped).map((item) => item.key)).toEqual(SEVEN_STATEMENTS);
      // Only the young people's version has a code; the other demo consultations have none.
      const codes = await db.selectFrom('consultations').select(['slug', 'youth_code']).where('youth_code', 'is not', null).execute();
      expect(codes).toEqual([{ slug: 'one-stockport-conversation', youth_code: 'onestockport' }]);
    });

    it('keeps the seven statements in a section only young people see, as agree_scale questions', async () => {
      const id = await consultationId(db, 'one-stockport-conversation');
      const sections = await db.selectFrom('sections').select(['key', 'audience']).where('consultation_id', '=', id).orderBy('position').execute();
      expect(sections.filter((s) => s.audience === 'young_people').map((s) => s.key)).toEqual(['young_people_only']);
      const questions = await db
        .selectFrom('questions')
        .innerJoin('sections', 'sections.id', 'questions.section_id')
        .select(['questions.id', 'questions.key', 'questions.kind', 'questions.required'])
        .where('sections.key', '=', 'young_people_only')
        .where('questions.consultation_id', '=', id)
        .orderBy('questions.position')
        .execute();
      expect(questions.map((q) => q.key)).toEqual(SEVEN_STATEMENTS);
      for (const question of questions) {
        expect([question.kind, question.required]).toEqual(['agree_scale', 0]);
        const options = await db.selectFrom('options').select('key').where('question_id', '=', question.id).orderBy('position').execute();
        expect(options.map((o) => o.key)).toEqual(STANDARD_OPTIONS.agree_scale);
      }
    });

    it('maps every item onto a question it can stand for, and every youth option onto an option of that question', async () => {
      const def = await youthDef();
      const questions = await db.selectFrom('questions').selectAll().execute();
      const options = await db.selectFrom('options').selectAll().execute();
      const keyOf = (id: number) => questions.find((q) => q.id === id)?.key;
      expect(Object.fromEntries(def.items.map((item) => [item.key, keyOf(item.questionId)]))).toEqual({
        best_thing: 'best_thing',
        proud_words: 'proud_words',
        future_important: 'future_important',
        matters_most: 'top_priorities',
        covid_connected: 'covid_connected',
        ...Object.fromEntries(SEVEN_STATEMENTS.map((key) => [key, key])),
      });
      for (const item of def.items) {
        const question = questions.find((q) => q.id === item.questionId)!;
        expect(question.consultation_id).toBe(def.consultationId);
        expect(question.kind).toBe(item.questionKind);
        expect(canStandFor(item.kind, question.kind), `${item.key}: ${item.kind} for ${question.kind}`).toBe(true);
        for (const option of item.options) {
          expect(options.find((o) => o.id === option.optionId)?.question_id, `${item.key}/${option.key}`).toBe(question.id);
        }
        if (item.kind === 'agree_scale') {
          // Faces from "Yes, a lot" to "No, not at all", each counting as the main option it means.
          expect(item.options.map((o) => o.key)).toEqual(STANDARD_OPTIONS.agree_scale);
          expect(item.options.map((o) => options.find((x) => x.id === o.optionId)?.key)).toEqual(STANDARD_OPTIONS.agree_scale);
          expect(item.options.map((o) => o.label)).toEqual(['Yes, a lot', 'Yes', 'Not sure', 'No', 'No, not at all']);
        }
        if (item.kind === 'single_choice' || item.kind === 'multiple_choice') {
          expect(item.options.every((o) => o.picture !== null)).toBe(true);
          // Fewer, simpler choices than the main question.
          expect(new Set(item.options.map((o) => o.optionId)).size).toBeLessThan(options.filter((o) => o.question_id === question.id).length);
        }
        if (item.kind === 'long_text' || item.kind === 'short_text') {
          expect(item.maxLength ?? Infinity).toBeLessThanOrEqual(maxLengthOf(question));
        }
      }
      const future = def.items.find((item) => item.key === 'future_important')!;
      expect(future.maxSelections).toBe(3);
      // Two youth options may count as one main option.
      expect(new Set(future.options.map((o) => o.optionId)).size).toBeLessThan(future.options.length);
    });

    it('writes words a young person can read (Flesch-Kincaid grade 5 or below), in Polish and Urdu too', async () => {
      const def = await youthDef();
      const texts = def.items.flatMap((item) => [item.text, item.hint, ...item.options.map((o) => o.label)]).filter((t) => t !== '');
      const hard = texts.filter((text) => readingGrade(text) > 5).map((text) => `${readingGrade(text).toFixed(1)}: ${text}`);
      expect(hard).toEqual([]);
      for (const locale of ['pl', 'ur'] as const) {
        const translated = await loadYouthDefinition(db, (await findConsultationByYouthCode(db, 'onestockport'))!, locale);
        for (const [index, item] of translated!.items.entries()) {
          expect(item.text).not.toBe(def.items[index]!.text);
          item.options.forEach((o, i) => expect(o.label).not.toBe(def.items[index]!.options[i]!.label));
        }
      }
    });

    it("has 1,000 young people, who answered the young people's version", async () => {
      const responses = await youthResponses();
      expect(responses).toHaveLength(1000);
      const channels = new Map<string, number>();
      for (const r of responses) channels.set(r.channel, (channels.get(r.channel) ?? 0) + 1);
      // The young people's form, and some school workshops that filled in the same form.
      expect([...channels.keys()].sort()).toEqual(['workshop', 'young_people']);
      expect(channels.get('young_people')!).toBeGreaterThan(800);
      for (const r of responses) {
        expect(r.respondent_group).toBe('young_person');
        expect(YOUTH_AGE_BANDS).toContain(r.age_band);
      }
      expect(new Set(responses.map((r) => r.age_band)).size).toBe(YOUTH_AGE_BANDS.length);
    });

    it('stores their answers only against the questions the youth items point to', async () => {
      const def = await youthDef();
      const id = await consultationId(db, 'one-stockport-conversation');
      const youthQuestionIds = new Set(def.items.map((item) => item.questionId));
      const youthOnlyIds = new Set(def.items.filter((item) => !item.mapped).map((item) => item.questionId));
      const rows = await db
        .selectFrom('answers')
        .innerJoin('responses', 'responses.id', 'answers.response_id')
        .select(['answers.question_id', 'answers.option_id', 'answers.rank', 'responses.respondent_group'])
        .where('responses.consultation_id', '=', id)
        .execute();
      const young = rows.filter((r) => r.respondent_group === 'young_person');
      expect(young.length).toBeGreaterThan(1000 * 8);
      expect(young.filter((r) => !youthQuestionIds.has(r.question_id))).toEqual([]);
      // Every item was answered by someone, and only young people answer the seven statements.
      expect(new Set(young.map((r) => r.question_id))).toEqual(youthQuestionIds);
      expect(rows.filter((r) => r.respondent_group !== 'young_person' && youthOnlyIds.has(r.question_id))).toEqual([]);
      // "Which one matters most to you?" counts as the first choice of the ranking.
      const ranking = def.items.find((item) => item.key === 'matters_most')!;
      const ranked = young.filter((r) => r.question_id === ranking.questionId);
      expect(ranked.length).toBeGreaterThan(800);
      expect(ranked.every((r) => r.rank === 1 && ranking.options.some((o) => o.optionId === r.option_id))).toBe(true);
      // Every chosen option is one a youth option counts as.
      for (const item of def.items.filter((i) => i.options.length > 0)) {
        const allowed = new Set(item.options.map((o) => o.optionId));
        expect(young.filter((r) => r.question_id === item.questionId && !allowed.has(r.option_id!))).toEqual([]);
      }
    });

    it('reflects how young people feel: most feel safe, about 40% feel their voice is heard', async () => {
      const def = await youthDef();
      const options = await db.selectFrom('options').select(['id', 'key']).execute();
      const keyOf = new Map(options.map((o) => [o.id, o.key]));
      const agreeShare = async (itemKey: string) => {
        const item = def.items.find((i) => i.key === itemKey)!;
        const rows = await db.selectFrom('answers').select('option_id').where('question_id', '=', item.questionId).execute();
        return rows.filter((r) => ['strongly_agree', 'agree'].includes(keyOf.get(r.option_id!)!)).length / rows.length;
      };
      expect(await agreeShare('yp_safe')).toBeGreaterThan(0.65);
      expect(await agreeShare('yp_voice')).toBeCloseTo(0.4, 1);
    });

    it('never identifies under-13s, and asks those of 13 and over only for a postcode district and quote consent', async () => {
      const responses = await youthResponses();
      const under13 = responses.filter((r) => isUnder13(r.age_band));
      const older = responses.filter((r) => !isUnder13(r.age_band));
      expect(under13.length).toBeGreaterThan(200);
      for (const r of under13) {
        expect([r.never_attribute, r.quote_consent, r.quote_credit, r.quote_name, r.postcode_district]).toEqual([1, 0, null, null, null]);
      }
      for (const r of responses) {
        expect([r.sex, r.gender_identity, r.ethnicity, r.disability, r.carer, r.religion, r.sexual_orientation, r.ward_code]).toEqual(
          Array(8).fill(null),
        );
      }
      expect(older.every((r) => r.never_attribute === 0)).toBe(true);
      const districts = older.map((r) => r.postcode_district).filter((d) => d !== null);
      expect(districts.length).toBeGreaterThan(older.length * 0.3);
      expect(districts.every((d) => /^SK[1-8]$/.test(d))).toBe(true);
      expect(older.filter((r) => r.quote_consent === 1).length).toBeGreaterThan(10);
      // Names only from 16.
      expect(older.filter((r) => r.quote_name !== null && r.age_band === '13_15')).toEqual([]);
    });

    it("leaves the young people of consultations without a young people's version as they were", async () => {
      const rows = await db
        .selectFrom('responses')
        .innerJoin('consultations', 'consultations.id', 'responses.consultation_id')
        .select(['responses.age_band', 'responses.never_attribute', 'responses.postcode_district'])
        .where('consultations.youth_code', 'is', null)
        .where('responses.respondent_group', '=', 'young_person')
        .execute();
      expect(rows.length).toBeGreaterThan(50);
      expect(rows.every((r) => r.age_band === null || ['under_16', '16_17', '18_24'].includes(r.age_band))).toBe(true);
      expect(rows.every((r) => r.never_attribute === 0 && r.postcode_district === null)).toBe(true);
    });
  });

  it('adds nothing when consultations already exist', async () => {
    const before = await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const summary = await seedDemo(db, { today: TODAY });
    const after = await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
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
    await expect(
      generateResponses(db, { consultationSlug: 'one-stockport-conversation', count: 10, seed: 10, today: TODAY }),
    ).rejects.toThrow(/already exist/);
  });
});
