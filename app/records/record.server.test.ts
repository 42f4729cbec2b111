import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Insertable } from 'kysely';
import type { DataRequestKind, DataRequestStatus, ErasureReason, ResponseTable } from '#db/schema';
import type { RetentionDefaults } from '~/retention/policy';
import { createConsultation } from '../../tests/factories';
import { createTestDb } from '../../tests/db';
import { CATEGORIES, type Category } from './categories';
import { RECORD_COLUMN_NAMES } from './columns';
import { recordCsv } from './download.server';
import { loadFullRecord } from './load.server';
import { listConsultationRecords, loadConsultationRecord } from './record.server';

// The record's figures against what is stored: responses with chosen fields set and unset, free
// text with and without contact details, erasure rows; every count checked by hand.

const DEFAULTS: RetentionDefaults = { months: 24, freeText: 'redact', aboutYou: 'coarsen' };
const NOW = new Date('2027-02-01T12:00:00.000Z');

let db: Db;
let destroy: () => Promise<void>;
let consultationId: number;
let emptyId: number;
let textQuestion: number;
let choiceQuestion: number;
let otherOption: number;
let plainOption: number;
let serial = 0;

async function respond(fields: Partial<Insertable<ResponseTable>>, texts: string[] = [], other?: string): Promise<number> {
  serial++;
  const { id } = await db
    .insertInto('responses')
    .values({
      consultation_id: consultationId,
      reference: `HRD-TEST-${String(serial).padStart(4, '0')}`,
      idempotency_key: `key-${serial}`,
      channel: 'online',
      respondent_group: 'resident',
      locale: 'en',
      submitted_at: '2026-10-01T10:00:00.000Z',
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const text of texts) await db.insertInto('answers').values({ response_id: id, question_id: textQuestion, value_text: text }).execute();
  await db
    .insertInto('answers')
    .values({ response_id: id, question_id: choiceQuestion, option_id: other === undefined ? plainOption : otherOption, value_text: other ?? null })
    .execute();
  return id;
}

async function erased(reason: ErasureReason, at: string) {
  await db
    .insertInto('erasures')
    .values({
      consultation_id: consultationId,
      response_id: 9000 + serial++,
      reference_sha256: 'a'.repeat(64),
      channel: 'online',
      submitted_at: '2026-10-01T10:00:00.000Z',
      reason,
      removed: JSON.stringify({ answers: 3 }),
      erased_at: at,
    })
    .execute();
}

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  consultationId = await createConsultation(db, {
    status: 'open',
    opensAt: '2026-09-01T00:00:00.000Z',
    closesAt: '2026-12-31T23:00:00.000Z',
    sections: [
      {
        key: 's1',
        questions: [
          { key: 'why', kind: 'long_text' },
          { key: 'pick', kind: 'single_choice', options: ['parks', 'buses'], otherOption: 'other' },
        ],
      },
    ],
  });
  emptyId = await createConsultation(db, { status: 'draft', closesAt: null });
  await db.updateTable('consultations').set({ retention_months: 6, retention_about_you: 'remove' }).where('id', '=', consultationId).execute();
  const questions = await db.selectFrom('questions').select(['id', 'key']).where('consultation_id', '=', consultationId).execute();
  textQuestion = questions.find((q) => q.key === 'why')!.id;
  choiceQuestion = questions.find((q) => q.key === 'pick')!.id;
  const options = await db.selectFrom('options').select(['id', 'key']).where('question_id', '=', choiceQuestion).execute();
  otherOption = options.find((o) => o.key === 'other')!.id;
  plainOption = options.find((o) => o.key === 'parks')!.id;

  // 1: everything about them, special categories included, and an email in their words.
  await respond(
    {
      age_band: '35_44',
      sex: 'female',
      gender_identity: 'same',
      ethnicity: 'white_british',
      disability: 'not_limited',
      carer: 'none',
      religion: 'none',
      sexual_orientation: 'straight',
      ward_code: 'E05000784',
      postcode_district: 'SK4',
      quote_consent: 1,
      quote_credit: 'name_age_area',
      quote_name: 'Jo',
    },
    ['Write to me at jo@example.org please', 'The parks matter'],
  );
  // 2: "prefer not to say" and "I don't know" hold nothing; consent without a name holds no name.
  await respond(
    { age_band: 'prefer_not_to_say', ethnicity: 'prefer_not_to_say', ward_code: 'unknown', quote_consent: 1, quote_credit: 'anonymous' },
    ['Buses are late'],
    'Ring 07700 900123',
  );
  // 3: keyed in at a workshop, with the facilitator's notes; excluded as a duplicate.
  await respond({ channel: 'workshop', facilitator: 'Sam', notes: 'Said the same as table 2', status: 'duplicate', age_band: '65_74' }, [''], 'A bus pass');
  // 4: nothing left: its words were redacted when the consultation was anonymised.
  await respond({}, ['[redacted]']);

  await erased('request', '2027-01-05T09:00:00.000Z');
  await erased('request', '2027-01-20T09:00:00.000Z');
  await erased('officer', '2026-12-02T09:00:00.000Z');

  // Residents' requests: two copies (one done), an erasure refused, one open; one matched nothing.
  const asked = (kind: DataRequestKind, status: DataRequestStatus, consultation: number | null) =>
    db
      .insertInto('data_requests')
      .values({
        kind,
        status,
        consultation_id: consultation,
        reference: 'HRD-AAAA-BBBB',
        contact_email: 'r@example.org',
        locale: 'en',
        created_at: '2027-01-02T10:00:00.000Z',
      })
      .execute();
  await asked('access', 'completed', consultationId);
  await asked('access', 'verified', consultationId);
  await asked('erasure', 'refused', consultationId);
  await asked('erasure', 'received', consultationId);
  await asked('erasure', 'received', null);
}, 60_000);
afterAll(() => destroy());

