import { isPostgresUrl, type Db } from '#db/connection';
import { pgBossQueue } from './pg-boss-queue.server';
import type { JobQueue, QueueOptions } from './queue';
import { tableQueue } from './table-queue.server';

/** The job queue for this database: pg-boss on PostgreSQL, the job_queue table on SQLite (on `db`). */
export function openJobQueue(db: Db, databaseUrl: string, options: QueueOptions = {}): Promise<JobQueue> {
  return isPostgresUrl(databaseUrl) ? pgBossQueue(databaseUrl, options) : Promise.resolve(tableQueue(db, options));
}
