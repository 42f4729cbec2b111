import { openDatabase, type Db } from '#db/connection';
import { env } from './env.server';

// One connection for the process; routes get it through db() and pass it down.
let instance: Db | undefined;

export function db(): Db {
  instance ??= openDatabase(env().DATABASE_URL, { busySeconds: env().DATABASE_BUSY_SECONDS });
  return instance;
}
