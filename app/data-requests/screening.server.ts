import type { AppLoadContext } from '@remix-run/node';
import { HONEYPOT_FIELD } from '~/responses/moderation/honeypot';

// The public form's guards, as the survey's: the honeypot a script fills in, and a per-client
// limit shared by every server (context.limits.dataRequests). Only a request that would be stored
// takes a place under the limit; a form sent back with mistakes costs nothing, as it stores
// nothing and says nothing about any reference.

type Context = Pick<AppLoadContext, 'limits' | 'request'>;

export type DataRequestScreening =
  { ok: true } | { ok: false; reason: 'honeypot' } | { ok: false; reason: 'rate_limit'; minutes: number; retryAfterSeconds: number };

export async function screenDataRequest(context: Context, payload: Record<string, unknown>, valid: boolean, now = Date.now()): Promise<DataRequestScreening> {
  const honeypot = payload[HONEYPOT_FIELD];
  if (typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot !== undefined) return { ok: false, reason: 'honeypot' };
  const limit = context.limits.dataRequests;
  const wait = valid ? await limit.take(context.request.client, now) : limit.refusedFor(context.request.client, now);
  if (wait === 0) return { ok: true };
  return { ok: false, reason: 'rate_limit', minutes: Math.max(1, Math.ceil(wait / 60_000)), retryAfterSeconds: Math.ceil(wait / 1000) };
}
