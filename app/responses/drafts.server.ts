import { randomBytes, randomUUID } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import type { Db } from '#db/connection';
import { prepared } from '#db/prepared';
import type { FormValues } from './answers';

// Answers in progress are kept on the server, under a random token in a cookie, so that plain
// links (back, change) keep them without JavaScript. A draft is deleted when the response is
// submitted, and drafts nobody has touched for a week are purged.

export const DRAFT_DAYS = 7;
const MAX_DRAFT_BYTES = 200_000;

const draftCookie = createCookie('heard_draft', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  maxAge: DRAFT_DAYS * 24 * 60 * 60,
});

export interface Draft {
  values: FormValues;
  /** Carried in the final form, so a second submission of it is recognised as the same response. */
  idempotencyKey: string;
}

export async function readDraftToken(request: Request): Promise<string | null> {
  const value: unknown = await draftCookie.parse(request.headers.get('cookie'));
  return typeof value === 'string' && /^[A-Za-z0-9_-]{24}$/.test(value) ? value : null;
}

export function newDraftToken(): string {
  return randomBytes(18).toString('base64url');
}

export function draftCookieHeader(token: string, request: Request): Promise<string> {
  return draftCookie.serialize(token, { secure: new URL(request.url).protocol === 'https:' });
}

const rowKey = (token: string, consultationId: number) => `${token}:${consultationId}`;

export async function loadDraft(db: Db, token: string | null, consultationId: number): Promise<Draft | null> {
  if (!token) return null;
  const row = await db.selectFrom('response_drafts').select('data').where('token', '=', rowKey(token, consultationId)).executeTakeFirst();
  return row ? (JSON.parse(row.data) as Draft) : null;
}

/**
 * Replaces the answers of one step (the fields named) with what was just posted, keeping the rest.
 * Returns false, storing nothing, when the draft would be unreasonably large.
 */
export async function saveDraftStep(db: Db, token: string, consultationId: number, stepFields: string[], posted: FormValues, now: Date): Promise<boolean> {
  const existing = await loadDraft(db, token, consultationId);
  const values = withStep(existing?.values ?? {}, stepFields, posted);
  const draft: Draft = { values, idempotencyKey: existing?.idempotencyKey ?? randomUUID() };
  const data = JSON.stringify(draft);
  if (data.length > MAX_DRAFT_BYTES) return false;
  const at = now.toISOString();
  await db
    .insertInto('response_drafts')
    .values({ token: rowKey(token, consultationId), consultation_id: consultationId, data, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('token').doUpdateSet({ data, updated_at: at }))
    .execute();
  return true;
}

/** A draft's values with one step's fields replaced by what was posted (a field not posted is removed). */
export function withStep(values: FormValues, stepFields: readonly string[], posted: FormValues): FormValues {
  const next: FormValues = { ...values };
  for (const field of stepFields) delete next[field];
  for (const field of stepFields) if (posted[field] !== undefined) next[field] = posted[field];
  return next;
}

/**
 * What a step keeps: the cleaned values when the step passed its checks (a trimmed answer, SK4
 * for "sk4"), otherwise what was typed, unchecked, when the person went back.
 */
export function valuesToKeep(submission: { status?: string; value?: unknown; payload: FormValues }): FormValues {
  return submission.status === 'success' && submission.value && typeof submission.value === 'object' ? (submission.value as FormValues) : submission.payload;
}

// Prepared (#db/prepared): run in every submission's transaction.
const deleteDraftRow = prepared((db: Db, v: { token: string }) => db.deleteFrom('response_drafts').where('token', '=', v.token));

export async function deleteDraft(db: Db, token: string | null, consultationId: number): Promise<void> {
  if (!token) return;
  await deleteDraftRow(db, { token: rowKey(token, consultationId) });
}

export async function purgeExpiredDrafts(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - DRAFT_DAYS * 24 * 60 * 60 * 1000).toISOString();
  const result = await db.deleteFrom('response_drafts').where('updated_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
