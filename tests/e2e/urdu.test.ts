import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { newVisitor, responseByReference, type RunningApp, startSuite, stopSuite, translationOf, waitForHydration } from './harness';
import { answerRequiredOnly, confirmationUrl, press, questionText, shownReference, SLUGS, stepUrl, ui, visit } from './survey';

// A resident who reads Urdu (right to left) or Polish chooses their language with the switcher;
// the interface comes from locales/, the consultation's own words from the translations table.

let app: RunningApp;
let db: Db;
let browser: Browser;

beforeAll(async () => ({ app, db, browser } = await startSuite()));

afterAll(() => stopSuite({ app, db, browser }));

const documentLanguage = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

async function switchLanguage(page: Page, name: string, lang: string, js: boolean): Promise<void> {
  await page.getByRole('navigation', { name: 'Change language' }).getByRole('link', { name }).click();
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
  if (js) await waitForHydration(page);
}

for (const js of [false, true]) {
  describe(`Urdu, JavaScript ${js ? 'on' : 'off'}`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newVisitor(browser, app, { js });
      page = await context.newPage();
    });
    afterAll(() => context?.close());

    it('switches the hub to Urdu, right to left', async () => {
      await visit(page, '/', js);
      await switchLanguage(page, 'اردو', 'ur', js);
      expect(await documentLanguage(page)).toEqual({ lang: 'ur', dir: 'rtl' });
      await page.getByRole('heading', { level: 1, name: ui('ur', 'hub.title'), exact: true }).waitFor();
      expect(await page.getByText(ui('ur', 'hub.intro'), { exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('heading', { name: ui('ur', 'hub.openHeading'), exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: ui('ur', 'hub.apply'), exact: true }).isVisible()).toBe(true);
      const cards = await page.getByRole('article').count();
      expect(await page.getByText(ui('ur', 'hub.showing', { count: cards }), { exact: true }).isVisible()).toBe(true);
      // The switcher names the current language and still offers English, in English.
      const switcher = page.getByRole('navigation', { name: ui('ur', 'language.change') });
      expect(await switcher.getByText('اردو', { exact: true }).getAttribute('aria-current')).toBe('true');
      expect(await switcher.getByRole('link', { name: 'English' }).getAttribute('lang')).toBe('en');
    });

    it('shows the consultation in Urdu and takes a response in Urdu', async () => {
      const slug = SLUGS.oneStockport;
      const title = await translationOf(db, slug, 'title', 'ur');
      await page.getByRole('link', { name: title, exact: true }).click();
      await page.waitForURL(new RegExp(`/consultations/${slug}$`));
      await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      expect(await page.getByText(await translationOf(db, slug, 'summary', 'ur'), { exact: true }).isVisible()).toBe(true);
      expect(await documentLanguage(page)).toEqual({ lang: 'ur', dir: 'rtl' });

      await press(page, page.getByRole('button', { name: ui('ur', 'consultation.start') }), stepUrl(slug, '1'));
      await page.getByText(ui('ur', 'survey:sectionOf', { number: 1, total: 6 }), { exact: true }).waitFor();
      expect(await page.getByRole('group', { name: await questionText(db, 'best_thing', 'ur') }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: ui('ur', 'survey:saveAndBack') }).isVisible()).toBe(true);

      await answerRequiredOnly(page, db, { js, locale: 'ur' });
      expect(await documentLanguage(page)).toEqual({ lang: 'ur', dir: 'rtl' });
      await press(page, page.getByRole('button', { name: ui('ur', 'survey:check.send') }), confirmationUrl(slug));
      await page.getByRole('heading', { level: 1, name: ui('ur', 'survey:confirmation.title') }).waitFor();
      const reference = await shownReference(page);

      expect(await responseByReference(db, reference)).toMatchObject({ locale: 'ur', channel: 'online' });
    });

    it('says a consultation was not found in Urdu', async () => {
      expect((await visit(page, '/consultations/no-such-consultation', js))?.status()).toBe(404);
      expect(await documentLanguage(page)).toEqual({ lang: 'ur', dir: 'rtl' });
      await page.getByRole('heading', { level: 1, name: ui('ur', 'errors.notFoundTitle'), exact: true }).waitFor();
    });

    it('says a page was not found in Urdu, for an address no page has', async () => {
      expect((await visit(page, '/no-such-page', js))?.status()).toBe(404);
      expect(await documentLanguage(page)).toEqual({ lang: 'ur', dir: 'rtl' });
      await page.getByRole('heading', { level: 1, name: ui('ur', 'errors.notFoundTitle'), exact: true }).waitFor({ timeout: 2_000 });
    });
  });
}

describe('Polish', () => {
  it('switches the hub to Polish', async () => {
    const context = await newVisitor(browser, app, { js: true });
    try {
      const page = await context.newPage();
      await visit(page, '/', true);
      await switchLanguage(page, 'Polski', 'pl', true);
      expect(await documentLanguage(page)).toEqual({ lang: 'pl', dir: 'ltr' });
      await page.getByRole('heading', { level: 1, name: ui('pl', 'hub.title'), exact: true }).waitFor();
      expect(await page.getByText(ui('pl', 'hub.intro'), { exact: true }).isVisible()).toBe(true);
      const cards = await page.getByRole('article').count();
      expect(cards).toBeGreaterThan(1);
      expect(await page.getByText(ui('pl', 'hub.showing', { count: cards }), { exact: true }).isVisible()).toBe(true);
      expect(await page.getByLabel(ui('pl', 'hub.theme'), { exact: true }).isVisible()).toBe(true);
      const title = await translationOf(db, SLUGS.oneStockport, 'title', 'pl');
      expect(await page.getByRole('link', { name: title, exact: true }).isVisible()).toBe(true);

      // The choice is remembered on the next page.
      await page.getByRole('link', { name: title, exact: true }).click();
      await page.getByRole('button', { name: ui('pl', 'consultation.start') }).waitFor();
      expect(await documentLanguage(page)).toEqual({ lang: 'pl', dir: 'ltr' });
    } finally {
      await context.close();
    }
  });
});
