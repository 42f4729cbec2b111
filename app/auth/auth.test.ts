import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { createTestDb } from '../../tests/db';
import { listAuditEvents } from '~/platform/audit.server';
import { hashPassword, verifyPassword } from './password.server';
import { createRateLimits, RateLimiter } from './rate-limit.server';
import { createSession, deleteUserSessions, findSession } from './sessions.server';
import { signIn } from './sign-in.server';
import { acceptInvitation, changeUser, inviteUser } from './user-admin.server';
import { findInvitation, findUserByEmail, insertActiveUser } from './users.server';

let db: Db;
let destroy: () => Promise<void>;
beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
});
afterAll(() => destroy());

const minutes = (n: number) => n * 60 * 1000;

describe('passwords', () => {
  it('are stored as salted scrypt hashes that only the same password matches', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(hash).not.toContain('horse');
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('anything at all', null)).toBe(false);
  });
});

describe('sessions', () => {
  it('are found by their token, end after an hour idle, and can all be ended at once', async () => {
    const user = await insertActiveUser(db, { email: 'sessions@example.org', role: 'officer', password: 'a long enough password' });
    const start = new Date('2026-11-22T09:00:00Z');
    const first = await createSession(db, user.id, start);
    const second = await createSession(db, user.id, start);
    expect(first.token).not.toBe(second.token);
    // Only a hash of the token is stored.
    const stored = await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(stored.map((s) => s.id)).not.toContain(first.token);

    expect((await findSession(db, first.token, new Date(start.getTime() + minutes(30))))?.user.email).toBe('sessions@example.org');
    // Used at 09:30, so still alive at 10:20; idle from 09:00, the second has expired by then.
    expect(await findSession(db, first.token, new Date(start.getTime() + minutes(80)))).not.toBeNull();
    expect(await findSession(db, second.token, new Date(start.getTime() + minutes(80)))).toBeNull();
    expect(await findSession(db, 'not a token')).toBeNull();

    expect(await deleteUserSessions(db, user.id)).toBe(1);
    expect(await findSession(db, first.token, new Date(start.getTime() + minutes(81)))).toBeNull();
  });

  it('end for a disabled user', async () => {
    const user = await insertActiveUser(db, { email: 'disabled@example.org', role: 'analyst', password: 'a long enough password' });
    const { token } = await createSession(db, user.id);
    await db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    expect(await findSession(db, token)).toBeNull();
  });
});

describe('signing in', () => {
  it('opens a session for the right password, whatever the case of the email', async () => {
    await insertActiveUser(db, { email: 'Officer@Stockport.gov.uk', role: 'officer', password: 'correct horse battery staple' });
    const limits = createRateLimits(db, { submissionsPerHour: 60 });
    const result = await signIn(db, limits, { email: ' officer@STOCKPORT.gov.uk ', password: 'correct horse battery staple', client: 'c1' });
    expect(result.ok).toBe(true);
    if (result.ok) expect((await findSession(db, result.token))?.user.email).toBe('officer@stockport.gov.uk');
    const { events } = await listAuditEvents(db, { action: 'user.sign_in' });
    expect(events[0]?.summary).toBe('officer@stockport.gov.uk signed in');
  });

  // Changed deliberately (issue 12, "Anyone can lock anyone out"): five failures used to lock
  // the account for 15 minutes even against the right password. Guessing is still slowed, now
  // by a growing wait that always ends, and the answer says how many seconds.
  it('slows an account after three failures, even with the right password, says for how long, and lets it in after the wait', async () => {
    await insertActiveUser(db, { email: 'target@example.org', role: 'admin', password: 'correct horse battery staple' });
    const limits = createRateLimits(db, { submissionsPerHour: 60 });
    const t0 = new Date('2026-11-22T10:00:00Z').getTime();
    const at = (seconds: number) => new Date(t0 + seconds * 1000);
    const guess = (i: number, when: Date) => signIn(db, limits, { email: 'target@example.org', password: `guess ${i}`, client: `client-${i}` }, when);
    // Free, free, free, then 1 s, then 2 s before the next: each guess sent once its wait is over.
    const results = [await guess(0, at(0)), await guess(1, at(0)), await guess(2, at(0)), await guess(3, at(1)), await guess(4, at(3))];
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
    const right = { email: 'target@example.org', password: 'correct horse battery staple', client: 'fresh' };
    expect(await signIn(db, limits, right, at(3))).toEqual({ ok: false, reason: 'wait', seconds: 4 });
    expect((await signIn(db, limits, right, at(7))).ok).toBe(true);
    expect((await listAuditEvents(db, { action: 'user.sign_in_slowed' })).total).toBe(1);
  });

  it('checks no more than two of five guesses sent at once past the free ones', async () => {
    const limits = createRateLimits(db, { submissionsPerHour: 60 });
    const t0 = new Date('2026-11-22T11:00:00Z');
    for (let i = 0; i < 3; i += 1) await signIn(db, limits, { email: 'target@example.org', password: `guess ${i}`, client: `c${i}` }, t0);
    const later = new Date(t0.getTime() + 1000);
    const all = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => signIn(db, limits, { email: 'target@example.org', password: `burst ${i}`, client: `b${i}` }, later)),
    );
    const checked = all.filter((r) => !r.ok && r.reason === 'invalid').length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(2);
    expect(all.filter((r) => !r.ok && r.reason === 'wait')).toHaveLength(5 - checked);
  });
});

