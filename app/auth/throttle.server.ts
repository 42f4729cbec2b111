import { hash } from 'node:crypto';
import { inTransaction, type Db, type Trx } from '#db/connection';

/**
 * Progressive delay for sign-in (OWASP Authentication cheat sheet: slow guessing down rather
 * than lock accounts, which anyone could do to anyone). Each key (an account, a client, a known
 * device) may fail `free` times; after that each failure doubles the time before the next try,
 * up to `capMs`. Nothing ever locks: the wait is always at most `capMs`. Failures are forgotten
 * `forgetMs` after the last one.
 *
 * Kept in the database (throttle_states), so every app server on it counts the same failures:
 * with the state in each process's memory, two servers gave twice the guesses. Each change is a
 * read-modify-write of the key's row inside one transaction that holds the row (an upsert locks
 * it on PostgreSQL; SQLite's transactions are IMMEDIATE, one writer at a time), so two attempts
 * racing on two servers are counted one after the other, never both as the first.
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

/** The table holds no email address nor device id: keys are stored hashed. */
export const hashKey = (key: string) => hash('sha256', key, 'base64url').slice(0, 22);

export class Throttle {
  constructor(
    private readonly db: Db,
    /** Names this slow-down in the table, e.g. sign_in_account. */
    readonly bucket: string,
    readonly rule: DelayRule,
  ) {}

  /** The wait after this many failures in a row. */
  delayAfter(failures: number): number {
    const { free, baseMs, capMs } = this.rule;
    return failures < free ? 0 : Math.min(capMs, baseMs * 2 ** Math.min(failures - free, 30));
  }

  /** The entry while it still counts: a forgotten one (its wait over, its last failure long ago) is none. */
  live(entry: Entry | undefined, now: number): Entry | undefined {
    if (!entry || (entry.notBefore <= now && now - entry.lastFailure >= this.rule.forgetMs)) return undefined;
    return entry;
  }

  private async read(key: string, now: number): Promise<Entry | undefined> {
    const row = await this.db
      .selectFrom('throttle_states')
      .select(['failures', 'not_before', 'last_failure'])
      .where('bucket', '=', this.bucket)
      .where('key', '=', hashKey(key))
      .executeTakeFirst();
    return this.live(row && { failures: row.failures, notBefore: row.not_before, lastFailure: row.last_failure }, now);
  }

  /** Milliseconds before this key may try again; 0 when it may try now. */
  async waitMs(key: string, now: number): Promise<number> {
    const entry = await this.read(key, now);
    return entry ? Math.max(0, entry.notBefore - now) : 0;
  }

  async failures(key: string, now: number): Promise<number> {
    return (await this.read(key, now))?.failures ?? 0;
  }

  /**
   * Called as an attempt starts: the next one waits as if this one will fail, so guesses sent
   * all at once cannot share one turn. A success then clears the key.
   */
  async begin(key: string, now: number): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      const [entry] = await lockEntries(trx, [[this, key]], now);
      await writeEntry(trx, this, key, this.held(entry, now), now);
    });
  }

  /** Counts a failure; the key's failures in a row, this one included. */
  async fail(key: string, now: number): Promise<number> {
    const [failures] = await failAttempt(this.db, [[this, key]], now);
    return failures ?? 0;
  }

  async succeed(key: string): Promise<void> {
    await this.db.deleteFrom('throttle_states').where('bucket', '=', this.bucket).where('key', '=', hashKey(key)).execute();
  }

  /** The entry once an attempt has begun: held back as if the attempt will fail. */
  held(entry: Entry | undefined, now: number): Entry | undefined {
    const hold = this.delayAfter((entry?.failures ?? 0) + 1);
    if (!entry && hold === 0) return undefined;
    const held = entry ?? { failures: 0, notBefore: now, lastFailure: now };
    return { ...held, notBefore: Math.max(held.notBefore, now + hold) };
  }

  failed(entry: Entry | undefined, now: number): Entry {
    const failures = (entry?.failures ?? 0) + 1;
    return { failures, lastFailure: now, notBefore: Math.max(entry?.notBefore ?? now, now + this.delayAfter(failures)) };
  }
}

