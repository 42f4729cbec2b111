import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '#db/connection';
import type { Consultation, ExportJob } from '#db/schema';
import type { Locale } from '~/platform/i18n/config';
import type { HeavyWork } from '~/platform/workers/pool.server';
import { CONTENT_TYPES, type ExportFormat } from './files.server';
import { extensionOf, type ExportKind } from './kinds';
import { estimateRows, produceExport } from './produce.server';

// Background exports: an export too big to wait for (a million responses take a while) is a row
// in export_jobs, run inside the server while the officer watches its progress. The file goes to
// the export folder, named with a random part nobody can guess; rows_done moves after every page.
// A job the server was running when it stopped can never finish: at start it is marked failed,
// so nobody waits for it. Finished jobs and their files are deleted after EXPORT_KEEP_HOURS.

export interface JobSettings {
  dir: string;
  threshold: number;
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

async function finish(db: Db, id: number, values: { status: 'done' | 'failed'; file_path?: string; error?: string }) {
  await db
    .updateTable('export_jobs')
    .set({ ...values, finished_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Makes the job's file; never throws (a failure is written on the job). */
export async function runExportJob(db: Db, consultation: Consultation, id: number, settings: JobSettings): Promise<void> {
  const job = await db.selectFrom('export_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const path = resolve(join(settings.dir, `${id}-${randomBytes(12).toString('hex')}.${extensionOf(job.kind as ExportKind, job.format as ExportFormat)}`));
  try {
    const total = await estimateRows(db, consultation, job.kind as ExportKind);
    await db.updateTable('export_jobs').set({ status: 'running', rows_total: total }).where('id', '=', id).execute();
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
    // Exports hold residents' answers: only the server's own user may read them.
    await mkdir(settings.dir, { recursive: true, mode: 0o700 });
    await chmod(settings.dir, 0o700);
    const body = typeof produced.body === 'string' || produced.body instanceof Uint8Array ? Readable.from([produced.body]) : produced.body;
    await pipeline(body, createWriteStream(path, { mode: 0o600 }));
    await db.updateTable('export_jobs').set({ rows_done: produced.rows }).where('id', '=', id).execute();
    await finish(db, id, { status: 'done', file_path: path });
  } catch (error) {
    await rm(path, { force: true });
    await finish(db, id, { status: 'failed', error: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
  }
}

/**
 * Adds the job and starts it without waiting: the page that asked shows its progress. It runs on
 * a worker thread with its own database connection, so writing a million rows never delays a
 * request; an in-memory database (tests) is this thread's alone, so there it runs here.
 */
export async function startExportJob(db: Db, consultation: Consultation, job: NewJob, settings: JobSettings, heavy?: HeavyWork): Promise<number> {
  const id = await insertExportJob(db, consultation, job);
  if (heavy?.databaseUrl) {
    const task: ExportJobTask = { kind: 'export-job', databaseUrl: heavy.databaseUrl, consultationId: consultation.id, jobId: id, ...settings, long: true };
    // The worker writes a failure on the job itself; this is for a refusal (queue full) or a dead thread.
    void heavy
      .run(task)
      .catch((error: unknown) => finish(db, id, { status: 'failed', error: error instanceof Error ? error.message : String(error) }).catch(() => undefined));
  } else {
    void runExportJob(db, consultation, id, settings);
  }
  return id;
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

/** A finished job's file, if it is still there. */
export async function jobFile(db: Db, consultationId: number, id: number): Promise<{ path: string; filename: string; contentType: string } | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const job = await findExportJob(db, consultationId, id);
  if (!job || job.status !== 'done' || !job.file_path) return null;
  const found = await stat(job.file_path).catch(() => null);
  if (!found?.isFile()) return null;
  const contentType = job.kind === 'open-data' ? 'application/zip' : CONTENT_TYPES[job.format as ExportFormat];
  return { path: job.file_path, filename: job.filename, contentType };
}

/** At start: jobs a stopped server was running will never finish. Returns how many. */
export async function failInterruptedJobs(db: Db, now = new Date()): Promise<number> {
  const result = await db
    .updateTable('export_jobs')
    .set({ status: 'failed', error: 'interrupted', finished_at: now.toISOString() })
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Jobs asked for more than `keepHours` ago, with their files. Returns how many. */
export async function purgeOldExportJobs(db: Db, keepHours: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - keepHours * 3_600_000).toISOString();
  const old = await db
    .selectFrom('export_jobs')
    .select(['id', 'file_path'])
    .where('created_at', '<', before)
    .where('status', 'in', ['done', 'failed'])
    .execute();
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
  return old.length;
}

/** The share of the rows written, 0 to 100. */
export const percentDone = (job: Pick<ExportJob, 'rows_done' | 'rows_total' | 'status'>): number =>
  job.status === 'done' ? 100 : job.rows_total > 0 ? Math.min(99, Math.floor((job.rows_done * 100) / job.rows_total)) : 0;
