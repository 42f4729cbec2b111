import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedReference } from '#db/seed/index';
import { createConsultation } from '../../../tests/factories';
import { createTestDb } from '../../../tests/db';
import { findConsultation } from '~/consultations/find.server';
import { loadResults } from '~/analysis/results.server';
import { COMMAND_LINE } from '~/platform/audit.server';
import { tFor } from '~/platform/i18n/i18n.server';
import { loadIntakeConsultation, type IntakeConsultation } from './consultation.server';
import { importResponses, type ImportResult } from './import.server';
import { problemText } from './messages';
import { templateColumns } from './vocabulary';

// A paper copy of the young people's form keyed in as a file: its statements only young people
// are asked (yp_*) are columns like any question's, checked the same way, and stored against
// those questions, so the summary (which exports them) counts them.

let db: Db;
let destroy: () => Promise<void>;
let intake: IntakeConsultation;
const t = tFor('en', 'intake');

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
  const id = await createConsultation(db, {
    sections: [
      { key: 'main', questions: [{ key: 'pick', kind: 'single_choice', options: ['buses', 'trams'] }] },
      {
        key: 'young',
        questions: [
          // Required on the youth form; an officer records what was said, so optional here.
          { key: 'yp_safe', kind: 'agree_scale', required: true },
          { key: 'yp_club', kind: 'multiple_choice', options: ['sport', 'music', 'art'], maxSelections: 2 },
        ],
      },
    ],
  });
  await db.updateTable('sections').set({ audience: 'young_people' }).where('consultation_id', '=', id).where('key', '=', 'young').execute();
  intake = await loadIntakeConsultation(db, (await findConsultation(db, id))!);
});
afterAll(() => destroy());

const HEADER = 'channel,submitted_at,group,pick,yp_safe,yp_club';
const csv = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join('\n'));
const run = (bytes: Uint8Array, fileName: string) => importResponses(db, intake, { fileName, bytes, actor: COMMAND_LINE });
const messages = (result: ImportResult) => (result.status === 'invalid' ? result.problems.map((p) => problemText(t, p)) : []);

async function storedAnswers(importId: number) {
  return db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .innerJoin('questions', 'questions.id', 'answers.question_id')
    .leftJoin('options', 'options.id', 'answers.option_id')
    .select(['responses.id as response', 'questions.key as question', 'options.key as option'])
    .where('responses.import_id', '=', importId)
    .orderBy('responses.id')
    .orderBy('answers.id')
    .execute();
}

describe('importing the young people’s own statements', () => {
  it('puts the yp_* columns in the template, after the main questions, and keeps them out of the keyed-in form', () => {
    expect(templateColumns(intake.importDef)).toEqual(expect.arrayContaining(['pick', 'yp_safe', 'yp_club']));
    const columns = templateColumns(intake.importDef);
    expect(columns.indexOf('yp_safe')).toBeGreaterThan(columns.indexOf('pick'));
    expect(templateColumns(intake.def)).not.toContain('yp_safe');
  });

  it('refuses bad youth answers with their row and column, storing nothing', async () => {
    const result = await run(
      csv('paper,2026-03-01,young_person,buses,agre,sport', 'paper,2026-03-01,young_person,,agree,sport;music;art', 'paper,2026-03-01,,,,danse'),
      'bad.csv',
    );
    expect(messages(result)).toEqual([
      'Row 2, column yp_safe: “agre” is not one of this question’s answers – did you mean “Agree”?',
      'Row 3, column yp_club: 3 answers given, but the question takes no more than 2',
      'Row 4, column yp_club: “danse” is not one of this question’s answers',
    ]);
    const stored = await db.selectFrom('responses').select('id').where('consultation_id', '=', intake.consultation.id).execute();
    expect(stored).toEqual([]);
  });

  it('stores a CSV’s youth answers against the youth-only questions, blank cells as no answer', async () => {
    const result = await run(csv('paper,2026-03-01,young_person,trams,Strongly agree,sport;Music', 'paper,2026-03-02,young_person,,,art'), 'youth.csv');
    expect(result).toMatchObject({ status: 'imported', count: 2 });
    if (result.status !== 'imported') return;
    const answers = await storedAnswers(result.importId);
    const [first, second] = [...new Set(answers.map((a) => a.response))];
    expect(answers).toEqual([
      { response: first, question: 'pick', option: 'trams' },
      { response: first, question: 'yp_safe', option: 'strongly_agree' },
      { response: first, question: 'yp_club', option: 'sport' },
      { response: first, question: 'yp_club', option: 'music' },
      { response: second, question: 'yp_club', option: 'art' },
    ]);
  });

  it('stores an XLSX’s youth answers, and the summary counts them among the youth statements', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Paper youth forms');
    sheet.addRow(['channel', 'submitted_at', 'yp_safe']);
    for (let i = 0; i < 32; i++) sheet.addRow(['paper', new Date(Date.UTC(2026, 2, 3)), i < 20 ? 'disagree' : 'agree']);
    const result = await run(new Uint8Array(await workbook.xlsx.writeBuffer()), 'youth.xlsx');
    expect(result).toMatchObject({ status: 'imported', count: 32 });
    if (result.status !== 'imported') return;
    const answers = await storedAnswers(result.importId);
    expect(answers.filter((a) => a.option === 'disagree')).toHaveLength(20);
    expect(answers.every((a) => a.question === 'yp_safe')).toBe(true);

    const outcome = await loadResults(db, intake.consultation, 'en', new URLSearchParams('channel=paper'), 10);
    if (!outcome.ok) throw new Error('bad query');
    const safe = outcome.model.youth.find((q) => q.key === 'yp_safe');
    const disagree = safe?.rows.find((r) => r.key === 'disagree')?.cells[0];
    // The 20 from this file (the CSV before said no "disagree"), a count large enough to show.
    // The small figures beside it (a "strongly agree" and a "no answer" of 1 each) are hidden
    // with the 12 "agree", so each of them could still be anything from 0 to 9: with the
    // interval rule, a "disagree" of 11 beside 1 "agree" was hidden too (the 1s had no room).
    expect(disagree).toMatchObject({ suppressed: false, count: 20 });
  });
});