describe('the record of one consultation', () => {
  it('counts the responses held, counted and excluded', async () => {
    const record = (await loadConsultationRecord(db, consultationId, DEFAULTS, NOW))!;
    expect(record.responses).toEqual({ counted: 3, excluded: 1 });
    expect(record.status).toBe('closed');
  });

  it('counts the responses holding each category, never "prefer not to say" or "I don\'t know"', async () => {
    const { holdings } = (await loadConsultationRecord(db, consultationId, DEFAULTS, NOW))!;
    const expected: Record<Category, number> = {
      age_band: 2,
      sex: 1,
      gender_identity: 1,
      ethnicity: 1,
      disability: 1,
      carer: 1,
      religion: 1,
      sexual_orientation: 1,
      ward: 1,
      postcode_district: 1,
      quote_name: 1,
      // 1 (two answers), 2 (an answer and an "Other"), 3 (an "Other"; its empty answer holds nothing); not 4 (redacted).
      free_text: 3,
      notes: 1,
    };
    expect(holdings.categories).toEqual(expected);
    expect(Object.keys(holdings.categories).sort()).toEqual([...CATEGORIES].sort());
    expect(holdings.freeTextAnswers).toBe(5);
  });

  it('finds contact details in free text, by kind, and says when it read every answer', async () => {
    const { contactDetails } = (await loadConsultationRecord(db, consultationId, DEFAULTS, NOW))!;
    expect(contactDetails).toEqual({ checked: 5, complete: true, responses: 2, byKind: { email: 1, phone: 1, postcode: 0 } });
  });

  it('says the scan is incomplete when it stops at its limit', async () => {
    const { scanContactDetails } = await import('./contact-details.server');
    const scan = await scanContactDetails(db, consultationId, 2);
    expect(scan.checked).toBe(2);
    expect(scan.complete).toBe(false);
  });

  it('gives the retention policy and date: its own months after closing', async () => {
    const { retention } = (await loadConsultationRecord(db, consultationId, DEFAULTS, NOW))!;
    expect(retention).toEqual({
      months: 6,
      monthsFromDefault: false,
      freeText: 'redact',
      aboutYou: 'remove',
      date: '2027-06-30T23:00:00.000Z',
      anonymisedAt: null,
    });
  });

  it('counts erasures by reason and by month, with the latest date', async () => {
    const record = (await loadConsultationRecord(db, consultationId, DEFAULTS, NOW))!;
    expect(record.erasures).toEqual({ total: 3, byReason: { request: 2, officer: 1 }, latest: '2027-01-20T09:00:00.000Z' });
    expect(record.erasuresByMonth).toEqual([
      { month: '2026-12', total: 1, byReason: { request: 0, officer: 1 }, latest: '2026-12-02T09:00:00.000Z' },
      { month: '2027-01', total: 2, byReason: { request: 2, officer: 0 }, latest: '2027-01-20T09:00:00.000Z' },
    ]);
  });

  it("counts residents' requests by kind and where they stand, and only those matched to it", async () => {
    const record = (await loadConsultationRecord(db, consultationId, DEFAULTS, NOW))!;
    expect(record.requests).toEqual({ access: 2, erasure: 2, open: 2, completed: 1, refused: 1 });
    const empty = (await loadConsultationRecord(db, emptyId, DEFAULTS, NOW))!;
    expect(empty.requests).toEqual({ access: 0, erasure: 0, open: 0, completed: 0, refused: 0 });
  });

  it('is undefined for a consultation that does not exist', async () => {
    expect(await loadConsultationRecord(db, 987_654, DEFAULTS, NOW)).toBeUndefined();
  });
});

