import { inTransaction, type Db, type Trx } from '#db/connection';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { auditedChange } from '~/platform/audited-change.server';
import { keyFrom, uniqueKey } from '~/framework/keys';
import { moveRecorded, type Direction } from '~/platform/reorder.server';
import { keywordList, keywordText } from './keywords';

// A consultation's codebook: the themes officers code free-text answers into. Each change opens
// its transaction and records its audit entry there.

export const OPEN_KINDS = ['short_text', 'long_text'] as const;

export interface OpenQuestion {
  id: number;
  key: string;
  text: string;
  kind: 'short_text' | 'long_text';
}

export interface CodebookTheme {
  id: number;
  key: string;
  name: string;
  description: string;
  keywords: string;
  position: number;
  priorityId: number | null;
  priorityName: string | null;
}

export interface ThemeInput {
  name: string;
  description: string;
  priorityId: number | null;
  keywords: string;
}

export type ThemeChange =
  { ok: true; id: number } | { ok: false; error: 'coding:nameTaken' | 'coding:priorityMissing' | 'coding:notFound'; field?: 'name' | 'priorityId' };
type ThemeRefusal = Exclude<ThemeChange, { ok: true }>;
const notFound: ThemeRefusal = { ok: false, error: 'coding:notFound' };

/** The questions answered in words (hidden ones too: their answers are still there), in the order they are asked. */
export async function listOpenQuestions(db: Db, consultationId: number): Promise<OpenQuestion[]> {
  const rows = await db
    .selectFrom('questions')
    .innerJoin('sections', 'sections.id', 'questions.section_id')
    .select(['questions.id', 'questions.key', 'questions.text', 'questions.kind'])
    .where('questions.consultation_id', '=', consultationId)
    .where('questions.kind', 'in', [...OPEN_KINDS])
    .orderBy('sections.position')
    .orderBy('questions.position')
    .orderBy('questions.id')
    .execute();
  return rows.map((r) => ({ ...r, kind: r.kind as OpenQuestion['kind'] }));
}

export async function findOpenQuestion(db: Db, consultationId: number, questionId: number): Promise<OpenQuestion | undefined> {
  return (await listOpenQuestions(db, consultationId)).find((q) => q.id === questionId);
}

function codebookQuery(db: Db) {
  return db
    .selectFrom('codebook_themes as t')
    .leftJoin('priorities as p', 'p.id', 't.priority_id')
    .select(['t.id', 't.key', 't.name', 't.description', 't.keywords', 't.position', 't.priority_id as priorityId', 'p.name as priorityName']);
}

export async function listCodebook(db: Db, consultationId: number): Promise<CodebookTheme[]> {
  return codebookQuery(db).where('t.consultation_id', '=', consultationId).orderBy('t.position').orderBy('t.id').execute();
}

export async function findCodebookTheme(db: Db, consultationId: number, id: number): Promise<CodebookTheme | undefined> {
  return codebookQuery(db).where('t.consultation_id', '=', consultationId).where('t.id', '=', id).executeTakeFirst();
}

/** The council's priorities a theme can be linked to, in framework order. */
export async function listPriorityChoices(db: Db): Promise<{ id: number; name: string; theme: string }[]> {
  return db
    .selectFrom('priorities as p')
    .innerJoin('themes as t', 't.id', 'p.theme_id')
    .select(['p.id', 'p.name', 't.name as theme'])
    .orderBy('t.position')
    .orderBy('p.position')
    .execute();
}

/** The open questions whose answers carry the theme in anybody's coding: a theme in use cannot be deleted. */
export async function questionsUsingTheme(db: Db, themeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('coding_themes as ct')
    .innerJoin('codings as c', (join) => join.onRef('c.answer_id', '=', 'ct.answer_id').onRef('c.coder_id', '=', 'ct.coder_id'))
    .select('c.question_id')
    .distinct()
    .where('ct.theme_id', '=', themeId)
    .execute();
  return rows.map((r) => r.question_id);
}

