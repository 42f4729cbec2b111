import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { createRandom } from '#db/seed/random';
import { seedReference } from '#db/seed/index';
import { storeRandomResponses } from '../../tests/random-responses';
import { createTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import { failInterruptedJobs, findExportJob, insertExportJob, jobFile, percentDone, purgeOldExportJobs, runExportJob } from './jobs.server';

// Background exports as the Exports page runs them: a job row, its file on disk, its progress,
// its failure, and what a restart and the clean-up do to them.

let db: Db;
let destroy: () => Promise<void>;
let consultation: Consultation;
const dir = mkdtempSync(join(tmpdir(), 'heard-jobs-'));
const settings = { dir, threshold: 10 };
const job = (kind: 'responses' | 'summary', params = '') => ({
  kind,
  format: 'csv' as const,
  params: new URLSearchParams(params),
  locale: 'en' as const,
  requestedBy: null,
});

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
  const id = await createConsultation(db, {
    slug: 'bins',
    sections: [
      {
        key: 's',
        questions: [
          { key: 'like', kind: 'yes_no' },
          { key: 'why', kind: 'short_text' },
        ],
      },
    ],
  });
  await storeRandomResponses(db, id, 2_345, createRandom(7));
  consultation = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
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
    const rows = parse(readFileSync(file.path, 'utf8').replace(/^\uFEFF/, '')) as string[][];
    expect(rows).toHaveLength(2_346);
    expect(rows[0]!.slice(0, 2)).toEqual(['reference', 'submitted_at']);
    // Another consultation cannot reach it.
    expect(await jobFile(db, consultation.id + 1, id)).toBeNull();
  });

  it("Export files are readable by the server's user only (file 0600, folder 0700)", async () => {
    // A folder someone made open to all beforehand is closed too.
    const shared = join(dir, 'made-open');
    mkdirSync(shared, { mode: 0o755 });
    const id = await insertExportJob(db, consultation, job('summary'));
    await runExportJob(db, consultation, id, { ...settings, dir: shared });
    const file = (await jobFile(db, consultation.id, id))!;
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(statSync(shared).mode & 0o777).toBe(0o700);
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
    expect(failed.file_path).toBeNull();
    expect(await jobFile(db, consultation.id, id)).toBeNull();
  });

  it('marks the jobs a stopped server was making as failed at start', async () => {
    const queued = await insertExportJob(db, consultation, job('responses'));
    const running = await insertExportJob(db, consultation, job('responses'));
    await db.updateTable('export_jobs').set({ status: 'running', rows_done: 400, rows_total: 2_345 }).where('id', '=', running).execute();
    expect(await failInterruptedJobs(db)).toBe(2);
    for (const id of [queued, running]) expect(await findExportJob(db, consultation.id, id)).toMatchObject({ status: 'failed', error: 'interrupted' });
  });

  it('deletes jobs and their files once they are older than the time they are kept', async () => {
    const id = await insertExportJob(db, consultation, job('responses'), new Date(Date.now() - 25 * 3_600_000));
    const path = join(dir, 'old.csv');
    writeFileSync(path, 'old');
    await db.updateTable('export_jobs').set({ status: 'done', file_path: path }).where('id', '=', id).execute();
    const fresh = await insertExportJob(db, consultation, job('responses'));
    await runExportJob(db, consultation, fresh, settings);
    await purgeOldExportJobs(db, 24);
    expect(existsSync(path)).toBe(false);
    expect(await findExportJob(db, consultation.id, id)).toBeUndefined();
    expect(await jobFile(db, consultation.id, fresh)).not.toBeNull();
  });
});
