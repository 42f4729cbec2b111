import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVisitor, type Suite, startSuite, stopSuite } from './harness';
import { checkUrl, confirmationUrl, optionLabel, press, SLUGS, stepUrl, ui, visit } from './survey';
import { nextButton, youthDoneUrl, youthPath, youthUrl } from './youth';

// What a screen reader user is told as they move through a survey (issue 14): after every step,
// with JavaScript on and off, the keyboard is on the new page's heading (which a screen reader
// reads out, and which the page title repeats) or, when something is wrong, on the error summary.

const slug = SLUGS.oneStockport;
let suite: Suite;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

/** Where the keyboard is, as a screen reader would name it: the page heading, the error summary, or something else. */
async function focusIsOn(page: Page): Promise<string> {
  await page
    .waitForFunction(() => {
      const el = document.activeElement;
      return el?.tagName === 'H1' || el?.classList.contains('error-summary');
    })
    .catch(() => undefined);
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el?.classList.contains('error-summary')) return 'the error summary';
    return `${el?.tagName.toLowerCase()}: ${el?.textContent?.trim()}`;
  });
}

/** The page's heading has the keyboard, and the title (read out on a page change) names it. */
async function expectOnHeading(page: Page): Promise<void> {
  const focus = await focusIsOn(page);
  const heading = (await page.locator('main h1').innerText()).trim();
  expect(focus, page.url()).toBe(`h1: ${heading}`);
  await page.waitForFunction((name) => document.title.includes(name), heading, { timeout: 2000 }).catch(() => undefined);
  expect(await page.title()).toContain(heading);
}

async function expectOnErrorSummary(page: Page): Promise<void> {
  expect(await focusIsOn(page), page.url()).toBe('the error summary');
  expect(await page.title()).toMatch(/^Error:/);
}

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    it('the adult form: each page’s heading, or the error summary when an answer is missing', async () => {
      const context = await newVisitor(suite.browser, suite.app, { js });
      const page = await context.newPage();
      const next = () => page.getByRole('button', { name: ui('en', 'survey:continue'), exact: true });
      const { db } = suite;
      try {
        await visit(page, `/consultations/${slug}/answer/1`, js);
        await next().click();
        await expectOnErrorSummary(page);
        await page.getByLabel(await optionLabel(db, 'best_thing', 'parks_green_spaces', 'en'), { exact: true }).check();
        await press(page, next(), stepUrl(slug, '2'));
        await expectOnHeading(page);
        await page.getByLabel(await optionLabel(db, 'future_important', 'jobs', 'en'), { exact: true }).check();
        await press(page, next(), stepUrl(slug, '3'));
        await expectOnHeading(page);
        await page
          .getByLabel(ui('en', 'survey:rankPositionFirst'), { exact: true })
          .selectOption({ label: await optionLabel(db, 'top_priorities', 'healthy_happy', 'en') });
        for (const step of ['4', 'about-you', 'your-words']) {
          await press(page, next(), stepUrl(slug, step));
          await expectOnHeading(page);
        }
        await press(page, next(), checkUrl(slug));
        await expectOnHeading(page);
        await press(page, page.getByRole('button', { name: ui('en', 'survey:check.send') }), confirmationUrl(slug));
        await expectOnHeading(page);
      } finally {
        await context.close();
      }
    });

    it('the young people’s form: each question’s heading, or the error summary when no age is chosen', async () => {
      const context = await newVisitor(suite.browser, suite.app, { js });
      const page = await context.newPage();
      try {
        await visit(page, youthPath('age'), js);
        await nextButton(page).click();
        await expectOnErrorSummary(page);
        await page.getByRole('radio', { name: ui('en', 'youth:age.16_17'), exact: true }).check();
        await press(page, nextButton(page), youthUrl('1'));
        await expectOnHeading(page);
        // Every question, answered with its first answer, then the last page, then the check page.
        for (let guard = 0; guard < 40 && !youthUrl('check').test(page.url()); guard++) {
          const from = page.url();
          const choice = page.locator('main input[type="radio"], main input[type="checkbox"]').first();
          if ((await choice.count()) > 0 && !youthUrl('more').test(from)) await choice.check();
          else if ((await page.locator('main textarea').count()) > 0) await page.locator('main textarea').first().fill('More places to play.');
          await nextButton(page).click();
          await page.waitForURL((url) => url.toString() !== from);
          await expectOnHeading(page);
        }
        await press(page, page.getByRole('button', { name: ui('en', 'youth:check.send'), exact: true }), youthDoneUrl);
        await expectOnHeading(page);
      } finally {
        await context.close();
      }
    });
  });
}
