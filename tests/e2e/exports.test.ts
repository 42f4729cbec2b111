import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import type { ResultsModel } from '../../app/analysis/results-model';
import { SUMMARY_COLUMNS, summaryRows } from '../../app/exports/summary';
import { newVisitor, type RunningApp, startSuite, stopSuite } from './harness';
import { visit } from './survey';
import { addAccount, signIn, type Account } from './workspace';

// Downloading what we heard, as an analyst does it without JavaScript: the results page's links
// carry its filters and breakdown, the files come with the right type and name, and the CSV and
// Excel files hold exactly the figures the page (its JSON twin) shows, nothing for a hidden one.

let app: RunningApp;
let db: Db;
let browser: Browser;
let analyst: Account;
let context: BrowserContext;
let consultationId: number;

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
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

  it('refuses an address the form could not make, and a kind not built yet', async () => {
    const page = await context.newPage();
    const base = `/admin/consultations/${consultationId}/export`;
    const refused = await page.request.get(`${base}/summary.csv?breakdown=shoe_size`);
    expect(refused.status()).toBe(400);
    expect(await refused.text()).toBe('Choose a breakdown from the list\n');
    expect((await page.request.get(`${base}/responses.csv`)).status()).toBe(404);
    expect((await page.request.get(`${base}/summary.pdf`)).status()).toBe(404);
  });
});
