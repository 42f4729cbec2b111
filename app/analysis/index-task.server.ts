import type { Db } from '#db/connection';
import type { HeavyWork } from '~/platform/workers/pool.server';
import { buildConsultationIndex } from './index/build.server';
import type { ConsultationIndex } from './index/consultation-index';
import type { IndexBuilder } from './indexes.server';

// A consultation's summary index built on a worker thread of the heavy-work pool, from the
// worker's own connection (a million responses take about 30 s of CPU), and copied back as plain
// data, which the registry revives before use (indexes.server.ts, buildIndexesWith).

/** What the worker is asked (app/entry.worker.ts runs it with runIndexTask). */
export interface IndexTask {
  kind: 'analysis-index';
  databaseUrl: string;
  consultationId: number;
}

/** On the worker thread: the index, built from the worker's connection. */
export function runIndexTask(db: Db, task: IndexTask): Promise<ConsultationIndex> {
  return buildConsultationIndex(db, task.consultationId);
}

/** Builds indexes on the pool's threads; none when the database is in memory (this thread's alone). */
export function indexesOnWorkers(heavy: HeavyWork): IndexBuilder | null {
  const { databaseUrl } = heavy;
  if (!databaseUrl) return null;
  return async (consultationId) => (await heavy.run({ kind: 'analysis-index', databaseUrl, consultationId } satisfies IndexTask)) as ConsultationIndex;
}
