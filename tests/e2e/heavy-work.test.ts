import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { ROOT, openDb, startApp, type RunningApp } from './harness';
import { HttpClient } from './http';
import { addAccount } from './workspace';

// Issue 12, "One report freezes everyone": against the production build on a database of
// 12,000 extra responses, an officer asks for the committee report PDF and a responses Excel
// export; meanwhile residents' pages (never from the page cache) are answered before either
// file is finished: ordering, not a stopwatch. Afterwards both files hold what they should.

const dir = mkdtempSync(join(tmpdir(), 'heard-heavy-'));
const databasePath = join(dir, 'heard.sqlite');
let app: RunningApp;
let db: Db;
let officer: HttpClient;
let consultationId: number;

beforeAll(async () => {
  await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), ['db/cli/seed.ts', '--database', databasePath, '--fresh', '--responses', '12000'], {
    cwd: ROOT,
  });
  app = await startApp({
    seedDemo: false,
    // Every public page rendered afresh; the responses export goes to the background (a worker thread).
    env: { DATABASE_URL: databasePath, PAGE_CACHE_SECONDS: '0', EXPORT_BACKGROUND_ROWS: '1000' },
  });
  db = openDb(databasePath);
  consultationId = (await db.selectFrom('consultations').select('id').where('slug', '=', 'one-stockport-conversation').executeTakeFirstOrThrow()).id;
  officer = new HttpClient(app.url);
  await officer.signIn(await addAccount(db, 'officer'));
}, 90_000);
afterAll(async () => {
  await db?.destroy();
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

const jobStatus = async (id: number) => (await db.selectFrom('export_jobs').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('One report freezes everyone', () => {
  it('answers public pages while a committee report PDF and an Excel export are being made', async () => {
    const reportPath = `/admin/consultations/${consultationId}/report.pdf`;
    // The first report builds the summary index the report's figures come from; this one is about the drawing.
    expect((await officer.get(reportPath)).status).toBe(200);
    const counted = Number(
      (
        await db
          .selectFrom('responses')
          .where('consultation_id', '=', consultationId)
          .where('status', '=', 'counted')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(counted).toBeGreaterThanOrEqual(12_000);

    const finished: string[] = [];
    const csrf = await officer.csrfOf(`/admin/consultations/${consultationId}/exports`);
    const asked = await officer.post(`/admin/consultations/${consultationId}/exports`, { csrf, kind: 'responses', format: 'xlsx' });
    expect(asked.status).toBe(303);
    const jobId = Number(asked.headers.get('location')?.match(/\/exports\/(\d+)$/)?.[1]);
    expect(jobId).toBeGreaterThan(0);
    const pdf = officer.get(reportPath).then(async (response) => {
      const body = await response.arrayBuffer();
      finished.push('pdf');
      return { status: response.status, type: response.headers.get('content-type'), body };
    });

    for (const path of ['/', '/consultations/one-stockport-conversation', '/consultations/parks-and-green-spaces']) {
      const page = await fetch(`${app.url}${path}?heavy=${Date.now()}`);
      expect(page.status, path).toBe(200);
      expect(await page.text()).toContain('<h1');
      finished.push(path);
    }
    // Residents were answered while both files were still being made.
    expect(finished).not.toContain('pdf');
    expect(await jobStatus(jobId)).not.toBe('done');

    const report = await pdf;
    expect(finished.at(-1)).toBe('pdf');
    expect(report).toMatchObject({ status: 200, type: 'application/pdf' });
    const text = await pdfText(report.body);
    for (const heading of ['1. Introduction and purpose', '3. What we heard', '5. Next steps']) expect(text).toContain(heading);

    for (let i = 0; i < 900 && !['done', 'failed'].includes(await jobStatus(jobId)); i++) await sleep(100);
    expect(await jobStatus(jobId)).toBe('done');
    const file = await officer.get(`/admin/consultations/${consultationId}/exports/${jobId}/download`);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    // The header row and one row per counted response.
    expect(workbook.getWorksheet('responses')?.rowCount).toBe(counted + 1);
  }, 120_000);
});
