import { parseWithZod } from '@conform-to/zod/v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { createConsultation } from '../../../tests/factories';
import { createTestDb } from '../../../tests/db';
import { youthAnswerRowsOf } from './answers';
import { canStandFor } from '../../consultations/versions/youth-compatibility';
import type { YouthDef, YouthItemDef } from '../../consultations/versions/youth-definition';
import { loadYouthDefinition } from '../../consultations/versions/youth-definition.server';
import { youthSubmissionSchema } from './form-schema';
import { submitYouthResponse } from './submit.server';
import { youthSteps } from './steps';

const item = (over: Partial<YouthItemDef>): YouthItemDef => ({
  id: 1,
  key: 'best',
  kind: 'single_choice',
  text: 'What is best?',
  hint: '',
  required: false,
  maxSelections: null,
  maxLength: null,
  questionId: 10,
  questionKind: 'single_choice',
  mapped: true,
  options: [
    { key: 'parks', label: 'Parks', picture: '🌳', optionId: 101 },
    { key: 'woods', label: 'Woods', picture: '🌲', optionId: 101 },
    { key: 'shops', label: 'Shops', picture: null, optionId: 102 },
  ],
  ...over,
});

describe('mapping a young person’s answer onto the main question', () => {
  it('stores a youth option as the main option it maps to', () => {
    expect(youthAnswerRowsOf(item({}), { 'q-best': 'shops' })).toEqual([{ question_id: 10, option_id: 102, rank: null, value_number: null, value_text: null }]);
  });

  it('counts two youth options that mean the same main option once', () => {
    const rows = youthAnswerRowsOf(item({ kind: 'multiple_choice', questionKind: 'multiple_choice' }), { 'q-best': ['parks', 'woods', 'shops'] });
    expect(rows.map((r) => r.option_id)).toEqual([101, 102]);
  });

  it('stores one pick on a ranking question as its first choice', () => {
    expect(youthAnswerRowsOf(item({ questionKind: 'ranking' }), { 'q-best': 'shops' })).toEqual([
      { question_id: 10, option_id: 102, rank: 1, value_number: null, value_text: null },
    ]);
  });

  it('keeps words as words, and stores nothing for a skipped question', () => {
    const words = item({ kind: 'long_text', questionKind: 'long_text', options: [] });
    expect(youthAnswerRowsOf(words, { 'q-best': '  The park by the river  ' })[0]?.value_text).toBe('The park by the river');
    expect(youthAnswerRowsOf(words, {})).toEqual([]);
  });

  it('refuses an option the item does not have rather than guess', () => {
    expect(() => youthAnswerRowsOf(item({}), { 'q-best': 'castles' })).toThrow(/no option castles/);
  });

  it('only lets a youth question stand for a main question that means the same', () => {
    expect(canStandFor('single_choice', 'ranking')).toBe(true);
    expect(canStandFor('agree_scale', 'agree_scale')).toBe(true);
    expect(canStandFor('agree_scale', 'yes_no')).toBe(false);
    expect(canStandFor('long_text', 'single_choice')).toBe(false);
  });
});

