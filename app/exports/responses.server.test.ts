import type { Readable } from 'node:stream';
import { text as readText } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Consultation, NewResponse } from '#db/schema';
import { seedWards } from '#db/seed/wards';
import { createTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import { REDACTED } from './redact';
import { responsesSource } from './responses.server';
import { streamRows } from './stream.server';

// The responses export as an officer opens it: the CSV parsed back with a CSV library, the Excel
// file read back with exceljs, the JSON parsed; one row per counted response, the columns the
// export promises, contact details and names nowhere.

let db: Db;
let destroy: () => Promise<void>;
let consultation: Consultation;
let ward: { code: string; name: string; area_committee: string };

const NAME = 'Jo Secretname';
const NOTE = 'Rang her back about the bins';
const FACILITATOR = 'Sam Facilitator';

const EXPECTED_KEYS = [
  'reference',
  'submitted_at',
  'channel',
  'respondent_group',
  'locale',
  'age_band',
  'sex',
  'gender_identity',
  'ethnicity',
  'disability',
  'carer',
  'religion',
  'sexual_orientation',
  'ward_code',
  'ward_name',
  'area_committee',
  'postcode_district',
  'lives_in_area',
  'works_in_area',
  'studies_in_area',
  'runs_business',
  'represents_group',
  'travel',
  'travel__label',
  'travel__other_text',
  'happy',
  'happy__label',
  'needs__bus',
  'needs__tram',
  'needs__bike',
  'order__parks',
  'order__roads',
  'order__shops',
  'score',
  'ideas',
];

async function addResponse(
  n: number,
  fields: Partial<NewResponse>,
  answers: { key: string; option?: string; rank?: number; number?: number; text?: string }[],
) {
  const { id } = await db
    .insertInto('responses')
    .values({
      consultation_id: consultation.id,
      reference: `HRD-TEST-${n}`,
      idempotency_key: `key-${n}`,
      channel: 'online',
      respondent_group: 'resident',
      locale: 'en',
      submitted_at: `2026-11-0${n}T10:00:00.000Z`,
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const a of answers) {
    const question = await db
      .selectFrom('questions')
      .select('id')
      .where('consultation_id', '=', consultation.id)
      .where('key', '=', a.key)
      .executeTakeFirstOrThrow();
    const option = a.option
      ? await db.selectFrom('options').select('id').where('question_id', '=', question.id).where('key', '=', a.option).executeTakeFirstOrThrow()
      : undefined;
    await db
      .insertInto('answers')
      .values({
        response_id: id,
        question_id: question.id,
        option_id: option?.id ?? null,
        rank: a.rank ?? null,
        value_number: a.number ?? null,
        value_text: a.text ?? null,
      })
      .execute();
  }
}

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedWards(db);
  ward = await db.selectFrom('wards').select(['code', 'name', 'area_committee']).orderBy('position').executeTakeFirstOrThrow();
  const id = await createConsultation(db, {
    slug: 'travel',
    sections: [
      {
        key: 's',
        questions: [
          { key: 'travel', kind: 'single_choice', options: ['car', 'walk'], otherOption: 'other', text: 'How do you travel?' },
          { key: 'happy', kind: 'yes_no' },
          { key: 'needs', kind: 'multiple_choice', options: ['bus', 'tram', 'bike'] },
          { key: 'order', kind: 'ranking', options: ['parks', 'roads', 'shops'], rankCount: 2 },
          { key: 'score', kind: 'rating', ratingMax: 5 },
          { key: 'ideas', kind: 'long_text', text: 'Your ideas' },
        ],
      },
    ],
  });
  consultation = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await addResponse(
    1,
    { age_band: '25_34', ward_code: ward.code, postcode_district: 'SK4', lives_in_area: 1, quote_consent: 1, quote_credit: 'name_age_area', quote_name: NAME },
    [
      { key: 'travel', option: 'other', text: 'Horse, ring 0161 474 1234' },
      { key: 'happy', option: 'yes' },
      { key: 'needs', option: 'bus' },
      { key: 'needs', option: 'bike' },
      { key: 'order', option: 'roads', rank: 1 },
      { key: 'order', option: 'parks', rank: 2 },
      { key: 'score', number: 4 },
      { key: 'ideas', text: 'More trees. Email me: jo@example.org, I live at SK4 2AB' },
    ],
  );
  await addResponse(2, { status: 'spam', status_reason: 'advert' }, [{ key: 'ideas', text: 'BUY CHEAP PILLS' }]);
  await addResponse(3, { channel: 'paper', notes: NOTE, facilitator: FACILITATOR }, [
    { key: 'travel', option: 'walk' },
    { key: 'ideas', text: '=HYPERLINK("http://evil.example","click")' },
  ]);
  await addResponse(4, { status: 'duplicate' }, [{ key: 'score', number: 1 }]);
  await addResponse(5, {}, []);
});
afterAll(() => destroy());

