import { inTransaction, type Db, type Trx } from '#db/connection';
import type { Action } from '#db/schema';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { refuse, type Result } from '~/consultations/change.server';
import { auditedChange } from '~/platform/audited-change.server';
import type { ActionInput } from './schemas';

// Officers writing "what we did": adding, changing, ordering and deleting a consultation's
// actions. Each opens its own transaction and writes its audit entry there (changes and deletions
// through auditedChange: find the action, check, change, audit). A change of status (or a
// note on progress) is kept as a dated update, so residents see the history and not just the
// latest word.

const today = (now: Date) => now.toISOString().slice(0, 10);

export function findAction(db: Db, consultationId: number, actionId: number): Promise<Action | undefined> {
  return db.selectFrom('actions').selectAll().where('id', '=', actionId).where('consultation_id', '=', consultationId).executeTakeFirst();
}

async function priorityExists(db: Db, priorityId: number | null): Promise<boolean> {
  if (priorityId === null) return true;
  return Boolean(await db.selectFrom('priorities').select('id').where('id', '=', priorityId).executeTakeFirst());
}

function columnsOf(input: ActionInput) {
  return {
    title: input.title,
    description: input.description,
    priority_id: input.priorityId,
    status: input.status,
    due_on: input.dueOn,
    done_on: input.doneOn,
  };
}

async function recordUpdate(trx: Trx, actor: Actor, actionId: number, input: ActionInput, now: Date) {
  const happenedOn = input.changedOn ?? (input.status === 'done' && input.doneOn ? input.doneOn : today(now));
  await trx
    .insertInto('action_updates')
    .values({ action_id: actionId, status: input.status, note: input.note, happened_on: happenedOn, recorded_by: actor.userId, recorded_at: now.toISOString() })
    .execute();
}

export function addAction(db: Db, actor: Actor, consultationId: number, input: ActionInput, now = new Date()): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (trx) => {
    if (!(await priorityExists(trx, input.priorityId))) return { ok: false, error: 'publishing:priorityMissing', field: 'priorityId' };
    const last = await trx
      .selectFrom('actions')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('consultation_id', '=', consultationId)
      .executeTakeFirst();
    const values = {
      ...columnsOf(input),
      consultation_id: consultationId,
      position: Number(last?.position ?? 0) + 1,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    const { id } = await trx.insertInto('actions').values(values).returning('id').executeTakeFirstOrThrow();
    // Its first status is the start of its history.
    await recordUpdate(trx, actor, id, input, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'action.create',
        entityType: 'action',
        entityId: id,
        consultationId,
        summary: `Added "${input.title}" to what we did`,
        after: columnsOf(input),
      },
      now,
    );
    return { ok: true, id };
  });
}

export function updateAction(
  db: Db,
  actor: Actor,
  consultationId: number,
  actionId: number,
  input: ActionInput,
  now = new Date(),
): Promise<Result<{ statusChanged: boolean }>> {
  return inTransaction(db, async (trx) => {
    const outcome = await auditedChange(
      trx,
      actor,
      {
        find: (t) => findAction(t, consultationId, actionId),
        missing: refuse('builder:notFound'),
        check: async (_before, t) => ((await priorityExists(t, input.priorityId)) ? undefined : refuse('publishing:priorityMissing', 'priorityId')),
        change: async (t, before) => {
          await t
            .updateTable('actions')
            .set({ ...columnsOf(input), updated_at: now.toISOString() })
            .where('id', '=', actionId)
            .execute();
          const statusChanged = before.status !== input.status;
          if (statusChanged || input.note !== '') await recordUpdate(t, actor, actionId, input, now);
          return { statusChanged };
        },
        audit: (before, { statusChanged }) => ({
          action: statusChanged ? 'action.status' : 'action.update',
          entityType: 'action',
          entityId: actionId,
          consultationId,
          summary: statusChanged ? `Marked "${input.title}" as ${input.status.replace('_', ' ')}` : `Changed "${input.title}"`,
          before: columnsOf({
            title: before.title,
            description: before.description,
            priorityId: before.priority_id,
            status: before.status,
            dueOn: before.due_on,
            doneOn: before.done_on,
            changedOn: null,
            note: '',
          }),
          after: columnsOf(input),
          reason: input.note || null,
        }),
      },
      now,
    );
    return outcome.ok ? { ok: true, statusChanged: outcome.done.statusChanged } : outcome;
  });
}

export function deleteAction(db: Db, actor: Actor, consultationId: number, actionId: number, now = new Date()): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const outcome = await auditedChange(
      trx,
      actor,
      {
        find: (t) => findAction(t, consultationId, actionId),
        missing: refuse('builder:notFound'),
        change: async (t) => {
          await t.deleteFrom('action_updates').where('action_id', '=', actionId).execute();
          await t.deleteFrom('actions').where('id', '=', actionId).execute();
          // Translations point at their text by type and id, with no foreign key: they go with it.
          await t.deleteFrom('translations').where('entity_type', '=', 'action').where('entity_id', '=', actionId).execute();
        },
        audit: (before) => ({
          action: 'action.delete',
          entityType: 'action',
          entityId: actionId,
          consultationId,
          summary: `Deleted "${before.title}" from what we did`,
          before,
        }),
      },
      now,
    );
    return outcome.ok ? { ok: true } : outcome;
  });
}

/**
 * Swaps an action with its neighbour; at either end it stays where it is. Not an auditedChange:
 * a move that goes nowhere succeeds without an audit entry.
 */
export function moveAction(db: Db, actor: Actor, consultationId: number, actionId: number, direction: 'up' | 'down', now = new Date()): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const rows = await trx
      .selectFrom('actions')
      .select(['id', 'title', 'position'])
      .where('consultation_id', '=', consultationId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const at = rows.findIndex((r) => r.id === actionId);
    if (at < 0) return { ok: false, error: 'builder:notFound' };
    const other = rows[direction === 'up' ? at - 1 : at + 1];
    if (!other) return { ok: true };
    const order = rows.map((r) => r.id);
    [order[at], order[rows.indexOf(other)]] = [other.id, actionId];
    for (const [i, id] of order.entries())
      await trx
        .updateTable('actions')
        .set({ position: i + 1 })
        .where('id', '=', id)
        .execute();
    await recordAudit(
      trx,
      actor,
      { action: 'action.move', entityType: 'action', entityId: actionId, consultationId, summary: `Moved "${rows[at]!.title}" ${direction}` },
      now,
    );
    return { ok: true };
  });
}
