import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { listAuditEvents } from '~/platform/audit.server';
import { refuseSubmission, screenSubmission, storeCounted } from '~/responses/moderation/submission-guard.server';
import { createConsultation } from '../../tests/factories';
import { createTwoProcesses } from '../../tests/db';
import { createRateLimits, RateLimiter } from './rate-limit.server';
import { signIn } from './sign-in.server';
import { beginAttempt, failAttempt, Throttle } from './throttle.server';
import { insertActiveUser } from './users.server';

// Two app servers on one database (two connections, each with its own limits, as two processes
// have): every limit counts what both of them saw, and attempts racing on both get no more than
// the rules allow between them.

let a: Db;
let b: Db;
let destroy: () => Promise<void>;
beforeAll(async () => ({ a, b, destroy } = await createTwoProcesses()));
afterAll(() => destroy());

describe('two servers on one database', () => {
  it('slow down sign-in after failures spread over both', async () => {
    await insertActiveUser(a, { email: 'shared@example.org', role: 'admin', password: 'correct horse battery staple' });
    const servers = [
      { db: a, limits: createRateLimits(a, { submissionsPerHour: 60 }) },
      { db: b, limits: createRateLimits(b, { submissionsPerHour: 60 }) },
    ] as const;
    const t0 = new Date('2027-01-05T10:00:00Z').getTime();
    const at = (seconds: number) => new Date(t0 + seconds * 1000);
    const on = (server: 0 | 1, password: string, client: string, when: Date) =>
      signIn(servers[server].db, servers[server].limits, { email: 'shared@example.org', password, client }, when);
    // Three free failures (A, B, A), then 1 s and 2 s waits, whichever server the guess reaches.
    const guesses = [await on(0, 'guess 0', 'g0', at(0)), await on(1, 'guess 1', 'g1', at(0)), await on(0, 'guess 2', 'g2', at(0))];
    guesses.push(await on(1, 'guess 3', 'g3', at(1)), await on(0, 'guess 4', 'g4', at(3)));
    expect(guesses.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
    // Each server alone saw two or three failures and would let the right password in; together they saw five.
    expect(await on(1, 'correct horse battery staple', 'fresh', at(3))).toEqual({ ok: false, reason: 'wait', seconds: 4 });
    expect(await on(0, 'correct horse battery staple', 'fresh', at(3))).toEqual({ ok: false, reason: 'wait', seconds: 4 });
    expect((await on(1, 'correct horse battery staple', 'fresh', at(7))).ok).toBe(true);
    expect((await listAuditEvents(a, { action: 'user.sign_in_slowed' })).total).toBe(1);
  });

  it('share the public submission limit: N through A and B together, the next refused with the 429 of today', async () => {
    const consultationId = await createConsultation(a);
    const LIMIT = 4;
    const contexts = [a, b].map((db) => ({
      db,
      limits: createRateLimits(db, { submissionsPerHour: LIMIT }),
      request: { submissionFailed: false, client: 'one-client' },
    }));
    const now = new Date('2027-01-05T12:00:00Z');
    for (let i = 0; i < LIMIT; i += 1) {
      const context = contexts[i % 2]!;
      const screening = await screenSubmission(context, consultationId, { idempotencyKey: `k${i}` }, now);
      expect(screening.ok).toBe(true);
      await storeCounted(context, screening, async () => ({ reference: `R${i}`, duplicate: false }));
    }
    for (const context of contexts) {
      const screening = await screenSubmission(context, consultationId, { idempotencyKey: 'one-too-many' }, now);
      expect(screening).toEqual({ ok: false, reason: 'rate_limit', retryAfterMs: 60 * 60 * 1000 });
      if (screening.ok) continue;
      const answer = refuseSubmission(context, (options) => options, screening, 'survey');
      expect(answer.init?.status).toBe(429);
      expect(new Headers(answer.init?.headers).get('Retry-After')).toBe('3600');
      expect(answer.data.result).toEqual({ formErrors: ['survey:tooManySent|60'] });
    }
    const blocked = await b.selectFrom('blocked_submissions').select('client').where('consultation_id', '=', consultationId).execute();
    expect(blocked).toEqual([{ client: 'one-client' }, { client: 'one-client' }]);
  });

  it('give no more than the limit to takes racing on both', async () => {
    const LIMIT = 5;
    const limiters = [new RateLimiter(a, 'race', LIMIT, 60_000), new RateLimiter(b, 'race', LIMIT, 60_000)];
    const now = 7_000_000;
    const waits = await Promise.all(Array.from({ length: 24 }, (_, i) => limiters[i % 2]!.take('racer', now)));
    expect(waits.filter((w) => w === 0)).toHaveLength(LIMIT);
    expect(waits.filter((w) => w === 60_000)).toHaveLength(24 - LIMIT);
  });

  it('lose no failure and give one turn to sign-in attempts racing on both', async () => {
    const rule = { free: 3, baseMs: 1_000, capMs: 300_000, forgetMs: 3_600_000 };
    const throttles = [new Throttle(a, 'race_sign_in', rule), new Throttle(b, 'race_sign_in', rule)] as const;
    const t0 = 9_000_000;
    const fails = await Promise.all(Array.from({ length: 12 }, (_, i) => failAttempt(i % 2 ? b : a, [[throttles[i % 2]!, 'victim']], t0)));
    // Each failure counted once, one after the other: 1, 2, ... 12 in some order.
    expect(fails.map(([n]) => n).sort((x, y) => x! - y!)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await throttles[1].failures('victim', t0)).toBe(12);

    // Once the wait is over, of ten attempts sent at once to both servers exactly one goes on.
    const free = t0 + throttles[0].delayAfter(12);
    const turns = await Promise.all(Array.from({ length: 10 }, (_, i) => beginAttempt(i % 2 ? b : a, [[throttles[i % 2]!, 'victim']], free)));
    expect(turns.filter((w) => w === 0)).toHaveLength(1);
    expect(turns.filter((w) => w === throttles[0].delayAfter(13))).toHaveLength(9);
  });
});
