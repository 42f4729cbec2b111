import { Piscina } from 'piscina';
import type { Db } from '#db/connection';
import type { HeavyResult, HeavyTask } from './tasks';

// A worker thread of the heavy-work pool (pool.server.ts): draws reports, writes spreadsheets
// and runs background exports, so the thread that answers requests never waits for them.
// Built as build/node/worker.js beside server.js; run through tsx from the sources otherwise.
// Each kind of work loads its libraries when first asked for, so an idle thread stays small.

/** One connection per database for the life of the thread, opened on first use. */
const databases = new Map<string, Db>();
async function databaseFor(url: string): Promise<Db> {
  let db = databases.get(url);
  if (!db) {
    const { openDatabase } = await import('#db/connection');
    databases.set(url, (db = openDatabase(url)));
  }
  return db;
}

const consultationOf = (db: Db, id: number) => db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Bytes are handed over, not copied, when they own their whole buffer (never a shared Buffer pool's). */
const moved = (bytes: Uint8Array): HeavyResult =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (Piscina.move(bytes) as unknown as Uint8Array) : bytes;

export default async function heavyWork(task: HeavyTask): Promise<HeavyResult> {
  switch (task.kind) {
    case 'report':
      if (task.format === 'pdf') return moved(await (await import('~/reports/pdf.server')).renderPdf(task.report));
      return moved(await (await import('~/reports/docx.server')).renderDocx(task.report));
    case 'table': {
      const { writeTable } = await import('~/exports/files.server');
      const body = await writeTable({ columns: task.columns, rows: task.rows, sheet: task.sheet }, task.format);
      return typeof body === 'string' ? body : moved(body);
    }
    case 'export-job': {
      const [db, { runExportJob }] = await Promise.all([databaseFor(task.databaseUrl), import('~/exports/jobs.server')]);
      await runExportJob(db, await consultationOf(db, task.consultationId), task.jobId, { dir: task.dir, threshold: task.threshold });
      return null;
    }
    case 'responses-stream': {
      const [db, { responsesSource }, { streamRows }, { sendThroughPort }] = await Promise.all([
        databaseFor(task.databaseUrl),
        import('~/exports/responses.server'),
        import('~/exports/stream.server'),
        import('./port-stream'),
      ]);
      const source = await responsesSource(db, await consultationOf(db, task.consultationId), task.locale);
      await sendThroughPort(streamRows(source, task.format, { sheet: 'responses' }), task.port);
      return null;
    }
  }
}