describe('a young person’s response', () => {
  let db: Db;
  let destroy: () => Promise<void>;
  let def: YouthDef;

  beforeAll(async () => {
    ({ db, destroy } = await createTestDb());
    const consultationId = await createConsultation(db, {
      slug: 'for-young-people',
      sections: [
        {
          key: 'main',
          questions: [
            { key: 'best_thing', kind: 'single_choice', options: ['parks', 'shops', 'transport'] },
            { key: 'story', kind: 'long_text' },
          ],
        },
      ],
    });
    await db.updateTable('consultations').set({ youth_code: 'young-test' }).where('id', '=', consultationId).execute();
    const questions = await db.selectFrom('questions').select(['id', 'key']).where('consultation_id', '=', consultationId).execute();
    const options = await db.selectFrom('options').select(['id', 'key']).execute();
    const q = (key: string) => questions.find((x) => x.key === key)!.id;
    const o = (key: string) => options.find((x) => x.key === key)!.id;
    const { id: best } = await db
      .insertInto('youth_items')
      .values({
        consultation_id: consultationId,
        question_id: q('best_thing'),
        key: 'best',
        position: 1,
        kind: 'single_choice',
        text: 'What is the best thing?',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('youth_options')
      .values([
        { youth_item_id: best, key: 'parks', position: 1, label: 'Parks', option_id: o('parks') },
        { youth_item_id: best, key: 'buses', position: 2, label: 'Buses', option_id: o('transport') },
      ])
      .execute();
    await db
      .insertInto('youth_items')
      .values({ consultation_id: consultationId, question_id: q('story'), key: 'words', position: 2, kind: 'long_text', text: 'Tell us more', max_length: 100 })
      .execute();
    const row = await db.selectFrom('consultations').selectAll().where('id', '=', consultationId).executeTakeFirstOrThrow();
    def = (await loadYouthDefinition(db, row, 'en'))!;
  });
  afterAll(() => destroy());

  const parse = (entries: [string, string][]) => {
    const form = new FormData();
    for (const [k, v] of [...entries, ['idempotencyKey', 'k'] as [string, string]]) form.append(k, v);
    return parseWithZod(form, { schema: youthSubmissionSchema(def) });
  };

  it('is stored on the young people’s form, as a young person, counted on the main questions', async () => {
    const submission = parse([
      ['age_band', '16_17'],
      ['q-best', 'buses'],
      ['q-words', 'More buses at night'],
      ['postcode_district', 'sk4'],
      ['quote_consent', 'yes'],
      ['quote_credit', 'age_area'],
    ]);
    expect(submission.status).toBe('success');
    if (submission.status !== 'success') return;
    const { reference } = await submitYouthResponse(db, def, submission.value, { idempotencyKey: 'youth-1', locale: 'en', draftToken: null, now: new Date() });
    const response = await db.selectFrom('responses').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(response).toMatchObject({
      channel: 'young_people',
      respondent_group: 'young_person',
      age_band: '16_17',
      postcode_district: 'SK4',
      never_attribute: 0,
      quote_consent: 1,
      quote_credit: 'age_area',
    });
    const answers = await db
      .selectFrom('answers')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .leftJoin('options', 'options.id', 'answers.option_id')
      .select(['questions.key as question', 'options.key as option', 'answers.value_text'])
      .where('response_id', '=', response.id)
      .execute();
    expect(answers).toEqual([
      { question: 'best_thing', option: 'transport', value_text: null },
      { question: 'story', option: null, value_text: 'More buses at night' },
    ]);
  });

  it('never accepts anything identifying from an under-13, even from a tampered form', () => {
    const tampered = parse([
      ['age_band', '11_12'],
      ['q-best', 'parks'],
      ['postcode_district', 'SK4'],
    ]);
    expect(tampered.status).toBe('error');
    expect(tampered.status === 'error' && tampered.error?.['']).toContain('unexpectedField');
  });

  it('keeps an under-13’s words but marks them never to be quoted with attribution', async () => {
    const submission = parse([
      ['age_band', 'under_11'],
      ['q-words', 'I like the swings'],
    ]);
    if (submission.status !== 'success') throw new Error(JSON.stringify(submission.error));
    const { reference } = await submitYouthResponse(db, def, submission.value, { idempotencyKey: 'youth-2', locale: 'en', draftToken: null, now: new Date() });
    const response = await db.selectFrom('responses').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(response).toMatchObject({ age_band: 'under_11', never_attribute: 1, quote_consent: 0, quote_name: null, postcode_district: null });
  });

  it('follows the installation’s credit age: raised to 16, a 13–15 has no page about where they live and cannot send it', () => {
    const stricter = { creditMinAge: 16, sensitiveMinAge: 16 };
    expect(youthSteps(def, { age_band: '13_15' }).map((s) => s.id)).toContain('more');
    expect(youthSteps(def, { age_band: '13_15' }, stricter).map((s) => s.id)).not.toContain('more');
    expect(youthSteps(def, { age_band: '16_17' }, stricter).map((s) => s.id)).toContain('more');
    const form = new FormData();
    for (const [k, v] of [
      ['age_band', '13_15'],
      ['postcode_district', 'SK4'],
      ['idempotencyKey', 'k'],
    ])
      form.append(k!, v!);
    expect(parseWithZod(form, { schema: youthSubmissionSchema(def) }).status).toBe('success');
    const refused = parseWithZod(form, { schema: youthSubmissionSchema(def, stricter) });
    expect(refused.status === 'error' && refused.error?.['']).toContain('unexpectedField');
  });

  it('explains problems in young people’s words', () => {
    const result = parse([
      ['q-best', 'castles'],
      ['postcode_district', 'not a postcode'],
    ]);
    expect(result.status === 'error' && result.error).toMatchObject({
      age_band: ['youth:pickAge'],
      'q-best': ['youth:notOnList'],
      postcode_district: ['youth:postcodeShape'],
    });
  });
});
