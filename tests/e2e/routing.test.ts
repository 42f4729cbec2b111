import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoutedConsultation, EXIT_TEXT } from '../routed-consultation';
import { expectAccessible } from './axe';
import { newVisitor, type Suite, startSuite, stopSuite } from './harness';
import { expectNoSidewaysScroll } from './narrow';
import { checkUrl, confirmationUrl, press, shownReference, stepUrl, ui, visit } from './survey';
import { addAccount, signIn } from './workspace';

// Surveys that follow the person (issue 17), on the resident form: two people whose answers take
// different routes see different sections and counts, a changed answer on the check page warns
// before it removes answers and then changes the route, an answer can end the survey at an exit
// page, and what is stored says which questions each person was not asked. JavaScript on and off.

const slug = 'routed-e2e';
let suite: Suite;
let consultationId: number;

beforeAll(async () => {
  suite = await startSuite();
  consultationId = await createRoutedConsultation(suite.db, slug);
});
afterAll(() => stopSuite(suite));

const survey = (key: string, vars: Record<string, string | number> = {}) => ui('en', `survey:${key}`, vars);
const continueButton = (page: Page) => page.getByRole('button', { name: survey('continue'), exact: true });
const choose = (page: Page, question: string, label: string) => page.getByRole('group', { name: question }).getByLabel(label, { exact: true }).check();
const caption = (page: Page, number: number, total: number) => page.getByText(survey('sectionOf', { number, total }), { exact: true }).waitFor();

async function storedKeys(reference: string) {
  const db = suite.db;
  const response = await db.selectFrom('responses').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  const keys = (table: 'answers' | 'not_asked') =>
    db
      .selectFrom(table)
      .innerJoin('questions', 'questions.id', `${table}.question_id`)
      .select('questions.key')
      .where(`${table}.response_id`, '=', response.id)
      .execute()
      .then((rows) => [...new Set(rows.map((r) => r.key))].sort());
  return { answered: await keys('answers'), notAsked: await keys('not_asked') };
}

