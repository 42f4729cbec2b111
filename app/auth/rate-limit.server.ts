import { sql } from 'kysely';
import { inTransaction, type Db, type Trx } from '#db/connection';
import { prepared } from '#db/prepared';
import { hashKey, purgeExpiredThrottles, Throttle, type DelayRule } from './throttle.server';

/** Milliseconds since the epoch in 13 digits (until the year 2286), so entries compare as text. */
const DIGITS = 13;
const ENTRY = DIGITS + 1;
const entry = (at: number) => `${String(Math.max(0, Math.floor(at))).padStart(DIGITS, '0')},`;

/**
 * Counts events per key (a client) over a sliding window: at most `limit` in any `windowMs`.
 * Kept in the database (rate_limit_windows), one row per key holding the times of its last
 * `limit` events, so every app server on the database counts the same events. A `take` tests and
 * counts in one statement (an upsert whose update runs only while the limit allows), atomic on
 * PostgreSQL, which tests its WHERE against the row as it stands once locked, and on SQLite, which
 * runs a writing statement under the write lock: requests racing on several servers get no more
 * than the limit between them, for one small statement each.
 *
 * A refusal is also remembered here, in memory, until its wait is over: the same client asking
 * again meanwhile is refused without a query, so a flood costs the database nothing. Other
 * servers' events only ever lengthen a wait; the one thing that shortens it, a place given back
 * (release), is rare, and at worst the client is refused a little longer by this server.
 */
export class RateLimiter {
  private readonly refusedUntil = new Map<string, number>();

