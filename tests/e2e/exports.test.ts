import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import type { ResultsModel } from '../../app/analysis/results-model';
import { SUMMARY_COLUMNS, summaryRows } from '../../app/exports/summary';
import { THEMES_COLUMNS } from '../../app/exports/themes';
import { expectAccessible } from './axe';
import { newVisitor, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { visit } from './survey';
import { addAccount, signIn, type Account } from './workspace';

// Downloading what we heard, as an analyst does it without JavaScript: the results page's links
// carry its filters and breakdown, the files come with the right type and name, and the CSV and
// Excel files hold exactly the figures the page (its JSON twin) shows, nothing for a hidden one.
// Then the Exports page: every kind downloaded, with JavaScript on and off, and a big responses
// export (over EXPORT_BACKGROUND_ROWS, set low here) made in the background to a download link.

const BACKGROUND_ABOVE = 1000;

let app: RunningApp;
let db: Db;
let browser: Browser;
let analyst: Account;
let context: BrowserContext;
let consultationId: number;

beforeAll(async () => {
  ({ app, db, browser } = await startSuite({ env: { EXPORT_BACKGROUND_ROWS: String(BACKGROUND_ABOVE) } }));
  analyst = await addAccount(db, 'analyst');
  consultationId = (await db.selectFrom('consultations').select('id').where('slug', '=', 'one-stockport-conversation').executeTakeFirstOrThrow()).id;
  context = await newVisitor(browser, app, { js: false });
});
afterAll(async () => {
  await context.close();
  await stopSuite({ app, db, browser });
});

const query = 'breakdown=ward&respondentGroup=young_person';
const text = (v: unknown) => (v === null ? '' : String(v));

describe('downloading the figures', () => {
  it('offers CSV, Excel and JSON for the figures on the page, the same figures in each', async () => {
    const path = `/admin/consultations/${consultationId}/results`;
    const page = await context.newPage();
    await signIn(page, analyst, path);
    await visit(page, `${path}?${query}`, false);
    const href = async (name: string) => new URL((await page.getByRole('link', { name }).getAttribute('href'))!, app.url);
    const links = { csv: await href('As CSV'), xlsx: await href('As an Excel spreadsheet'), json: await href('As a tidy table in JSON') };
    for (const [format, url] of Object.entries(links)) {
      expect(url.pathname).toBe(`/admin/consultations/${consultationId}/export/summary.${format}`);
      expect(Object.fromEntries(url.searchParams)).toEqual({ breakdown: 'ward', respondentGroup: 'young_person' });
    }

    const model = (await (await page.request.get(`${path}.json?${query}`)).json()) as ResultsModel;
    const onScreen = summaryRows(model);
    expect(onScreen.length).toBeGreaterThan(0);

    const csv = await page.request.get(links.csv.href);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toBe('attachment; filename="one-stockport-conversation-summary-by-ward-filtered.csv"');
    const [header, ...body] = parse((await csv.text()).replace(/^\uFEFF/, '')) as string[][];
    expect(header).toEqual([...SUMMARY_COLUMNS]);
    expect(body).toEqual(onScreen.map((r) => SUMMARY_COLUMNS.map((c) => text(r[c]))));
    for (const row of body.filter((r) => r[12] === 'true')) expect([row[7], row[8]]).toEqual(['', '']);

    const xlsx = await page.request.get(links.xlsx.href);
    expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(onScreen.length + 1);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...SUMMARY_COLUMNS]);

    const json = await page.request.get(links.json.href);
    expect(json.headers()['content-type']).toBe('application/json; charset=utf-8');
    expect(await json.json()).toEqual(onScreen);
  });

  it('refuses an address the form could not make', async () => {
    const page = await context.newPage();
    const base = `/admin/consultations/${consultationId}/export`;
    const refused = await page.request.get(`${base}/summary.csv?breakdown=shoe_size`);
    expect(refused.status()).toBe(400);
    expect(await refused.text()).toBe('Choose a breakdown from the list\n');
    expect((await page.request.get(`${base}/votes.csv`)).status()).toBe(404);
    expect((await page.request.get(`${base}/open-data.csv`)).status()).toBe(404);
    expect((await page.request.get(`${base}/summary.pdf`)).status()).toBe(404);
  });
});

