import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { countResponses, newVisitor, responseByReference, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { addAccount, signIn, type Account } from './workspace';
import { expectAccessible } from './axe';
import { expectNoSidewaysScroll } from './narrow';
import { press, shownReference, ui, visit, type Locale } from './survey';
import { choose, nextButton, pageHeading, progressText, YOUTH_SLUG, youthDoneUrl, youthItems, youthLabel, youthPath, youthText, youthUrl } from './youth';

// The young people's version of the One Stockport conversation with routing set on it (here,
// in the test's own database): "Parks" as the best thing asks for their words; "Shops" skips
// straight to the Covid question; "Fair for all" as what matters most ends at an exit page.
// Each young person is asked, counted and stored along their own route, with and without JavaScript.

let app: RunningApp;
let db: Db;
let browser: Browser;
let stepOf: Record<string, string>;
let itemCount: number;
const EXIT_TEXT = 'Thank you for telling us what matters most. That is all we need to ask you.';

const en = (key: string, vars?: Record<string, string | number>) => ui('en', `youth:${key}`, vars);
const checkUrl = youthUrl('check');

async function setRouting(): Promise<void> {
  const { id } = await db.selectFrom('consultations').select('id').where('slug', '=', YOUTH_SLUG).executeTakeFirstOrThrow();
  const itemId = async (key: string) =>
    (await db.selectFrom('youth_items').select('id').where('consultation_id', '=', id).where('key', '=', key).executeTakeFirstOrThrow()).id;
  const showIf = { match: 'all', conditions: [{ question: 'best_thing', options: ['parks'] }] };
  await db
    .updateTable('youth_items')
    .set({ show_if: JSON.stringify(showIf) })
    .where('id', '=', await itemId('proud_words'))
    .execute();
  await db
    .updateTable('youth_options')
    .set({ goes_to: 'covid_connected' })
    .where('youth_item_id', '=', await itemId('best_thing'))
    .where('key', '=', 'shops')
    .execute();
  await db
    .updateTable('youth_options')
    .set({ goes_to: 'exit' })
    .where('youth_item_id', '=', await itemId('matters_most'))
    .where('key', '=', 'fair')
    .execute();
  await db
    .updateTable('youth_items')
    .set({ exit_text: EXIT_TEXT })
    .where('id', '=', await itemId('matters_most'))
    .execute();
  // The app keeps each version's form until the consultation changes.
  await db.updateTable('consultations').set({ updated_at: new Date().toISOString() }).where('id', '=', id).execute();
}

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  const items = await youthItems(db);
  stepOf = Object.fromEntries(items.map((i) => [i.key, i.step]));
  itemCount = items.length;
  await setRouting();
});

afterAll(() => stopSuite({ app, db, browser }));

async function asNewVisitor(js: boolean, use: (page: Page) => Promise<void>, width?: number): Promise<void> {
  const context = await newVisitor(browser, app, { js, width });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await use(page);
  } finally {
    await context.close();
  }
}

const progress = (page: Page, number: number, total: number, locale: Locale = 'en') =>
  page.getByText(progressText(locale, number, total), { exact: true }).waitFor();

/** Presses Next on every page until the check page, each saying "Question n of total"; returns the last question's number. */
async function nextToCheck(page: Page, from: number, total: number): Promise<number> {
  let number = from;
  await progress(page, number, total);
  for (;;) {
    const here = page.url();
    await nextButton(page).click();
    await page.waitForURL((url) => url.href !== here);
    if (checkUrl.test(page.url())) return number;
    if (youthUrl('more').test(page.url())) {
      // The page about where they live (13 and over) is not a question.
      await pageHeading(page, en('more.title')).waitFor();
      await press(page, nextButton(page), checkUrl);
      return number;
    }
    number++;
    await progress(page, number, total);
  }
}

async function notAskedOf(reference: string): Promise<string[]> {
  const response = await responseByReference(db, reference);
  const rows = await db
    .selectFrom('not_asked')
    .innerJoin('questions', 'questions.id', 'not_asked.question_id')
    .select('questions.key')
    .where('not_asked.response_id', '=', response!.id)
    .execute();
  return rows.map((r) => r.key).sort();
}

