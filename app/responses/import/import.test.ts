import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedReference } from '#db/seed/index';
import { createConsultation } from '../../../tests/factories';
import { createTestDb } from '../../../tests/db';
import { findConsultation } from '~/consultations/find.server';
import { COMMAND_LINE } from '~/platform/audit.server';
import { tFor } from '~/platform/i18n/i18n.server';
import { loadIntakeConsultation, type IntakeConsultation } from './consultation.server';
import { importResponses, type ImportResult } from './import.server';
import { problemText } from './messages';

let db: Db;
let destroy: () => Promise<void>;
let intake: IntakeConsultation;
const t = tFor('en', 'intake');

const HEADER = 'channel,submitted_at,group,facilitator,pick,many,rank,score,says,ward,age_band,notes';

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
  const id = await createConsultation(db, {
    sections: [
      {
        key: 's1',
        questions: [
          { key: 'pick', kind: 'single_choice', options: ['buses', 'trams'], required: true },
          { key: 'many', kind: 'multiple_choice', options: ['parks', 'shops', 'roads'], maxSelections: 2, otherOption: 'other' },
          { key: 'rank', kind: 'ranking', options: ['a', 'b', 'c'], rankCount: 2 },
          { key: 'score', kind: 'agree_scale' },
          { key: 'says', kind: 'short_text', maxLength: 20 },
        ],
      },
    ],
  });
  intake = await loadIntakeConsultation(db, (await findConsultation(db, id))!);
});
afterAll(() => destroy());

