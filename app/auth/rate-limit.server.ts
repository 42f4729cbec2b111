import { Throttle, type DelayRule } from './throttle.server';

/**
 * Counts events per key (an account, a client) over a sliding window, in memory. Heard runs as
 * one process; the counts start again when it restarts, which is acceptable for slowing down
 * guessing and floods. Old keys are pruned so memory stays bounded under a spray of keys.
 */
export class RateLimiter {
  // Per key, the times of its recent events, oldest first, from `start` on: a queue, so each
  // request costs the same however many came before it in the window.
  private readonly hits = new Map<string, { times: number[]; start: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): { times: number[]; start: number } | undefined {
    const entry = this.hits.get(key);
    if (!entry) return undefined;
    while (entry.start < entry.times.length && now - entry.times[entry.start]! >= this.windowMs) entry.start += 1;
    if (entry.start === entry.times.length) {
      this.hits.delete(key);
      return undefined;
    }
    if (entry.start > 1024 && entry.start * 2 > entry.times.length) {
      entry.times = entry.times.slice(entry.start);
      entry.start = 0;
    }
    return entry;
  }

  /** Milliseconds until the key may act again; 0 when it may act now. */
  retryAfter(key: string, now = Date.now()): number {
    const entry = this.recent(key, now);
    const count = entry ? entry.times.length - entry.start : 0;
    if (!entry || count < this.limit) return 0;
    const oldest = entry.times[entry.times.length - this.limit] ?? now;
    return Math.max(1, oldest + this.windowMs - now);
  }

  record(key: string, now = Date.now()): void {
    if (this.hits.size > 10_000) this.prune(now);
    const entry = this.recent(key, now) ?? { times: [], start: 0 };
    entry.times.push(now);
    // Only the last `limit` events can decide anything.
    if (entry.times.length - entry.start > this.limit) entry.start = entry.times.length - this.limit;
    this.hits.set(key, entry);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private prune(now: number): void {
    for (const key of [...this.hits.keys()]) this.recent(key, now);
  }
}

// Every loader and action finds the limits in its context (server.ts makes them once).
declare module '@remix-run/node' {
  interface AppLoadContext {
    limits: RateLimits;
  }
}

export interface RateLimits {
  /** Failed sign-ins for one email address, from browsers it has not signed in on before. */
  signInAccount: Throttle;
  /** Failed sign-ins from one client, whatever the address (a spray across many accounts). */
  signInClient: Throttle;
  /** Failed sign-ins from one known device for its own user (see known-device.server.ts). */
  signInDevice: Throttle;
  /** Responses sent through the public forms by one client. */
  publicSubmissions: RateLimiter;
}

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;

/**
 * After a few free failures each doubles the wait, up to five minutes: a guesser gets a few
 * hundred tries a day at most, and the owner at worst waits five minutes, never longer.
 */
export const SIGN_IN_RULES = {
  account: { free: 3, baseMs: SECOND, capMs: 5 * 60 * SECOND, forgetMs: HOUR },
  client: { free: 10, baseMs: SECOND, capMs: 5 * 60 * SECOND, forgetMs: HOUR },
  device: { free: 5, baseMs: SECOND, capMs: 5 * 60 * SECOND, forgetMs: HOUR },
} satisfies Record<string, DelayRule>;

export function createRateLimits(options: { submissionsPerHour: number }): RateLimits {
  return {
    signInAccount: new Throttle(SIGN_IN_RULES.account),
    signInClient: new Throttle(SIGN_IN_RULES.client),
    signInDevice: new Throttle(SIGN_IN_RULES.device),
    publicSubmissions: new RateLimiter(options.submissionsPerHour, HOUR),
  };
}
