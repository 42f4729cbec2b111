/**
 * Progressive delay for sign-in (OWASP Authentication cheat sheet: slow guessing down rather
 * than lock accounts, which anyone could do to anyone). Each key (an account, a client, a known
 * device) may fail `free` times; after that each failure doubles the time before the next try,
 * up to `capMs`. Nothing ever locks: the wait is always at most `capMs`. Failures are forgotten
 * `forgetMs` after the last one. In memory, like the other limits: a restart starts afresh.
 */
export interface DelayRule {
  free: number;
  baseMs: number;
  capMs: number;
  forgetMs: number;
}

interface Entry {
  failures: number;
  notBefore: number;
  lastFailure: number;
}

export class Throttle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly rule: DelayRule,
    private readonly maxKeys = 100_000,
  ) {}

  /** The wait after this many failures in a row. */
  delayAfter(failures: number): number {
    const { free, baseMs, capMs } = this.rule;
    return failures < free ? 0 : Math.min(capMs, baseMs * 2 ** Math.min(failures - free, 30));
  }

  private entry(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.notBefore <= now && now - entry.lastFailure >= this.rule.forgetMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Milliseconds before this key may try again; 0 when it may try now. */
  waitMs(key: string, now: number): number {
    const entry = this.entry(key, now);
    return entry ? Math.max(0, entry.notBefore - now) : 0;
  }

  failures(key: string, now: number): number {
    return this.entry(key, now)?.failures ?? 0;
  }

  /**
   * Called as an attempt starts: the next one waits as if this one will fail, so guesses sent
   * all at once cannot share one turn. A success then clears the key.
   */
  begin(key: string, now: number): void {
    const entry = this.entry(key, now);
    const hold = this.delayAfter((entry?.failures ?? 0) + 1);
    if (!entry && hold === 0) return;
    const held = entry ?? this.add(key, { failures: 0, notBefore: now, lastFailure: now }, now);
    held.notBefore = Math.max(held.notBefore, now + hold);
  }

  fail(key: string, now: number): void {
    const entry = this.entry(key, now) ?? this.add(key, { failures: 0, notBefore: now, lastFailure: now }, now);
    entry.failures += 1;
    entry.lastFailure = now;
    entry.notBefore = Math.max(entry.notBefore, now + this.delayAfter(entry.failures));
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }

  private add(key: string, entry: Entry, now: number): Entry {
    if (this.entries.size >= this.maxKeys) {
      for (const old of [...this.entries.keys()]) this.entry(old, now);
      // Still full (a spray of keys): the oldest go first; Map order is insertion order.
      for (const old of this.entries.keys()) {
        if (this.entries.size < this.maxKeys) break;
        this.entries.delete(old);
      }
    }
    this.entries.set(key, entry);
    return entry;
  }
}