const csv = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join('\n'));
const run = (bytes: Uint8Array, fileName = 'responses.csv') => importResponses(db, intake, { fileName, bytes, actor: COMMAND_LINE });
const messages = (result: ImportResult) => (result.status === 'invalid' ? result.problems.map((p) => problemText(t, p)) : []);
const count = async () =>
  Number(
    (
      await db
        .selectFrom('responses')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('consultation_id', '=', intake.consultation.id)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('checking an import', () => {
  it('reports every problem by spreadsheet row and column, with "did you mean", and stores nothing', async () => {
    const result = await run(
      csv(
        'workshop,2026-03-01,resident,Sam,buses,parks;shops,a;b,agree,,Bramhall North,25_34,fine',
        'workshp,2026-03-01,,,,,,,,,,',
        'paper,31/02/2026,,,,,,,,,,',
        'paper,,,,,,,,,,,',
        'paper,2026-03-01,,,Buzes,,,,,,,',
        'paper,2026-03-01,,,,parks;shops;roads,,,,,,',
        'paper,2026-03-01,,,,,a;a,,,,,',
        'paper,2026-03-01,,,,,,,this text is far too long for it,,,',
        'paper,2026-03-01,,,,,,,,Bramhal,,',
        'paper,2099-01-01,,,buses;trams,,,,,,,',
        'paper,2026-03-01,,,,other,,,,,,',
      ),
    );
    expect(result.status).toBe('invalid');
    expect(messages(result)).toEqual([
      'Row 3, column channel: “workshp” is not one of the answers this column takes – did you mean “Workshop”?',
      'Row 4, column submitted_at: “31/02/2026” is not a date: write it as 2026-03-14 or 14/03/2026',
      'Row 5, column submitted_at: this is needed on every row',
      'Row 6, column pick: “Buzes” is not one of this question’s answers – did you mean “Label buses”?',
      'Row 7, column many: 3 answers given, but the question takes no more than 2',
      'Row 8, column rank: the same answer is given more than once',
      'Row 9, column says: the text is 32 characters long; the most is 20',
      'Row 10, column ward: “Bramhal” is not a ward – did you mean “Bramhall North”?',
      'Row 11, column submitted_at: “2099-01-01” is in the future',
      'Row 11, column pick: this question takes one answer, but the cell has 2',
      'Row 12, column many.other: Tell us what your “Other” answer is',
    ]);
    expect(await count()).toBe(0);
  });

  it('names unknown and missing columns in row 1', async () => {
    const bytes = new TextEncoder().encode('chanel,pick,wardd\nworkshop,buses,x');
    expect(messages(await run(bytes))).toEqual([
      'Row 1, column chanel: “chanel” is not a question key or a standard column – did you mean “channel”?',
      'Row 1, column wardd: “wardd” is not a question key or a standard column – did you mean “ward”?',
      'Row 1, column channel: the file needs a “channel” column',
      'Row 1, column submitted_at: the file needs a “submitted_at” column',
    ]);
  });

  it('refuses a file that is not a spreadsheet, or has no rows', async () => {
    expect(messages(await run(new Uint8Array([1, 0, 2, 3])))).toEqual([expect.stringContaining('could not be read')]);
    expect(messages(await run(new TextEncoder().encode(HEADER)))).toEqual(['The file has no responses under its header row.']);
  });
});

describe('importing', () => {
  it('takes keys or labels in any case, ";" lists and rankings, and stores the online form’s rows', async () => {
    const result = await run(
      csv(
        'WORKSHOP,2026-03-01,Young person,Sam,label TRAMS, Parks ; shops ,c;a,Strongly agree,hello,E05000781,25 to 34,said a lot',
        'video booth,14/03/2026 10:30,,,buses,,,,,Bramhall north,,',
      ),
    );
    expect(result).toMatchObject({ status: 'imported', count: 2 });
    const responses = await db.selectFrom('responses').selectAll().where('consultation_id', '=', intake.consultation.id).orderBy('id').execute();
    expect(responses.map((r) => [r.channel, r.submitted_at, r.respondent_group, r.facilitator, r.notes, r.age_band, r.locale])).toEqual([
      ['workshop', '2026-03-01T12:00:00.000Z', 'young_person', 'Sam', 'said a lot', '25_34', 'en'],
      ['video_booth', '2026-03-14T10:30:00.000Z', 'resident', null, null, null, 'en'],
    ]);
    expect(responses.map((r) => r.ward_code)).toEqual(['E05000781', 'E05000779']);
    expect(responses.every((r) => r.import_id !== null && r.status === 'counted')).toBe(true);
    const answers = await db
      .selectFrom('answers')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .leftJoin('options', 'options.id', 'answers.option_id')
      .select(['questions.key as question', 'options.key as option', 'answers.rank', 'answers.value_text as text'])
      .where('answers.response_id', '=', responses[0]!.id)
      .orderBy('answers.id')
      .execute();
    expect(answers).toEqual([
      { question: 'pick', option: 'trams', rank: null, text: null },
      { question: 'many', option: 'parks', rank: null, text: null },
      { question: 'many', option: 'shops', rank: null, text: null },
      { question: 'rank', option: 'c', rank: 1, text: null },
      { question: 'rank', option: 'a', rank: 2, text: null },
      { question: 'score', option: 'strongly_agree', rank: null, text: null },
      { question: 'says', option: null, rank: null, text: 'hello' },
    ]);
    const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'import.create').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor: 'command line', summary: 'Imported 2 responses from responses.csv' });
  });

  it('stores a file of 2,500 rows whole, each row’s answers under its own response', async () => {
    const lines = Array.from({ length: 2500 }, (_, i) => `paper,2026-03-03,,,${i % 2 ? 'buses' : 'trams'},,,,row ${i + 2},,,note ${i + 2}`);
    const result = await run(csv(...lines), 'big.csv');
    expect(result).toMatchObject({ status: 'imported', count: 2500 });
    if (result.status !== 'imported') return;
    const stored = await db
      .selectFrom('responses')
      .innerJoin('answers', 'answers.response_id', 'responses.id')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .leftJoin('options', 'options.id', 'answers.option_id')
      .select(['responses.notes', 'questions.key as question', 'options.key as option', 'answers.value_text as text'])
      .where('responses.import_id', '=', result.importId)
      .orderBy('responses.id')
      .orderBy('answers.id')
      .execute();
    expect(stored).toHaveLength(5000);
    // The notes, the single choice and the short text all came from the same spreadsheet row.
    const expected = lines.flatMap((_, i) => [
      { notes: `note ${i + 2}`, question: 'pick', option: i % 2 ? 'buses' : 'trams', text: null },
      { notes: `note ${i + 2}`, question: 'says', option: null, text: `row ${i + 2}` },
    ]);
    expect(stored).toEqual(expected);
    // References are each response's own.
    const references = await db.selectFrom('responses').select('reference').where('import_id', '=', result.importId).execute();
    expect(new Set(references.map((r) => r.reference)).size).toBe(2500);
  });

  it('refuses the same file a second time, saying when it came in', async () => {
    const bytes = csv('paper,2026-03-02,,,buses,,,,,,,');
    expect(await run(bytes, 'first.csv')).toMatchObject({ status: 'imported', count: 1 });
    const before = await count();
    expect(await run(bytes, 'renamed.csv')).toMatchObject({ status: 'duplicate', fileName: 'first.csv', count: 1 });
    expect(await count()).toBe(before);
  });

  it('reads an XLSX workbook, date cells and all', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Responses');
    sheet.addRow(['channel', 'submitted_at', 'many', 'score']);
    sheet.addRow(['conversation', new Date(Date.UTC(2026, 2, 5)), 'roads;parks', 'disagree']);
    sheet.addRow([]);
    sheet.addRow(['paper', '2026-03-06', 'rods', '']);
    const bad = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(messages(await run(bad, 'book.xlsx'))).toEqual(['Row 4, column many: “rods” is not one of this question’s answers – did you mean “Label roads”?']);
    sheet.getRow(4).getCell(3).value = 'roads';
    const good = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await run(good, 'book.xlsx');
    expect(result).toMatchObject({ status: 'imported', count: 2 });
    const stored = await db
      .selectFrom('responses')
      .select(['channel', 'submitted_at'])
      .where('import_id', '=', result.status === 'imported' ? result.importId : -1)
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { channel: 'conversation', submitted_at: '2026-03-05T12:00:00.000Z' },
      { channel: 'paper', submitted_at: '2026-03-06T12:00:00.000Z' },
    ]);
  });
});

describe('a child in an import', () => {
  it('stores no sexual orientation or gender identity for an under-16, and keeps an adult’s', async () => {
    const header = 'channel,submitted_at,pick,age_band,gender_identity,sexual_orientation';
    const bytes = new TextEncoder().encode(
      [header, 'paper,2026-03-01,buses,under_16,different,bisexual', 'paper,2026-03-01,buses,25_34,different,bisexual'].join('\n'),
    );
    const result = await run(bytes, 'children.csv');
    expect(result.status).toBe('imported');
    const rows = await db
      .selectFrom('responses')
      .select(['age_band', 'gender_identity', 'sexual_orientation', 'never_attribute'])
      .where('consultation_id', '=', intake.consultation.id)
      .where('age_band', 'in', ['under_16', '25_34'])
      .where('channel', '=', 'paper')
      .orderBy('id')
      .execute();
    expect(rows.slice(-2)).toEqual([
      { age_band: 'under_16', gender_identity: null, sexual_orientation: null, never_attribute: 1 },
      { age_band: '25_34', gender_identity: 'different', sexual_orientation: 'bisexual', never_attribute: 0 },
    ]);
  });
});
