import { data } from '@remix-run/node';
import type { Db } from '#db/connection';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import type { HeavyWork } from '~/platform/workers/pool.server';
import type { RetentionDefaults } from '~/retention/policy';
import { countResponses } from './holdings.server';
import { listConsultationRecords, loadConsultationRecord, type ConsultationRecordInFull } from './record.server';

// A consultation's record in full reads every response once and some of their words (about half
// a second at 100,000 responses), which would stop the request thread answering anyone else. From
// WORKER_FROM responses the reading runs on a worker thread of the heavy-work pool, on the
// worker's own connection, as summary indexes of that size do; below it a thread would cost more
// to start than the counts take.

export const WORKER_FROM = 20_000;

/** What the worker is asked (app/entry.worker.ts runs it with runRecordTask). */
export interface RecordTask {
  kind: 'record';
  databaseUrl: string;
  consultationIds: number[];
  defaults: RetentionDefaults;
  /** ISO: the moment the record is of (dates crossing threads as text). */
  now: string;
}

/** The records of these consultations, in their order; one that does not exist is left out. */
export async function runRecordTask(db: Db, task: Omit<RecordTask, 'kind' | 'databaseUrl'>): Promise<ConsultationRecordInFull[]> {
  const now = new Date(task.now);
  const records: ConsultationRecordInFull[] = [];
  for (const id of task.consultationIds) {
    const record = await loadConsultationRecord(db, id, task.defaults, now);
    if (record) records.push(record);
  }
  return records;
}

/**
 * The records in full, read on a worker when they hold `from` responses or more and the database
 * is one a worker can open; on this thread otherwise. A full queue throws the pool's BusyError.
 */
export async function loadRecordsInFull(
  db: Db,
  heavy: HeavyWork | undefined,
  consultationIds: number[],
  defaults: RetentionDefaults,
  now: Date,
  from = WORKER_FROM,
): Promise<ConsultationRecordInFull[]> {
  const work = { consultationIds, defaults, now: now.toISOString() };
  const databaseUrl = heavy?.databaseUrl;
  if (!heavy || !databaseUrl) return runRecordTask(db, work);
  const held = [...(await countResponses(db, consultationIds)).values()].reduce((sum, n) => sum + n.counted + n.excluded, 0);
  if (held < from) return runRecordTask(db, work);
  return (await heavy.run({ kind: 'record', databaseUrl, ...work } satisfies RecordTask)) as ConsultationRecordInFull[];
}

/** The record of the consultation a workspace address names, or the shared error boundary's 404. */
export async function requireConsultationRecord(
  db: Db,
  heavy: HeavyWork | undefined,
  rawId: string | undefined,
  defaults: RetentionDefaults,
  now: Date,
): Promise<ConsultationRecordInFull> {
  const id = Number(rawId);
  const [record] = Number.isSafeInteger(id) && id > 0 ? await loadRecordsInFull(db, heavy, [id], defaults, now) : [];
  if (!record) throw data({ reason: 'not_found' }, { status: 404, headers: { 'Cache-Control': PRIVATE_PAGE } });
  return record;
}

/** Every consultation's record in full, newest first: the download. */
export async function loadFullRecord(db: Db, heavy: HeavyWork | undefined, defaults: RetentionDefaults, now: Date): Promise<ConsultationRecordInFull[]> {
  const ids = (await listConsultationRecords(db, defaults, now)).map((r) => r.id);
  return loadRecordsInFull(db, heavy, ids, defaults, now);
}
