import { openDatabase, type Db } from '#db/connection';
import { env } from './env.server';

// One connection for the process; routes get it through db() and pass it down.
let instance: Db | undefined;

export function db(): Db {
  instance ??= openDatabase(env().DATABASE_URL, { busySeconds: env().DATABASE_BUSY_SECONDS });
  return instance;
}

/** Runs a change in one transaction, handed to `run`. */
export function change<T>(db: Db, run: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(run);
}
