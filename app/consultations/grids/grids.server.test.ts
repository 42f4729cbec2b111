import type { Readable } from 'node:stream';
import { text as readText } from 'node:stream/consumers';
import { parseWithZod } from '@conform-to/zod/v4';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedReference } from '#db/seed/index';
import { COMMAND_LINE, type Actor } from '~/platform/audit.server';
import { createDraft } from '~/consultations/builder/consultations.server';
import { addSection } from '~/consultations/builder/sections.server';
import { addQuestion, moveQuestion, updateQuestion } from '~/consultations/builder/questions.server';
import { missingTranslations } from '~/consultations/builder/translation-status.server';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import { findConsultation } from '~/consultations/find.server';
import { submissionSchema } from '~/responses/form-schema';
import { DEFAULT_SAFEGUARDING_AGES } from '~/responses/safeguarding';
import { submitResponse } from '~/responses/submit.server';
import { loadIntakeConsultation } from '~/responses/import/consultation.server';
import { importResponses } from '~/responses/import/import.server';
import { templateColumns } from '~/responses/import/vocabulary';
import { responsesSource } from '~/exports/responses.server';
import { streamRows } from '~/exports/stream.server';
import { createTestDb } from '../../../tests/db';
import { groupByGrid } from './group';
import { addGrid, deleteGrid, findGrid, planOptions, updateGrid } from './grids.server';

// Grids on a real database: a grid is stored as its prompt and N ordinary questions with the same
// options, so answering, importing and exporting treat each statement as a question of its own.

const actor: Actor = { userId: null, label: 'officer@test' };
let db: Db;
let destroy: () => Promise<void>;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
});
afterAll(() => destroy());

async function draft(title: string) {
  const created = await createDraft(db, actor, { title });
  if (!created.ok) throw new Error(created.error);
  const section = await addSection(db, actor, created.id, { title: 'Your views', intro: '' });
  if (!section.ok) throw new Error(section.error);
  const before = await addQuestion(db, actor, created.id, {
    sectionId: section.id,
    kind: 'yes_no',
    text: 'Do you use the park?',
    hint: '',
    required: false,
    options: [],
  });
  const after = await addQuestion(db, actor, created.id, {
    sectionId: section.id,
    kind: 'long_text',
    text: 'Anything else?',
    hint: '',
    required: false,
    options: [],
  });
  if (!before.ok || !after.ok) throw new Error('question not added');
  return { id: created.id, sectionId: section.id };
}

async function statementsOf(gridId: number) {
  const questions = await db.selectFrom('questions').selectAll().where('grid_id', '=', gridId).orderBy('position').execute();
  const options = await db
    .selectFrom('options')
    .selectAll()
    .where(
      'question_id',
      'in',
      questions.map((q) => q.id),
    )
    .orderBy('position')
    .execute();
  return questions.map((q) => ({
    key: q.key,
    text: q.text,
    kind: q.kind,
    required: q.required,
    ratingMax: q.rating_max,
    options: options.filter((o) => o.question_id === q.id).map((o) => `${o.key}=${o.label}`),
  }));
}

const sectionOrder = async (sectionId: number) =>
  (await db.selectFrom('questions').select('key').where('section_id', '=', sectionId).orderBy('position').orderBy('id').execute()).map((q) => q.key);

