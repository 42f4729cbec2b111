import { inTransaction, type Db } from '#db/connection';
import type { ResponseStatus, User } from '#db/schema';
import { actorOf, recordAudit } from '~/platform/audit.server';
import { announceResponseChange, logResponseChange, type ResponseChange } from '../changes.server';

export type StatusChangeResult = { ok: true; status: ResponseStatus } | { ok: false; reason: 'unchanged' };

/**
 * Marks a response as spam, duplicate or test, or restores it to the counts. The response and
 * its answers are kept either way; only its status (and who changed it, when and why) moves,
 * with an audit entry in the same transaction.
 */
export async function changeResponseStatus(
  db: Db,
  user: Pick<User, 'id' | 'email'>,
  change: { consultationId: number; responseId: number; status: ResponseStatus; reason: string },
  now = new Date(),
): Promise<StatusChangeResult> {
  const result = await inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom('responses')
      .select(['id', 'reference', 'status', 'status_reason'])
      .where('id', '=', change.responseId)
      .where('consultation_id', '=', change.consultationId)
      .executeTakeFirst();
    if (!before) throw new Error(`Response ${change.responseId} is not in consultation ${change.consultationId}`);
    if (before.status === change.status) return { ok: false, reason: 'unchanged' } as const;
    await trx
      .updateTable('responses')
      .set({ status: change.status, status_reason: change.reason, status_changed_at: now.toISOString(), status_changed_by: user.id })
      .where('id', '=', change.responseId)
      .execute();
    const restoring = change.status === 'counted';
    await recordAudit(
      trx,
      actorOf(user),
      {
        action: restoring ? 'response.restore' : 'response.exclude',
        entityType: 'response',
        entityId: change.responseId,
        consultationId: change.consultationId,
        summary: restoring ? `Restored response ${before.reference} to the counts` : `Marked response ${before.reference} as ${change.status}`,
        before: { status: before.status, status_reason: before.status_reason },
        after: { status: change.status, status_reason: change.reason },
        reason: change.reason,
      },
      now,
    );
    const logged: ResponseChange = { kind: 'status', consultationId: change.consultationId, responseId: change.responseId, status: change.status };
    return { ok: true, status: change.status, logged, seq: await logResponseChange(trx, logged) } as const;
  });
  if (!result.ok) return result;
  // Committed: the summaries stop (or start again) counting it.
  announceResponseChange(db, result.logged, result.seq);
  return { ok: true, status: result.status };
}
