import { data, type AppLoadContext } from '@remix-run/node';
import type { Db, Trx } from '#db/connection';
import type { BlockReason } from '#db/schema';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { findResponseByKey, type SubmitResult } from '~/responses/submit.server';
import { HONEYPOT_FIELD } from './honeypot';

// Keeping a script from flooding a consultation through its public forms: a honeypot field and
// a per-client limit on responses stored (SUBMISSIONS_PER_HOUR). Every submission turned away
// is recorded in blocked_submissions, so officers see a flood on the responses page.
//
// A turned-away submission is answered as a failed form, never as a fake success: a person who
// somehow filled the honeypot (an over-eager autofill) must not believe they were heard. Nothing
// is stored and the server-side draft is kept, so the check page shows their answers again with
// the message and the same "Send" button; the honeypot is empty on the page they get back.
// A script gets a 400 (honeypot) or 429 (too many) and no reference.

type Context = Pick<AppLoadContext, 'db' | 'limits' | 'request'>;

/** `slot`: when the submission took its place under the client's limit (given back if nothing is stored). */
export type Screening = { ok: true; slot: number | null } | { ok: false; reason: 'honeypot' } | { ok: false; reason: 'rate_limit'; retryAfterMs: number };

export async function recordBlocked(db: Db, consultationId: number, reason: BlockReason, client: string, now = new Date()): Promise<void> {
  await db.insertInto('blocked_submissions').values({ consultation_id: consultationId, reason, client, at: now.toISOString() }).execute();
}

async function alreadyStored(db: Db, consultationId: number, idempotencyKey: unknown): Promise<boolean> {
  if (typeof idempotencyKey !== 'string' || idempotencyKey === '') return false;
  return (await findResponseByKey(db, consultationId, idempotencyKey)) !== undefined;
}

/**
 * Whether a public form's final post may go on to be stored. `payload` is the form as posted
 * (conform's submission.payload), read before validation so a script's malformed posts are
 * counted too. Sending again a response already stored (same idempotency key) is never limited:
 * it stores nothing new and shows the person their reference.
 *
 * The limit is shared by every server on the database, and the post takes its place under it
 * here, in the same step as the test, so posts racing on two servers cannot both take the last
 * place. A post that then stores nothing new gives it back (storeCounted, releaseSubmission).
 */
export async function screenSubmission(context: Context, consultationId: number, payload: Record<string, unknown>, now = new Date()): Promise<Screening> {
  const client = context.request.client;
  if (honeypotFilled(payload)) {
    await recordBlocked(context.db, consultationId, 'honeypot', client, now);
    return { ok: false, reason: 'honeypot' };
  }
  const retryAfterMs = await context.limits.publicSubmissions.take(client, now.getTime());
  if (retryAfterMs === 0) return { ok: true, slot: now.getTime() };
  if (await alreadyStored(context.db, consultationId, payload.idempotencyKey)) return { ok: true, slot: null };
  await recordBlocked(context.db, consultationId, 'rate_limit', client, now);
  return { ok: false, reason: 'rate_limit', retryAfterMs };
}

function honeypotFilled(payload: Record<string, unknown>): boolean {
  const honeypot = payload[HONEYPOT_FIELD];
  return typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot !== undefined;
}

/** Thrown in the storing transaction when the client has no place left: nothing is stored. */
class NoPlaceLeft extends Error {
  constructor(readonly retryAfterMs: number) {
    super('The client has sent as many responses as the limit allows');
  }
}

/**
 * screenSubmission and storeCounted for a post that passed validation, with one commit instead of
 * two (the place under the limit was a transaction of its own, a third of a submission's time on
 * SQLite): `store` runs `takePlace` in its own transaction (submitResponse's `also`), so the place
 * is taken in the same step as the test, as before, and a resend or a failure gives it back by
 * rolling back with the response. The same checks in the same order of precedence: the honeypot,
 * then the limit (a resend of a stored response is never limited), then storing.
 */
export async function screenAndStore<T extends SubmitResult>(
  context: Context,
  consultationId: number,
  payload: Record<string, unknown>,
  now: Date,
  store: (takePlace?: (trx: Trx) => Promise<void>) => Promise<T>,
): Promise<{ ok: true; stored: T } | Exclude<Screening, { ok: true }>> {
  const client = context.request.client;
  const limit = context.limits.publicSubmissions;
  if (honeypotFilled(payload)) {
    await recordBlocked(context.db, consultationId, 'honeypot', client, now);
    return { ok: false, reason: 'honeypot' };
  }
  let retryAfterMs = limit.refusedFor(client, now.getTime());
  if (retryAfterMs === 0) {
    try {
      return {
        ok: true,
        stored: await store(async (trx) => {
          const wait = await limit.take(client, now.getTime(), trx);
          if (wait > 0) throw new NoPlaceLeft(wait);
        }),
      };
    } catch (error) {
      if (!(error instanceof NoPlaceLeft)) throw error;
      retryAfterMs = error.retryAfterMs;
    }
  }
  // No place left: only a resend of a response already stored goes through (it stores nothing new).
  if (await alreadyStored(context.db, consultationId, payload.idempotencyKey)) return { ok: true, stored: await store() };
  await recordBlocked(context.db, consultationId, 'rate_limit', client, now);
  return { ok: false, reason: 'rate_limit', retryAfterMs };
}

/** Gives back the place a screened post took when it stores nothing (it failed validation). */
export async function releaseSubmission(context: Context, screening: Screening): Promise<void> {
  if (screening.ok && screening.slot !== null) await context.limits.publicSubmissions.release(context.request.client, screening.slot);
}

/**
 * Stores a screened post: it counts against the client's limit only when something new was
 * stored; a resend (nothing new stored) or a failure gives its place back.
 */
export async function storeCounted<T extends SubmitResult>(context: Context, screening: Screening, store: () => Promise<T>): Promise<T> {
  let stored: T;
  try {
    stored = await store();
  } catch (error) {
    await releaseSubmission(context, screening).catch(() => undefined);
    throw error;
  }
  if (stored.duplicate) await releaseSubmission(context, screening);
  return stored;
}

/** Whole minutes to wait, at least one. */
export const minutesToWait = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * The answer to a turned-away submission, as the form's failure: `ns` is the page's namespace
 * (survey or youth), whose errors.notAccepted / errors.tooManySent words it.
 */
export function refuseSubmission<Reply>(
  context: Context,
  reply: (options: { formErrors: string[] }) => Reply,
  screening: Exclude<Screening, { ok: true }>,
  ns: 'survey' | 'youth',
) {
  context.request.submissionFailed = true;
  if (screening.reason === 'honeypot') {
    return data({ result: reply({ formErrors: [`${ns}:notAccepted`] }) }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
  }
  const minutes = minutesToWait(screening.retryAfterMs);
  return data(
    { result: reply({ formErrors: [`${ns}:tooManySent|${minutes}`] }) },
    { status: 429, headers: { 'Cache-Control': PRIVATE_PAGE, 'Retry-After': String(Math.ceil(screening.retryAfterMs / 1000)) } },
  );
}
