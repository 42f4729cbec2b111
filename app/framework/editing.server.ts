import { inTransaction, type Db, type Trx } from '#db/connection';
import { TRANSLATABLE } from '#db/schema';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { auditedChange } from '~/platform/audited-change.server';
import { appendChange } from '~/platform/change-log.server';
import { moveRecorded, type Direction } from '~/platform/reorder.server';
import { keyFrom, uniqueKey } from './keys';
import { noteFrameworkChanged } from './queries.server';
import { deleteTranslations, readTranslations, writeTranslations, type FieldTranslations } from './translations.server';

// Administrators' changes to the council's framework. Each opens its transaction (through
// changeFramework, which also retires the cached framework once it commits) and records its
// audit entry there; edits and deletions take auditedChange's shape (find, check, change, audit).
// Moves do not: one at either end changes nothing and records nothing.

export interface ThemeInput {
  name: string;
  description: string;
  translations: FieldTranslations;
}

export interface PriorityInput {
  themeId: number;
  name: string;
  ambition: string;
  translations: FieldTranslations;
}

export interface LinkedConsultation {
  id: number;
  title: string;
  slug: string;
}

export type DeleteResult =
  | { ok: true }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'linked'; consultations: LinkedConsultation[] }
  | { ok: false; reason: 'has_priorities'; priorities: string[] };
type DeleteRefusal = Exclude<DeleteResult, { ok: true }>;
const notFound: DeleteRefusal = { ok: false, reason: 'not_found' };

/**
 * Runs a change in one transaction, logged with it so every process's caches hear of it
 * (framework/queries.server.ts), then makes sure this process's pages stop showing the old framework.
 */
async function changeFramework<T>(db: Db, change: (trx: Trx) => Promise<T>): Promise<T> {
  const result = await inTransaction(db, async (trx) => {
    const changed = await change(trx);
    await appendChange(trx, { kind: 'framework' });
    return changed;
  });
  noteFrameworkChanged(db);
  return result;
}

async function themeSnapshot(db: Db, id: number) {
  const row = await db.selectFrom('themes').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { ...row, translations: await readTranslations(db, 'theme', id) };
}

async function prioritySnapshot(db: Db, id: number) {
  const row = await db.selectFrom('priorities').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { ...row, translations: await readTranslations(db, 'priority', id) };
}

async function takenKeys(db: Db, table: 'themes' | 'priorities'): Promise<Set<string>> {
  return new Set((await db.selectFrom(table).select('key').execute()).map((r) => r.key));
}

async function nextPosition(db: Db, table: 'themes' | 'priorities'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | null>('position').as('last'))
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export function createTheme(db: Db, actor: Actor, input: ThemeInput): Promise<number> {
  return changeFramework(db, async (trx) => {
    const key = uniqueKey(keyFrom(input.name, 'theme'), await takenKeys(trx, 'themes'));
    const { id } = await trx
      .insertInto('themes')
      .values({ key, name: input.name, description: input.description, position: await nextPosition(trx, 'themes') })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeTranslations(trx, 'theme', id, TRANSLATABLE.theme, input.translations);
    await recordAudit(trx, actor, {
      action: 'theme.create',
      entityType: 'theme',
      entityId: id,
      summary: `Added the theme "${input.name}"`,
      after: await themeSnapshot(trx, id),
    });
    return id;
  });
}

export function updateTheme(db: Db, actor: Actor, id: number, input: ThemeInput): Promise<boolean> {
  return changeFramework(db, async (trx) => {
    const outcome = await auditedChange(trx, actor, {
      find: (t) => themeSnapshot(t, id),
      missing: { ok: false },
      change: async (t) => {
        await t.updateTable('themes').set({ name: input.name, description: input.description }).where('id', '=', id).execute();
        await writeTranslations(t, 'theme', id, TRANSLATABLE.theme, input.translations);
        return themeSnapshot(t, id);
      },
      audit: (before, after) => ({ action: 'theme.update', entityType: 'theme', entityId: id, summary: `Edited the theme "${input.name}"`, before, after }),
    });
    return outcome.ok;
  });
}

export function createPriority(db: Db, actor: Actor, input: PriorityInput): Promise<number | null> {
  return changeFramework(db, async (trx) => {
    const theme = await trx.selectFrom('themes').select('id').where('id', '=', input.themeId).executeTakeFirst();
    if (!theme) return null;
    const key = uniqueKey(keyFrom(input.name, 'priority'), await takenKeys(trx, 'priorities'));
    const { id } = await trx
      .insertInto('priorities')
      .values({ theme_id: input.themeId, key, name: input.name, ambition: input.ambition, position: await nextPosition(trx, 'priorities') })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeTranslations(trx, 'priority', id, TRANSLATABLE.priority, input.translations);
    await recordAudit(trx, actor, {
      action: 'priority.create',
      entityType: 'priority',
      entityId: id,
      summary: `Added the priority "${input.name}"`,
      after: await prioritySnapshot(trx, id),
    });
    return id;
  });
}