async function send(page: Page) {
  await press(page, page.getByRole('button', { name: survey('check.send') }), confirmationUrl(slug));
  return storedKeys(await shownReference(page));
}

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    it('someone without a business who was not affected by Covid sees 4 pages, and is stored as not asked the rest', async () => {
      const context = await newVisitor(suite.browser, suite.app, { js });
      const page = await context.newPage();
      try {
        await visit(page, `/consultations/${slug}/answer/1`, js);
        await caption(page, 1, 5);
        await choose(page, 'Do you live in Stockport?', survey('yes_no.yes'));
        await choose(page, 'Do you run a business?', survey('yes_no.no'));
        await press(page, continueButton(page), stepUrl(slug, '3'));
        await caption(page, 2, 5);
        await choose(page, 'Were you affected by Covid?', 'Label not_affected');
        await press(page, continueButton(page), stepUrl(slug, '5'));
        await caption(page, 3, 4);
        await page.getByLabel('Anything else?').fill('More buses.');
        await press(page, continueButton(page), stepUrl(slug, 'your-words'));
        await caption(page, 4, 4);
        // A section not on this route is not reachable: its address leads back onto the route.
        await visit(page, `/consultations/${slug}/answer/2`, js);
        expect(page.url()).toMatch(stepUrl(slug, '1'));
        await visit(page, `/consultations/${slug}/check`, js);
        const text = await page.getByRole('main').innerText();
        expect(text).toContain('Were you affected by Covid?');
        for (const notAsked of ['How big is it?', 'How were you affected?', 'Did your business get help?']) expect(text).not.toContain(notAsked);
        expect(await send(page)).toEqual({ answered: ['business', 'covid', 'live', 'views'], notAsked: ['help', 'how', 'size'] });
      } finally {
        await context.close();
      }
    });

    it('someone with a business affected by Covid sees every section; changing the answer on the check page warns, then changes the route', async () => {
      const context = await newVisitor(suite.browser, suite.app, { js });
      const page = await context.newPage();
      try {
        await visit(page, `/consultations/${slug}/answer/1`, js);
        await choose(page, 'Do you live in Stockport?', survey('yes_no.yes'));
        await choose(page, 'Do you run a business?', survey('yes_no.yes'));
        await press(page, continueButton(page), stepUrl(slug, '2'));
        await caption(page, 2, 6);
        await choose(page, 'How big is it?', 'Label small');
        await press(page, continueButton(page), stepUrl(slug, '3'));
        await choose(page, 'Were you affected by Covid?', 'Label affected');
        await press(page, continueButton(page), stepUrl(slug, '4'));
        await caption(page, 4, 6);
        await page.getByLabel('How were you affected?').fill('We closed for months.');
        await choose(page, 'Did your business get help?', survey('yes_no.no'));
        await press(page, continueButton(page), stepUrl(slug, '5'));
        await press(page, continueButton(page), stepUrl(slug, 'your-words'));
        await press(page, continueButton(page), checkUrl(slug));
        await page.getByRole('heading', { level: 1, name: survey('check.title') }).waitFor();
        expect(await page.getByRole('main').innerText()).toContain('How big is it?');

        await page.getByRole('link', { name: survey('check.changeLabel', { question: 'Do you run a business?' }) }).click();
        await page.waitForURL(/\/answer\/1\?return=check/);
        if (js) await page.getByRole('group', { name: 'Do you run a business?' }).waitFor();
        await choose(page, 'Do you run a business?', survey('yes_no.no'));
        await continueButton(page).click();
        await page.getByRole('heading', { level: 1, name: survey('drop.title') }).waitFor();
        const warning = await page.getByRole('main').innerText();
        expect(warning).toContain('How big is it?');
        expect(warning).toContain('Did your business get help?');
        if (js) await expectAccessible(page);

        // "Keep my answer" changes nothing.
        await page.getByRole('link', { name: survey('drop.keep') }).click();
        await page.getByRole('group', { name: 'Do you run a business?' }).waitFor();
        await visit(page, `/consultations/${slug}/check`, js);
        expect(await page.getByRole('main').innerText()).toContain('How big is it?');

        await page.getByRole('link', { name: survey('check.changeLabel', { question: 'Do you run a business?' }) }).click();
        await page.waitForURL(/\/answer\/1\?return=check/);
        if (js) await page.getByRole('group', { name: 'Do you run a business?' }).waitFor();
        await choose(page, 'Do you run a business?', survey('yes_no.no'));
        await continueButton(page).click();
        await page.getByRole('heading', { level: 1, name: survey('drop.title') }).waitFor();
        await press(page, page.getByRole('button', { name: survey('drop.continue') }), checkUrl(slug));
        await page.getByRole('heading', { level: 1, name: survey('check.title') }).waitFor();
        const text = await page.getByRole('main').innerText();
        expect(text).not.toContain('How big is it?');
        expect(text).not.toContain('Did your business get help?');
        // "views" was asked and left blank: no answer, but not "not asked".
        expect(await send(page)).toEqual({ answered: ['business', 'covid', 'how', 'live'], notAsked: ['help', 'size'] });
      } finally {
        await context.close();
      }
    });

    it('an answer that ends the survey leads to its exit page, and nothing can be sent', async () => {
      const context = await newVisitor(suite.browser, suite.app, { js, width: 320 });
      const page = await context.newPage();
      try {
        await visit(page, `/consultations/${slug}/answer/1`, js);
        await choose(page, 'Do you live in Stockport?', survey('yes_no.no'));
        await choose(page, 'Do you run a business?', survey('yes_no.no'));
        await press(page, continueButton(page), stepUrl(slug, 'exit'));
        await page.getByRole('heading', { level: 1, name: survey('exit.title') }).waitFor();
        expect(await page.getByRole('main').innerText()).toContain(EXIT_TEXT);
        await expectNoSidewaysScroll(page);
        if (js) await expectAccessible(page);
        // The check page and the pages after the exit lead back to it.
        await visit(page, `/consultations/${slug}/check`, js);
        expect(page.url()).toMatch(stepUrl(slug, 'exit'));
        await visit(page, `/consultations/${slug}/answer/your-words`, js);
        expect(page.url()).toMatch(stepUrl(slug, 'exit'));
        await visit(page, `/consultations/${slug}/answer/exit?lng=ur`, js);
        await page.getByRole('heading', { level: 1, name: ui('ur', 'survey:exit.title') }).waitFor();
        await expectNoSidewaysScroll(page);
        if (js) await expectAccessible(page);
        // Changing the answer carries on along the route.
        await page.getByRole('link', { name: ui('ur', 'survey:exit.change', { question: 'Do you live in Stockport?' }) }).click();
        await page.waitForURL(stepUrl(slug, '1'));
      } finally {
        await context.close();
      }
    });
  });
}

describe('the preview', () => {
  it('lists every route through the form in words, and starts one with the answers that take it', async () => {
    const context = await newVisitor(suite.browser, suite.app, { js: true });
    const page = await context.newPage();
    try {
      await signIn(page, await addAccount(suite.db, 'officer'), `/admin/consultations/${consultationId}/preview`);
      const routes = page.getByRole('region', { name: 'Every route through the form' }).getByRole('listitem');
      // "No" to living here ends at the exit page; otherwise business yes/no by Covid affected/not.
      await expect.poll(() => routes.count()).toBe(5);
      const texts = await routes.allInnerTexts();
      expect(texts.filter((t) => t.includes('then the exit page of “Do you live in Stockport?”'))).toHaveLength(1);
      const everything = texts.findIndex((t) => t.includes('“Do you run a business?”: Yes') && t.includes('“Were you affected by Covid?”: Label affected'));
      expect(texts[everything]).toContain('sections 1, 2, 3, 4, 5');
      expect(texts.find((t) => t.includes('“Do you run a business?”: No') && t.includes('Label not_affected'))).toContain('sections 1, 3, 5');
      await routes.nth(everything).getByRole('link').click();
      await page.getByRole('group', { name: 'Do you run a business?' }).waitFor();
      // The route's answers are chosen already, so the officer walks that route from here.
      expect(await page.getByRole('group', { name: 'Do you run a business?' }).getByLabel(survey('yes_no.yes'), { exact: true }).isChecked()).toBe(true);
      expect(await page.getByRole('group', { name: 'Do you live in Stockport?' }).getByLabel(survey('yes_no.yes'), { exact: true }).isChecked()).toBe(true);
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });
});
