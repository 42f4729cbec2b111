import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxLengthOf, STANDARD_OPTIONS } from '../../app/consultations/question-kinds';
import { isBelowCreditAge, YOUTH_AGE_BANDS } from '../../app/responses/youth/ages';
import { canStandFor } from '../../app/consultations/versions/youth-compatibility';
import { loadYouthDefinition } from '../../app/consultations/versions/youth-definition.server';
import { createTestDb } from '../../tests/db';
import { readability } from '../../tests/readability';
import type { Db } from '../connection';
import { seedDemo } from './index';
import { findConsultationByYouthCode } from '../../app/consultations/find.server';
import { pictureOf } from '~/responses/components/youth/pictures';

// The demo's young people's version and the 1,000 young people who answered it.

const TODAY = new Date('2026-11-22T10:30:00Z');
const SEVEN_STATEMENTS = ['yp_safe', 'yp_community', 'yp_voice', 'yp_health', 'yp_happy', 'yp_confident', 'yp_cared_for'];

let db: Db;
let destroy: () => Promise<void>;
beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedDemo(db, { today: TODAY });
});
afterAll(() => destroy());

async function consultationId(db: Db, slug: string): Promise<number> {
  return (await db.selectFrom('consultations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

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
      'covid_affected',
      'covid_effects',
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
      covid_affected: 'covid_affected',
      covid_effects: 'covid_effects',
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
        // Every picture is one of the drawn ones, never an emoji left to the device's fonts.
        expect(item.options.filter((o) => pictureOf(o.picture)?.kind !== 'drawn').map((o) => o.picture)).toEqual([]);
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
    const hard = texts.filter((text) => readability([text]).grade > 5).map((text) => `${readability([text]).grade.toFixed(1)}: ${text}`);
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
    const under13 = responses.filter((r) => isBelowCreditAge(r.age_band));
    const older = responses.filter((r) => !isBelowCreditAge(r.age_band));
    expect(under13.length).toBeGreaterThan(200);
    for (const r of under13) {
      expect([r.never_attribute, r.quote_consent, r.quote_credit, r.quote_name, r.postcode_district]).toEqual([1, 0, null, null, null]);
    }
    for (const r of responses) {
      expect([r.sex, r.gender_identity, r.ethnicity, r.disability, r.carer, r.religion, r.sexual_orientation, r.ward_code]).toEqual(Array(8).fill(null));
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