async function answeredKeys(reference: string): Promise<string[]> {
  const response = await responseByReference(db, reference);
  const rows = await db
    .selectFrom('answers')
    .innerJoin('questions', 'questions.id', 'answers.question_id')
    .select('questions.key')
    .where('answers.response_id', '=', response!.id)
    .execute();
  return [...new Set(rows.map((r) => r.key))].sort();
}

async function send(page: Page): Promise<string> {
  await press(page, page.getByRole('button', { name: en('check.send'), exact: true }), youthDoneUrl);
  return shownReference(page);
}

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    it('two young people take different routes, each counted and stored along their own', async () => {
      const before = await countResponses(db, { slug: YOUTH_SLUG });
      const words = await youthText(db, 'proud_words', 'en');
      const statements = (await youthItems(db)).filter((i) => Number(i.step) > Number(stepOf.covid_connected)).map((i) => i.key);

      // "Parks": asked for their words, and every question; all of them count.
      let parksRef = '';
      await asNewVisitor(js, async (page) => {
        await visit(page, youthPath('age'), js);
        await choose(page, 'radio', en('age.13_15'));
        await press(page, nextButton(page), youthUrl(stepOf.best_thing));
        await choose(page, 'radio', await youthLabel(db, 'best_thing', 'parks', 'en'));
        await press(page, nextButton(page), youthUrl(stepOf.proud_words));
        await pageHeading(page, words).waitFor();
        await progress(page, 3, itemCount + 1);
        await page.getByRole('textbox').fill('The woods by the river');
        expect(await nextToCheck(page, 3, itemCount + 1)).toBe(itemCount + 1);
        await pageHeading(page, en('check.title')).waitFor();
        expect(await page.getByRole('main').innerText()).toContain('The woods by the river');
        parksRef = await send(page);
      });
      // Only the demo's own Covid-19 follow-up: they did not say Covid changed things.
      expect(await notAskedOf(parksRef)).toEqual(['covid_effects']);

      // "Shops": straight on to the Covid question; their words, the future and what matters most are not asked.
      let shopsRef = '';
      await asNewVisitor(js, async (page) => {
        await visit(page, youthPath('age'), js);
        await choose(page, 'radio', en('age.16_17'));
        await press(page, nextButton(page), youthUrl(stepOf.best_thing));
        await choose(page, 'radio', await youthLabel(db, 'best_thing', 'shops', 'en'));
        await press(page, nextButton(page), youthUrl(stepOf.covid_connected));
        await pageHeading(page, await youthText(db, 'covid_connected', 'en')).waitFor();
        const total = 2 + 1 + statements.length;
        await progress(page, 3, total);
        // Back goes back along their route, not to the question they skipped.
        expect(await page.getByRole('link', { name: en('back'), exact: true }).getAttribute('href')).toBe(youthPath(stepOf.best_thing));
        // A skipped question's address leads on along the route.
        await visit(page, youthPath(stepOf.proud_words), js);
        expect(page.url()).toMatch(youthUrl(stepOf.covid_connected));
        expect(await nextToCheck(page, 3, total)).toBe(total);
        await pageHeading(page, en('check.title')).waitFor();
        const main = await page.getByRole('main').innerText();
        expect(main).not.toContain(words);
        expect(main).not.toContain(await youthText(db, 'matters_most', 'en'));
        shopsRef = await send(page);
      });
      expect(await notAskedOf(shopsRef)).toEqual(['covid_effects', 'future_important', 'proud_words', 'top_priorities']);
      expect(await answeredKeys(shopsRef)).not.toContain('proud_words');
      expect(await countResponses(db, { slug: YOUTH_SLUG })).toBe(before + 2);
    });

    it('changing an answer on the check page adds the question it now leads to, and warns before forgetting one', async () => {
      await asNewVisitor(js, async (page) => {
        const words = await youthText(db, 'proud_words', 'en');
        const best = await youthText(db, 'best_thing', 'en');
        await visit(page, youthPath('age'), js);
        await choose(page, 'radio', en('age.11_12'));
        await press(page, nextButton(page), youthUrl(stepOf.best_thing));
        await choose(page, 'radio', await youthLabel(db, 'best_thing', 'shops', 'en'));
        await press(page, nextButton(page), youthUrl(stepOf.covid_connected));
        await visit(page, youthPath('check'), js);
        expect(await page.getByRole('main').innerText()).not.toContain(words);
        expect(await page.getByText(en('check.routeNote'), { exact: true }).isVisible()).toBe(true);

        // Parks now: the words question applies, and is asked before going back to the check page.
        await press(page, page.getByRole('link', { name: en('check.changeLabel', { question: best }) }), youthUrl(stepOf.best_thing));
        await choose(page, 'radio', await youthLabel(db, 'best_thing', 'parks', 'en'));
        await press(page, nextButton(page), youthUrl(stepOf.proud_words));
        await pageHeading(page, words).waitFor();
        await page.getByRole('textbox').fill('Swings in the park');
        await press(page, nextButton(page), checkUrl);
        // With JavaScript the address changes before the page does: wait for the check page itself.
        await pageHeading(page, en('check.title')).waitFor();
        expect(await page.getByRole('main').innerText()).toContain('Swings in the park');

        // Shops again: told first which answer will be forgotten; nothing changes until they say yes.
        await press(page, page.getByRole('link', { name: en('check.changeLabel', { question: best }) }), youthUrl(stepOf.best_thing));
        await choose(page, 'radio', await youthLabel(db, 'best_thing', 'shops', 'en'));
        await nextButton(page).click();
        const warning = page.getByRole('alert').filter({ hasText: en('drop.title') });
        await warning.waitFor();
        expect(await warning.innerText()).toContain(words);
        expect(await page.getByRole('radio', { name: await youthLabel(db, 'best_thing', 'shops', 'en'), exact: true }).isChecked()).toBe(true);
        // axe runs in the page, so only with JavaScript on; the markup is the same without it.
        if (js) await expectAccessible(page);
        await visit(page, youthPath('check'), js);
        expect(await page.getByRole('main').innerText()).toContain('Swings in the park');

        await press(page, page.getByRole('link', { name: en('check.changeLabel', { question: best }) }), youthUrl(stepOf.best_thing));
        await choose(page, 'radio', await youthLabel(db, 'best_thing', 'shops', 'en'));
        await nextButton(page).click();
        await press(page, page.getByRole('button', { name: en('drop.confirm'), exact: true }), checkUrl);
        await pageHeading(page, en('check.title')).waitFor();
        const main = await page.getByRole('main').innerText();
        expect(main).not.toContain(words);
        expect(main).not.toContain('Swings in the park');
        const reference = await send(page);
        expect(await answeredKeys(reference)).not.toContain('proud_words');
        expect(await notAskedOf(reference)).toContain('proud_words');
      });
    });

    it('an answer that ends the form shows the exit page, and the questions after it are not asked', async () => {
      await asNewVisitor(
        js,
        async (page) => {
          await visit(page, youthPath('age'), js);
          await choose(page, 'radio', en('age.under_11'));
          await press(page, nextButton(page), youthUrl(stepOf.best_thing));
          await visit(page, youthPath(stepOf.matters_most), js);
          await pageHeading(page, await youthText(db, 'matters_most', 'en')).waitFor();
          await choose(page, 'radio', await youthLabel(db, 'matters_most', 'fair', 'en'));
          await press(page, nextButton(page), youthUrl('exit'));
          await pageHeading(page, en('exit.title')).waitFor();
          expect(await page.getByText(EXIT_TEXT, { exact: true }).isVisible()).toBe(true);
          await expectNoSidewaysScroll(page);
          // axe runs in the page, so only with JavaScript on; the markup is the same without it.
          if (js) await expectAccessible(page);
          await press(page, page.getByRole('button', { name: en('exit.check'), exact: true }), checkUrl);
          await pageHeading(page, en('check.title')).waitFor();
          expect(await page.getByRole('main').innerText()).not.toContain(await youthText(db, 'covid_connected', 'en'));
          const reference = await send(page);
          const notAsked = await notAskedOf(reference);
          expect(notAsked).toContain('covid_connected');
          expect(notAsked).not.toContain('top_priorities');
          expect(await answeredKeys(reference)).toEqual(['top_priorities']);
        },
        320,
      );
    });
  });
}

