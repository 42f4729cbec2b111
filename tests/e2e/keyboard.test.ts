import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newVisitor, startApp, type RunningApp } from './harness';
import { isFocused, SLUGS, visit } from './survey';

// A resident who cannot use a mouse answers with Tab, arrow keys, Space and Enter alone.

const slug = SLUGS.oneStockport;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) return;
  }
  throw new Error(`${limit} presses of Tab never reached ${target.toString()}`);
}

/** The answer a list shows, as a sighted person reads it. */
const shownOption = (select: Locator) => select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newVisitor(browser, app, { js });
      page = await context.newPage();
    });
    afterAll(() => context?.close());

    it('answers the first three sections with the keyboard alone', async () => {
      await visit(page, `/consultations/${slug}/answer/1`, js);

      // Section 1: radios move with the arrow keys, text is typed, Enter sends.
      const best = page.getByRole('group', { name: /best thing about living or working in Stockport/ });
      await tabTo(page, best.getByRole('radio').first());
      await page.keyboard.press('ArrowDown');
      expect(await best.getByLabel('Being part of a community where people support one another').isChecked()).toBe(true);
      const rating = page.getByRole('group', { name: /how proud are you of your local area/ });
      await tabTo(page, rating.getByRole('radio').first());
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      expect(await rating.getByLabel('7', { exact: true }).isChecked()).toBe(true);
      await tabTo(page, page.getByLabel('In a few words, what makes your area special?'));
      await page.keyboard.type('The people');
      await tabTo(page, page.getByRole('button', { name: 'Continue', exact: true }));
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/answer/2$`));
      await page.getByText('Section 2 of 6', { exact: true }).waitFor();

      // Section 2: Space ticks a box.
      const important = page.getByRole('group', { name: /most important to you for the future/ });
      await tabTo(page, important.getByLabel('Good jobs and training'));
      await page.keyboard.press('Space');
      await tabTo(page, important.getByLabel('Safe and friendly communities'));
      await page.keyboard.press('Space');
      expect(await important.getByRole('checkbox', { checked: true }).count()).toBe(2);
      await tabTo(page, page.getByRole('button', { name: 'Continue', exact: true }));
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/answer/3$`));
      await page.getByText('Section 3 of 6', { exact: true }).waitFor();

      // Section 3: the arrow keys move through a list until the wanted answer shows.
      const first = page.getByLabel('Choice 1 (most important)');
      await tabTo(page, first);
      for (let i = 0; i < 5 && (await shownOption(first)) !== 'A healthy and happy Stockport'; i++) {
        await page.keyboard.press('ArrowDown');
      }
      expect(await shownOption(first)).toBe('A healthy and happy Stockport');
      await tabTo(page, page.getByRole('button', { name: 'Continue', exact: true }));
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/answer/4$`));
      await page.getByRole('heading', { level: 1, name: 'How has Covid-19 affected you and your family?' }).waitFor();

      // What was chosen by keyboard is what the check page lists.
      await visit(page, `/consultations/${slug}/check`, js);
      const summary = await page.getByRole('main').innerText();
      for (const answer of [
        'Being part of a community where people support one another',
        'The people',
        'Good jobs and training',
        'Safe and friendly communities',
        '1. A healthy and happy Stockport',
      ]) {
        expect(summary).toContain(answer);
      }
      expect(summary).toMatch(/how proud are you of your local area\?\s+7\s/);
    });

    it('shows "Not chosen" in each list of a section reached with Continue', async () => {
      // A new visitor, with nothing saved yet.
      const fresh = await newVisitor(browser, app, { js });
      try {
        const page = await fresh.newPage();
        await visit(page, `/consultations/${slug}/answer/2`, js);
        await page.getByLabel('Good jobs and training').check();
        await page.getByRole('button', { name: 'Continue', exact: true }).click();
        await page.waitForURL(new RegExp(`/answer/3$`));
        await page.getByText('Section 3 of 6', { exact: true }).waitFor();
        for (const label of ['Choice 1 (most important)', 'Choice 2', 'Choice 3']) {
          expect(await shownOption(page.getByLabel(label, { exact: true })), label).toBe('Not chosen');
        }
      } finally {
        await fresh.close();
      }
    });

    it('skips to the main content from the first Tab', async () => {
      await visit(page, '/', js);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to main content' });
      expect(await isFocused(skip)).toBe(true);
      await page.keyboard.press('Enter');
      expect(await isFocused(page.getByRole('main'))).toBe(true);
    });
  });
}