async function consultationBySlug(slug: string) {
  const { id } = await db.selectFrom('consultations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  const references = (
    await db.selectFrom('responses').select('reference').where('consultation_id', '=', id).where('status', '=', 'counted').orderBy('id').execute()
  ).map((r) => r.reference);
  const excluded = (await db.selectFrom('responses').select('reference').where('consultation_id', '=', id).where('status', '!=', 'counted').execute()).map(
    (r) => r.reference,
  );
  return { id, references, excluded };
}

async function officerOn(js: boolean, path: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const visitor = await newVisitor(browser, app, { js });
  const page = await visitor.newPage();
  await signIn(page, analyst, path);
  if (js) await waitForHydration(page);
  return { page, close: () => visitor.close() };
}

/** Chooses the format (and breakdown) in a kind's block on the Exports page and presses Download: the file the browser saves. */
async function download(page: Page, kind: string, format?: string, by?: string): Promise<{ name: string; bytes: Buffer }> {
  const block = page.getByRole('region', { name: kindTitle[kind]! });
  if (format) await block.getByLabel(formatLabel[format]!).check();
  if (by) await block.getByLabel('Break down by (optional)').selectOption(by);
  const [file] = await Promise.all([page.waitForEvent('download'), block.getByRole('button', { name: /^Download/ }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

const kindTitle: Record<string, string> = { summary: 'Summary figures', responses: 'All responses', themes: 'Themes', 'open-data': 'Open data' };
const formatLabel: Record<string, string> = { csv: 'CSV (opens in Excel and any spreadsheet)', xlsx: 'Excel workbook', json: 'JSON (for developers)' };
const csvRows = (bytes: Buffer) => parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as string[][];

describe('the Exports page', () => {
  for (const js of [false, true]) {
    it(`lets an analyst download every kind of export ${js ? 'with' : 'without'} JavaScript`, async () => {
      const parks = await consultationBySlug('parks-and-green-spaces');
      expect(parks.references.length).toBeLessThan(BACKGROUND_ABOVE);
      const { page, close } = await officerOn(js, `/admin/consultations/${parks.id}/exports`);
      try {
        await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Exports' }).count()).toBe(1);

        const summary = await download(page, 'summary', js ? 'xlsx' : 'csv', 'ward');
        if (js) {
          expect(summary.name).toBe('parks-and-green-spaces-summary-by-ward.xlsx');
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(summary.bytes as unknown as ArrayBuffer);
          expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual([...SUMMARY_COLUMNS]);
        } else {
          expect(summary.name).toBe('parks-and-green-spaces-summary-by-ward.csv');
          const [header, ...rows] = csvRows(summary.bytes);
          expect(header).toEqual([...SUMMARY_COLUMNS]);
          expect(new Set(rows.map((r) => r[5]))).toEqual(new Set(['ward']));
        }

        const responses = await download(page, 'responses', js ? 'json' : 'csv');
        expect(responses.name).toBe(`parks-and-green-spaces-responses.${js ? 'json' : 'csv'}`);
        const references = js
          ? (JSON.parse(responses.bytes.toString('utf8')) as { responses: { reference: string }[] }).responses.map((r) => r.reference)
          : csvRows(responses.bytes)
              .slice(1)
              .map((r) => r[0]);
        expect(references).toEqual(parks.references);
        const text = responses.bytes.toString('utf8');
        for (const reference of parks.excluded) expect(text).not.toContain(reference);
        expect(text).not.toContain('quote_name');

        const themes = await download(page, 'themes', 'csv');
        expect(themes.name).toBe('parks-and-green-spaces-themes.csv');
        expect(csvRows(themes.bytes)[0]).toEqual([...THEMES_COLUMNS]);

        const openData = await download(page, 'open-data');
        expect(openData.name).toBe('parks-and-green-spaces-open-data.zip');
        expect(openData.bytes.subarray(0, 2).toString()).toBe('PK');
        expect(openData.bytes.includes('datapackage.json')).toBe(true);
      } finally {
        await close();
      }
    });

    it(`makes a big responses export in the background, with its progress, to a download link, ${js ? 'with' : 'without'} JavaScript`, async () => {
      const big = await consultationBySlug('one-stockport-conversation');
      expect(big.references.length).toBeGreaterThan(BACKGROUND_ABOVE);
      const { page, close } = await officerOn(js, `/admin/consultations/${big.id}/exports`);
      try {
        const block = page.getByRole('region', { name: 'All responses' });
        await Promise.all([page.waitForURL(/\/exports\/\d+$/), block.getByRole('button', { name: /^Download/ }).click()]);
        await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('All responses export (CSV)');
        const link = page.getByRole('link', { name: 'Download one-stockport-conversation-responses.csv' });
        for (let tries = 0; tries < 60 && (await link.count()) === 0; tries++) {
          // Without JavaScript the officer asks again; with it, the page asks by itself.
          if (!js) await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Check progress' }).click()]);
          await page.waitForTimeout(500);
        }
        await expect.poll(() => page.getByRole('status').innerText()).toContain('Ready to download');
        expect(await page.locator('progress').getAttribute('value')).toBe('100');
        expect(await page.getByText(/^100% done:/).innerText()).toBe(
          `100% done: ${big.references.length.toLocaleString('en-GB')} of ${big.references.length.toLocaleString('en-GB')} rows`,
        );
        const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
        const rows = csvRows(readFileSync(await file.path()));
        expect(rows.slice(1).map((r) => r[0])).toEqual(big.references);

        // The job is listed on the Exports page, ready.
        await page.goto(`/admin/consultations/${big.id}/exports`);
        await expect.poll(() => page.getByRole('table').innerText()).toContain('Ready to download');
      } finally {
        await close();
      }
    });
  }

  for (const locale of ['en', 'ur'] as const) {
    it(`has no accessibility violations on the Exports and job pages in ${locale === 'en' ? 'English' : 'Urdu'}`, async () => {
      const big = await consultationBySlug('one-stockport-conversation');
      const job = await db.selectFrom('export_jobs').select('id').where('consultation_id', '=', big.id).orderBy('id').executeTakeFirstOrThrow();
      // axe runs in the page: JavaScript on.
      const { page, close } = await officerOn(true, `/admin/consultations/${big.id}/exports`);
      try {
        await visit(page, `/admin/consultations/${big.id}/exports?lng=${locale}`, true);
        expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ur' ? 'rtl' : 'ltr');
        await expectAccessible(page);
        await visit(page, `/admin/consultations/${big.id}/exports/${job.id}?lng=${locale}`, true);
        expect(await page.locator('progress').count()).toBe(1);
        await expectAccessible(page);
      } finally {
        await close();
      }
    });
  }

  it('keeps a finished file from other consultations and from a signed-out visitor', async () => {
    const big = await consultationBySlug('one-stockport-conversation');
    const parks = await consultationBySlug('parks-and-green-spaces');
    const job = await db.selectFrom('export_jobs').select('id').where('consultation_id', '=', big.id).where('status', '=', 'done').executeTakeFirstOrThrow();
    const { page, close } = await officerOn(false, `/admin/consultations/${big.id}/exports`);
    try {
      const own = await page.request.get(`/admin/consultations/${big.id}/exports/${job.id}/download`);
      expect(own.status()).toBe(200);
      expect(own.headers()['content-disposition']).toBe('attachment; filename="one-stockport-conversation-responses.csv"');
      expect((await page.request.get(`/admin/consultations/${parks.id}/exports/${job.id}/download`)).status()).toBe(404);
    } finally {
      await close();
    }
    const anonymous = await newVisitor(browser, app, { js: false });
    const response = await anonymous.request.get(`/admin/consultations/${big.id}/exports/${job.id}/download`, { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    await anonymous.close();
  });
});