it('in Urdu: the warning and the exit page read right to left and pass axe', async () => {
  await asNewVisitor(true, async (page) => {
    const ur = (key: string) => ui('ur', `youth:${key}`);
    await visit(page, `${youthPath('age')}?lng=ur`, true);
    await choose(page, 'radio', ur('age.under_11'));
    await press(page, nextButton(page, 'ur'), youthUrl(stepOf.best_thing));
    await visit(page, youthPath(stepOf.matters_most), true);
    await choose(page, 'radio', await youthLabel(db, 'matters_most', 'fair', 'ur'));
    await press(page, nextButton(page, 'ur'), youthUrl('exit'));
    await pageHeading(page, ur('exit.title')).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible(page);

    await visit(page, youthPath(stepOf.best_thing), true);
    await choose(page, 'radio', await youthLabel(db, 'best_thing', 'parks', 'ur'));
    await press(page, nextButton(page, 'ur'), youthUrl(stepOf.proud_words));
    await page.getByRole('textbox').fill('پارک');
    await press(page, nextButton(page, 'ur'), youthUrl(stepOf.future_important));
    await visit(page, youthPath(stepOf.best_thing), true);
    await choose(page, 'radio', await youthLabel(db, 'best_thing', 'shops', 'ur'));
    await nextButton(page, 'ur').click();
    await page
      .getByRole('alert')
      .filter({ hasText: ur('drop.title') })
      .waitFor();
    await expectAccessible(page);
  });
});

