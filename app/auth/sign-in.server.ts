import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '#db/connection';
import { recordAudit, actorOf } from '~/platform/audit.server';
import { newDeviceId, type KnownDevice } from './known-device.server';
import type { RateLimits } from './rate-limit.server';
import { beginAttempt, failAttempt, type Check } from './throttle.server';
import { verifyPassword } from './password.server';
import { createSession } from './sessions.server';
import { findUserByEmail, markSignedIn, normaliseEmail } from './users.server';

export type SignInResult = { ok: true; token: string; device: KnownDevice } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'wait'; seconds: number };

/** A wait this short is served by answering a little later, not by asking the person to come back. */
const SHORT_WAIT_MS = 2_000;

/**
 * Checks an email and password, slowed down rather than locked (OWASP: Authentication and
 * Credential Stuffing cheat sheets). From a browser the account has signed in on before (a
 * known device) only that device's own failures count, so nobody else's guessing, nor sharing
 * an address with a guesser, can keep the owner out. From anywhere else, failures for the
 * account and failures from the client each add a growing wait (at most five minutes); a wait
 * of a second or two is served by answering later (asynchronously), a longer one is answered
 * "wait N seconds" before any password is checked. The same answers, after the same work, for
 * a wrong password, an unknown address and a disabled account, so the answer never tells
 * whether an address has an account.
 */
export async function signIn(
  db: Db,
  limits: RateLimits,
  input: { email: string; password: string; client: string; devices?: KnownDevice[] },
  now = new Date(),
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const user = await findUserByEmail(db, email);
  const device = user ? input.devices?.find((d) => d.user === user.id) : undefined;
  const checks: Check[] = device
    ? [[limits.signInDevice, device.device]]
    : [
        [limits.signInAccount, email],
        [limits.signInClient, input.client],
      ];
  let at = now.getTime();
  // Testing the waits and holding this attempt's turn are one step, shared by every server.
  let wait = await beginAttempt(db, checks, at);
  if (wait > 0 && wait <= SHORT_WAIT_MS) {
    await sleep(wait);
    at += wait;
    wait = await beginAttempt(db, checks, at);
  }
  if (wait > 0) return { ok: false, reason: 'wait', seconds: Math.ceil(wait / 1000) };

  const matches = await verifyPassword(input.password, user?.password_hash ?? null);
  if (!user || !matches || user.status !== 'active') {
    const [failures] = await failAttempt(db, checks, at);
    const [first] = checks;
    if (user && first && failures === first[0].rule.free) {
      await recordAudit(
        db,
        actorOf(user),
        {
          action: 'user.sign_in_slowed',
          entityType: 'user',
          entityId: user.id,
          summary: `Sign-in slowed down after repeated failed attempts for ${email}${device ? ' from a known device' : ''}`,
        },
        now,
      );
    }
    return { ok: false, reason: 'invalid' };
  }

  await limits[device ? 'signInDevice' : 'signInAccount'].succeed(device ? device.device : email);
  const { token } = await createSession(db, user.id, now);
  await markSignedIn(db, user.id, now);
  await recordAudit(db, actorOf(user), { action: 'user.sign_in', entityType: 'user', entityId: user.id, summary: `${email} signed in` }, now);
  return { ok: true, token, device: device ?? { user: user.id, device: newDeviceId() } };
}