  constructor(
    private readonly db: Db,
    /** Names this limit in the table, e.g. public_submissions. */
    readonly bucket: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** The events that still count at `now`, oldest first, no more than the limit. */
  private recent(times: string | undefined, now: number): number[] {
    if (!times) return [];
    return times
      .split(',')
      .filter(Boolean)
      .map(Number)
      .filter((at) => now - at < this.windowMs)
      .slice(-this.limit);
  }

  private waitFor(recent: number[], now: number): number {
    if (recent.length < this.limit) return 0;
    const oldest = recent[recent.length - this.limit] ?? now;
    return Math.max(1, oldest + this.windowMs - now);
  }

  private remembered(key: string, now: number): number {
    const until = this.refusedUntil.get(key);
    if (until === undefined) return 0;
    if (until > now) return until - now;
    this.refusedUntil.delete(key);
    return 0;
  }

  private remember(key: string, wait: number, now: number): void {
    // Bounded under a spray of keys: the oldest refusals are forgotten first (they only save a query).
    if (this.refusedUntil.size >= 10_000) this.refusedUntil.delete(this.refusedUntil.keys().next().value!);
    this.refusedUntil.set(key, now + wait);
  }

  /** Milliseconds until the key may act again; 0 when it may act now. Counts nothing. */
  async retryAfter(key: string, now = Date.now(), db: Db = this.db): Promise<number> {
    const known = this.remembered(key, now);
    if (known > 0) return known;
    const row = await db.selectFrom('rate_limit_windows').select('times').where('bucket', '=', this.bucket).where('key', '=', hashKey(key)).executeTakeFirst();
    return this.waitFor(this.recent(row?.times, now), now);
  }

  /**
   * Counts an event for the key if the limit allows one now, and answers 0; otherwise counts
   * nothing and answers the milliseconds to wait. Test and count are one step for every server.
   * `db` may be a transaction that goes on to store what the event is for: the place is then
   * taken, or given back by a rollback, with it, in the same commit.
   */
  async take(key: string, now = Date.now(), db: Db = this.db): Promise<number> {
    const known = this.remembered(key, now);
    if (known > 0) return known;
    for (let tries = 1; ; tries += 1) {
      if (await this.takeIfAllowed(db, key, now)) return 0;
      const wait = await this.retryAfter(key, now, db);
      // Zero: a place was given back between the two statements; try for it again.
      if (wait > 0 || tries === 3) {
        this.remember(key, Math.max(1, wait), now);
        return Math.max(1, wait);
      }
    }
  }

  /** A refusal this server remembers (see take): the milliseconds still to wait, 0 if none. */
  refusedFor(key: string, now = Date.now()): number {
    return this.remembered(key, now);
  }

  /**
   * The row holds the last `limit` events at most; while it holds fewer, or the oldest of the
   * last `limit` has left the window, one more may go: it is appended and the oldest dropped.
   * Entries have one width, so this is plain text functions both databases share. Prepared once
   * per limit (its bucket and size are fixed); it answers a constant, not the row's times, which
   * may hold thousands of entries under a high limit.
   */
  private readonly takeStatement = prepared((db: Db | Trx, v: { key: string; entry: string; expiresAt: number; oldestAllowed: string }) => {
    const full = this.limit * ENTRY;
    const times = sql.ref('rate_limit_windows.times');
    const decider = sql`substr(${times}, length(${times}) - ${full} + 1, ${DIGITS})`;
    return db
      .insertInto('rate_limit_windows')
      .values({ bucket: this.bucket, key: v.key, times: v.entry, expires_at: v.expiresAt })
      .onConflict((oc) =>
        oc
          .columns(['bucket', 'key'])
          .doUpdateSet({
            times: sql<string>`case when length(${times}) < ${full} then ${times} else substr(${times}, length(${times}) - ${full} + ${ENTRY + 1}) end || ${v.entry}`,
            expires_at: (eb) => eb.ref('excluded.expires_at'),
          })
          .where(sql<boolean>`length(${times}) < ${full} or ${decider} <= ${v.oldestAllowed}`),
      )
      .returning(sql<number>`1`.as('taken'));
  });

  private async takeIfAllowed(db: Db, key: string, now: number): Promise<boolean> {
    const taken = await this.takeStatement(db, {
      key: hashKey(key),
      entry: entry(now),
      expiresAt: now + this.windowMs,
      oldestAllowed: entry(now - this.windowMs).slice(0, DIGITS),
    });
    return taken.rows.length > 0;
  }

  /** Counts an event whatever the limit says. */
  async record(key: string, now = Date.now()): Promise<void> {
    await this.change(key, now, (recent) => ({ result: undefined, times: [...recent, now] }));
  }

  /** Gives back an event taken at `at` that turned out to count for nothing (see take). */
  async release(key: string, at: number): Promise<void> {
    this.refusedUntil.delete(key);
    await this.change(key, at, (recent) => {
      const i = recent.lastIndexOf(at);
      return { result: undefined, times: i < 0 ? recent : [...recent.slice(0, i), ...recent.slice(i + 1)] };
    });
  }

  async reset(key: string): Promise<void> {
    this.refusedUntil.delete(key);
    await this.db.deleteFrom('rate_limit_windows').where('bucket', '=', this.bucket).where('key', '=', hashKey(key)).execute();
  }

  /**
   * Reads the key's events with its row held (the upsert locks it on PostgreSQL, and makes it
   * when there is none; SQLite's transactions are IMMEDIATE), then writes what `decide` says.
   */
  private change<T>(key: string, now: number, decide: (recent: number[]) => { result: T; times: number[] }): Promise<T> {
    return inTransaction(this.db, async (trx) => {
      const hashed = hashKey(key);
      const row = await trx
        .insertInto('rate_limit_windows')
        .values({ bucket: this.bucket, key: hashed, times: '', expires_at: now })
        .onConflict((oc) => oc.columns(['bucket', 'key']).doUpdateSet((eb) => ({ times: eb.ref('rate_limit_windows.times') })))
        .returning('times')
        .executeTakeFirstOrThrow();
      const { result, times } = decide(this.recent(row.times, now));
      await writeWindow(trx, this.bucket, hashed, times.slice(-this.limit), this.windowMs, now);
      return result;
    });
  }
}

async function writeWindow(trx: Trx, bucket: string, key: string, times: number[], windowMs: number, now: number): Promise<void> {
  await trx
    .updateTable('rate_limit_windows')
    // Once the newest event has left the window the row decides nothing, and the purge may delete it.
    .set({ times: times.map(entry).join(''), expires_at: times.reduce((latest, at) => Math.max(latest, at + windowMs), now) })
    .where('bucket', '=', bucket)
    .where('key', '=', key)
    .execute();
}

/** Deletes the limits' rows that can no longer decide anything (run by the periodic purge). */
export async function purgeExpiredLimits(db: Db, now = Date.now()): Promise<number> {
  const windows = await db.deleteFrom('rate_limit_windows').where('expires_at', '<=', now).executeTakeFirst();
  return Number(windows.numDeletedRows) + (await purgeExpiredThrottles(db, now));
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
  /** Residents' data requests (/your-data) sent by one client: a few an hour is plenty for a person, too few to guess references. */
  dataRequests: RateLimiter;
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

/** Requests for one's own data from one client in an hour. */
export const DATA_REQUESTS_PER_HOUR = 10;

/** The limits, counted in `db`: every server on the same database shares them. */
export function createRateLimits(db: Db, options: { submissionsPerHour: number }): RateLimits {
  return {
    signInAccount: new Throttle(db, 'sign_in_account', SIGN_IN_RULES.account),
    signInClient: new Throttle(db, 'sign_in_client', SIGN_IN_RULES.client),
    signInDevice: new Throttle(db, 'sign_in_device', SIGN_IN_RULES.device),
    publicSubmissions: new RateLimiter(db, 'public_submissions', options.submissionsPerHour, HOUR),
    dataRequests: new RateLimiter(db, 'data_requests', DATA_REQUESTS_PER_HOUR, HOUR),
  };
}
