import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { createTestDb } from '../../tests/db';
import { purgeExpiredLimits, SIGN_IN_RULES } from './rate-limit.server';
import { Throttle } from './throttle.server';

let db: Db;
let destroy: () => Promise<void>;
beforeAll(async () => ({ db, destroy } = await createTestDb()));
afterAll(() => destroy());

describe('the sign-in throttle', () => {
  it('lets the first failures through, then doubles the wait up to five minutes, never more', () => {
    const throttle = new Throttle(db, 'test_delays', SIGN_IN_RULES.account);
    expect([0, 1, 2, 3, 4, 5, 6, 10, 12, 13, 50, 10_000].map((n) => throttle.delayAfter(n) / 1000)).toEqual([0, 0, 0, 1, 2, 4, 8, 128, 300, 300, 300, 300]);
  });

  it('says how long to wait after a failure, and forgets an hour after the last one', async () => {
    const throttle = new Throttle(db, 'test_forget', SIGN_IN_RULES.account);
    const t0 = 1_000_000_000;
    for (let i = 0; i < 4; i += 1) await throttle.fail('someone@example.org', t0);
    expect(await throttle.waitMs('someone@example.org', t0)).toBe(2_000);
    expect(await throttle.waitMs('someone@example.org', t0 + 2_000)).toBe(0);
    expect(await throttle.failures('someone@example.org', t0 + 59 * 60_000)).toBe(4);
    expect(await throttle.failures('someone@example.org', t0 + 60 * 60_000)).toBe(0);
    expect(await throttle.waitMs('someone-else@example.org', t0)).toBe(0);
  });

  it('holds the next try back while one is being checked, so a burst gets one turn', async () => {
    const throttle = new Throttle(db, 'test_hold', SIGN_IN_RULES.account);
    const t0 = 2_000_000_000;
    for (let i = 0; i < 3; i += 1) await throttle.fail('target', t0);
    expect(await throttle.waitMs('target', t0 + 1_000)).toBe(0);
    await throttle.begin('target', t0 + 1_000);
    expect(await throttle.waitMs('target', t0 + 1_000)).toBe(2_000);
    await throttle.succeed('target');
    expect(await throttle.waitMs('target', t0 + 1_000)).toBe(0);
  });

  it('stays bounded under a spray of keys: the purge deletes every row once it can no longer slow anyone', async () => {
    const throttle = new Throttle(db, 'test_spray', SIGN_IN_RULES.client);
    const t0 = 3_000_000_000;
    for (let i = 0; i < 300; i += 1) await throttle.fail(`key-${i}`, t0);
    await throttle.fail('key-late', t0 + 30 * 60_000);
    const rows = () => db.selectFrom('throttle_states').select('key').where('bucket', '=', 'test_spray').execute();
    expect(await rows()).toHaveLength(301);
    // Nothing is stored as given: no email address or device id in the table.
    expect((await rows()).map((r) => r.key)).not.toContain('key-0');
    await purgeExpiredLimits(db, t0 + 60 * 60_000);
    expect(await rows()).toHaveLength(1);
    expect(await throttle.failures('key-late', t0 + 60 * 60_000)).toBe(1);
    expect(await throttle.failures('key-0', t0 + 60 * 60_000)).toBe(0);
  });
});
