import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { createExportJobConsultation } from '../../tests/exports-fixture';
import { createTestDb } from '../../tests/db';
import { findExportJob, insertExportJob, jobFile, percentDone, purgeOldExportJobs, runExportJob } from './jobs.server';
import { storeFile } from './stored-files.server';

// Background exports as the Exports page runs them: a job row, its file kept in the database, its
// progress, its failure, and what the clean-up does to them. (Two processes sharing them, and the
// queue that runs them: jobs.shared.server.test.ts.)

let db: Db;
let destroy: () => Promise<void>;
let consultation: Consultation;
const dir = mkdtempSync(join(tmpdir(), 'heard-jobs-'));
const settings = { threshold: 10 };
const job = (kind: 'responses' | 'summary', params = '') => ({
  kind,
  format: 'csv' as const,
  params: new URLSearchParams(params),
  locale: 'en' as const,
  requestedBy: null,
});

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  consultation = await createExportJobConsultation(db, { responses: 2_345, seed: 7 });
}, 60_000);
afterAll(async () => {
  await destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('background exports', () => {
  it('writes the file, counts every row and ends done with a download', async () => {
    const id = await insertExportJob(db, consultation, job('responses'));
    expect(await findExportJob(db, consultation.id, id)).toMatchObject({ status: 'queued', rows_done: 0, filename: 'bins-responses.csv' });
    await runExportJob(db, consultation, id, settings);
    const done = (await findExportJob(db, consultation.id, id))!;
    expect(done).toMatchObject({ status: 'done', rows_done: 2_345, rows_total: 2_345, error: null });
    expect(percentDone(done)).toBe(100);
    expect(done.finished_at).not.toBeNull();
    const file = (await jobFile(db, consultation.id, id))!;
    expect(file).toMatchObject({ filename: 'bins-responses.csv', contentType: 'text/csv; charset=utf-8' });
    const rows = parse((await bytesOf(file.body)).toString('utf8').replace(/^\uFEFF/, '')) as string[][];
    expect(rows).toHaveLength(2_346);
    expect(rows[0]!.slice(0, 2)).toEqual(['reference', 'submitted_at']);
    // Another consultation cannot reach it.
    expect(await jobFile(db, consultation.id + 1, id)).toBeNull();
  });

  it('keeps the file in the database in pieces and gives it back byte for byte', async () => {
    const body = Buffer.from(Array.from({ length: 2_600_000 }, (_, i) => (i * 7919) % 256));
    const stored = await storeFile(
      db,
      (async function* () {
        for (let at = 0; at < body.length; at += 65_536) yield body.subarray(at, at + 65_536);
      })(),
    );
    expect(stored.bytes).toBe(body.length);
    const pieces = await db.selectFrom('export_file_chunks').select('seq').where('file_key', '=', stored.key).execute();
    expect(pieces).toHaveLength(3);
    const id = await insertExportJob(db, consultation, job('summary'));
    await db.updateTable('export_jobs').set({ status: 'done', file_key: stored.key }).where('id', '=', id).execute();
    expect((await bytesOf((await jobFile(db, consultation.id, id))!.body)).equals(body)).toBe(true);
  });

  it('shows the share done while it runs, never 100 before the end', () => {
    expect(percentDone({ status: 'running', rows_done: 2_000, rows_total: 2_345 })).toBe(85);
    expect(percentDone({ status: 'running', rows_done: 2_345, rows_total: 2_345 })).toBe(99);
    expect(percentDone({ status: 'queued', rows_done: 0, rows_total: 0 })).toBe(0);
  });

  it('ends failed, with the reason and no file, when the export cannot be made', async () => {
    const id = await insertExportJob(db, consultation, job('summary', 'breakdown=shoeSize'));
    await runExportJob(db, consultation, id, settings);
    const failed = (await findExportJob(db, consultation.id, id))!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('unknownBreakdown');
    expect(failed.file_key).toBeNull();
    expect(await jobFile(db, consultation.id, id)).toBeNull();
  });

  it('deletes jobs and their files once they are older than the time they are kept', async () => {
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    const id = await insertExportJob(db, consultation, job('responses'), dayAgo);
    const stored = await storeFile(db, 'old', dayAgo);
    // A file from before exports were kept in the database, and the pieces of a try cut short.
    const path = join(dir, 'old.csv');
    writeFileSync(path, 'old');
    await db.updateTable('export_jobs').set({ status: 'done', file_key: stored.key, file_path: path }).where('id', '=', id).execute();
    const cutShort = await storeFile(db, 'half', dayAgo);
    const lost = await insertExportJob(db, consultation, job('responses'), dayAgo);
    await db.updateTable('export_jobs').set({ status: 'running' }).where('id', '=', lost).execute();
    const fresh = await insertExportJob(db, consultation, job('responses'));
    await runExportJob(db, consultation, fresh, settings);
    expect(await purgeOldExportJobs(db, 24)).toBe(2);
    expect(existsSync(path)).toBe(false);
    expect(await findExportJob(db, consultation.id, id)).toBeUndefined();
    expect(await findExportJob(db, consultation.id, lost)).toBeUndefined();
    const left = await db.selectFrom('export_file_chunks').select('file_key').distinct().execute();
    expect(left.map((r) => r.file_key)).not.toContain(stored.key);
    expect(left.map((r) => r.file_key)).not.toContain(cutShort.key);
    expect(await jobFile(db, consultation.id, fresh)).not.toBeNull();
  });
});

async function bytesOf(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
