import { parseWithZod } from '@conform-to/zod/v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import type { ConsultationDef } from '~/consultations/definition';
import { createConsultation } from '../../tests/factories';
import { createTestDb } from '../../tests/db';
import { submissionSchema } from './form-schema';
import { DEFAULT_SAFEGUARDING_AGES } from './safeguarding';
import { submitResponse } from './submit.server';

let db: Db;
let destroy: () => Promise<void>;
let def: ConsultationDef;
const WARDS = ['E05000779', 'E05000780'];

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  const id = await createConsultation(db, {
    slug: 'every-kind',
    sections: [
      {
        key: 'main',
        questions: [
          { key: 'colour', kind: 'single_choice', required: true, options: ['red', 'green'], otherOption: 'other' },
          { key: 'parks', kind: 'multiple_choice', options: ['a', 'b', 'c', 'd'], maxSelections: 2, otherOption: 'else' },
          { key: 'happy', kind: 'yes_no' },
          { key: 'safe', kind: 'agree_scale' },
          { key: 'score', kind: 'rating', ratingMax: 5 },
          { key: 'top', kind: 'ranking', options: ['p1', 'p2', 'p3', 'p4'], rankCount: 3 },
          { key: 'name_it', kind: 'short_text', maxLength: 20 },
          { key: 'story', kind: 'long_text', maxLength: 50 },
        ],
      },
    ],
  });
  const row = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  def = await loadConsultationDefinition(db, row, 'en');
});
afterAll(() => destroy());

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

const good: [string, string][] = [
  ['q-colour', 'other'],
  ['q-colour-other', 'Purple'],
  ['q-parks', 'a'],
  ['q-parks', 'c'],
  ['q-happy', 'yes'],
  ['q-safe', 'disagree'],
  ['q-score', '4'],
  ['q-top[0]', 'p3'],
  ['q-top[1]', ''],
  ['q-top[2]', 'p1'],
  ['q-name_it', '  Edgeley  '],
  ['q-story', 'We need more benches.'],
  ['age_band', '25_34'],
  ['ethnicity', 'asian_pakistani'],
  ['ward', 'E05000780'],
  ['connections', 'live'],
  ['connections', 'business'],
  ['quote_consent', 'yes'],
  ['quote_credit', 'name_age_area'],
  ['quote_name', 'Millie'],
];

function parse(entries: [string, string][]) {
  return parseWithZod(form(entries), { schema: submissionSchema(def.sections, WARDS, DEFAULT_SAFEGUARDING_AGES) });
}

async function countRows() {
  const responses = await db.selectFrom('responses').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const answers = await db.selectFrom('answers').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { responses: Number(responses.n), answers: Number(answers.n) };
}

async function submit(entries: [string, string][], key: string) {
  const submission = parse([...entries, ['idempotencyKey', key]]);
  if (submission.status !== 'success') throw new Error(JSON.stringify(submission.error));
  return submitResponse(db, def, submission.value, {
    idempotencyKey: key,
    locale: 'pl',
    channel: 'online',
    draftToken: null,
    now: new Date('2026-11-20T10:00:00Z'),
  });
}

