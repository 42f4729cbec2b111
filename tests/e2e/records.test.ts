import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { formatDate } from '../../app/platform/i18n/format';
import { retentionDateOf } from '../../app/retention/policy';
import { expectAccessible } from './axe';
import { expectNoSidewaysScroll } from './narrow';
import { newVisitor, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { SLUGS, visit } from './survey';
import { addAccount, signIn, type Account } from './workspace';

// The record of processing as an administrator meets it: the list of consultations, one
// consultation's categories of personal data with their counts (the same as the database's),
// its retention date and its erasures; the download; officers refused. With JavaScript on and
// off, axe clean in English and Urdu, and no sideways scrolling on a 320 px screen.

const slug = SLUGS.oneStockport;
let app: RunningApp;
let db: Db;
let browser: Browser;
let admin: Account;
let officer: Account;
let consultationId: number;
let title: string;
let retentionDate: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  admin = await addAccount(db, 'admin');
  officer = await addAccount(db, 'officer');
  await db.updateTable('consultations').set({ retention_months: 18, retention_about_you: 'remove' }).where('slug', '=', slug).execute();
  const consultation = await db.selectFrom('consultations').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  consultationId = consultation.id;
  title = consultation.title;
  // The months are the consultation's own, so the installation's default plays no part.
  retentionDate = retentionDateOf(consultation, { months: 0, freeText: 'redact', aboutYou: 'keep' })!.toISOString();
  for (const [reason, at] of [
    ['request', '2027-01-05T09:00:00.000Z'],
    ['request', '2027-01-09T09:00:00.000Z'],
    ['officer', '2027-02-01T09:00:00.000Z'],
  ] as const) {
    await db
      .insertInto('erasures')
      .values({
        consultation_id: consultationId,
        response_id: 900_000 + at.length + reason.length,
        reference_sha256: 'b'.repeat(64),
        channel: 'online',
        submitted_at: '2026-12-01T09:00:00.000Z',
        reason,
        removed: '{"answers":4}',
        erased_at: at,
      })
      .execute();
  }
}, 120_000);
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(() => stopSuite({ app, db, browser }));

async function signedIn(account: Account, js: boolean, path: string, width?: number): Promise<Page> {
  const context = await newVisitor(browser, app, { js, width });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, account, path);
  if (js) await waitForHydration(page);
  return page;
}

const stored = async (where: (q: ReturnType<typeof responses>) => ReturnType<typeof responses>) =>
  Number(
    (
      await where(responses())
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const responses = () => db.selectFrom('responses').where('consultation_id', '=', consultationId);

for (const js of [true, false]) {
  describe(`an administrator reads the record of processing (JavaScript ${js ? 'on' : 'off'})`, () => {
    it("finds it in the navigation, opens a consultation's record and sees its categories, retention date and erasures", async () => {
      const page = await signedIn(admin, js, '/admin');
      await page
        .getByRole('navigation', { name: /workspace/i })
        .getByRole('link', { name: 'Records' })
        .click();
      await page.waitForURL(/\/admin\/records$/);
      await page.getByRole('heading', { level: 1, name: 'Record of processing' }).waitFor();
      expect(await page.getByText("It lists categories and counts, never anyone's data").count()).toBe(1);
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
      expect(await row.innerText()).toContain(formatDate(retentionDate, 'en'));

      if (js) await waitForHydration(page);
      await row.getByRole('link', { name: title }).click();
      await page.waitForURL(new RegExp(`/admin/records/${consultationId}$`));
      await page.getByRole('heading', { level: 1, name: `Record of processing: ${title}` }).waitFor();

      const ethnicity = await stored((q) => q.where('ethnicity', 'is not', null).where('ethnicity', '<>', 'prefer_not_to_say'));
      expect(ethnicity).toBeGreaterThan(0);
      const ethnicityRow = page.getByTestId('holds-ethnicity');
      expect(await ethnicityRow.getByRole('rowheader').innerText()).toBe('Ethnic group');
      expect(await ethnicityRow.getByRole('cell').first().innerText()).toBe(String(ethnicity));
      expect(await ethnicityRow.getByText('Article 9').count()).toBe(1);
      expect(await page.getByTestId('holds-carer').getByText('Article 9').count()).toBe(0);
      const wards = await stored((q) => q.where('ward_code', 'is not', null).where('ward_code', '<>', 'unknown'));
      expect(await page.getByTestId('holds-ward').getByRole('cell').first().innerText()).toBe(String(wards));

      const retention = await page.getByTestId('retention').innerText();
      expect(retention).toContain('18 months after closing (set for this consultation)');
      expect(retention).toContain(formatDate(retentionDate, 'en'));
      expect(retention).toContain('Removed');
      const erasures = await page.getByTestId('erasures').innerText();
      expect(erasures).toMatch(/Erased in all\s+3/);
      expect(erasures).toMatch(/Because the person asked\s+2/);
      expect(erasures).toMatch(/By an officer's decision\s+1/);
      expect(await page.getByRole('table', { name: 'Erasures by month' }).getByRole('row').count()).toBe(3);
    });
  });
}

describe('the download', () => {
  it('is a CSV of every consultation, with the columns the page documents', async () => {
    const page = await signedIn(admin, true, '/admin/records');
    const response = await page.request.get('/admin/records.csv');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    const documented = await page.locator('.record-columns dt').allTextContents();
    expect(header!.split(',')).toEqual(documented);
    const consultations = Number(
      (
        await db
          .selectFrom('consultations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(rows).toHaveLength(consultations);
  });
});

describe('others are refused', () => {
  it('an officer sees no Records link and gets 403 on the page and the download', async () => {
    const page = await signedIn(officer, false, '/admin');
    expect(await page.getByRole('link', { name: 'Records' }).count()).toBe(0);
    expect((await page.goto('/admin/records'))?.status()).toBe(403);
    expect((await page.goto(`/admin/records/${consultationId}`))?.status()).toBe(403);
    expect((await page.request.get('/admin/records.csv')).status()).toBe(403);
  });
});

for (const locale of ['en', 'ur'] as const) {
  describe(`in ${locale === 'en' ? 'English' : 'Urdu'}`, () => {
    it('both pages are axe clean', async () => {
      const page = await signedIn(admin, true, `/admin/records?lng=${locale}`);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ur' ? 'rtl' : 'ltr');
      await expectAccessible(page);
      await visit(page, `/admin/records/${consultationId}`, true);
      await expectAccessible(page);
    });

    it('both pages fit a 320 px screen without scrolling sideways', async () => {
      const page = await signedIn(admin, true, `/admin/records?lng=${locale}`, 320);
      await expectNoSidewaysScroll(page);
      await page.locator('.record-columns summary').click();
      await expectNoSidewaysScroll(page);
      await visit(page, `/admin/records/${consultationId}`, true);
      await expectNoSidewaysScroll(page);
    });
  });
}
