import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { createExportJobConsultation } from '../../tests/exports-fixture';
import { openJobQueue } from '~/platform/jobs/open.server';
import type { JobQueue } from '~/platform/jobs/queue';
import { createSharedTestDb } from '../../tests/db';
import { EXPORT_QUEUE, findExportJob, insertExportJob, jobFile, startExportJob, workExportJobs } from './jobs.server';
import { produceExport } from './produce.server';

// Background exports with two processes on one database, as behind a load balancer: the export
// asked for on one downloads from the other byte for byte, one whose process stopped half-way is
// finished by the other, and a process starting leaves the other's exports alone.

let shared: Awaited<ReturnType<typeof createSharedTestDb>>;
let consultation: Consultation;
const queues: JobQueue[] = [];
const settings = { threshold: 10 };
const responsesCsv = { kind: 'responses' as const, format: 'csv' as const, params: new URLSearchParams(), locale: 'en' as const, requestedBy: null };

beforeAll(async () => {
  shared = await createSharedTestDb();
  const db = shared.open();
  consultation = await createExportJobConsultation(db, { responses: 3_456, seed: 11, textKind: 'long_text' });
}, 120_000);
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop({ timeoutMs: 1_000 })));
});
afterAll(() => shared.destroy());

/** A process: its own connection, queue and export worker. */
async function startProcess(): Promise<{ db: Db; queue: JobQueue }> {
  const db = shared.open();
  const queue = await openJobQueue(db, shared.url, { pollSeconds: 0.5, heartbeatSeconds: 1, sweepSeconds: 1 });
  queues.push(queue);
  await workExportJobs(queue, db, settings);
  return { db, queue };
}

async function bytesOf(stream: AsyncIterable<Buffer | string | Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function finished(db: Db, id: number) {
  for (let i = 0; i < 1_200; i++) {
    const job = await findExportJob(db, consultation.id, id);
    if (job && (job.status === 'done' || job.status === 'failed')) return job;
    await sleep(50);
  }
  throw new Error(`Export ${id} never finished`);
}

describe('background exports across two processes', () => {
  it('downloads on one process, byte for byte, the export asked for and made on the other', async () => {
    const a = await startProcess();
    const b = shared.open();
    const id = await startExportJob(a.db, consultation, responsesCsv, a.queue);
    expect(await finished(b, id)).toMatchObject({ status: 'done', rows_done: 3_456, error: null });

    const onB = await jobFile(b, consultation.id, id);
    expect(onB).toMatchObject({ filename: 'bins-responses.csv', contentType: 'text/csv; charset=utf-8' });
    const downloaded = await bytesOf(onB!.body);
    const produced = await produceExport(b, consultation, { ...responsesCsv, threshold: settings.threshold });
    if (!produced.ok) throw new Error('not produced');
    const expected = typeof produced.body === 'string' || produced.body instanceof Uint8Array ? Buffer.from(produced.body) : await bytesOf(produced.body);
    expect(downloaded.length).toBeGreaterThan(100_000);
    expect(downloaded.equals(expected)).toBe(true);
  }, 120_000);

  it('finishes on the other process an export whose process stopped in the middle of it', async () => {
    // A process that took the export and stops before it is made (a restart, a deploy).
    const db = shared.open();
    const stopping = await openJobQueue(db, shared.url, { pollSeconds: 0.5, heartbeatSeconds: 1, sweepSeconds: 1 });
    let taken = 0;
    await stopping.work(EXPORT_QUEUE, { concurrency: 1 }, () => {
      taken++;
      return new Promise<void>(() => undefined);
    });
    const id = await startExportJob(db, consultation, responsesCsv, stopping);
    for (let i = 0; i < 600 && taken === 0; i++) await sleep(50);
    expect(taken).toBe(1);
    await stopping.stop({ timeoutMs: 1_000 });

    const b = await startProcess();
    expect(await finished(b.db, id)).toMatchObject({ status: 'done', rows_done: 3_456, error: null });
    expect((await bytesOf((await jobFile(db, consultation.id, id))!.body)).length).toBeGreaterThan(100_000);
  }, 120_000);

  it("leaves another process's running export running when a process starts", async () => {
    const a = shared.open();
    const running = await insertExportJob(a, consultation, responsesCsv);
    await a.updateTable('export_jobs').set({ status: 'running', rows_done: 400, rows_total: 3_456 }).where('id', '=', running).execute();
    await startProcess();
    // The new process's worker takes nothing it was not sent.
    await sleep(1_500);
    expect(await findExportJob(a, consultation.id, running)).toMatchObject({ status: 'running', rows_done: 400, error: null });
  }, 60_000);
});
