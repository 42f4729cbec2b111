/**
 * Counts events per key (an account, a client) over a sliding window, in memory. Heard runs as
 * one process; the counts start again when it restarts, which is acceptable for slowing down
 * guessing and floods. Old keys are pruned so memory stays bounded under a spray of keys.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length === 0) this.hits.delete(key);
    else this.hits.set(key, times);
    return times;
  }

  /** Milliseconds until the key may act again; 0 when it may act now. */
  retryAfter(key: string, now = Date.now()): number {
    const times = this.recent(key, now);
    if (times.length < this.limit) return 0;
    const oldest = times[times.length - this.limit] ?? now;
    return Math.max(1, oldest + this.windowMs - now);
  }

  record(key: string, now = Date.now()): void {
    if (this.hits.size > 10_000) this.prune(now);
    this.hits.set(key, [...this.recent(key, now), now]);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private prune(now: number): void {
    for (const key of [...this.hits.keys()]) this.recent(key, now);
  }
}

export interface RateLimits {
  /** Failed sign-ins for one email address, from anywhere. */
  signInAccount: RateLimiter;
  /** Failed sign-ins from one client, whatever the address. */
  signInClient: RateLimiter;
  /** Responses sent through the public forms by one client. */
  publicSubmissions: RateLimiter;
}

export function createRateLimits(options: { submissionsPerHour: number }): RateLimits {
  const fifteenMinutes = 15 * 60 * 1000;
  return {
    signInAccount: new RateLimiter(5, fifteenMinutes),
    signInClient: new RateLimiter(20, fifteenMinutes),
    publicSubmissions: new RateLimiter(options.submissionsPerHour, 60 * 60 * 1000),
  };
}
