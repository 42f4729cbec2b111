import { Piscina } from 'piscina';
import { openDatabase, type Db } from '#db/connection';
import { runIndexTask, type IndexTask } from '~/analysis/index-task.server';
import { findConsultation } from '~/consultations/find.server';
import { writeTable } from '~/exports/files.server';
import { runExportJob, type ExportJobTask } from '~/exports/jobs.server';
import type { ResponsesStreamTask } from '~/exports/responses-on-worker.server';
import { responsesSource } from '~/exports/responses.server';
import { streamRows } from '~/exports/stream.server';
import type { TableTask } from '~/exports/tables-on-worker.server';
import { runRecordTask, type RecordTask } from '~/records/load.server';
import { renderDocx } from '~/reports/docx.server';
import type { ReportTask } from '~/reports/files.server';
import { renderPdf } from '~/reports/pdf.server';
import { sendThroughPort } from '~/platform/workers/port-stream';

// A worker thread of the heavy-work pool (app/platform/workers/pool.server.ts): draws reports,
// writes spreadsheets, builds summary indexes and runs background exports, so the thread that
// answers requests never waits for them. Like a route, it sits on top of the capabilities whose
// work it runs; each names its own task beside the code that asks for it.
// Built as build/node/worker.js beside server.js; run through tsx from the sources otherwise.

export type WorkerTask =
  | ReportTask
  | TableTask
  | ExportJobTask
  | ResponsesStreamTask
  | IndexTask
  | RecordTask
  /** Nothing: starts a thread for the tasks a crashed one left queued (pool.server.ts). */
  | { kind: 'ping' };

/** One connection per database for the life of the thread, opened on first use. */
const databases = new Map<string, Db>();
const databaseFor = (url: string): Db => {
  let db = databases.get(url);
  if (!db) databases.set(url, (db = openDatabase(url)));
  return db;
};

/** The consultation a task names; it was there when the task was queued. */
async function consultationOf(db: Db, id: number) {
  const consultation = await findConsultation(db, id);
  if (!consultation) throw new Error(`Consultation ${id} is gone`);
  return consultation;
}

/** Bytes are handed over, not copied, when they own their whole buffer (never a shared Buffer pool's). */
const moved = (bytes: Uint8Array): Uint8Array =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (Piscina.move(bytes) as unknown as Uint8Array) : bytes;

export default async function heavyWork(task: WorkerTask): Promise<unknown> {
  switch (task.kind) {
    case 'report':
      return moved(task.format === 'pdf' ? await renderPdf(task.report) : await renderDocx(task.report));
    case 'table': {
      const body = await writeTable({ columns: task.columns, rows: task.rows, sheet: task.sheet }, task.format);
      return typeof body === 'string' ? body : moved(body);
    }
    case 'export-job': {
      const db = databaseFor(task.databaseUrl);
      await runExportJob(db, await consultationOf(db, task.consultationId), task.jobId, { threshold: task.threshold });
      return null;
    }
    case 'ping':
      return null;
    case 'analysis-index':
      return runIndexTask(databaseFor(task.databaseUrl), task);
    case 'record':
      return runRecordTask(databaseFor(task.databaseUrl), task);
    case 'responses-stream': {
      const db = databaseFor(task.databaseUrl);
      const source = await responsesSource(db, await consultationOf(db, task.consultationId), task.locale);
      await sendThroughPort(streamRows(source, task.format, { sheet: 'responses' }), task.port);
      return null;
    }
  }
}
