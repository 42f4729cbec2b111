import { PostgresAdapter, sql } from 'kysely';
import pg from 'pg';
import type { Db, Trx } from './connection';

// Where the two databases differ for the change log (app/platform/change-log.server.ts).
//
// Order: a reader that remembers "the last entry I saw" must never find an earlier entry
// committing after it. SQLite has one writer at a time, so an entry's sequence number is its
// commit order already. On PostgreSQL two transactions can take numbers 5 and 6 and commit 6
// first; a reader that saw 6 would skip 5 forever. So a writer first takes a transaction-scoped
// advisory lock, held until it commits: the next writer takes its number only after the previous
// one is visible, and numbers follow commit order. Writers append last in their transactions, so
// the lock is held for the insert and the commit only.
//
// Notice: on PostgreSQL a NOTIFY in the same transaction is delivered at commit (never for a
// rollback) to every process LISTENing on a connection of its own; SQLite has no such thing, and
// its readers poll.

const LOCK_KEY = 0x48_45_41_52; // "HEAR": one lock for the whole log
const CHANNEL = 'heard_changes';

export function isPostgres(db: Db | Trx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Call before appending to the log in a transaction: see "Order" above. */
export async function orderChangeLog(trx: Trx): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
}

/** Tells every listening process, at commit, that the log has grown. */
export async function notifyChangeLog(trx: Trx): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_notify(${CHANNEL}, '')`.execute(trx);
}

export interface ChangeListener {
  stop(): Promise<void>;
}

/**
 * Listens for the log's notices on a dedicated PostgreSQL connection, reconnecting after a loss
 * (a restart of the server, a terminated backend). `onConnected` runs after every (re)connection,
 * as notices sent meanwhile were lost and the reader should look for itself.
 */
export function listenForChanges(url: string, onNotice: () => void, onConnected: () => void, retryMs = 1_000): ChangeListener {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    client = c;
    let lost = false;
    const reconnect = (error?: Error) => {
      if (lost || stopped) return;
      lost = true;
      if (error) console.error(`Change notices lost (${error.message}); reconnecting`);
      void c.end().catch(() => {});
      retry = setTimeout(() => void connect(), retryMs);
      retry.unref();
    };
    c.on('notification', onNotice);
    c.on('error', reconnect);
    c.on('end', () => reconnect());
    try {
      await c.connect();
      await c.query(`listen ${CHANNEL}`);
      if (!stopped) onConnected();
    } catch (error) {
      reconnect(error as Error);
    }
  };
  void connect();

  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
