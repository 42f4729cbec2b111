import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Db } from '#db/connection';
import type { Consultation, ExportJob } from '#db/schema';
import { findConsultation } from '~/consultations/find.server';
import type { Locale } from '~/platform/i18n/config';
import type { JobPolicy, JobQueue } from '~/platform/jobs/queue';
import type { HeavyWork } from '~/platform/workers/pool.server';
import { CONTENT_TYPES, type ExportFormat } from './files.server';
import { extensionOf, type ExportKind } from './kinds';
import { estimateRows, produceExport } from './produce.server';
import { deleteStoredFiles, hasStoredFile, readStoredFile, storeFile } from './stored-files.server';

// Background exports: an export too big to wait for (a million responses take a while) is a row
// in export_jobs and a job on the queue every process shares (app/platform/jobs): whichever
// process's worker claims it makes the file on its heavy-work pool while the officer watches the
// progress, and stores it in the database (stored-files.server.ts), so any process can send it.
// A process that stops or dies mid-export loses the job to another, which makes the file again;
// starting a process touches no job. Jobs and their files are deleted after EXPORT_KEEP_HOURS.

export interface JobSettings {
  threshold: number;
}

/** The queue's name for background exports. */
export const EXPORT_QUEUE = 'export';

/**
 * A try that dies is made again from the start; three tries, the queue's lease (JOB_LEASE_SECONDS,
 * a minute) renewed every heartbeat (the worker's thread answers while the export runs on the pool).
 */
const EXPORT_POLICY: Partial<JobPolicy> = { retryLimit: 2, retryDelaySeconds: 5 };

interface ExportJobMessage {
  consultationId: number;
  jobId: number;
}

/** A background export job, run on a worker thread (app/entry.worker.ts) on the worker's own connection. */
export interface ExportJobTask extends JobSettings {
  kind: 'export-job';
  databaseUrl: string;
  consultationId: number;
  jobId: number;
  /** A million rows take minutes: the job runs on the pool's threads for long work. */
  long: true;
}

export interface NewJob {
  kind: ExportKind;
  format: ExportFormat;
  params: URLSearchParams;
  locale: Locale;
  requestedBy: number | null;
}

