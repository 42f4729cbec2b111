import { randomBytes } from 'node:crypto';
import { env, type Env } from './env.server';

// Secrets every server must agree on: the key of the client hash (which the rate limits count
// by) and the key that signs known-device cookies. Configured, they are the same in every
// process on every machine. Unset, `npm run serve`'s supervisor makes one of each per start and
// hands it to all its workers (secretsForWorkers), so the workers on one machine agree; a server
// started alone makes its own, which is right for one process and wrong for several.

export const SHARED_SECRETS = ['CLIENT_HASH_SECRET', 'DEVICE_COOKIE_SECRET'] as const;
export type SharedSecret = (typeof SHARED_SECRETS)[number];

const madeHere = new Map<SharedSecret, string>();

const random = () => randomBytes(32).toString('base64url');

/** The secret as configured (or handed down by the supervisor); otherwise one made for this process. */
export function sharedSecret(name: SharedSecret, config: Env = env()): string {
  const configured = config[name];
  if (configured) return configured;
  let made = madeHere.get(name);
  if (!made) madeHere.set(name, (made = random()));
  return made;
}

/** For the supervisor: a value for each secret not configured, made once per start, for every worker's environment. */
export function secretsForWorkers(config: Env = env()): Record<string, string> {
  return Object.fromEntries(SHARED_SECRETS.filter((name) => !config[name]).map((name) => [name, random()]));
}

/**
 * What a production server started without its secrets should be told: each process makes its
 * own, so behind a load balancer a client counts separately on each and a device cookie signed
 * by one is refused by the others. None when both are set (the supervisor always sets them).
 */
export function unsharedSecretsWarning(config: Env = env()): string | null {
  const unset = SHARED_SECRETS.filter((name) => !config[name]);
  if (config.NODE_ENV !== 'production' || unset.length === 0) return null;
  return (
    `${unset.join(' and ')} ${unset.length > 1 ? 'are' : 'is'} not set: this process made its own for this start. ` +
    'Several servers (processes or machines) must share them, or each counts rate limits by a different client hash and refuses ' +
    "the others' known-device cookies: set each to the same random value (e.g. `openssl rand -base64 48`) everywhere."
  );
}
