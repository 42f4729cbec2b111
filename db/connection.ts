import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { BusyTolerantSqliteDialect } from './sqlite-dialect';

export type Db = Kysely<Database>;

/**
 * An open write transaction. A function typed `trx: Trx` writes something that must commit or
 * roll back with its caller's other writes (and audit entry), so it can only be called inside
 * inTransaction; a function that only reads takes `db: Db`, and a Trx may be passed there too.
 */
export type Trx = Transaction<Database>;

/**
 * The one way to open a transaction: runs `work` in it, commits when it resolves, rolls back
 * when it throws. Opened by a capability's command (the function a route calls), never in a route
 * module, and never inside another transaction (Kysely refuses). SQLite begins it IMMEDIATE, so
 * writers queue for the lock instead of failing half way (sqlite-dialect.ts); PostgreSQL waits
 * up to lock_timeout. Past busySeconds either fails with an error isDatabaseBusy (db/busy.ts)
 * recognises, which the routes answer with 503 "busy, try again".
 */
export function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

// COUNT(*) comes back from PostgreSQL as a bigint string; our counts fit a JS number.
pg.types.setTypeParser(20, (value) => Number(value));

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export interface OpenOptions {
  /**
   * How long a query may wait for a lock someone else holds before it fails with
   * DatabaseBusyError (SQLite) or lock_not_available (PostgreSQL): see isDatabaseBusy.
   */
  busySeconds?: number;
}

/** The SQLite file a DATABASE_URL that is not PostgreSQL names (`file:`/`sqlite:` prefixes dropped). */
export function sqlitePathOf(url: string): string {
  return url.replace(/^(file|sqlite):(\/\/)?/, '');
}

/** Opens a database from a URL: postgres://… for PostgreSQL, otherwise a SQLite file path (or :memory:). */
export function openDatabase(url: string, { busySeconds = 15 }: OpenOptions = {}): Db {
  if (isPostgresUrl(url)) {
    // PostgreSQL waits for locks without holding up the event loop, but a request waiting
    // forever behind a table lock is no better: past the deadline it is "busy, try again".
    const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c lock_timeout=${Math.round(busySeconds * 1000)}` });
    // An idle connection dropped by the server (a restart, a terminated backend) must not crash
    // the process: the pool replaces it on the next query.
    pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const path = sqlitePathOf(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return new Kysely<Database>({ dialect: new BusyTolerantSqliteDialect({ path, busySeconds }) });
}
