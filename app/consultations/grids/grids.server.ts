import { inTransaction, type Db, type Trx } from '#db/connection';
import type { Grid, Question } from '#db/schema';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { DEFAULT_RATING_MAX, STANDARD_OPTIONS } from '~/consultations/question-kinds';
import { hasResponses } from '~/consultations/answered.server';
import { refuse, touchConsultation, type Result } from '~/consultations/change.server';
import { keyFrom, uniqueKey } from '~/consultations/builder/keys';
import { deleteOptionRows, deleteQuestionRows } from '~/consultations/builder/questions.server';
import type { GridScale } from './schemas';

// A grid is a prompt and a shared scale over several statements. Each statement is an ordinary
// question (grid_id set, one after another in the section, all of the grid's kind with the same
// options: same keys, same labels, rows of their own), so answers, analysis, imports and exports
// treat it as a question of its own. Everything here keeps that true: statements are added,
// reworded, reordered and removed together with their grid, and a change to the options is made
// to every statement at once.

export interface GridInput {
  sectionId: number;
  text: string;
  hint: string;
  kind: GridScale;
  ratingMax?: number | undefined;
  /** Labels of the shared options, for a grid on the officer's own scale. */
  options: string[];
  statements: string[];
  required: boolean;
}

export interface GridChange {
  text: string;
  hint: string;
  /** The statements in their new order: existing ones by id, new ones without. */
  statements: { id?: number | undefined; text: string }[];
  /** The shared options' labels in order, for a grid on the officer's own scale. */
  options?: string[] | undefined;
}

export interface GridWithStatements {
  grid: Grid;
  statements: Question[];
  options: { key: string; label: string }[];
}

export async function findGrid(db: Db, consultationId: number, id: number): Promise<GridWithStatements | undefined> {
  const grid = await db.selectFrom('grids').selectAll().where('consultation_id', '=', consultationId).where('id', '=', id).executeTakeFirst();
  if (!grid) return undefined;
  const statements = await db.selectFrom('questions').selectAll().where('grid_id', '=', id).orderBy('position').orderBy('id').execute();
  const first = statements[0];
  const options = first
    ? await db.selectFrom('options').select(['key', 'label']).where('question_id', '=', first.id).where('hidden', '=', 0).orderBy('position').execute()
    : [];
  return { grid, statements, options };
}

export function listGrids(db: Db, consultationId: number): Promise<Grid[]> {
  return db.selectFrom('grids').selectAll().where('consultation_id', '=', consultationId).orderBy('id').execute();
}

type Shared = { key: string; label: string }[];

/** Keys for new labels, beside the ones already taken. */
function withKeys(labels: string[], taken: string[] = []): Shared {
  const keys = [...taken];
  return labels.map((label) => {
    const key = uniqueKey(keyFrom(label, '_', 'option'), keys);
    keys.push(key);
    return { key, label };
  });
}

/**
 * The shared options after an edit: a label that is still there keeps its key; the labels that
 * went and the labels that came pair up in order as rewordings; what is left over is removed or new.
 */
export function planOptions(current: Shared, labels: string[]): Shared {
  const gone = current.filter((o) => !labels.includes(o.label));
  const taken = current.map((o) => o.key);
  const fresh = labels.filter((l) => !current.some((o) => o.label === l));
  const reworded = new Map(fresh.slice(0, gone.length).map((label, i) => [label, gone[i]!.key]));
  const added = new Map(withKeys(fresh.slice(gone.length), taken).map((o) => [o.label, o.key]));
  return labels.map((label) => ({ label, key: current.find((o) => o.label === label)?.key ?? reworded.get(label) ?? added.get(label)! }));
}

/** The same options for every statement: the kind's standard ones, or the officer's own. */
function optionRows(questionId: number, kind: GridScale, shared: Shared) {
  const standard = STANDARD_OPTIONS[kind];
  if (standard) return standard.map((key, i) => ({ question_id: questionId, key, position: i + 1, label: key.replace(/_/g, ' ') }));
  return shared.map((o, i) => ({ question_id: questionId, key: o.key, position: i + 1, label: o.label }));
}

