import type { Db } from '../db/connection';
import type { Consultation, ConsultationStatus } from '../db/schema';
import { seedReference } from '../db/seed/index';
import { createRandom } from '../db/seed/random';
import { seedWards } from '../db/seed/wards';
import { createConsultation } from './factories';
import { addFrameworkTheme, addPriority, linkPriority } from './quotes';
import { storeRandomResponses } from './random-responses';

// A consultation for the export tests, made so that small groups must be hidden: 73 counted
// responses in three wards (40, 30 and a tiny one of 3), 7 of them on paper; a single-choice
// question and a free-text question whose answers are all coded into a four-theme codebook
// (one theme linked to a council priority, one given to only three answers); and three chosen quotes: an anonymous one, a
// resident credited by name, and an under-13 who asked to be named (and must never be).

export const FIXTURE = {
  tinyWardSize: 3,
  paperSize: 7,
  youngName: 'Millie Secretname',
  adultName: 'Dev Patel',
  priority: 'Green spaces for everyone',
} as const;

export interface ExportFixture {
  consultation: Consultation;
  wards: { big: string; middle: string; tiny: string };
}

let made = 0;

export async function createExportFixture(db: Db, status: ConsultationStatus = 'results_published'): Promise<ExportFixture> {
  if (!(await db.selectFrom('wards').select('code').executeTakeFirst())) await seedWards(db);
  const wardRows = await db.selectFrom('wards').select('code').orderBy('position').limit(3).execute();
  const [big, middle, tiny] = wardRows.map((w) => w.code) as [string, string, string];
  const id = await createConsultation(db, {
    status,
    sections: [
      {
        key: 'main',
        questions: [
          { key: 'choice', kind: 'single_choice', options: ['a', 'b', 'c'] },
          { key: 'ideas', kind: 'long_text', text: '=What would make the park better?' },
        ],
      },
    ],
  });
  if (status === 'results_published')
    await db.updateTable('consultations').set({ results_published_at: new Date().toISOString() }).where('id', '=', id).execute();
  const questions = await db.selectFrom('questions').select(['id', 'key']).where('consultation_id', '=', id).execute();
  const choiceId = questions.find((q) => q.key === 'choice')!.id;
  const ideasId = questions.find((q) => q.key === 'ideas')!.id;
  const options = await db.selectFrom('options').select(['id', 'key']).where('question_id', '=', choiceId).orderBy('position').execute();

  const frameworkTheme = await addFrameworkTheme(db);
  const priorityId = await addPriority(db, frameworkTheme, FIXTURE.priority);
  await linkPriority(db, id, priorityId);
  const now = new Date().toISOString();
  const themeIds: number[] = [];
  for (const [i, [key, name]] of (
    [
      ['trees', 'More trees'],
      ['paths', 'Better paths'],
      ['dogs', 'Dogs on leads'],
      ['benches', 'More benches'],
    ] as const
  ).entries()) {
    const row = await db
      .insertInto('codebook_themes')
      .values({
        consultation_id: id,
        key,
        name,
        description: `Answers about ${name.toLowerCase()}.`,
        priority_id: i === 0 ? priorityId : null,
        position: i + 1,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    themeIds.push(row.id);
  }
  const { id: coderId } = await db
    .insertInto('users')
    .values({
      email: `export-coder-${++made}-${Date.now()}@stockport.gov.uk`,
      name: 'Coder',
      role: 'officer',
      status: 'active',
      password_hash: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const wardOf = (n: number) => (n < 40 ? big : n < 70 ? middle : tiny);
  const answerIds: number[] = [];
  for (let n = 0; n < 73; n++) {
    made += 1;
    const { id: responseId } = await db
      .insertInto('responses')
      .values({
        consultation_id: id,
        reference: `HRD-X${made}-EXPORT`,
        idempotency_key: `export-fixture-${made}-${Math.random()}`,
        // Seven on paper: three in the tiny ward, four in the middle one.
        channel: n >= 70 || (n >= 40 && n < 44) ? 'paper' : 'online',
        respondent_group: n === 1 ? 'young_person' : 'resident',
        locale: 'en',
        submitted_at: now,
        ward_code: wardOf(n),
        age_band: n === 1 ? 'under_11' : n % 2 === 0 ? '35_44' : '45_54',
        status: 'counted',
        quote_consent: n < 3 ? 1 : 0,
        quote_credit: n === 0 ? 'anonymous' : n < 3 ? 'name_age_area' : null,
        quote_name: n === 1 ? FIXTURE.youngName : n === 2 ? FIXTURE.adultName : null,
        never_attribute: n === 1 ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('answers')
      .values({ response_id: responseId, question_id: choiceId, option_id: options[n % 3]!.id })
      .execute();
    const { id: answerId } = await db
      .insertInto('answers')
      .values({ response_id: responseId, question_id: ideasId, value_text: `Idea number ${n}: plant more trees and mend the paths.` })
      .returning('id')
      .executeTakeFirstOrThrow();
    answerIds.push(answerId);
    // Trees in all but the last eight, paths in every other answer, dogs in one in five, and
    // benches in only three (so hidden even overall).
    const themes = [
      n < 65 ? themeIds[0]! : null,
      n % 2 === 0 ? themeIds[1]! : null,
      n % 5 === 0 ? themeIds[2]! : null,
      [5, 17, 33].includes(n) ? themeIds[3]! : null,
    ].filter((t): t is number => t !== null);
    await db.insertInto('codings').values({ answer_id: answerId, coder_id: coderId, consultation_id: id, question_id: ideasId, coded_at: now }).execute();
    if (themes.length > 0)
      await db
        .insertInto('coding_themes')
        .values(themes.map((theme_id) => ({ answer_id: answerId, coder_id: coderId, theme_id })))
        .execute();
  }
  for (const [n, themeId] of [
    [0, themeIds[0]!],
    [1, themeIds[1]!],
    [2, null],
  ] as const) {
    await db
      .insertInto('quotes')
      .values({
        consultation_id: id,
        answer_id: answerIds[n]!,
        theme_id: themeId,
        priority_id: themeId ? null : priorityId,
        text: `Quote ${n}: plant more trees.`,
        picked_by: null,
        picked_at: now,
      })
      .execute();
  }
  const consultation = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { consultation, wards: { big, middle, tiny } };
}

export type ReadCell = string | number | boolean | null;
export type ReadRow = Record<string, ReadCell>;

/** An exported table read back as a spreadsheet (csv-parse, exceljs) or a program (JSON) reads it. */
export async function readTable(body: string | Uint8Array, format: 'csv' | 'xlsx' | 'json'): Promise<{ columns: string[]; rows: ReadRow[] }> {
  if (format === 'json') {
    const rows = JSON.parse(body as string) as ReadRow[];
    return { columns: Object.keys(rows[0] ?? {}), rows };
  }
  if (format === 'csv') {
    const { parse } = await import('csv-parse/sync');
    const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
    const [header = [], ...cells] = parse(text.replace(/^\uFEFF/, '')) as string[][];
    return { columns: header, rows: cells.map((line) => Object.fromEntries(header.map((h, j) => [h, line[j] ?? '']))) };
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(body as Uint8Array) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const values = (n: number) => (sheet.getRow(n).values as (ReadCell | undefined)[]).slice(1);
  const header = values(1) as string[];
  const rows: ReadRow[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const line = values(n);
    rows.push(Object.fromEntries(header.map((h, j) => [h, line[j] ?? null])));
  }
  return { columns: header, rows };
}

/** A read-back cell as a number (CSV gives text, Excel and JSON numbers); null when empty. */
export const numberOf = (v: ReadCell | undefined) => (v === null || v === undefined || v === '' ? null : Number(v));
export const booleanOf = (v: ReadCell | undefined) => (v === null || v === undefined || v === '' ? null : v === true || v === 'true');

/**
 * A plain consultation big enough for background exports (the jobs and worker tests): the reference
 * data, a yes/no question and a free-text one, and `responses` random responses from `seed`.
 */
export async function createExportJobConsultation(
  db: Db,
  { responses, seed, textKind = 'short_text' }: { responses: number; seed: number; textKind?: 'short_text' | 'long_text' },
): Promise<Consultation> {
  await seedReference(db);
  const id = await createConsultation(db, {
    slug: 'bins',
    sections: [
      {
        key: 's',
        questions: [
          { key: 'like', kind: 'yes_no' },
          { key: 'why', kind: textKind },
        ],
      },
    ],
  });
  await storeRandomResponses(db, id, responses, createRandom(seed));
  return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