describe('building a grid', () => {
  it('stores the prompt and one question per statement, all with the same options, together in their section', async () => {
    const { id, sectionId } = await draft('Parks grid');
    const added = await addGrid(db, actor, id, {
      sectionId,
      text: 'How much do you agree?',
      hint: 'One answer for each',
      kind: 'single_choice',
      options: ['Often', 'Sometimes', 'Never'],
      statements: ['The park is clean', 'The park is safe', 'The park is clean'],
      required: true,
    });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const grid = await db.selectFrom('grids').selectAll().where('id', '=', added.id).executeTakeFirstOrThrow();
    expect(grid).toMatchObject({
      consultation_id: id,
      section_id: sectionId,
      key: 'how_much_do_you_agree',
      text: 'How much do you agree?',
      hint: 'One answer for each',
    });
    const same = ['often=Often', 'sometimes=Sometimes', 'never=Never'];
    expect(await statementsOf(added.id)).toEqual([
      { key: 'the_park_is_clean', text: 'The park is clean', kind: 'single_choice', required: 1, ratingMax: null, options: same },
      { key: 'the_park_is_safe', text: 'The park is safe', kind: 'single_choice', required: 1, ratingMax: null, options: same },
      { key: 'the_park_is_clean_2', text: 'The park is clean', kind: 'single_choice', required: 1, ratingMax: null, options: same },
    ]);
    expect(await sectionOrder(sectionId)).toEqual(['do_you_use_the_park', 'anything_else', 'the_park_is_clean', 'the_park_is_safe', 'the_park_is_clean_2']);
    const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'grid.create').executeTakeFirstOrThrow();
    expect(audit.summary).toBe('Added the grid "How much do you agree?" with 3 statements');
  });

  it('gives agree/disagree and rating grids their standard scale, and refuses a grid of fewer than two statements', async () => {
    const { id, sectionId } = await draft('Scales');
    const agree = await addGrid(db, actor, id, {
      sectionId,
      text: 'Agree?',
      hint: '',
      kind: 'agree_scale',
      options: [],
      statements: ['A', 'B'],
      required: false,
    });
    const rating = await addGrid(db, actor, id, {
      sectionId,
      text: 'Rate',
      hint: '',
      kind: 'rating',
      ratingMax: 7,
      options: [],
      statements: ['Buses', 'Trams'],
      required: false,
    });
    if (!agree.ok || !rating.ok) throw new Error('grid not added');
    const agreeRows = await statementsOf(agree.id);
    expect(agreeRows.map((s) => s.options)).toEqual([agreeRows[0]!.options, agreeRows[0]!.options]);
    expect(agreeRows[0]!.options.map((o) => o.split('=')[0])).toEqual(['strongly_agree', 'agree', 'neither', 'disagree', 'strongly_disagree']);
    expect((await statementsOf(rating.id)).map((s) => [s.kind, s.ratingMax, s.options.length])).toEqual([
      ['rating', 7, 0],
      ['rating', 7, 0],
    ]);
    expect(
      await addGrid(db, actor, id, { sectionId, text: 'Lonely', hint: '', kind: 'agree_scale', options: [], statements: ['Only one'], required: false }),
    ).toEqual({
      ok: false,
      error: 'builder:gridStatementsMissing',
      field: 'statements',
    });
  });

  it('rewords, reorders, adds and removes statements and changes the options on every statement alike', async () => {
    const { id, sectionId } = await draft('Editing');
    const added = await addGrid(db, actor, id, {
      sectionId,
      text: 'How often?',
      hint: '',
      kind: 'single_choice',
      options: ['Often', 'Never'],
      statements: ['Walk', 'Cycle', 'Drive'],
      required: false,
    });
    if (!added.ok) throw new Error(added.error);
    // A question added after the grid stays after it.
    await addQuestion(db, actor, id, { sectionId, kind: 'short_text', text: 'Last words', hint: '', required: false, options: [] });
    const found = (await findGrid(db, id, added.id))!;
    const [walk, cycle, drive] = found.statements;
    const changed = await updateGrid(db, actor, id, added.id, {
      text: 'How often do you…',
      hint: 'Think of last month',
      statements: [{ id: drive!.id, text: 'Drive a car' }, { id: walk!.id, text: 'Walk' }, { text: 'Take the bus' }],
      options: ['Often', 'Rarely', 'Never'],
    });
    expect(changed).toEqual({ ok: true });
    expect(await db.selectFrom('questions').select('id').where('id', '=', cycle!.id).executeTakeFirst()).toBeUndefined();
    const same = ['often=Often', 'rarely=Rarely', 'never=Never'];
    expect(await statementsOf(added.id)).toEqual([
      { key: 'drive', text: 'Drive a car', kind: 'single_choice', required: 0, ratingMax: null, options: same },
      { key: 'walk', text: 'Walk', kind: 'single_choice', required: 0, ratingMax: null, options: same },
      { key: 'take_the_bus', text: 'Take the bus', kind: 'single_choice', required: 0, ratingMax: null, options: same },
    ]);
    expect(await sectionOrder(sectionId)).toEqual(['do_you_use_the_park', 'anything_else', 'drive', 'walk', 'take_the_bus', 'last_words']);
    expect(await db.selectFrom('grids').select(['text', 'hint']).where('id', '=', added.id).executeTakeFirstOrThrow()).toEqual({
      text: 'How often do you…',
      hint: 'Think of last month',
    });
    const def = await loadConsultationDefinition(db, (await findConsultation(db, id))!, 'en');
    const groups = groupByGrid(def.sections[0]!.questions);
    expect(groups.map((g) => (g.kind === 'grid' ? `${g.grid.text}: ${g.questions.map((q) => q.text).join(', ')}` : g.question.text))).toEqual([
      'Do you use the park?',
      'Anything else?',
      'How often do you…: Drive a car, Walk, Take the bus',
      'Last words',
    ]);
  });

  it('keeps an option’s key when its label is reworded, so stored answers keep their meaning', () => {
    const current = [
      { key: 'often', label: 'Often' },
      { key: 'never', label: 'Never' },
    ];
    expect(planOptions(current, ['Frequently', 'Sometimes', 'Never'])).toEqual([
      { key: 'often', label: 'Frequently' },
      { key: 'sometimes', label: 'Sometimes' },
      { key: 'never', label: 'Never' },
    ]);
    expect(planOptions(current, ['Never', 'Often'])).toEqual([
      { key: 'never', label: 'Never' },
      { key: 'often', label: 'Often' },
    ]);
  });

  it('lists the prompt and hint for translation just before the first statement, once', async () => {
    const { id, sectionId } = await draft('Translated');
    await addGrid(db, actor, id, { sectionId, text: 'Agree?', hint: 'Each one', kind: 'agree_scale', options: [], statements: ['A', 'B'], required: false });
    const texts = (await missingTranslations(db, id, 'ur')).filter((m) => m.entityType === 'grid' || m.entityType === 'question');
    expect(texts.map((m) => `${m.entityType}.${m.field}: ${m.english}`)).toEqual([
      'question.text: Do you use the park?',
      'question.text: Anything else?',
      'grid.text: Agree?',
      'grid.hint: Each one',
      'question.text: A',
      'question.text: B',
    ]);
  });

  it('deletes a grid with its statements before anyone answers', async () => {
    const { id, sectionId } = await draft('Deleting');
    const added = await addGrid(db, actor, id, {
      sectionId,
      text: 'Gone',
      hint: '',
      kind: 'agree_scale',
      options: [],
      statements: ['A', 'B'],
      required: false,
    });
    if (!added.ok) throw new Error(added.error);
    expect(await deleteGrid(db, actor, id, added.id)).toEqual({ ok: true });
    expect(await sectionOrder(sectionId)).toEqual(['do_you_use_the_park', 'anything_else']);
    expect(await db.selectFrom('grids').select('id').where('id', '=', added.id).executeTakeFirst()).toBeUndefined();
  });
});