async function insertStatements(trx: Trx, grid: Grid, kind: GridScale, settings: StatementSettings, texts: string[], shared: Shared): Promise<number[]> {
  const existing = await trx.selectFrom('questions').select(['key', 'position']).where('consultation_id', '=', grid.consultation_id).execute();
  const taken = existing.map((q) => q.key);
  let position = Math.max(0, ...existing.map((q) => q.position));
  const ids: number[] = [];
  for (const text of texts) {
    const key = uniqueKey(keyFrom(text, '_', 'statement'), taken);
    taken.push(key);
    const { id } = await trx
      .insertInto('questions')
      .values({
        consultation_id: grid.consultation_id,
        section_id: grid.section_id,
        grid_id: grid.id,
        key,
        position: ++position,
        kind,
        text,
        hint: '',
        ...settings,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const options = optionRows(id, kind, shared);
    if (options.length) await trx.insertInto('options').values(options).execute();
    ids.push(id);
  }
  return ids;
}

interface StatementSettings {
  required: 0 | 1;
  rating_max: number | null;
}

/**
 * Puts the grid's statements in `order`, one after another where the grid stands in its section
 * (where its first statement was, or at the end for a new grid), keeping every other question's place.
 */
async function placeStatements(trx: Trx, grid: Grid, order: number[]): Promise<void> {
  const section = await trx
    .selectFrom('questions')
    .select(['id', 'grid_id'])
    .where('section_id', '=', grid.section_id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const others = section.filter((q) => q.grid_id !== grid.id).map((q) => q.id);
  // New statements were put last, so the grid stands where its first existing statement is.
  const at = section.findIndex((q) => q.grid_id === grid.id);
  const before = at === -1 ? others.length : section.slice(0, at).filter((q) => q.grid_id !== grid.id).length;
  const sequence = [...others.slice(0, before), ...order, ...others.slice(before)];
  const start = Number(
    (
      await trx
        .selectFrom('questions')
        .select((eb) => eb.fn.min<number | null>('position').as('p'))
        .where('section_id', '=', grid.section_id)
        .executeTakeFirst()
    )?.p ?? 1,
  );
  for (const [i, id] of sequence.entries())
    await trx
      .updateTable('questions')
      .set({ position: start + i })
      .where('id', '=', id)
      .execute();
}

export function addGrid(db: Db, actor: Actor, consultationId: number, input: GridInput, now = new Date()): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (trx) => {
    const section = await trx
      .selectFrom('sections')
      .select(['id', 'audience'])
      .where('id', '=', input.sectionId)
      .where('consultation_id', '=', consultationId)
      .executeTakeFirst();
    if (!section) return refuse('builder:sectionMissing', 'sectionId');
    if (input.statements.length < 2) return refuse('builder:gridStatementsMissing', 'statements');
    if (input.kind === 'single_choice' && input.options.length < 2) return refuse('builder:optionsMissing', 'options');
    const taken = (await trx.selectFrom('grids').select('key').where('consultation_id', '=', consultationId).execute()).map((g) => g.key);
    const values = {
      consultation_id: consultationId,
      section_id: section.id,
      key: uniqueKey(keyFrom(input.text, '_', 'grid'), taken),
      text: input.text,
      hint: input.hint,
    };
    const grid = await trx
      .insertInto('grids')
      .values(values)
      .returning(['id', 'consultation_id', 'section_id', 'key', 'text', 'hint'])
      .executeTakeFirstOrThrow();
    const settings = { required: (input.required ? 1 : 0) as 0 | 1, rating_max: input.kind === 'rating' ? (input.ratingMax ?? DEFAULT_RATING_MAX) : null };
    const ids = await insertStatements(trx, grid, input.kind, settings, input.statements, withKeys(input.options));
    await placeStatements(trx, grid, ids);
    await touchConsultation(trx, consultationId, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'grid.create',
        entityType: 'grid',
        entityId: grid.id,
        consultationId,
        summary: `Added the grid "${input.text}" with ${ids.length} statements`,
        after: { ...values, kind: input.kind, statements: input.statements, options: input.options },
      },
      now,
    );
    return { ok: true, id: grid.id };
  });
}

/**
 * Rewords the prompt, rewords, reorders, adds and removes statements, and changes the shared
 * options on every statement alike. Once anyone has answered, nothing that holds an answer may
 * go: a statement can then be hidden on its own page, and options only reworded or added.
 */
