import { inTransaction, type Db, type Trx } from '#db/connection';
import type { DataRequestKind, DataRequestStatus, User } from '#db/schema';
import { actorOf } from '~/platform/audit.server';
import { auditedChange } from '~/platform/audited-change.server';
import { announceErasure, eraseResponse, type EraseResult } from '~/responses/erasure/erase.server';

// What an officer does with a request: verify who is asking (with a note of how), refuse (with
// the reason), then send the copy (access) or erase the response (erasure). Each is one audited
// change in one transaction; the audit entries name the request by its number and never carry
// the reference, the email or the message, so nothing of an erased response survives in the log.

export type DecisionRefusal = { ok: false; reason: 'not_found' | 'wrong_status' | 'no_response' };
type Outcome = { ok: true } | DecisionRefusal;

interface Found {
  id: number;
  kind: DataRequestKind;
  status: DataRequestStatus;
  response_id: number | null;
  consultation_id: number | null;
}

const findRequest = (trx: Trx, id: number): Promise<Found | undefined> =>
  trx.selectFrom('data_requests').select(['id', 'kind', 'status', 'response_id', 'consultation_id']).where('id', '=', id).executeTakeFirst();

const responseStored = async (trx: Trx, responseId: number | null) =>
  responseId !== null && (await trx.selectFrom('responses').select('id').where('id', '=', responseId).executeTakeFirst()) !== undefined;

const MISSING: DecisionRefusal = { ok: false, reason: 'not_found' };
const WRONG_STATUS: DecisionRefusal = { ok: false, reason: 'wrong_status' };
const NO_RESPONSE: DecisionRefusal = { ok: false, reason: 'no_response' };
const outcome = (result: { ok: true } | DecisionRefusal): Outcome => (result.ok ? { ok: true } : result);

/** Identity checked: only a received request whose reference matched a stored response. */
export async function verifyDataRequest(db: Db, user: Pick<User, 'id' | 'email'>, id: number, note: string, now = new Date()): Promise<Outcome> {
  return inTransaction(db, async (trx) => {
    const result = await auditedChange(
      trx,
      actorOf(user),
      {
        find: (t) => findRequest(t, id),
        missing: MISSING,
        check: async (found, t) => (found.status !== 'received' ? WRONG_STATUS : (await responseStored(t, found.response_id)) ? undefined : NO_RESPONSE),
        change: (t) =>
          t.updateTable('data_requests').set({ status: 'verified', note, verified_by: user.id, verified_at: now.toISOString() }).where('id', '=', id).execute(),
        audit: (found) => ({
          action: 'data_request.verify',
          entityType: 'data_request',
          entityId: id,
          consultationId: found.consultation_id,
          summary: `Verified who asked in ${found.kind} request ${id}`,
          before: { status: found.status },
          after: { status: 'verified' },
          reason: note,
        }),
      },
      now,
    );
    return outcome(result);
  });
}

/** Refused, with the reason: a request not yet completed. */
export async function refuseDataRequest(db: Db, user: Pick<User, 'id' | 'email'>, id: number, note: string, now = new Date()): Promise<Outcome> {
  return inTransaction(db, async (trx) => {
    const result = await auditedChange(
      trx,
      actorOf(user),
      {
        find: (t) => findRequest(t, id),
        missing: MISSING,
        check: (found) => (found.status === 'received' || found.status === 'verified' ? undefined : WRONG_STATUS),
        change: (t) =>
          t
            .updateTable('data_requests')
            .set({ status: 'refused', note, completed_by: user.id, completed_at: now.toISOString() })
            .where('id', '=', id)
            .execute(),
        audit: (found) => ({
          action: 'data_request.refuse',
          entityType: 'data_request',
          entityId: id,
          consultationId: found.consultation_id,
          summary: `Refused ${found.kind} request ${id}`,
          before: { status: found.status },
          after: { status: 'refused' },
          reason: note,
        }),
      },
      now,
    );
    return outcome(result);
  });
}

/** A verified access request answered: the officer has sent the copy. */
export async function completeAccessRequest(db: Db, user: Pick<User, 'id' | 'email'>, id: number, now = new Date()): Promise<Outcome> {
  return inTransaction(db, async (trx) =>
    outcome(
      await auditedChange(
        trx,
        actorOf(user),
        {
          find: (t) => findRequest(t, id),
          missing: MISSING,
          check: async (found, t) =>
            found.kind !== 'access' || found.status !== 'verified' ? WRONG_STATUS : (await responseStored(t, found.response_id)) ? undefined : NO_RESPONSE,
          change: (t) =>
            t.updateTable('data_requests').set({ status: 'completed', completed_by: user.id, completed_at: now.toISOString() }).where('id', '=', id).execute(),
          audit: (found) => ({
            action: 'data_request.complete',
            entityType: 'data_request',
            entityId: id,
            consultationId: found.consultation_id,
            summary: `Sent the copy asked for in access request ${id}`,
            before: { status: found.status },
            after: { status: 'completed' },
          }),
        },
        now,
      ),
    ),
  );
}

/**
 * A verified erasure request carried out: the response and everything derived from it erased
 * (eraseResponse, which keeps an erasures row with the reference's SHA-256), and in the same
 * transaction the request itself, and every other request about the same response, cleared of
 * what the resident typed (reference, email, message), so no copy of the reference outlives the response. Announced to this process's summaries once
 * committed.
 */
export async function completeErasureRequest(db: Db, user: Pick<User, 'id' | 'email'>, id: number, now = new Date()): Promise<Outcome> {
  const actor = actorOf(user);
  const result = await inTransaction(db, async (trx) => {
    let erased: EraseResult | undefined;
    const done = await auditedChange(
      trx,
      actor,
      {
        find: (t) => findRequest(t, id),
        missing: MISSING,
        check: (found) => (found.kind !== 'erasure' || found.status !== 'verified' ? WRONG_STATUS : found.response_id === null ? NO_RESPONSE : undefined),
        change: async (t, found) => {
          erased = await eraseResponse(t, { responseId: found.response_id ?? 0, reason: 'request', requestId: id, actor }, now);
          if (!erased.ok) return erased;
          await t
            .updateTable('data_requests')
            .set({ status: 'completed', completed_by: user.id, completed_at: now.toISOString() })
            .where('id', '=', id)
            .execute();
          // Every request about this response (an earlier copy asked for, say) loses what the
          // resident typed too: none of it may outlive the response.
          await t
            .updateTable('data_requests')
            .set({ reference: null, contact_email: null, message: null })
            .where('response_id', '=', found.response_id ?? 0)
            .execute();
          return erased;
        },
        audit: (found, outcome) => ({
          action: 'data_request.complete',
          entityType: 'data_request',
          entityId: id,
          consultationId: found.consultation_id,
          summary: `Erased the response asked about in erasure request ${id}`,
          before: { status: found.status },
          after: { status: 'completed', erasure_id: outcome.ok ? outcome.erasureId : null },
        }),
      },
      now,
    );
    if (done.ok && !done.done.ok) throw new ResponseGone();
    return { done, erased };
  }).catch((error: unknown) => {
    if (error instanceof ResponseGone) return { done: NO_RESPONSE, erased: undefined };
    throw error;
  });
  if (result.erased) announceErasure(db, result.erased);
  return result.done.ok ? { ok: true } : result.done;
}

/** The response was erased by someone else meanwhile: roll back the audit entry written for it. */
class ResponseGone extends Error {}
