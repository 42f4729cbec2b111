import { describe, expect, it } from 'vitest';
import { SIGN_IN_RULES } from './rate-limit.server';
import { Throttle } from './throttle.server';

describe('the sign-in throttle', () => {
  it('lets the first failures through, then doubles the wait up to five minutes, never more', () => {
    const throttle = new Throttle(SIGN_IN_RULES.account);
    expect([0, 1, 2, 3, 4, 5, 6, 10, 12, 13, 50, 10_000].map((n) => throttle.delayAfter(n) / 1000)).toEqual([0, 0, 0, 1, 2, 4, 8, 128, 300, 300, 300, 300]);
  });

  it('says how long to wait after a failure, and forgets an hour after the last one', () => {
    const throttle = new Throttle(SIGN_IN_RULES.account);
    const t0 = 1_000_000_000;
    for (let i = 0; i < 4; i += 1) throttle.fail('someone@example.org', t0);
    expect(throttle.waitMs('someone@example.org', t0)).toBe(2_000);
    expect(throttle.waitMs('someone@example.org', t0 + 2_000)).toBe(0);
    expect(throttle.failures('someone@example.org', t0 + 59 * 60_000)).toBe(4);
    expect(throttle.failures('someone@example.org', t0 + 60 * 60_000)).toBe(0);
    expect(throttle.waitMs('someone-else@example.org', t0)).toBe(0);
  });

  it('holds the next try back while one is being checked, so a burst gets one turn', () => {
    const throttle = new Throttle(SIGN_IN_RULES.account);
    const t0 = 2_000_000_000;
    for (let i = 0; i < 3; i += 1) throttle.fail('target', t0);
    expect(throttle.waitMs('target', t0 + 1_000)).toBe(0);
    throttle.begin('target', t0 + 1_000);
    expect(throttle.waitMs('target', t0 + 1_000)).toBe(2_000);
    throttle.succeed('target');
    expect(throttle.waitMs('target', t0 + 1_000)).toBe(0);
  });

  it('stays bounded under a spray of keys', () => {
    const throttle = new Throttle(SIGN_IN_RULES.client, 1_000);
    for (let i = 0; i < 5_000; i += 1) throttle.fail(`key-${i}`, 3_000_000_000);
    expect(throttle.failures('key-4999', 3_000_000_000)).toBe(1);
    expect(throttle.failures('key-0', 3_000_000_000)).toBe(0);
  });
});
