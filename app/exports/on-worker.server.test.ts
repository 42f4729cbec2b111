import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '#db/connection';
import { migrateToLatest } from '#db/migrate';
import type { Consultation } from '#db/schema';
import { createExportJobConsultation } from '../../tests/exports-fixture';
import { createHeavyWork, type HeavyWork } from '~/platform/workers/pool.server';
import { tableQueue } from '~/platform/jobs/table-queue.server';
import type { JobQueue } from '~/platform/jobs/queue';
import { findExportJob, jobFile, startExportJob, workExportJobs } from './jobs.server';
import { responsesOnWorker } from './responses-on-worker.server';

// A background export taken from the queue and run on a worker thread, on the worker's own
// connection to the same SQLite file the server uses: the job row moves to done with every row
// counted and the file is stored.
// The responses downloaded as they are written on a worker thread: every row arrives, and a
// download abandoned half-way frees the thread for the next.
// (An in-memory database cannot be shared with a thread; jobs.server.test.ts runs those here.)

const dir = mkdtempSync(join(tmpdir(), 'heard-worker-job-'));
const databaseUrl = join(dir, 'heard.sqlite');
let db: Db;
let heavy: HeavyWork;
let queue: JobQueue;
let consultation: Consultation;

beforeAll(async () => {
  db = openDatabase(databaseUrl);
  await migrateToLatest(db);
  consultation = await createExportJobConsultation(db, { responses: 1_234, seed: 3 });
  heavy = createHeavyWork({ threads: 1, queue: 2, databaseUrl });
  queue = tableQueue(db, { pollSeconds: 0.2 });
  await workExportJobs(queue, db, { threshold: 10 }, heavy);
}, 60_000);
afterAll(async () => {
  await queue.stop();
  await heavy.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function text(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

describe('a background export on a worker thread', () => {
  it('writes the file from its own connection and ends done', async () => {
    expect(heavy.databaseUrl).toBe(databaseUrl);
    const job = { kind: 'responses' as const, format: 'csv' as const, params: new URLSearchParams(), locale: 'en' as const, requestedBy: null };
    const id = await startExportJob(db, consultation, job, queue);
    let row = await findExportJob(db, consultation.id, id);
    for (let i = 0; i < 600 && row && !['done', 'failed'].includes(row.status); i++) {
      await sleep(100);
      row = await findExportJob(db, consultation.id, id);
    }
    expect(row).toMatchObject({ status: 'done', rows_done: 1_234, rows_total: 1_234, error: null });
    const rows = parse(await text((await jobFile(db, consultation.id, id))!.body), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1_234);
  });

  it('streams the responses from a worker thread to the download, and stops when the download is abandoned', async () => {
    const rows = parse(await text(await responsesOnWorker(heavy, databaseUrl, consultation.id, 'en', 'csv')), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(1_234);

    const abandoned = await responsesOnWorker(heavy, databaseUrl, consultation.id, 'en', 'json');
    for await (const _ of abandoned) break;
    const again = await responsesOnWorker(heavy, databaseUrl, consultation.id, 'en', 'json');
    expect(JSON.parse(await text(again)).responses).toHaveLength(1_234);
  });

  it('runs on this thread for an in-memory database, which a worker cannot open', () => {
    const memory = createHeavyWork({ threads: 1, queue: 1, databaseUrl: ':memory:' });
    expect(memory.databaseUrl).toBeNull();
    return memory.close();
  });
});
