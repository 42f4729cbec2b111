import type { Db } from '#db/connection';
import { recordAudit, actorOf } from '~/audit/log.server';
import type { RateLimits } from './rate-limit.server';
import { verifyPassword } from './password.server';
import { createSession } from './sessions.server';
import { findUserByEmail, markSignedIn, normaliseEmail } from './users.server';

export type SignInResult = { ok: true; token: string } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'locked'; minutes: number };

/**
 * Checks an email and password. Failures are counted per account and per client; past the
 * limit the answer is "locked" (with how long) before any password is checked, so guessing
 * gets nowhere. The same "invalid" answer is given for a wrong password, an unknown address
 * and a disabled account, after the same amount of work.
 */
export async function signIn(db: Db, limits: RateLimits, input: { email: string; password: string; client: string }, now = new Date()): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const at = now.getTime();
  const wait = Math.max(limits.signInAccount.retryAfter(email, at), limits.signInClient.retryAfter(input.client, at));
  if (wait > 0) return { ok: false, reason: 'locked', minutes: Math.ceil(wait / 60_000) };

  const user = await findUserByEmail(db, email);
  const matches = await verifyPassword(input.password, user?.password_hash ?? null);
  if (!user || !matches || user.status !== 'active') {
    limits.signInAccount.record(email, at);
    limits.signInClient.record(input.client, at);
    const locked = Math.max(limits.signInAccount.retryAfter(email, at), limits.signInClient.retryAfter(input.client, at));
    if (locked > 0) {
      if (user && limits.signInAccount.retryAfter(email, at) > 0) await recordAudit(db, actorOf(user), { action: 'user.locked', entityType: 'user', entityId: user.id, summary: `Sign-in locked after repeated failed attempts for ${email}` }, now);
      return { ok: false, reason: 'locked', minutes: Math.ceil(locked / 60_000) };
    }
    return { ok: false, reason: 'invalid' };
  }

  limits.signInAccount.reset(email);
  const { token } = await createSession(db, user.id, now);
  await markSignedIn(db, user.id, now);
  await recordAudit(db, actorOf(user), { action: 'user.sign_in', entityType: 'user', entityId: user.id, summary: `${email} signed in` }, now);
  return { ok: true, token };
}
