import { describe, expect, it } from 'vitest';
import { env, type Env } from './env.server';
import { secretsForWorkers, sharedSecret, unsharedSecretsWarning } from './secrets.server';

const config = (overrides: Partial<Env>): Env => ({ ...env(), CLIENT_HASH_SECRET: '', DEVICE_COOKIE_SECRET: '', ...overrides });
const configured = 'a-configured-secret-of-at-least-32-characters';

describe('the secrets every server must share', () => {
  it('are the configured ones when set, otherwise one per process that stays the same', () => {
    expect(sharedSecret('CLIENT_HASH_SECRET', config({ CLIENT_HASH_SECRET: configured }))).toBe(configured);
    const made = sharedSecret('CLIENT_HASH_SECRET', config({}));
    expect(made).toHaveLength(43);
    expect(sharedSecret('CLIENT_HASH_SECRET', config({}))).toBe(made);
    expect(sharedSecret('DEVICE_COOKIE_SECRET', config({}))).not.toBe(made);
  });

  it('are made by the supervisor once per start, only where not configured, for all its workers', () => {
    const handed = secretsForWorkers(config({ DEVICE_COOKIE_SECRET: configured }));
    expect(Object.keys(handed)).toEqual(['CLIENT_HASH_SECRET']);
    // What a worker then reads from its environment is what the supervisor made, in every worker.
    expect(sharedSecret('CLIENT_HASH_SECRET', config({ CLIENT_HASH_SECRET: handed.CLIENT_HASH_SECRET }))).toBe(handed.CLIENT_HASH_SECRET);
    expect(secretsForWorkers(config({})).CLIENT_HASH_SECRET).not.toBe(handed.CLIENT_HASH_SECRET);
    expect(secretsForWorkers(config({ CLIENT_HASH_SECRET: configured, DEVICE_COOKIE_SECRET: configured }))).toEqual({});
  });

  it('are warned about when a production server starts without them, naming the missing ones', () => {
    expect(unsharedSecretsWarning(config({ NODE_ENV: 'production' }))).toMatch(/^CLIENT_HASH_SECRET and DEVICE_COOKIE_SECRET are not set/);
    expect(unsharedSecretsWarning(config({ NODE_ENV: 'production', CLIENT_HASH_SECRET: configured }))).toMatch(/^DEVICE_COOKIE_SECRET is not set/);
    expect(unsharedSecretsWarning(config({ NODE_ENV: 'production', CLIENT_HASH_SECRET: configured, DEVICE_COOKIE_SECRET: configured }))).toBeNull();
    expect(unsharedSecretsWarning(config({ NODE_ENV: 'development' }))).toBeNull();
  });
});