const csvOf = async (stream: Readable) => parse((await readText(stream)).replace(/^\uFEFF/, '')) as string[][];

describe('the responses export', () => {
  it('has one column per response field and question, with multiple choice and ranking one column per option', async () => {
    const source = await responsesSource(db, consultation, 'en');
    expect(source.columns.map((c) => c.key)).toEqual(EXPECTED_KEYS);
    expect(source.columns.find((c) => c.key === 'needs__tram')?.label).toBe('Question needs?: Label tram');
    expect(source.total).toBe(3);
  });

  it('writes CSV that a CSV reader parses back to one row per counted response, spam and duplicates left out', async () => {
    for (const pageSize of [2000, 2, 1]) {
      const source = await responsesSource(db, consultation, 'en', pageSize);
      const [header, ...rows] = await csvOf(streamRows(source, 'csv', { sheet: 'responses' }));
      expect(header).toEqual(EXPECTED_KEYS);
      expect(rows.map((r) => r[0])).toEqual(['HRD-TEST-1', 'HRD-TEST-3', 'HRD-TEST-5']);
      const first = Object.fromEntries(header!.map((k, i) => [k, rows[0]![i]]));
      expect(first).toMatchObject({
        channel: 'online',
        age_band: '25_34',
        ward_code: ward.code,
        ward_name: ward.name,
        area_committee: ward.area_committee,
        postcode_district: 'SK4',
        lives_in_area: '1',
        works_in_area: '0',
        travel: 'other',
        travel__label: 'Other',
        travel__other_text: `Horse, ring ${REDACTED.phone}`,
        happy: 'yes',
        needs__bus: '1',
        needs__tram: '0',
        needs__bike: '1',
        order__parks: '2',
        order__roads: '1',
        order__shops: '',
        score: '4',
        ideas: `More trees. Email me: ${REDACTED.email}, I live at ${REDACTED.postcode}`,
      });
      const third = Object.fromEntries(header!.map((k, i) => [k, rows[1]![i]]));
      // Not answered: empty, not 0.
      expect(third).toMatchObject({ channel: 'paper', travel: 'walk', travel__other_text: '', needs__bus: '', score: '' });
      // The formula arrives as text.
      expect(third.ideas).toBe(`'=HYPERLINK("http://evil.example","click")`);
    }
  });

  it('never carries names, notes, the facilitator or the spam', async () => {
    const source = await responsesSource(db, consultation, 'en');
    for (const format of ['csv', 'json'] as const) {
      const text = await readText(streamRows(source, format, { sheet: 'responses' }));
      for (const secret of [NAME, NOTE, FACILITATOR, 'BUY CHEAP PILLS', 'jo@example.org', '474 1234', 'SK4 2AB', 'HRD-TEST-2', 'HRD-TEST-4', 'name_age_area']) {
        expect(text, `${format} holds ${secret}`).not.toContain(secret);
      }
    }
  });

  it('writes Excel that exceljs reads back, with the data dictionary on a second sheet', async () => {
    const source = await responsesSource(db, consultation, 'en', 2);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(streamRows(source, 'xlsx', { sheet: 'responses' }));
    const sheet = workbook.getWorksheet('responses')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(EXPECTED_KEYS);
    expect(sheet.rowCount).toBe(4);
    const first = values(2);
    expect(first[EXPECTED_KEYS.indexOf('needs__bike')]).toBe(1);
    expect(first[EXPECTED_KEYS.indexOf('score')]).toBe(4);
    expect(values(3)[EXPECTED_KEYS.indexOf('ideas')]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    const dictionary = workbook.getWorksheet('columns')!;
    expect((dictionary.getRow(EXPECTED_KEYS.indexOf('travel') + 2).values as unknown[]).slice(1)).toEqual(['travel', 'How do you travel?']);
  });

  it('writes JSON with the columns and one object per response, values kept as they are', async () => {
    const source = await responsesSource(db, consultation, 'en', 1);
    const parsed = JSON.parse(await readText(streamRows(source, 'json', { sheet: 'responses' }))) as {
      columns: { key: string; label: string }[];
      responses: Record<string, unknown>[];
    };
    expect(parsed.columns.map((c) => c.key)).toEqual(EXPECTED_KEYS);
    expect(parsed.responses).toHaveLength(3);
    expect(parsed.responses[0]).toMatchObject({ reference: 'HRD-TEST-1', needs__bus: 1, needs__tram: 0, score: 4, sex: null });
    expect(parsed.responses[1]!.ideas).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('reports its progress after every page', async () => {
    const source = await responsesSource(db, consultation, 'en', 2);
    const progress: number[] = [];
    await readText(streamRows(source, 'csv', { sheet: 'responses', onProgress: (n) => void progress.push(n) }));
    expect(progress).toEqual([2, 3]);
  });
});