export function updateGrid(db: Db, actor: Actor, consultationId: number, id: number, input: GridChange, now = new Date()): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const found = await findGrid(trx, consultationId, id);
    if (!found) return refuse('builder:notFound');
    const { grid, statements, options } = found;
    const first = statements[0];
    const kind = (first?.kind ?? 'agree_scale') as GridScale;
    const locked = await hasResponses(trx, consultationId);
    const kept = new Set(input.statements.flatMap((s) => (s.id === undefined ? [] : [s.id])));
    if ([...kept].some((sid) => !statements.some((s) => s.id === sid))) return refuse('builder:notFound');
    const removed = statements.filter((s) => !kept.has(s.id));
    if (input.statements.length < 2) return refuse('builder:gridStatementsMissing', 'statements');
    if (locked && removed.length) return refuse('builder:deleteLocked');
    const shared = kind === 'single_choice' ? planOptions(options, input.options ?? options.map((o) => o.label)) : [];
    if (kind === 'single_choice' && shared.length < 2) return refuse('builder:optionsMissing', 'options');
    if (locked && kind === 'single_choice' && options.some((o) => !shared.some((n) => n.key === o.key))) return refuse('builder:deleteLocked');

    await trx.updateTable('grids').set({ text: input.text, hint: input.hint }).where('id', '=', id).execute();
    await deleteQuestionRows(
      trx,
      removed.map((s) => s.id),
    );
    for (const s of input.statements) if (s.id !== undefined) await trx.updateTable('questions').set({ text: s.text }).where('id', '=', s.id).execute();
    const settings = { required: first?.required ?? 0, rating_max: first?.rating_max ?? null };
    const added = await insertStatements(
      trx,
      grid,
      kind,
      settings,
      input.statements.filter((s) => s.id === undefined).map((s) => s.text),
      shared,
    );
    const order: number[] = [];
    let next = 0;
    for (const s of input.statements) order.push(s.id ?? added[next++]!);
    await placeStatements(trx, grid, order);
    if (kind === 'single_choice') await syncOptions(trx, order, shared);
    await touchConsultation(trx, consultationId, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'grid.update',
        entityType: 'grid',
        entityId: id,
        consultationId,
        summary: `Changed the grid "${input.text}"`,
        before: { text: grid.text, hint: grid.hint, statements: statements.map((s) => s.text), options: options.map((o) => o.label) },
        after: { text: input.text, hint: input.hint, statements: input.statements.map((s) => s.text), options: shared.map((o) => o.label) },
      },
      now,
    );
    return { ok: true };
  });
}

/** The officer's own options, the same keys and labels on every statement. */
async function syncOptions(trx: Trx, questionIds: number[], shared: Shared): Promise<void> {
  const rows = await trx.selectFrom('options').selectAll().where('question_id', 'in', questionIds).where('is_other', '=', 0).execute();
  for (const questionId of questionIds) {
    const mine = rows.filter((o) => o.question_id === questionId);
    for (const [i, { key, label }] of shared.entries()) {
      const row = mine.find((o) => o.key === key);
      if (row)
        await trx
          .updateTable('options')
          .set({ label, position: i + 1, hidden: 0 })
          .where('id', '=', row.id)
          .execute();
      else
        await trx
          .insertInto('options')
          .values({ question_id: questionId, key, label, position: i + 1 })
          .execute();
    }
    await deleteOptionRows(
      trx,
      mine.filter((o) => !shared.some((n) => n.key === o.key)).map((o) => o.id),
    );
  }
}

/** A grid and its statements (only before any response). */
export function deleteGrid(db: Db, actor: Actor, consultationId: number, id: number, now = new Date()): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const found = await findGrid(trx, consultationId, id);
    if (!found) return refuse('builder:notFound');
    if (await hasResponses(trx, consultationId)) return refuse('builder:deleteLocked');
    await deleteQuestionRows(
      trx,
      found.statements.map((s) => s.id),
    );
    await trx.deleteFrom('translations').where('entity_type', '=', 'grid').where('entity_id', '=', id).execute();
    await trx.deleteFrom('grids').where('id', '=', id).execute();
    await touchConsultation(trx, consultationId, now);
    await recordAudit(
      trx,
      actor,
      { action: 'grid.delete', entityType: 'grid', entityId: id, consultationId, summary: `Deleted the grid "${found.grid.text}"`, before: found.grid },
      now,
    );
    return { ok: true };
  });
}