describe('Anyone can lock anyone out', () => {
  const owner = { email: 'owner@example.org', password: 'the owners own passphrase' };

  // Fifty real scrypt checks: seconds on a quiet machine, a minute or more on a busy one.
  it("lets the owner in from a known device after an attacker's 50 failures; an unknown device waits at most five minutes", async () => {
    await insertActiveUser(db, { email: owner.email, role: 'admin', password: owner.password });
    const limits = createRateLimits(db, { submissionsPerHour: 60 });
    const t0 = new Date('2026-11-23T09:00:00Z').getTime();
    const first = await signIn(db, limits, { ...owner, client: 'office' }, new Date(t0));
    if (!first.ok) throw new Error('the owner could not sign in');

    // Fifty guesses from fifty addresses, each sent as soon as it is allowed (waits of up to five minutes).
    let when = t0 + 60_000;
    for (let i = 0; i < 50; i += 1) {
      const result = await signIn(db, limits, { email: owner.email, password: `guess ${i}`, client: `attacker-${i}` }, new Date(when));
      expect(result).toEqual({ ok: false, reason: 'invalid' });
      when += limits.signInAccount.delayAfter(i + 1);
    }
    expect(limits.signInAccount.delayAfter(50)).toBe(5 * 60_000);
    const now = new Date(when - 5 * 60_000);

    // From the browser the owner signed in on: straight in, even sharing the attacker's address.
    const known = await signIn(db, limits, { ...owner, client: 'attacker-49', devices: [first.device] }, now);
    expect(known.ok).toBe(true);
    // From a new browser: slowed, with the wait said, and in once it is over.
    expect(await signIn(db, limits, { ...owner, client: 'cafe' }, now)).toEqual({ ok: false, reason: 'wait', seconds: 300 });
    expect((await signIn(db, limits, { ...owner, client: 'cafe' }, new Date(when))).ok).toBe(true);
  }, 240_000);

  it("does not let someone else's known-device cookie skip the wait for another account", async () => {
    const limits = createRateLimits(db, { submissionsPerHour: 60 });
    const attacker = await insertActiveUser(db, { email: 'insider@example.org', role: 'analyst', password: 'insiders passphrase' });
    const t0 = new Date('2026-11-23T12:00:00Z');
    for (let i = 0; i < 6; i += 1)
      await signIn(db, limits, { email: owner.email, password: `guess ${i}`, client: `x${i}` }, new Date(t0.getTime() + i * 60_000));
    const result = await signIn(
      db,
      limits,
      { email: owner.email, password: 'guess again', client: 'x9', devices: [{ user: attacker.id, device: 'a-device-id-of-the-insider' }] },
      new Date(t0.getTime() + 5 * 60_000),
    );
    expect(result).toMatchObject({ ok: false, reason: 'wait' });
  });

  it('slows one client spraying many accounts, and nobody else', async () => {
    const limits = createRateLimits(db, { submissionsPerHour: 60 });
    const t0 = new Date('2026-11-23T15:00:00Z').getTime();
    // Twelve addresses, one guess each, a minute apart: no account reaches its own limit.
    for (let i = 0; i < 12; i += 1) {
      expect(await signIn(db, limits, { email: `nobody${i}@example.org`, password: 'Summer2026!', client: 'sprayer' }, new Date(t0 + i * 60_000))).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    const last = new Date(t0 + 11 * 60_000);
    expect(await signIn(db, limits, { email: 'nobody99@example.org', password: 'Summer2026!', client: 'sprayer' }, last)).toEqual({
      ok: false,
      reason: 'wait',
      seconds: 4,
    });
    expect(await signIn(db, limits, { email: 'nobody99@example.org', password: 'Summer2026!', client: 'someone-else' }, last)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('managing users', () => {
  it('invites someone who then chooses a password; the link works once', async () => {
    const admin = await insertActiveUser(db, { email: 'boss@example.org', role: 'admin', password: 'a long enough password' });
    const invited = await inviteUser(db, admin, { email: 'New.Officer@example.org', name: 'Nia', role: 'officer' });
    expect(invited.ok).toBe(true);
    if (!invited.ok) return;
    expect(await inviteUser(db, admin, { email: 'new.officer@example.org', name: 'Again', role: 'officer' })).toEqual({ ok: false, error: 'emailTaken' });
    expect((await findInvitation(db, invited.value.token))?.email).toBe('new.officer@example.org');
    const accepted = await acceptInvitation(db, invited.value.token, { name: 'Nia Jones', password: 'my very own password' });
    expect(accepted).toMatchObject({ status: 'active', name: 'Nia Jones' });
    expect(await acceptInvitation(db, invited.value.token, { name: 'Intruder', password: 'somebody elses password' })).toBeUndefined();
    const audit = await listAuditEvents(db, { action: 'user.invite' });
    expect(audit.events[0]).toMatchObject({ actor: 'boss@example.org', entity_type: 'user' });
    expect(audit.events[0]?.after_json).not.toContain('password');
  });

  it('never leaves the council without an active administrator, and nobody changes themselves', async () => {
    const { db: own, destroy: done } = await createTestDb();
    try {
      const only = await insertActiveUser(own, { email: 'only@example.org', role: 'admin', password: 'a long enough password' });
      const other = await insertActiveUser(own, { email: 'other@example.org', role: 'officer', password: 'a long enough password' });
      expect(await changeUser(own, only, only.id, { role: 'officer' })).toEqual({ ok: false, error: 'notYourself' });
      const promoted = await changeUser(own, only, other.id, { role: 'admin' });
      expect(promoted.ok).toBe(true);
      const demoted = await changeUser(own, (await findUserByEmail(own, 'other@example.org'))!, only.id, { role: 'analyst' });
      expect(demoted.ok).toBe(true);
      const otherNow = (await findUserByEmail(own, 'other@example.org'))!;
      // other is now the only administrator: only@ (an analyst) cannot act, and other cannot disable themselves.
      expect(await changeUser(own, otherNow, otherNow.id, { status: 'disabled' })).toEqual({ ok: false, error: 'notYourself' });
      const audit = await listAuditEvents(own, { entityType: 'user', action: 'user.role' });
      expect(audit.events.map((e) => e.summary)).toEqual(['Changed only@example.org from admin to analyst', 'Changed other@example.org from officer to admin']);
      expect(JSON.parse(audit.events[0]!.before_json!)).toMatchObject({ role: 'admin' });
    } finally {
      await done();
    }
  });

  it('refuses to disable the last active administrator', async () => {
    const { db: own, destroy: done } = await createTestDb();
    try {
      const admin = await insertActiveUser(own, { email: 'a@example.org', role: 'admin', password: 'a long enough password' });
      const second = await insertActiveUser(own, { email: 'b@example.org', role: 'admin', password: 'a long enough password' });
      expect((await changeUser(own, admin, second.id, { status: 'disabled' })).ok).toBe(true);
      await own.updateTable('users').set({ role: 'officer' }).where('id', '=', second.id).execute();
      await own.updateTable('users').set({ status: 'active', role: 'admin' }).where('id', '=', second.id).execute();
      await own.updateTable('users').set({ status: 'disabled' }).where('id', '=', admin.id).execute();
      // Only `second` is an active admin now; the disabled admin cannot remove them.
      expect(await changeUser(own, admin, second.id, { status: 'disabled' })).toEqual({ ok: false, error: 'lastAdmin' });
    } finally {
      await done();
    }
  });
});

describe('the rate limiter', () => {
  it('allows the limit in a window, then says how long to wait, and forgets old events', async () => {
    const limiter = new RateLimiter(db, 'test_window', 3, 60_000);
    const t0 = 1_000_000;
    for (const dt of [0, 10_000, 20_000]) {
      expect(await limiter.retryAfter('a', t0 + dt)).toBe(0);
      await limiter.record('a', t0 + dt);
    }
    expect(await limiter.retryAfter('a', t0 + 30_000)).toBe(30_000);
    expect(await limiter.retryAfter('b', t0 + 30_000)).toBe(0);
    expect(await limiter.retryAfter('a', t0 + 60_000)).toBe(0);
    await limiter.record('a', t0 + 60_000);
    expect(await limiter.retryAfter('a', t0 + 61_000)).toBe(9_000);
  });

  it('takes a place only while the limit allows, and a place given back can be taken again', async () => {
    const limiter = new RateLimiter(db, 'test_take', 2, 60_000);
    const t0 = 5_000_000;
    expect([await limiter.take('c', t0), await limiter.take('c', t0 + 1_000), await limiter.take('c', t0 + 2_000)]).toEqual([0, 0, 58_000]);
    await limiter.release('c', t0 + 1_000);
    expect(await limiter.take('c', t0 + 3_000)).toBe(0);
    expect(await limiter.take('c', t0 + 4_000)).toBe(56_000);
  });

  it('keeps only what can decide, however many events a key has', async () => {
    const limiter = new RateLimiter(db, 'test_busy', 5, 60_000);
    for (let i = 0; i < 500; i += 1) await limiter.record('busy', 1_000_000 + i);
    expect(await limiter.retryAfter('busy', 1_030_000)).toBe(1_000_000 + 495 + 60_000 - 1_030_000);
    const held = () =>
      db
        .selectFrom('rate_limit_windows')
        .select('times')
        .where('bucket', '=', 'test_busy')
        .execute()
        .then((rows) => rows.map((r) => r.times.split(',').filter(Boolean).length));
    expect(await held()).toEqual([5]);
    // Taken places too: a key acting all day, within its limit, keeps a row of five.
    for (let i = 0; i < 200; i += 1) expect(await limiter.take('busy', 2_000_000 + i * 20_000)).toBe(0);
    expect(await held()).toEqual([5]);
  });
});