async function snapshot(db: Db, id: number) {
  return db.selectFrom('codebook_themes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The theme's row, when it is this consultation's. */
async function themeOf(db: Db, consultationId: number, id: number) {
  const row = await snapshot(db, id);
  return row?.consultation_id === consultationId ? row : undefined;
}

async function checkInput(db: Db, consultationId: number, input: ThemeInput, exceptId: number | null): Promise<ThemeRefusal | null> {
  const sameName = await db.selectFrom('codebook_themes').select(['id', 'name']).where('consultation_id', '=', consultationId).execute();
  const folded = input.name.toLocaleLowerCase();
  if (sameName.some((t) => t.id !== exceptId && t.name.toLocaleLowerCase() === folded)) return { ok: false, error: 'coding:nameTaken', field: 'name' };
  if (input.priorityId !== null) {
    const priority = await db.selectFrom('priorities').select('id').where('id', '=', input.priorityId).executeTakeFirst();
    if (!priority) return { ok: false, error: 'coding:priorityMissing', field: 'priorityId' };
  }
  return null;
}

export function createCodebookTheme(db: Db, actor: Actor, consultationId: number, input: ThemeInput, now = new Date()): Promise<ThemeChange> {
  return inTransaction(db, (trx) => insertCodebookTheme(trx, actor, consultationId, input, now));
}

async function insertCodebookTheme(trx: Trx, actor: Actor, consultationId: number, input: ThemeInput, now = new Date()): Promise<ThemeChange> {
  const refused = await checkInput(trx, consultationId, input, null);
  if (refused) return refused;
  const existing = await trx.selectFrom('codebook_themes').select(['key', 'position']).where('consultation_id', '=', consultationId).execute();
  const key = uniqueKey(keyFrom(input.name, 'theme'), new Set(existing.map((t) => t.key)));
  const position = existing.reduce((last, t) => Math.max(last, t.position), 0) + 1;
  const { id } = await trx
    .insertInto('codebook_themes')
    .values({
      consultation_id: consultationId,
      key,
      name: input.name,
      description: input.description,
      priority_id: input.priorityId,
      keywords: keywordText(keywordList(input.keywords)),
      position,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(
    trx,
    actor,
    {
      action: 'codebook_theme.create',
      entityType: 'codebook_theme',
      entityId: id,
      consultationId,
      summary: `Added the coding theme "${input.name}"`,
      after: await snapshot(trx, id),
    },
    now,
  );
  return { ok: true, id };
}

export function updateCodebookTheme(db: Db, actor: Actor, consultationId: number, id: number, input: ThemeInput): Promise<ThemeChange> {
  return inTransaction(db, (trx) => writeCodebookTheme(trx, actor, consultationId, id, input));
}

async function writeCodebookTheme(trx: Trx, actor: Actor, consultationId: number, id: number, input: ThemeInput): Promise<ThemeChange> {
  const outcome = await auditedChange(trx, actor, {
    find: (t) => themeOf(t, consultationId, id),
    missing: notFound,
    check: async (_before, t) => (await checkInput(t, consultationId, input, id)) ?? undefined,
    change: async (t) => {
      await t
        .updateTable('codebook_themes')
        .set({ name: input.name, description: input.description, priority_id: input.priorityId, keywords: keywordText(keywordList(input.keywords)) })
        .where('id', '=', id)
        .execute();
      return snapshot(t, id);
    },
    audit: (before, after) => ({
      action: 'codebook_theme.update',
      entityType: 'codebook_theme',
      entityId: id,
      consultationId,
      summary: `Edited the coding theme "${input.name}"`,
      before,
      after,
    }),
  });
  return outcome.ok ? { ok: true, id } : outcome;
}

/** Adds words and phrases to a theme's keywords (those it has already are not repeated). */
export function addThemeKeywords(db: Db, actor: Actor, consultationId: number, id: number, words: readonly string[]): Promise<ThemeChange> {
  return inTransaction(db, (trx) => addKeywordsToTheme(trx, actor, consultationId, id, words));
}

async function addKeywordsToTheme(trx: Trx, actor: Actor, consultationId: number, id: number, words: readonly string[]): Promise<ThemeChange> {
  const theme = await findCodebookTheme(trx, consultationId, id);
  if (!theme) return notFound;
  const keywords = keywordText([...keywordList(theme.keywords), ...words]);
  return writeCodebookTheme(trx, actor, consultationId, id, { name: theme.name, description: theme.description, priorityId: theme.priorityId, keywords });
}

export type DeleteOutcome = { ok: true } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'in_use'; questionIds: number[] };
type DeleteRefusal = Exclude<DeleteOutcome, { ok: true }>;
const themeNotFound: DeleteRefusal = { ok: false, reason: 'not_found' };

/** Refused while any answer is coded with the theme: deleting it would silently change those codings. */
export function deleteCodebookTheme(db: Db, actor: Actor, consultationId: number, id: number): Promise<DeleteOutcome> {
  return inTransaction(db, async (trx) => {
    const outcome = await auditedChange(trx, actor, {
      find: (t) => themeOf(t, consultationId, id),
      missing: themeNotFound,
      check: async (_before, t): Promise<DeleteRefusal | undefined> => {
        const questionIds = await questionsUsingTheme(t, id);
        return questionIds.length > 0 ? { ok: false, reason: 'in_use', questionIds } : undefined;
      },
      change: async (t) => {
        await t.deleteFrom('codebook_themes').where('id', '=', id).execute();
      },
      audit: (before) => ({
        action: 'codebook_theme.delete',
        entityType: 'codebook_theme',
        entityId: id,
        consultationId,
        summary: `Deleted the coding theme "${before.name}"`,
        before,
      }),
    });
    return outcome.ok ? { ok: true } : outcome;
  });
}

export function moveCodebookTheme(db: Db, actor: Actor, consultationId: number, id: number, direction: Direction): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const rows = await trx
      .selectFrom('codebook_themes')
      .select(['id', 'name', 'position'])
      .where('consultation_id', '=', consultationId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const moved = await moveRecorded(trx, actor, {
      table: 'codebook_themes',
      rows,
      id,
      direction,
      audit: (row) => ({
        action: 'codebook_theme.move',
        entityType: 'codebook_theme',
        entityId: id,
        consultationId,
        summary: `Moved the coding theme "${row.name}" ${direction}`,
      }),
    });
    return typeof moved !== 'string';
  });
}
