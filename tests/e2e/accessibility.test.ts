import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { launchBrowser, newVisitor, openDb, ROOT, startApp, type RunningApp } from './harness';
import { answerRequiredOnly, confirmationUrl, press, SLUGS, ui, visit, type Locale } from './survey';

// Every public page passes axe's WCAG 2.2 AA rules in English and in Urdu (right to left), and
// fits a 320 px wide screen without scrolling sideways (WCAG 1.4.10 Reflow).

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = join(ROOT, 'test-results');
const LOCALES: Locale[] = ['en', 'ur'];

let app: RunningApp;
let db: Db;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  db = openDb(app.databasePath);
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await db?.destroy();
  await app?.stop();
});

/** axe's violations on the page as it is now, one line per rule with the elements that break it. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')} [${page.url()}]`,
  );
}

async function expectAccessible(page: Page): Promise<void> {
  const found = await violations(page);
  if (found.length) console.log(`axe violations on ${page.url()}:\n  ${found.join('\n  ')}`);
  expect(found).toEqual([]);
}

async function openInLanguage(locale: Locale, width?: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newVisitor(browser, app, { js: true, width });
  const page = await context.newPage();
  // Choosing a language once is remembered (a cookie), as it is for a resident.
  await visit(page, `/?lng=${locale}`, true);
  return { context, page };
}

for (const locale of LOCALES) {
  describe(`axe, ${locale === 'en' ? 'English' : 'Urdu'}`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await openInLanguage(locale));
    });
    afterAll(() => context?.close());

    it('the hub', async () => {
      await visit(page, '/', true);
      await expectAccessible(page);
    });

    it('the hub with filters applied', async () => {
      await visit(page, '/', true);
      await page.getByLabel(ui(locale, 'hub.theme'), { exact: true }).selectOption('one_home');
      await press(page, page.getByRole('button', { name: ui(locale, 'hub.apply') }), /[?&]theme=one_home/);
      await page.getByRole('link', { name: ui(locale, 'hub.clear') }).waitFor();
      await expectAccessible(page);
    });

    for (const slug of [SLUGS.oneStockport, SLUGS.covid, SLUGS.parks]) {
      it(`the consultation page of ${slug}`, async () => {
        expect((await visit(page, `/consultations/${slug}`, true))?.status()).toBe(200);
        await expectAccessible(page);
      });
    }

    for (const step of ['1', '2', '3', '4', 'about-you', 'your-words']) {
      it(`survey step ${step} of the One Stockport conversation`, async () => {
        expect((await visit(page, `/consultations/${SLUGS.oneStockport}/answer/${step}`, true))?.status()).toBe(200);
        await expectAccessible(page);
      });
    }

    it('a survey step showing problems', async () => {
      await visit(page, `/consultations/${SLUGS.oneStockport}/answer/2`, true);
      await page.getByRole('button', { name: ui(locale, 'survey:continue'), exact: true }).click();
      await page.getByRole('alert').getByRole('heading', { name: ui(locale, 'survey:errorSummary') }).waitFor();
      await expectAccessible(page);
    });

    it('the check page and the confirmation page', async () => {
      await answerRequiredOnly(page, db, { js: true, locale });
      await expectAccessible(page);
      await press(page, page.getByRole('button', { name: ui(locale, 'survey:check.send') }), confirmationUrl(SLUGS.oneStockport));
      await page.getByRole('heading', { level: 1, name: ui(locale, 'survey:confirmation.title') }).waitFor();
      await expectAccessible(page);
    });

    it('the privacy notice', async () => {
      await visit(page, '/privacy', true);
      await expectAccessible(page);
    });

    it('a page not found, for a consultation that does not exist', async () => {
      expect((await visit(page, '/consultations/no-such-consultation', true))?.status()).toBe(404);
      await expectAccessible(page);
    });

    it('a page not found, for an address no page has', async () => {
      expect((await visit(page, '/no-such-page', true))?.status()).toBe(404);
      await expectAccessible(page);
    });

    it('a consultation that has closed (410)', async () => {
      expect((await visit(page, `/consultations/${SLUGS.covid}/answer/1`, true))?.status()).toBe(410);
      await expectAccessible(page);
    });
  });
}

for (const locale of LOCALES) {
  describe(`320 px wide, ${locale === 'en' ? 'English' : 'Urdu'}`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await openInLanguage(locale, 320));
    });
    afterAll(() => context?.close());

    async function expectNoSidewaysScrolling(name: string): Promise<void> {
      await page.screenshot({ path: join(SCREENSHOTS, `reflow-320-${locale}-${name}.png`), fullPage: true });
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, `${name} is ${scrollWidth} px wide in a ${clientWidth} px window`).toBeLessThanOrEqual(clientWidth);
    }

    it('the hub', async () => {
      await visit(page, '/', true);
      await expectNoSidewaysScrolling('hub');
    });

    it('a consultation page', async () => {
      await visit(page, `/consultations/${SLUGS.oneStockport}`, true);
      await expectNoSidewaysScrolling('consultation');
    });

    it('survey steps', async () => {
      await visit(page, `/consultations/${SLUGS.oneStockport}/answer/3`, true);
      await expectNoSidewaysScrolling('step-3-ranking');
      await visit(page, `/consultations/${SLUGS.oneStockport}/answer/about-you`, true);
      await expectNoSidewaysScrolling('step-about-you');
    });

    it('the check page', async () => {
      await answerRequiredOnly(page, db, { js: true, locale });
      await expectNoSidewaysScrolling('check');
    });
  });
}
