import { createHash } from 'node:crypto';
import { inTransaction, type Db, type Trx } from '#db/connection';
import type { ErasureReason } from '#db/schema';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { appendChange } from '~/platform/change-log.server';
import { announceResponseChange, logResponseChange, type ResponseChange } from '../changes.server';
import { removeResponse, type Removed } from './removal.server';

export type { Removed } from './removal.server';

// Erasing a response (issue 18, UK GDPR's right to erasure): the response and everything derived
// from it are deleted (removal.server.ts), and what is kept says only that it happened: an
// erasures row with counts by kind, the SHA-256 of the reference (so the person asking can be
// told it was done), the channel and date it came in by, why and who; an audit entry with the
// same counts; and a change log entry, so every process's summaries stop counting it (issue 16)
// and every public page cached with it is cleared. Whatever the consultation's status: published
// figures recompute without it.

export interface EraseRequest {
  responseId: number;
  reason: ErasureReason;
  /** The resident's request it answers (data requests), or null when an officer erases on their own account. */
  requestId?: number | null;
  actor: Actor;
}

export type EraseResult =
  | {
      ok: true;
      erasureId: number;
      consultationId: number;
      responseId: number;
      removed: Removed;
      /** The change log entry: hand the result to announceErasure once committed. */
      seq: number;
    }
  /** No such response: never stored, or erased already. Nothing was written. */
  | { ok: false; reason: 'not_found' };

export const referenceHash = (reference: string) => createHash('sha256').update(reference, 'utf8').digest('hex');

/** "answers: 7, codings: 2, quotes: 1": the kinds removed, for the audit entry's summary. */
function describe(removed: Removed): string {
  const parts = Object.entries(removed)
    .filter(([kind, n]) => n > 0 && kind !== 'responses')
    .map(([kind, n]) => `${kind.replaceAll('_', ' ')}: ${n}`);
  return parts.length ? parts.join(', ') : 'nothing derived from it';
}

/**
 * Erases one response in the caller's transaction. Once the transaction commits, call
 * announceErasure with the result, so this process's next page already leaves it out (without it
 * the summaries still do, from the log, at their next read).
 */
export async function eraseResponse(trx: Trx, request: EraseRequest, now = new Date()): Promise<EraseResult> {
  // A write that changes nothing, to lock the row first: on PostgreSQL a second erasure of the
  // same response (two officers at once) waits for this one to commit, then finds no row and
  // records nothing; SQLite has one writer at a time already.
  const locked = await trx
    .updateTable('responses')
    .set((eb) => ({ consultation_id: eb.ref('consultation_id') }))
    .where('id', '=', request.responseId)
    .executeTakeFirst();
  if (Number(locked.numUpdatedRows) === 0) return { ok: false, reason: 'not_found' };
  const response = await trx
    .selectFrom('responses')
    .select(['id', 'consultation_id', 'reference', 'idempotency_key', 'channel', 'submitted_at'])
    .where('id', '=', request.responseId)
    .executeTakeFirstOrThrow();

  const removed = await removeResponse(trx, response);
  const at = now.toISOString();
  const { id: erasureId } = await trx
    .insertInto('erasures')
    .values({
      consultation_id: response.consultation_id,
      response_id: response.id,
      reference_sha256: referenceHash(response.reference),
      channel: response.channel,
      submitted_at: response.submitted_at,
      reason: request.reason,
      request_id: request.requestId ?? null,
      removed: JSON.stringify(removed),
      erased_by: request.actor.userId,
      erased_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(
    trx,
    request.actor,
    {
      action: 'response.erase',
      entityType: 'response',
      entityId: response.id,
      consultationId: response.consultation_id,
      summary: `Response erased (${request.reason === 'request' ? "at the resident's request" : 'by an officer'}): ${describe(removed)}`,
      after: { erasure_id: erasureId, reason: request.reason, request_id: request.requestId ?? null, removed },
    },
    now,
  );
  // Last, so the log's order lock is held only for the commit (platform/change-log.server.ts).
  await appendChange(trx, { kind: 'pages' }, now);
  const seq = await logResponseChange(trx, erasedChange(response.consultation_id, response.id));
  return { ok: true, erasureId, consultationId: response.consultation_id, responseId: response.id, removed, seq };
}

const erasedChange = (consultationId: number, responseId: number): ResponseChange => ({ kind: 'erased', consultationId, responseId });

/** Once the erasure has committed: this process's summaries leave the response out at once. */
export function announceErasure(db: Db, result: EraseResult): void {
  if (result.ok) announceResponseChange(db, erasedChange(result.consultationId, result.responseId), result.seq);
}

/** Erases one response in a transaction of its own, and announces it once committed. */
export async function eraseResponseNow(db: Db, request: EraseRequest, now = new Date()): Promise<EraseResult> {
  const result = await inTransaction(db, (trx) => eraseResponse(trx, request, now));
  announceErasure(db, result);
  return result;
}
