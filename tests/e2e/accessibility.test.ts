import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { newVisitor, ROOT, type RunningApp, startSuite, stopSuite } from './harness';
import { answerRequiredOnly, confirmationUrl, press, SLUGS, ui, visit, type Locale } from './survey';
import { choose, nextButton, pageHeading, youthDoneUrl, youthItems, youthLabel, youthPath, youthUrl } from './youth';

// Every public page passes axe's WCAG 2.2 AA rules in English and in Urdu (right to left), and
// fits a 320 px wide screen without scrolling sideways (WCAG 1.4.10 Reflow).

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = join(ROOT, 'test-results');
const LOCALES: Locale[] = ['en', 'ur'];

let app: RunningApp;
let db: Db;
let browser: Browser;
/** The young people's version's page for each of its questions ("1", "2"...), by the question's key. */
let youthStep: Record<string, string>;

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  youthStep = Object.fromEntries((await youthItems(db)).map((item) => [item.key, item.step]));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(() => stopSuite({ app, db, browser }));

/** axe's violations on the page as it is now, one line per rule with the elements that break it. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')} [${page.url()}]`);
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
      await page
        .getByRole('alert')
        .getByRole('heading', { name: ui(locale, 'survey:errorSummary') })
        .waitFor();
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
  describe(`axe, the young people's version, ${locale === 'en' ? 'English' : 'Urdu'}`, () => {
    let context: BrowserContext;
    let page: Page;
    const young = (key: string) => ui(locale, `youth:${key}`);

    beforeAll(async () => {
      ({ context, page } = await openInLanguage(locale));
    });
    afterAll(() => context?.close());

    it('the intro', async () => {
      expect((await visit(page, youthPath(), true))?.status()).toBe(200);
      await expectAccessible(page);
    });

    it('the age page', async () => {
      expect((await visit(page, youthPath('age'), true))?.status()).toBe(200);
      await expectAccessible(page);
    });

    it('the age page showing a problem', async () => {
      // Continues from the age page, with no age chosen yet.
      await nextButton(page, locale).click();
      await page
        .getByRole('alert')
        .getByRole('heading', { name: young('errorSummary') })
        .waitFor();
      await expectAccessible(page);
    });

    it('a page of faces, one chosen', async () => {
      expect((await visit(page, youthPath(youthStep.covid_connected), true))?.status()).toBe(200);
      await choose(page, 'radio', await youthLabel(db, 'covid_connected', 'agree', locale));
      await expectAccessible(page);
    });

    it('a page of choices with pictures, two chosen', async () => {
      expect((await visit(page, youthPath(youthStep.future_important), true))?.status()).toBe(200);
      await choose(page, 'checkbox', await youthLabel(db, 'future_important', 'parks', locale));
      await choose(page, 'checkbox', await youthLabel(db, 'future_important', 'buses', locale));
      await expectAccessible(page);
    });

    it('"A bit more about you", as a 16 year old', async () => {
      await visit(page, youthPath('age'), true);
      await choose(page, 'radio', young('age.16_17'));
      await press(page, nextButton(page, locale), youthUrl('1'));
      expect((await visit(page, youthPath('more'), true))?.status()).toBe(200);
      await pageHeading(page, young('more.title')).waitFor();
      await expectAccessible(page);
    });

    it('the check page and the thank-you page', async () => {
      expect((await visit(page, youthPath('check'), true))?.status()).toBe(200);
      await pageHeading(page, young('check.title')).waitFor();
      await expectAccessible(page);
      await press(page, page.getByRole('button', { name: young('check.send') }), youthDoneUrl);
      await pageHeading(page, young('done.title')).waitFor();
      await expectAccessible(page);
    });

    it('the privacy notice for young people', async () => {
      expect((await visit(page, '/privacy/young', true))?.status()).toBe(200);
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

    it("the young people's age page", async () => {
      await visit(page, youthPath('age'), true);
      await expectNoSidewaysScrolling('young-age');
      await choose(page, 'radio', ui(locale, 'youth:age.11_12'));
      await press(page, nextButton(page, locale), youthUrl('1'));
    });

    it("a young people's page of faces", async () => {
      await visit(page, youthPath(youthStep.yp_happy), true);
      await choose(page, 'radio', await youthLabel(db, 'yp_happy', 'strongly_agree', locale));
      await expectNoSidewaysScrolling('young-faces');
      await press(page, nextButton(page, locale), youthUrl(String(Number(youthStep.yp_happy) + 1)));
    });

    it("the young people's check page", async () => {
      await visit(page, youthPath('check'), true);
      await pageHeading(page, ui(locale, 'youth:check.title')).waitFor();
      await expectNoSidewaysScrolling('young-check');
    });
  });
}
