import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { expectAccessible } from './axe';
import { newVisitor, type RunningApp, startSuite, stopSuite } from './harness';
import { expectNoSidewaysScroll } from './narrow';
import { SLUGS, visit } from './survey';

// The demo's published results (the parks consultation) read as a resident would, in English
// and Urdu, with JavaScript off and on: one plain-words section on the base, the interval and
// hidden figures, linked from every figure; each chart with its table on request; themes
// largest first; quotes under their question once; and the results by area committee and ward
// the consultation promised, with small groups hidden. Both pages pass axe, fit a 320 px
// screen and stay under 300 KB.

const SLUG = SLUGS.parks;
const RESULTS = `/consultations/${SLUG}/results`;
const AREAS = `${RESULTS}/areas`;
const HELP = '#reading-the-figures';
let app: RunningApp;
let db: Db;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(() => stopSuite({ app, db, browser }));

async function pageFor(js: boolean, width?: number): Promise<Page> {
  const context = await newVisitor(browser, app, { js, width });
  contexts.push(context);
  return context.newPage();
}

const HEADINGS = { en: 'How to read the figures', ur: 'اعداد و شمار کیسے پڑھیں' } as const;
const SHOW_TABLE = { en: 'Show these figures as a table', ur: 'یہ اعداد و شمار جدول میں دکھائیں' } as const;
const AREAS_LINK = { en: 'Results by area committee and ward', ur: 'ایریا کمیٹی اور وارڈ کے لحاظ سے نتائج' } as const;
const FEWER = { en: 'fewer than 10', ur: '10 سے کم' } as const;

describe('the published results page', () => {
  for (const js of [false, true]) {
    for (const locale of ['en', 'ur'] as const) {
      it(`explains its figures once, links each figure there and shows each table on request (${locale}, JavaScript ${js ? 'on' : 'off'})`, async () => {
        const page = await pageFor(js);
        const response = await visit(page, `${RESULTS}?lng=${locale}`, js);
        expect(response?.status()).toBe(200);
        expect((await response!.body()).length).toBeLessThan(300_000);

        const help = page.getByRole('region', { name: HEADINGS[locale] });
        expect(await help.count()).toBe(1);
        expect(await help.locator('dt').count()).toBe(3);
        // Every figure (each question and each theme) links to the one explanation.
        const figures = page.locator('.results-question');
        const n = await figures.count();
        expect(n).toBeGreaterThan(1);
        for (let i = 0; i < n; i++) expect(await figures.nth(i).locator(`a[href="${HELP}"]`).count(), `figure ${i}`).toBe(1);

        // The chart is shown with a text alternative; its table only when asked for.
        const first = figures.first();
        expect(await first.getByRole('img').first().getAttribute('aria-label')).toBeTruthy();
        const table = first.getByRole('table');
        expect(await table.isVisible()).toBe(false);
        await first.getByText(SHOW_TABLE[locale]).click();
        await expect.poll(() => table.isVisible()).toBe(true);

        // No "Answer to: …" under each quote.
        if (locale === 'en') expect(await page.getByText('Answer to:').count()).toBe(0);
      });
    }
  }

  it('lists the themes largest first, and each theme’s quotes under its question once', async () => {
    const page = await pageFor(false);
    await visit(page, `${RESULTS}?lng=en`, false);
    const theme = page.locator('[data-theme-question]').first();
    const values = await theme.locator('.chart__value').allInnerTexts();
    expect(values.length).toBeGreaterThan(2);
    const shown = values.filter((v) => !v.startsWith('fewer')).map((v) => Number.parseFloat(v.replace(/[^\d.]/g, '')));
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    // Hidden ones come after every shown one.
    const firstHidden = values.findIndex((v) => v.startsWith('fewer'));
    if (firstHidden !== -1) expect(values.slice(firstHidden).every((v) => v.startsWith('fewer'))).toBe(true);
    // The question is the theme's heading, and no quote repeats it.
    const question = await theme.locator('h4').first().innerText();
    expect(await theme.locator('.quote').count()).toBeGreaterThan(0);
    expect(await theme.locator('.quote', { hasText: question }).count()).toBe(0);
  });

  it('fits a 320 px screen in English and Urdu, passes axe, and prints every table', async () => {
    const narrow = await pageFor(false, 320);
    const wide = await pageFor(true);
    for (const locale of ['en', 'ur'] as const) {
      await visit(narrow, `${RESULTS}?lng=${locale}`, false);
      await expectNoSidewaysScroll(narrow);
      await visit(wide, `${RESULTS}?lng=${locale}`, true);
      await wide.getByText(SHOW_TABLE[locale]).first().click();
      await expectAccessible(wide);
    }
    // On paper every figure prints with its table, asked for or not.
    await visit(wide, `${RESULTS}?lng=en`, true);
    await wide.emulateMedia({ media: 'print' });
    const figures = wide.locator('.results-question');
    expect(await figures.last().getByRole('table').isVisible()).toBe(true);
  });
});

describe('the results by area committee and ward', () => {
  for (const locale of ['en', 'ur'] as const) {
    it(`are reached from the results page, with small groups hidden, and pass axe (${locale})`, async () => {
      const page = await pageFor(false);
      await visit(page, `${RESULTS}?lng=${locale}`, false);
      await page.getByRole('link', { name: AREAS_LINK[locale] }).click();
      await page.waitForURL(new RegExp(`${AREAS}$`));
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(AREAS_LINK[locale]);
      // The committee table, then a table of wards for each committee.
      const tables = page.getByRole('table');
      expect(await tables.count()).toBeGreaterThan(3);
      const committees = await tables.first().locator('thead th').allInnerTexts();
      expect(committees.length).toBeGreaterThan(3);
      // Small groups are hidden, in words, never as a number.
      expect(await page.locator('.figure--hidden').count()).toBeGreaterThan(0);
      expect(await page.locator('.figure--hidden').first().innerText()).toBe(FEWER[locale]);
      expect(await page.getByRole('region', { name: HEADINGS[locale] }).count()).toBe(1);

      // Another question, one page each.
      const links = page.getByRole('navigation', { name: locale === 'en' ? 'Pick a question' : 'ایک سوال منتخب کریں' }).getByRole('link');
      expect(await links.count()).toBeGreaterThan(1);
      await links.nth(1).click();
      await page.waitForURL(/\?question=/);
      expect(await links.nth(1).getAttribute('aria-current')).toBe('page');

      const js = await pageFor(true);
      const response = await visit(js, `${AREAS}?lng=${locale}`, true);
      expect((await response!.body()).length).toBeLessThan(300_000);
      await expectAccessible(js);
      const narrow = await pageFor(false, 320);
      await visit(narrow, `${AREAS}?lng=${locale}`, false);
      await expectNoSidewaysScroll(narrow);
    });
  }

  it('is not found for a question it does not have, or results not yet published', async () => {
    const page = await pageFor(false);
    expect((await page.goto(`${AREAS}?question=nope`))?.status()).toBe(404);
    expect((await page.goto(`/consultations/${SLUGS.oneStockport}/results/areas`))?.status()).toBe(404);
  });
});
