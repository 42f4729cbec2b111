import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { newVisitor, type RunningApp, startSuite, stopSuite } from './harness';
import { SLUGS, ui } from './survey';
import { addAccount, signIn } from './workspace';

// Issue 14's findings on the hub: the "Apply filters" button was the panel's own grey (about
// 2.8:1 by its shadow alone), "No closed consultations match these filters" showed with no filter
// set, and the results filter listed the young people's age bands last and out of order.

let app: RunningApp;
let db: Db;
let browser: Browser;
let context: BrowserContext;
let page: Page;

// The page cache off: a test changes a consultation's status behind the app's back.
beforeAll(async () => {
  ({ app, db, browser } = await startSuite({ env: { PAGE_CACHE_SECONDS: '0' } }));
  context = await newVisitor(browser, app, { js: false });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await stopSuite({ app, db, browser });
});

/** WCAG 2.2's contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('the hub', () => {
  it('“Apply filters” stands out from its panel (3:1) and its words from the button (4.5:1)', async () => {
    await page.goto('/');
    const button = page.getByRole('button', { name: ui('en', 'hub.apply'), exact: true });
    const colours = await button.evaluate((element) => {
      const panel = element.closest('form')!;
      const style = getComputedStyle(element);
      return { button: style.backgroundColor, text: style.color, panel: getComputedStyle(panel).backgroundColor };
    });
    expect(contrast(colours.button, colours.panel)).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.text, colours.button)).toBeGreaterThanOrEqual(4.5);
  });

  it('says there are no closed consultations yet when none is closed, and mentions filters only when one is set', async () => {
    const closed = await db.selectFrom('consultations').select('id').where('slug', '=', SLUGS.covid).executeTakeFirstOrThrow();
    await db.updateTable('consultations').set({ status: 'results_published' }).where('id', '=', closed.id).execute();
    try {
      await page.goto('/');
      const section = page.getByRole('region', { name: ui('en', 'hub.closedHeading') });
      expect(await section.getByText(ui('en', 'hub.noneClosedYet'), { exact: true }).isVisible()).toBe(true);
      expect(await page.getByText(ui('en', 'hub.noneClosed')).count()).toBe(0);
      expect(await page.getByText(/match(ing)? these filters/).count()).toBe(0);

      const { key: theme } = await db.selectFrom('themes').select('key').orderBy('id').executeTakeFirstOrThrow();
      await page.goto(`/?theme=${theme}`);
      expect(await section.getByText(ui('en', 'hub.noneClosed'), { exact: true }).isVisible()).toBe(true);
    } finally {
      await db.updateTable('consultations').set({ status: 'closed' }).where('id', '=', closed.id).execute();
    }
  });

  it('says so in Polish and Urdu too', async () => {
    await db.updateTable('consultations').set({ status: 'results_published' }).where('slug', '=', SLUGS.covid).execute();
    try {
      for (const locale of ['pl', 'ur'] as const) {
        await page.goto(`/?lng=${locale}`);
        expect(await page.getByText(ui(locale, 'hub.noneClosedYet'), { exact: true }).isVisible()).toBe(true);
      }
    } finally {
      await page.goto('/?lng=en');
      await db.updateTable('consultations').set({ status: 'closed' }).where('slug', '=', SLUGS.covid).execute();
    }
  });
});

describe('the results filter', () => {
  it('lists the age bands youngest first, the young people’s among them', async () => {
    const officer = await context.newPage();
    await signIn(officer, await addAccount(db, 'officer'));
    const { id } = await db.selectFrom('consultations').select('id').where('slug', '=', SLUGS.oneStockport).executeTakeFirstOrThrow();
    await officer.goto(`/admin/consultations/${id}/results`);
    const listed = await officer.locator('input[type="checkbox"][name="ageBand"]').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    const AGE_ORDER = ['under_11', 'under_16', '11_12', '13_15', '16_17', '18_24', '25_34', '35_44', '45_54', '55_64', '65_74', '75_84', '85_plus'];
    const bands = listed.filter((value) => AGE_ORDER.includes(value));
    expect(bands).toEqual(expect.arrayContaining(['under_11', '11_12', '13_15', '25_34']));
    expect(bands).toEqual(AGE_ORDER.filter((band) => bands.includes(band)));
    await officer.close();
  });
});