describe('the list of every consultation', () => {
  it('has each consultation, empty ones with zeros and the default policy', async () => {
    const records = await listConsultationRecords(db, DEFAULTS, NOW);
    const empty = records.find((r) => r.id === emptyId)!;
    expect(empty.responses).toEqual({ counted: 0, excluded: 0 });
    expect(empty.erasures.total).toBe(0);
    expect(empty.retention).toMatchObject({ months: 24, monthsFromDefault: true, date: null });
    const full = records.find((r) => r.id === consultationId)!;
    expect(full.responses).toEqual({ counted: 3, excluded: 1 });
    expect(full.erasures.byReason).toEqual({ request: 2, officer: 1 });
  });
});

describe('the download', () => {
  it('has a documented header and one row per consultation with the same figures', async () => {
    const csv = recordCsv(await loadFullRecord(db, undefined, DEFAULTS, NOW));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\n');
    expect(lines[0]!.split(',')).toEqual(RECORD_COLUMN_NAMES);
    expect(lines).toHaveLength(3);
    const row = lines.map((l) => l.split(',')).find((cells) => cells[0] === String(consultationId))!;
    const cell = (name: string) => row[RECORD_COLUMN_NAMES.indexOf(name)];
    expect(cell('responses_counted')).toBe('3');
    expect(cell('responses_excluded')).toBe('1');
    expect(cell('holds_ethnicity')).toBe('1');
    expect(cell('holds_free_text')).toBe('3');
    expect(cell('contact_details_responses')).toBe('2');
    expect(cell('contact_details_complete')).toBe('yes');
    expect(cell('retention_date')).toBe('2027-06-30T23:00:00.000Z');
    expect(cell('erasures_on_request')).toBe('2');
    expect(cell('latest_erasure_at')).toBe('2027-01-20T09:00:00.000Z');
    expect([cell('access_requests'), cell('erasure_requests'), cell('requests_open'), cell('requests_refused')]).toEqual(['2', '2', '2', '1']);
    // Figures only: no answer, name or note leaves through the file.
    for (const content of ['jo@example.org', 'Jo', 'Sam', 'table 2', 'Buses are late', 'HRD-AAAA', 'r@example.org']) expect(csv).not.toContain(content);
  });
});
