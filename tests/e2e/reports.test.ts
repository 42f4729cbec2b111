import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { expectAccessible } from './axe';
import { newVisitor, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { press, visit } from './survey';
import { addAccount, signIn, type Account } from './workspace';

// The committee report as an officer meets it: from the consultation's "Committee report" tab,
// only young people's responses, the five parts of the council's committee reports with the
// counted responses read off the page and checked against the database; then the same report
// downloaded as Word and PDF and read back; JavaScript on and off; axe in English and Urdu.

const HEADINGS = ['1. Introduction and purpose', '2. How we engaged', '3. What we heard', '4. Who we heard from', '5. Next steps'];
let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;
let consultationId: number;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  officer = await addAccount(db, 'officer');
  consultationId = (await db.selectFrom('consultations').select('id').where('slug', '=', 'one-stockport-conversation').executeTakeFirstOrThrow()).id;
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(() => stopSuite({ app, db, browser }));

async function officerOn(js: boolean, path: string): Promise<{ page: Page; context: BrowserContext }> {
  const context = await newVisitor(browser, app, { js });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, officer, path);
  if (js) await waitForHydration(page);
  return { page, context };
}

const number = (n: number) => n.toLocaleString('en-GB');
const reportPath = () => `/admin/consultations/${consultationId}/report`;

async function youngResponses(): Promise<number> {
  const row = await db
    .selectFrom('responses')
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'counted')
    .where('respondent_group', '=', 'young_person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    it('an officer makes the report for young people and downloads it as Word and PDF', async () => {
      const { page, context } = await officerOn(js, `/admin/consultations/${consultationId}`);
      await press(page, page.getByRole('navigation', { name: 'This consultation' }).getByRole('link', { name: 'Committee report' }), /\/report$/);
      await page.getByRole('heading', { level: 1, name: 'Committee report' }).waitFor();
      if (js) await waitForHydration(page);
      await page.locator('summary', { hasText: 'Respondent group' }).click();
      await page.getByLabel('Young person', { exact: true }).check();
      await press(page, page.getByRole('button', { name: 'Make the report' }), /respondentGroup=young_person/);

      for (const heading of HEADINGS) await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      await page.getByText('The figures cover only these responses: Respondent group: Young person.').first().waitFor();
      const young = await youngResponses();
      const responses = `Responses counted: ${number(young)}.`;
      await page.getByText(responses).waitFor();

      // On paper: the report alone, without the workspace's menus or the form.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: 'This consultation' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Make the report' }).isVisible()).toBe(false);
      expect(await page.getByRole('heading', { level: 2, name: HEADINGS[2] }).isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });

      // Word: the link downloads the file with the same filters.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Word (.docx)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/committee-report\.docx$/);
      const docxHref = await page.getByRole('link', { name: 'Download Word (.docx)' }).getAttribute('href');
      expect(docxHref).toBe(`${reportPath()}.docx?respondentGroup=young_person`);
      const docx = await context.request.get(docxHref!);
      expect(docx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(docx.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.docx"$/);
      const { value: html } = await mammoth.convertToHtml({ buffer: await docx.body() });
      for (const heading of HEADINGS) expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).toContain(responses);

      const pdfHref = await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
      const pdf = await context.request.get(pdfHref!);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.pdf"$/);
      const text = await pdfText(new Uint8Array(await pdf.body()));
      for (const heading of HEADINGS) expect(text).toContain(heading);
      expect(text).toContain(`Responses counted: ${number(young)}.`);
    });
  });
}

describe('accessibility and the other languages', () => {
  for (const locale of ['en', 'ur'] as const) {
    it(`the report page passes axe in ${locale === 'en' ? 'English' : 'Urdu'}`, async () => {
      const { page } = await officerOn(true, reportPath());
      await visit(page, `${reportPath()}?lng=${locale}&respondentGroup=young_person`, true);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ur' ? 'rtl' : 'ltr');
      await expectAccessible(page);
    });
  }

  it('an Urdu reader gets a Word document in Urdu, a PDF in English and the page says so', async () => {
    const { page, context } = await officerOn(false, reportPath());
    await visit(page, `${reportPath()}?lng=ur`, false);
    await page.getByText('PDF انگریزی میں ہے').first().waitFor();
    const docx = await context.request.get(`${reportPath()}.docx`);
    expect((await mammoth.extractRawText({ buffer: await docx.body() })).value).toContain('3. ہم نے کیا سنا');
    const pdf = await context.request.get(`${reportPath()}.pdf`);
    expect(await pdfText(new Uint8Array(await pdf.body()))).toContain('3. What we heard');
  });

  it('a priority across consultations has its report, linked from its page', async () => {
    const priority = await db.selectFrom('consultation_priorities').select('priority_id').orderBy('priority_id').executeTakeFirstOrThrow();
    // JavaScript on: axe runs in the page.
    const { page, context } = await officerOn(true, `/admin/heard/priorities/${priority.priority_id}`);
    await press(page, page.getByRole('link', { name: 'Committee report on this' }), /\/report$/);
    for (const heading of HEADINGS) await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    await expectAccessible(page);
    const docx = await context.request.get(`/admin/heard/priorities/${priority.priority_id}/report.docx`);
    expect(docx.status()).toBe(200);
    const refused = await context.request.get(`${reportPath()}.pdf?respondentGroup=martian`);
    expect(refused.status()).toBe(400);
  });
});