describe('answering, importing and exporting a grid', () => {
  let consultationId: number;
  let gridId: number;
  beforeAll(async () => {
    const { id, sectionId } = await draft('Answered grid');
    consultationId = id;
    const added = await addGrid(db, actor, id, {
      sectionId,
      text: 'Do you agree?',
      hint: '',
      kind: 'agree_scale',
      options: [],
      statements: ['Clean', 'Safe', 'Busy'],
      required: false,
    });
    if (!added.ok) throw new Error(added.error);
    gridId = added.id;
  });

  const answersOf = (responseId: number) =>
    db
      .selectFrom('answers')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .leftJoin('options', 'options.id', 'answers.option_id')
      .select(['questions.key as question', 'options.key as option'])
      .where('answers.response_id', '=', responseId)
      .orderBy('questions.position')
      .execute();

  it('stores one answer per statement answered, and none for a statement left blank', async () => {
    const def = await loadConsultationDefinition(db, (await findConsultation(db, consultationId))!, 'en');
    const data = new FormData();
    for (const [k, v] of [
      ['q-clean', 'agree'],
      ['q-busy', 'strongly_disagree'],
      ['idempotencyKey', 'grid-1'],
    ])
      data.append(k!, v!);
    const submission = parseWithZod(data, { schema: submissionSchema(def.sections, [], DEFAULT_SAFEGUARDING_AGES) });
    if (submission.status !== 'success') throw new Error(JSON.stringify(submission.error));
    const { reference } = await submitResponse(db, def, submission.value, {
      idempotencyKey: 'grid-1',
      locale: 'en',
      channel: 'online',
      draftToken: null,
      now: new Date('2026-11-20T10:00:00Z'),
    });
    const response = await db.selectFrom('responses').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(await answersOf(response.id)).toEqual([
      { question: 'clean', option: 'agree' },
      { question: 'busy', option: 'strongly_disagree' },
    ]);
  });

  it('imports one column per statement, keyed by the statement’s question key, from CSV and XLSX', async () => {
    const intake = await loadIntakeConsultation(db, (await findConsultation(db, consultationId))!);
    expect(templateColumns(intake.importDef)).toEqual(expect.arrayContaining(['clean', 'safe', 'busy']));
    const bytes = new TextEncoder().encode(['channel,submitted_at,clean,safe,busy', 'paper,2026-03-01,Strongly agree,disagree,'].join('\n'));
    const result = await importResponses(db, intake, { fileName: 'grid.csv', bytes, actor: COMMAND_LINE });
    expect(result).toMatchObject({ status: 'imported', count: 1 });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Responses');
    sheet.addRow(['channel', 'submitted_at', 'clean', 'safe', 'busy']);
    sheet.addRow(['workshop', '2026-03-02', 'neither', '', 'agree']);
    const xlsx = await importResponses(db, intake, { fileName: 'grid.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), actor: COMMAND_LINE });
    expect(xlsx).toMatchObject({ status: 'imported', count: 1 });
    const imported = await db
      .selectFrom('responses')
      .select('id')
      .where('consultation_id', '=', consultationId)
      .where('import_id', 'is not', null)
      .orderBy('id')
      .execute();
    expect(await answersOf(imported[0]!.id)).toEqual([
      { question: 'clean', option: 'strongly_agree' },
      { question: 'safe', option: 'disagree' },
    ]);
    expect(await answersOf(imported[1]!.id)).toEqual([
      { question: 'clean', option: 'neither' },
      { question: 'busy', option: 'agree' },
    ]);
  });

  it('exports one column per statement in CSV and XLSX', async () => {
    const consultation = (await findConsultation(db, consultationId))!;
    const source = await responsesSource(db, consultation, 'en');
    const keys = source.columns.map((c) => c.key);
    expect(keys.filter((k) => ['clean', 'safe', 'busy'].includes(k))).toEqual(['clean', 'safe', 'busy']);
    const read = async (stream: Readable) => parse((await readText(stream)).replace(/^\uFEFF/, '')) as string[][];
    const [header, ...rows] = await read(streamRows(await responsesSource(db, consultation, 'en'), 'csv', { sheet: 'responses' }));
    const column = (key: string) => rows.map((r) => r[header!.indexOf(key)]);
    expect(column('clean')).toEqual(['agree', 'strongly_agree', 'neither']);
    expect(column('safe')).toEqual(['', 'disagree', '']);
    expect(column('busy')).toEqual(['strongly_disagree', '', 'agree']);

    const chunks: Buffer[] = [];
    for await (const chunk of streamRows(await responsesSource(db, consultation, 'en'), 'xlsx', { sheet: 'responses' })) chunks.push(chunk as Buffer);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const values = book.worksheets[0]!.getRow(1).values as unknown[];
    expect(values.filter((v) => ['clean', 'safe', 'busy'].includes(String(v)))).toEqual(['clean', 'safe', 'busy']);
  });

  it('refuses to remove a statement once anyone has answered, but still rewords', async () => {
    const found = (await findGrid(db, consultationId, gridId))!;
    const [clean, safe, busy] = found.statements;
    expect(
      await updateGrid(db, actor, consultationId, gridId, {
        text: 'Agree?',
        hint: '',
        statements: [
          { id: clean!.id, text: 'Clean' },
          { id: safe!.id, text: 'Safe' },
        ],
      }),
    ).toEqual({
      ok: false,
      error: 'builder:deleteLocked',
    });
    expect(
      await updateGrid(db, actor, consultationId, gridId, {
        text: 'Agree?',
        hint: '',
        statements: [
          { id: clean!.id, text: 'Clean and tidy' },
          { id: safe!.id, text: 'Safe' },
          { id: busy!.id, text: 'Busy' },
        ],
      }),
    ).toEqual({ ok: true });
    expect((await statementsOf(gridId)).map((s) => s.text)).toEqual(['Clean and tidy', 'Safe', 'Busy']);
  });
});

describe('a grid among other questions', () => {
  const order = async (consultationId: number) =>
    (await db.selectFrom('questions').select(['text', 'grid_id']).where('consultation_id', '=', consultationId).orderBy('position').execute()).map(
      (q) => q.text,
    );

  it('moves a question next to a grid past all its statements, so the grid is never split, and keeps statements where the grid page puts them', async () => {
    const { id, sectionId } = await draft('Grid among questions');
    const added = await addGrid(db, actor, id, {
      sectionId,
      text: 'Agree?',
      hint: '',
      kind: 'agree_scale',
      options: [],
      statements: ['Clean', 'Safe', 'Busy'],
      required: false,
    });
    if (!added.ok) throw new Error('grid not added');
    const anything = await db
      .selectFrom('questions')
      .selectAll()
      .where('consultation_id', '=', id)
      .where('text', '=', 'Anything else?')
      .executeTakeFirstOrThrow();
    const moving =
      anything.position <
      (await db.selectFrom('questions').select('position').where('text', '=', 'Clean').where('consultation_id', '=', id).executeTakeFirstOrThrow()).position
        ? 'down'
        : 'up';
    expect(await moveQuestion(db, actor, id, anything.id, moving)).toEqual({ ok: true });
    const after = await order(id);
    // The question jumped the whole grid: its three statements are still side by side, in order.
    expect(after.slice(after.indexOf('Clean'), after.indexOf('Clean') + 3)).toEqual(['Clean', 'Safe', 'Busy']);
    expect(Math.sign(after.indexOf('Anything else?') - after.indexOf('Clean'))).toBe(moving === 'down' ? 1 : -1);

    const statement = await db.selectFrom('questions').selectAll().where('grid_id', '=', added.id).where('text', '=', 'Safe').executeTakeFirstOrThrow();
    expect(await moveQuestion(db, actor, id, statement.id, 'up')).toEqual({ ok: false, error: 'builder:gridStatementFixed' });
    const changed = await updateQuestion(db, actor, id, statement.id, { sectionId, kind: 'yes_no', text: 'Safe', hint: '', required: false }, undefined);
    expect(changed).toMatchObject({ ok: false, error: 'builder:gridStatementFixed' });
    expect((await db.selectFrom('questions').select('kind').where('id', '=', statement.id).executeTakeFirstOrThrow()).kind).toBe('agree_scale');
    // Rewording a statement on its own page is still fine.
    expect(
      await updateQuestion(db, actor, id, statement.id, { sectionId, kind: 'agree_scale', text: 'Safe at night', hint: '', required: false }, undefined),
    ).toEqual({ ok: true });
  });
});