describe('an officer sets who is asked a young people’s question', () => {
  let officer: Account;
  beforeAll(async () => {
    officer = await addAccount(db, 'officer');
  });

  for (const js of [true, false]) {
    it(`is refused with the reason when no one could be asked, and keeps what was ticked (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const { id } = await db.selectFrom('consultations').select('id').where('slug', '=', YOUTH_SLUG).executeTakeFirstOrThrow();
      const item = await db
        .selectFrom('youth_items')
        .select(['id', 'text'])
        .where('consultation_id', '=', id)
        .where('key', '=', 'future_important')
        .executeTakeFirstOrThrow();
      const context = await newVisitor(browser, app, { js, width: 320 });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        await signIn(page, officer, `/admin/consultations/${id}/youth/${item.id}`);
        if (js) await waitForHydration(page);
        const shops = page
          .getByRole('group', { name: await youthText(db, 'best_thing', 'en') })
          .getByRole('checkbox', { name: await youthLabel(db, 'best_thing', 'shops', 'en') });
        await shops.check();
        await page.getByRole('button', { name: ui('en', 'versions:routing.save'), exact: true }).click();
        // "Shops" skips past this question, so a rule asking it only after "Shops" can never be met.
        await page
          .getByText(ui('en', 'versions:routing.neverMet', { target: item.text }), { exact: true })
          .first()
          .waitFor();
        expect(await shops.isChecked()).toBe(true);
        await expectNoSidewaysScroll(page);
        if (js) await expectAccessible(page);
        const stored = await db.selectFrom('youth_items').select('show_if').where('id', '=', item.id).executeTakeFirstOrThrow();
        expect(stored.show_if).toBeNull();
      } finally {
        await context.close();
      }
    });
  }

  it('the preview lists every route and walks one with its answers chosen', async () => {
    const { id } = await db.selectFrom('consultations').select('id').where('slug', '=', YOUTH_SLUG).executeTakeFirstOrThrow();
    const context = await newVisitor(browser, app, { js: false });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await signIn(page, officer, `/admin/consultations/${id}/preview/young/age`);
      const routes = page.getByRole('region', { name: /routes through this form/ });
      const links = routes.getByRole('link', { name: /^Follow route \d+$/ });
      // Parks, shops, anything else; then fair for all (the exit) or not, for those who reach it; then
      // the demo's own Covid-19 follow-up, asked or not.
      expect(await links.count()).toBeGreaterThanOrEqual(3);
      const shopsRoutes = routes.getByRole('listitem').filter({ hasText: await youthLabel(db, 'best_thing', 'shops', 'en') });
      expect(await shopsRoutes.count()).toBe(2);
      await shopsRoutes.first().getByRole('link').click();
      await choose(page, 'radio', en('age.13_15'));
      await page.getByRole('button', { name: en('next'), exact: true }).click();
      await page.waitForURL(new RegExp(`/preview/young/${stepOf.best_thing}\\?`));
      expect(await page.getByRole('radio', { name: await youthLabel(db, 'best_thing', 'shops', 'en'), exact: true }).isChecked()).toBe(true);
      await page.getByRole('button', { name: en('next'), exact: true }).click();
      await page.waitForURL(new RegExp(`/preview/young/${stepOf.covid_connected}\\?`));
      await pageHeading(page, await youthText(db, 'covid_connected', 'en')).waitFor();
    } finally {
      await context.close();
    }
  });
});