describe('submitting a response', () => {
  it('stores every kind of answer as one row per chosen thing, with the demographics as given', async () => {
    const before = await countRows();
    const result = await submit(good, 'key-every-kind');
    expect(result.duplicate).toBe(false);
    expect(result.reference).toMatch(/^HRD-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    const response = await db.selectFrom('responses').selectAll().where('reference', '=', result.reference).executeTakeFirstOrThrow();
    expect(response).toMatchObject({
      channel: 'online',
      locale: 'pl',
      respondent_group: 'business',
      age_band: '25_34',
      ethnicity: 'asian_pakistani',
      ward_code: 'E05000780',
      sex: null,
      lives_in_area: 1,
      runs_business: 1,
      works_in_area: 0,
      quote_consent: 1,
      quote_credit: 'name_age_area',
      quote_name: 'Millie',
      submitted_at: '2026-11-20T10:00:00.000Z',
    });

    const answers = await db
      .selectFrom('answers')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .leftJoin('options', 'options.id', 'answers.option_id')
      .select(['questions.key as question', 'options.key as option', 'answers.rank', 'answers.value_number', 'answers.value_text'])
      .where('answers.response_id', '=', response.id)
      .orderBy('answers.id')
      .execute();
    expect(answers).toEqual([
      { question: 'colour', option: 'other', rank: null, value_number: null, value_text: 'Purple' },
      { question: 'parks', option: 'a', rank: null, value_number: null, value_text: null },
      { question: 'parks', option: 'c', rank: null, value_number: null, value_text: null },
      { question: 'happy', option: 'yes', rank: null, value_number: null, value_text: null },
      { question: 'safe', option: 'disagree', rank: null, value_number: null, value_text: null },
      { question: 'score', option: null, rank: null, value_number: 4, value_text: null },
      { question: 'top', option: 'p3', rank: 1, value_number: null, value_text: null },
      { question: 'top', option: 'p1', rank: 2, value_number: null, value_text: null },
      { question: 'name_it', option: null, rank: null, value_number: null, value_text: 'Edgeley' },
      { question: 'story', option: null, rank: null, value_number: null, value_text: 'We need more benches.' },
    ]);
    expect(await countRows()).toEqual({ responses: before.responses + 1, answers: before.answers + 10 });
  });

  it('stores the same submission once, however often it arrives', async () => {
    const before = await countRows();
    const first = await submit(good, 'key-twice');
    const again = await submit(good, 'key-twice');
    const racing = await Promise.all([submit(good, 'key-race'), submit(good, 'key-race'), submit(good, 'key-race')]);
    expect(again).toEqual({ reference: first.reference, duplicate: true });
    expect(new Set(racing.map((r) => r.reference)).size).toBe(1);
    expect(racing.filter((r) => !r.duplicate)).toHaveLength(1);
    expect((await countRows()).responses).toBe(before.responses + 2);
  });

  it('stores nothing at all when any answer cannot be stored', async () => {
    const before = await countRows();
    // Content broken underneath the form: an option the question no longer has.
    const broken: ConsultationDef = {
      ...def,
      sections: def.sections.map((s) => ({
        ...s,
        questions: s.questions.map((q) => (q.key === 'top' ? { ...q, options: q.options.map((o) => ({ ...o, id: 999_999 })) } : q)),
      })),
    };
    const submission = parse([...good, ['idempotencyKey', 'key-broken']]);
    if (submission.status !== 'success') throw new Error('expected valid');
    await expect(
      submitResponse(db, broken, submission.value, { idempotencyKey: 'key-broken', locale: 'en', channel: 'online', draftToken: null, now: new Date() }),
    ).rejects.toThrow();
    expect(await countRows()).toEqual(before);
  });
});

describe('An idempotency key is matched across consultations', () => {
  it("stores a response under another consultation's key as new, in its own consultation", async () => {
    const otherId = await createConsultation(db, {
      slug: 'another-one',
      sections: [{ key: 'main', questions: [{ key: 'colour', kind: 'single_choice', options: ['red', 'green'] }] }],
    });
    const otherRow = await db.selectFrom('consultations').selectAll().where('id', '=', otherId).executeTakeFirstOrThrow();
    const other = await loadConsultationDefinition(db, otherRow, 'en');
    const shared = 'key-shared-between-consultations';
    const theirs = await submitResponse(
      db,
      other,
      { 'q-colour': 'red' },
      { idempotencyKey: shared, locale: 'en', channel: 'online', draftToken: null, now: new Date() },
    );

    const ours = await submit(good, shared);
    expect(ours.duplicate).toBe(false);
    expect(ours.reference).not.toBe(theirs.reference);
    const stored = await db.selectFrom('responses').select(['consultation_id', 'reference']).where('idempotency_key', '=', shared).orderBy('id').execute();
    expect(stored).toEqual([
      { consultation_id: otherId, reference: theirs.reference },
      { consultation_id: def.id, reference: ours.reference },
    ]);
    const answers = await db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .select('answers.id')
      .where('responses.reference', '=', ours.reference)
      .execute();
    expect(answers.length).toBeGreaterThan(5);
    // Within its own consultation the key still means "the same response again".
    expect(await submit(good, shared)).toEqual({ reference: ours.reference, duplicate: true });
  });
});

describe('validating a submission', () => {
  const without = (name: string) => good.filter(([k]) => k !== name);
  const errorsOf = (entries: readonly (readonly [string, string])[]): Record<string, string[] | null> => {
    const submission = parse([...entries.map(([k, v]): [string, string] => [k, v]), ['idempotencyKey', 'k']]);
    return submission.status === 'success' ? {} : (submission.error ?? {});
  };

  it('accepts a complete, valid submission', () => {
    expect(errorsOf(good)).toEqual({});
  });

  it.each([
    ['a required question left out', without('q-colour'), 'q-colour', ['selectOne']],
    ['an option that does not exist', [...without('q-happy'), ['q-happy', 'maybe']], 'q-happy', ['invalidOption']],
    ['too many choices', [...without('q-parks'), ['q-parks', 'a'], ['q-parks', 'b'], ['q-parks', 'd']], 'q-parks', ['tooMany|2']],
    ['"Other" without saying what', [...without('q-colour-other')], 'q-colour-other', ['enterOther']],
    ['text over its limit', [...without('q-name_it'), ['q-name_it', 'x'.repeat(21)]], 'q-name_it', ['tooLong|20']],
    ['a ranking with the same item twice', [...without('q-top[2]'), ['q-top[2]', 'p3']], 'q-top', ['rankDuplicate']],
    ['a rating out of range', [...without('q-score'), ['q-score', '6']], 'q-score', ['invalidOption']],
    ['an unknown ward', [...without('ward'), ['ward', 'E99999999']], 'ward', ['invalidOption']],
    ['consent to quote without saying how', without('quote_credit'), 'quote_credit', ['chooseCredit']],
  ] as const)('rejects %s with a message on that field', (_, entries, field, expected) => {
    expect(errorsOf(entries)[field]).toEqual(expected);
  });

  it('rejects a tampered question key for the whole form', () => {
    expect(errorsOf([...good, ['q-hacked', 'yes']])['']).toEqual(['unexpectedField']);
  });

  it('rejects a response with no answers to any question, alongside the other problems', () => {
    const errors = errorsOf([['age_band', '25_34']]);
    expect(errors['']).toContain('noAnswers');
    expect(errors['q-colour']).toEqual(['selectOne']);
  });

  it('reports every problem at once, not one after another', () => {
    const errors = errorsOf([...without('q-colour-other').filter(([k]) => k !== 'quote_credit'), ['q-happy', 'maybe']]);
    expect(Object.keys(errors).sort()).toEqual(['q-colour-other', 'q-happy', 'quote_credit']);
  });

  it('counts characters the same way the page does, Urdu included', () => {
    expect(errorsOf([...without('q-name_it'), ['q-name_it', 'ہم'.repeat(10)]])['q-name_it']).toBeUndefined();
    expect(errorsOf([...without('q-name_it'), ['q-name_it', 'ہم'.repeat(10) + 'ا']])['q-name_it']).toEqual(['tooLong|20']);
  });
});

describe('long answers', () => {
  it('count and store line breaks the same with or without JavaScript', () => {
    const crlf = parse([...good.filter(([k]) => k !== 'q-story'), ['q-story', 'Line one\r\nLine two'], ['idempotencyKey', 'k']]);
    const lf = parse([...good.filter(([k]) => k !== 'q-story'), ['q-story', 'Line one\nLine two'], ['idempotencyKey', 'k']]);
    const story = (r: typeof crlf) => (r.status === 'success' ? (r.value as Record<string, unknown>)['q-story'] : undefined);
    expect(story(crlf)).toBe('Line one\nLine two');
    expect(story(lf)).toBe('Line one\nLine two');
    // Ten lines of 4 letters, 9 breaks and one more letter: 50 characters, the limit, only if a break counts once.
    const lines = Array.from({ length: 10 }, () => 'abcd').join('\r\n');
    const atLimit = parse([...good.filter(([k]) => k !== 'q-story'), ['q-story', `${lines}x`], ['idempotencyKey', 'k']]);
    expect(atLimit.status).toBe('success');
  });
});

describe('a child on the adult form', () => {
  const child = (age: string, extra: [string, string][]): [string, string][] => [
    ['q-colour', 'red'],
    ['age_band', age],
    ['idempotencyKey', `child-${age}-${extra.length}`],
    ...extra,
  ];
  const codes = (submission: ReturnType<typeof parse>) => Object.values(submission.reply().error ?? {}).flat();

  it('refuses a post that gives sexual orientation or gender identity with an under-16 age band', () => {
    expect(codes(parse(child('under_16', [['sexual_orientation', 'bisexual']])))).toContain('notAskedAtAge');
    expect(codes(parse(child('under_16', [['gender_identity', 'different']])))).toContain('notAskedAtAge');
    // Not asked without an age known to be old enough either: the page is never shown.
    expect(codes(parse(child('prefer_not_to_say', [['sexual_orientation', 'bisexual']])))).toContain('notAskedAtAge');
    expect(parse(child('16_17', [['sexual_orientation', 'bisexual']])).status).toBe('success');
  });

  it('refuses a post that asks for an under-16 to be credited by name', () => {
    const byName: [string, string][] = [
      ['quote_consent', 'yes'],
      ['quote_credit', 'name_age_area'],
      ['quote_name', 'Sam'],
    ];
    expect(codes(parse(child('under_16', byName)))).toContain('notAskedAtAge');
    expect(parse(child('under_16', [['quote_consent', 'yes']])).status).toBe('success');
    expect(parse(child('16_17', byName)).status).toBe('success');
  });

  it('stores a child who agreed to be quoted as never to be named, with nothing sensitive', async () => {
    const { reference } = await submitResponse(
      db,
      def,
      // What reached the store without the schema: the last line of defence still holds.
      {
        'q-colour': 'red',
        age_band: 'under_16',
        sexual_orientation: 'gay_lesbian',
        gender_identity: 'different',
        quote_consent: 'yes',
        quote_credit: 'name_age_area',
        quote_name: 'Sam',
      },
      { idempotencyKey: 'child-stored', locale: 'en', channel: 'online', draftToken: null, now: new Date('2026-11-20T10:00:00Z') },
    );
    const row = await db.selectFrom('responses').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      age_band: 'under_16',
      sexual_orientation: null,
      gender_identity: null,
      quote_consent: 1,
      quote_credit: 'anonymous',
      quote_name: null,
      never_attribute: 1,
    });
  });
});