/** False when the priority, or the theme it is moved to, does not exist. */
export function updatePriority(db: Db, actor: Actor, id: number, input: PriorityInput): Promise<boolean> {
  return changeFramework(db, async (trx) => {
    const outcome = await auditedChange(trx, actor, {
      find: (t) => prioritySnapshot(t, id),
      missing: { ok: false },
      check: async (_before, t) => ((await t.selectFrom('themes').select('id').where('id', '=', input.themeId).executeTakeFirst()) ? undefined : { ok: false }),
      change: async (t, before) => {
        // A priority moved to another theme goes to the end of that theme's list.
        const position = before.theme_id === input.themeId ? before.position : await nextPosition(t, 'priorities');
        await t.updateTable('priorities').set({ theme_id: input.themeId, name: input.name, ambition: input.ambition, position }).where('id', '=', id).execute();
        await writeTranslations(t, 'priority', id, TRANSLATABLE.priority, input.translations);
        return prioritySnapshot(t, id);
      },
      audit: (before, after) => ({
        action: 'priority.update',
        entityType: 'priority',
        entityId: id,
        summary: `Edited the priority "${input.name}"`,
        before,
        after,
      }),
    });
    return outcome.ok;
  });
}

export async function listLinkedConsultations(db: Db, priorityId: number): Promise<LinkedConsultation[]> {
  return db
    .selectFrom('consultation_priorities as cp')
    .innerJoin('consultations as c', 'c.id', 'cp.consultation_id')
    .select(['c.id', 'c.title', 'c.slug'])
    .where('cp.priority_id', '=', priorityId)
    .orderBy('c.title')
    .execute();
}

/** Refused while any consultation links to the priority: its responses were gathered under it. */
export function deletePriority(db: Db, actor: Actor, id: number): Promise<DeleteResult> {
  return changeFramework(db, async (trx) => {
    const outcome = await auditedChange(trx, actor, {
      find: (t) => prioritySnapshot(t, id),
      missing: notFound,
      check: async (_before, t): Promise<DeleteRefusal | undefined> => {
        const consultations = await listLinkedConsultations(t, id);
        return consultations.length > 0 ? { ok: false, reason: 'linked', consultations } : undefined;
      },
      change: async (t) => {
        await deleteTranslations(t, 'priority', id);
        await t.deleteFrom('priorities').where('id', '=', id).execute();
      },
      audit: (before) => ({ action: 'priority.delete', entityType: 'priority', entityId: id, summary: `Deleted the priority "${before.name}"`, before }),
    });
    return outcome.ok ? { ok: true } : outcome;
  });
}

/** Refused while the theme has priorities: they are moved or deleted first. */
export function deleteTheme(db: Db, actor: Actor, id: number): Promise<DeleteResult> {
  return changeFramework(db, async (trx) => {
    const outcome = await auditedChange(trx, actor, {
      find: (t) => themeSnapshot(t, id),
      missing: notFound,
      check: async (_before, t): Promise<DeleteRefusal | undefined> => {
        const priorities = await t.selectFrom('priorities').select('name').where('theme_id', '=', id).orderBy('position').execute();
        return priorities.length > 0 ? { ok: false, reason: 'has_priorities', priorities: priorities.map((p) => p.name) } : undefined;
      },
      change: async (t) => {
        await deleteTranslations(t, 'theme', id);
        await t.deleteFrom('themes').where('id', '=', id).execute();
      },
      audit: (before) => ({ action: 'theme.delete', entityType: 'theme', entityId: id, summary: `Deleted the theme "${before.name}"`, before }),
    });
    return outcome.ok ? { ok: true } : outcome;
  });
}

export function moveTheme(db: Db, actor: Actor, id: number, direction: Direction): Promise<boolean> {
  return changeFramework(db, async (trx) => {
    const rows = await trx.selectFrom('themes').select(['id', 'name', 'position']).orderBy('position').orderBy('id').execute();
    const moved = await moveRecorded(trx, actor, {
      table: 'themes',
      rows,
      id,
      direction,
      audit: (row) => ({ action: 'theme.move', entityType: 'theme', entityId: id, summary: `Moved the theme "${row.name}" ${direction}` }),
    });
    return typeof moved !== 'string';
  });
}

/** Moves a priority up or down among its own theme's priorities. */
export function movePriority(db: Db, actor: Actor, id: number, direction: Direction): Promise<boolean> {
  return changeFramework(db, async (trx) => {
    const target = await trx.selectFrom('priorities').select('theme_id').where('id', '=', id).executeTakeFirst();
    if (!target) return false;
    const rows = await trx
      .selectFrom('priorities')
      .select(['id', 'name', 'position'])
      .where('theme_id', '=', target.theme_id)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const moved = await moveRecorded(trx, actor, {
      table: 'priorities',
      rows,
      id,
      direction,
      audit: (row) => ({ action: 'priority.move', entityType: 'priority', entityId: id, summary: `Moved the priority "${row.name}" ${direction}` }),
    });
    return typeof moved !== 'string';
  });
}