/** A slow-down and the key it counts for this attempt. */
export type Check = readonly [Throttle, string];

/**
 * Locks the checks' rows and reads them as they stand now, after any other transaction on them
 * has committed. The upsert makes a row to lock when there is none (a placeholder that counts
 * as no entry); rows are taken in one order, so two transactions never each hold what the other
 * waits for.
 */
async function lockEntries(trx: Trx, checks: readonly Check[], now: number): Promise<(Entry | undefined)[]> {
  const order = checks.map(([throttle, key], i) => ({ throttle, key: hashKey(key), i }));
  order.sort((a, b) => (a.throttle.bucket + a.key < b.throttle.bucket + b.key ? -1 : 1));
  const entries: (Entry | undefined)[] = [];
  for (const { throttle, key, i } of order) {
    const row = await trx
      .insertInto('throttle_states')
      .values({ bucket: throttle.bucket, key, failures: 0, not_before: 0, last_failure: 0, expires_at: 0 })
      .onConflict((oc) => oc.columns(['bucket', 'key']).doUpdateSet((eb) => ({ failures: eb.ref('throttle_states.failures') })))
      .returning(['failures', 'not_before', 'last_failure'])
      .executeTakeFirstOrThrow();
    entries[i] = throttle.live({ failures: row.failures, notBefore: row.not_before, lastFailure: row.last_failure }, now);
  }
  return entries;
}

async function writeEntry(trx: Trx, throttle: Throttle, key: string, entry: Entry | undefined, now: number): Promise<void> {
  const where = { bucket: throttle.bucket, key: hashKey(key) };
  if (!entry) {
    await trx.deleteFrom('throttle_states').where('bucket', '=', where.bucket).where('key', '=', where.key).execute();
    return;
  }
  await trx
    .updateTable('throttle_states')
    .set({
      failures: entry.failures,
      not_before: entry.notBefore,
      last_failure: entry.lastFailure,
      // Past this the row decides nothing (see live), and the purge may delete it.
      expires_at: Math.max(entry.notBefore, entry.lastFailure + throttle.rule.forgetMs, now),
    })
    .where('bucket', '=', where.bucket)
    .where('key', '=', where.key)
    .execute();
}

/**
 * Starts an attempt counted by every check at once: when none of them is waiting, each is held
 * (see Throttle.begin) and 0 is returned; otherwise nothing changes and the longest wait is
 * returned. The test and the hold are one transaction, so of attempts racing on several servers
 * only those the rules allow go on.
 */
export function beginAttempt(db: Db, checks: readonly Check[], now: number): Promise<number> {
  return inTransaction(db, async (trx) => {
    const entries = await lockEntries(trx, checks, now);
    const wait = Math.max(0, ...entries.map((entry) => (entry ? entry.notBefore - now : 0)));
    for (const [i, [throttle, key]] of checks.entries()) await writeEntry(trx, throttle, key, wait > 0 ? entries[i] : throttle.held(entries[i], now), now);
    return wait;
  });
}

/** Counts a failed attempt against every check; each one's failures in a row, this one included. */
export function failAttempt(db: Db, checks: readonly Check[], now: number): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const entries = await lockEntries(trx, checks, now);
    const failed = checks.map(([throttle], i) => throttle.failed(entries[i], now));
    for (const [i, [throttle, key]] of checks.entries()) await writeEntry(trx, throttle, key, failed[i], now);
    return failed.map((entry) => entry.failures);
  });
}

/** Deletes the rows that can no longer slow anyone down (run by the periodic purge). */
export async function purgeExpiredThrottles(db: Db, now: number): Promise<number> {
  const result = await db.deleteFrom('throttle_states').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