/** Adds the job (queued) and returns its id; `runExportJob` does the work. */
export async function insertExportJob(db: Db, consultation: Consultation, job: NewJob, now = new Date()): Promise<number> {
  const row = await db
    .insertInto('export_jobs')
    .values({
      consultation_id: consultation.id,
      kind: job.kind,
      format: job.format,
      params: job.params.toString(),
      locale: job.locale,
      filename: `${consultation.slug}-${job.kind}.${extensionOf(job.kind, job.format)}`,
      requested_by: job.requestedBy,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function finish(db: Db, id: number, values: { status: 'done' | 'failed'; file_key?: string; error?: string }) {
  await db
    .updateTable('export_jobs')
    .set({ ...values, finished_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Makes the job's file and stores it; a failure of the export itself (a filter that does not
 * exist...) is written on the job, as trying again would fail the same way. A job already done
 * (an earlier try finished after all) is left as it is.
 */
export async function runExportJob(db: Db, consultation: Consultation, id: number, settings: JobSettings): Promise<void> {
  const job = await db.selectFrom('export_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (job.status === 'done') return;
  try {
    const total = await estimateRows(db, consultation, job.kind as ExportKind);
    await db.updateTable('export_jobs').set({ status: 'running', rows_done: 0, rows_total: total, error: null }).where('id', '=', id).execute();
    const produced = await produceExport(db, consultation, {
      kind: job.kind as ExportKind,
      format: job.format as ExportFormat,
      params: new URLSearchParams(job.params),
      locale: job.locale as Locale,
      threshold: settings.threshold,
      onProgress: (rowsDone) =>
        db
          .updateTable('export_jobs')
          .set({ rows_done: rowsDone })
          .where('id', '=', id)
          .execute()
          .then(() => undefined),
    });
    if (!produced.ok) throw new Error(produced.errors.map((e) => e.code).join(', '));
    await db.updateTable('export_jobs').set({ rows_total: produced.rows }).where('id', '=', id).execute();
    const stored = await storeFile(db, produced.body);
    await db.updateTable('export_jobs').set({ rows_done: produced.rows }).where('id', '=', id).execute();
    await finish(db, id, { status: 'done', file_key: stored.key });
  } catch (error) {
    await finish(db, id, { status: 'failed', error: messageOf(error) }).catch(() => undefined);
  }
}

/** Adds the job and queues it; whichever process's worker claims it runs it (workExportJobs). */
export async function startExportJob(db: Db, consultation: Consultation, job: NewJob, queue: JobQueue): Promise<number> {
  const id = await insertExportJob(db, consultation, job);
  const message: ExportJobMessage = { consultationId: consultation.id, jobId: id };
  await queue.send(EXPORT_QUEUE, message, EXPORT_POLICY);
  return id;
}

/**
 * This process's worker for background exports. The export runs on a worker thread with its own
 * database connection, so writing a million rows never delays a request; an in-memory database
 * (tests) is this thread's alone, so there it runs here. A thread that dies fails the try (the
 * queue tries again); after the last try the job says why.
 */
export async function workExportJobs(queue: JobQueue, db: Db, settings: JobSettings, heavy?: HeavyWork): Promise<void> {
  await queue.work<ExportJobMessage>(EXPORT_QUEUE, { concurrency: 1 }, async ({ data, retryCount, retryLimit }) => {
    try {
      if (heavy?.databaseUrl) {
        const task: ExportJobTask = { kind: 'export-job', databaseUrl: heavy.databaseUrl, ...data, ...settings, long: true };
        await heavy.run(task);
        return;
      }
      const consultation = await findConsultation(db, data.consultationId);
      // Deleted meanwhile, and its jobs with it: nothing to make.
      if (consultation) await runExportJob(db, consultation, data.jobId, settings);
    } catch (error) {
      if (retryCount >= retryLimit) await finish(db, data.jobId, { status: 'failed', error: messageOf(error) }).catch(() => undefined);
      throw error;
    }
  });
}

export function findExportJob(db: Db, consultationId: number, id: number): Promise<ExportJob | undefined> {
  return db.selectFrom('export_jobs').selectAll().where('consultation_id', '=', consultationId).where('id', '=', id).executeTakeFirst();
}

export function listExportJobs(db: Db, consultationId: number, limit = 10): Promise<ExportJob[]> {
  return db
    .selectFrom('export_jobs')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** A finished job's file, if it is still there, streamed from the database on whichever process asks. */
export async function jobFile(db: Db, consultationId: number, id: number): Promise<{ body: Readable; filename: string; contentType: string } | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const job = await findExportJob(db, consultationId, id);
  if (!job || job.status !== 'done' || !job.file_key || !(await hasStoredFile(db, job.file_key))) return null;
  const contentType = job.kind === 'open-data' ? 'application/zip' : CONTENT_TYPES[job.format as ExportFormat];
  return { body: readStoredFile(db, job.file_key), filename: job.filename, contentType };
}

/**
 * Jobs asked for more than `keepHours` ago, with their files; a job still queued or running by
 * then was lost with every try, and goes too. Returns how many jobs.
 */
export async function purgeOldExportJobs(db: Db, keepHours: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - keepHours * 3_600_000).toISOString();
  const old = await db.selectFrom('export_jobs').select(['id', 'file_path', 'file_key']).where('created_at', '<', before).execute();
  // Files written to local disk before exports were kept in the database.
  for (const job of old) if (job.file_path) await rm(job.file_path, { force: true });
  if (old.length > 0)
    await db
      .deleteFrom('export_jobs')
      .where(
        'id',
        'in',
        old.map((j) => j.id),
      )
      .execute();
  await deleteStoredFiles(
    db,
    old.flatMap((j) => (j.file_key ? [j.file_key] : [])),
    before,
  );
  return old.length;
}

/** The share of the rows written, 0 to 100. */
export const percentDone = (job: Pick<ExportJob, 'rows_done' | 'rows_total' | 'status'>): number =>
  job.status === 'done' ? 100 : job.rows_total > 0 ? Math.min(99, Math.floor((job.rows_done * 100) / job.rows_total)) : 0;
