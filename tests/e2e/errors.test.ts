import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { countResponses, newVisitor, type RunningApp, startSuite, stopSuite } from './harness';
import { descriptionOf, isFocused, SLUGS, visit } from './survey';

// What a resident sees when an answer is missing or too long, with and without JavaScript,
// and what the server does with a form it never offered.

let app: RunningApp;
let db: Db;
let browser: Browser;

beforeAll(async () => ({ app, db, browser } = await startSuite()));

afterAll(() => stopSuite({ app, db, browser }));

const climateActions = `/consultations/${SLUGS.climate}/answer/2`;
const firstActions = 'Which of these should the council and its partners do first?';
const ideasLabel = 'Do you have any other ideas for a greener Stockport?';
const tooLong = 'Plant fruit trees along every school route in the borough. '.repeat(18); // 1,062 characters
const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true });

/** Presses Continue and returns the status of the page that came back, or null when nothing was sent. */
async function sendExpectingProblems(page: Page, js: boolean): Promise<number | null> {
  const posts: string[] = [];
  const onRequest = (request: { method(): string; url(): string }) => {
    if (request.method() === 'POST') posts.push(request.url());
  };
  page.on('request', onRequest);
  const urlBefore = page.url();
  try {
    if (js) {
      await continueButton(page).click();
      await page.getByRole('alert').getByRole('heading', { name: 'There is a problem' }).waitFor();
      // Checked in the browser: no request left it and the page did not change.
      expect(posts).toEqual([]);
      expect(page.url()).toBe(urlBefore);
      return null;
    }
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
      continueButton(page).click(),
    ]);
    await page.waitForLoadState();
    return response.status();
  } finally {
    page.off('request', onRequest);
  }
}

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newVisitor(browser, app, { js });
      page = await context.newPage();
    });
    afterAll(() => context?.close());

    it('lists a missing answer and a too-long answer, at the top and by each question, keeping what was typed', async () => {
      await visit(page, climateActions, js);
      await page
        .getByRole('group', { name: /Have you made changes at home/ })
        .getByLabel('Yes', { exact: true })
        .check();
      await page.getByLabel(ideasLabel).fill(tooLong);

      const status = await sendExpectingProblems(page, js);
      if (!js) expect(status).toBe(400);

      const summary = page.getByRole('alert');
      await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
      expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Select at least one answer', 'Your answer must be 1000 characters or fewer']);
      // The summary comes first in the main content, before the page's heading.
      const firstInMain = await page.getByRole('main').evaluate((main) => main.querySelector('h1, h2')?.textContent);
      expect(firstInMain).toBe('There is a problem');

      // Each message is also beside its question, and read out with it.
      const actions = page.getByRole('group', { name: firstActions });
      expect(await actions.getByText('Select at least one answer').isVisible()).toBe(true);
      expect(await descriptionOf(actions)).toContain('Error: Select at least one answer');
      const ideas = page.getByLabel(ideasLabel);
      expect(await descriptionOf(ideas)).toContain('Error: Your answer must be 1000 characters or fewer');
      expect(await page.getByText('Error: Your answer must be 1000 characters or fewer').isVisible()).toBe(true);

      // Nothing typed or chosen is lost.
      expect(await ideas.inputValue()).toBe(tooLong);
      expect(
        await page
          .getByRole('group', { name: /Have you made changes at home/ })
          .getByLabel('Yes', { exact: true })
          .isChecked(),
      ).toBe(true);
    });

    it('names the page "Error: …" so that screen readers announce the problem first', async () => {
      // Continues from the page with problems left by the previous test.
      expect(await page.title()).toMatch(/^Error: What should we do first\? – /);
    });

    it('moves the keyboard to the question when a problem in the summary is followed', async () => {
      await page.getByRole('alert').getByRole('link', { name: 'Your answer must be 1000 characters or fewer' }).click();
      expect(await isFocused(page.getByLabel(ideasLabel))).toBe(true);
      await page.getByRole('alert').getByRole('link', { name: 'Select at least one answer' }).click();
      expect(await isFocused(page.getByRole('group', { name: firstActions }).getByLabel('Plant more trees'))).toBe(true);
    });

    it('keeps the keyboard in a field while correcting it', async () => {
      const ideas = page.getByLabel(ideasLabel);
      await ideas.click();
      await ideas.press('Control+End');
      await page.keyboard.type(' Thanks');
      expect(await isFocused(ideas)).toBe(true);
      expect(await ideas.inputValue()).toBe(`${tooLong} Thanks`);
    });

    it('keeps every box ticked, and the "Other" text, when too many are chosen', async () => {
      await visit(page, `/consultations/${SLUGS.oneStockport}/answer/2`, js);
      const important = page.getByRole('group', { name: /most important to you for the future of Stockport/ });
      const ticked = ['Good jobs and training', 'Affordable, good quality homes', 'A lively town centre', 'Other, please specify'];
      for (const label of ticked) await important.getByLabel(label).check();
      await important.getByLabel('Please tell us what').fill('A swimming pool in Reddish');

      const status = await sendExpectingProblems(page, js);
      if (!js) expect(status).toBe(400);

      await page.getByRole('alert').getByRole('link', { name: 'Select no more than 3 answers' }).waitFor();
      expect(await descriptionOf(important)).toContain('Error: Select no more than 3 answers');
      for (const label of ticked) expect(await important.getByLabel(label).isChecked(), label).toBe(true);
      expect(await important.getByLabel('Access to good quality health services').isChecked()).toBe(false);
      expect(await important.getByLabel('Please tell us what').inputValue()).toBe('A swimming pool in Reddish');
    });

    it(js ? 'counts the characters left as the resident types' : 'states the limit of a long answer', async () => {
      await visit(page, climateActions, js);
      const ideas = page.getByLabel(ideasLabel);
      expect(await descriptionOf(ideas)).toContain('You can enter up to 1000 characters');
      if (!js) return;
      await ideas.pressSequentially('Trees');
      await page.getByText('You have 995 characters remaining').waitFor();
      expect(await descriptionOf(ideas)).toContain('You have 995 characters remaining');
      await ideas.fill('x'.repeat(999));
      await page.getByText('You have 1 character remaining', { exact: true }).waitFor();
      await ideas.pressSequentially('yz');
      await page.getByText('You have 1 character too many', { exact: true }).waitFor();
      await ideas.fill(tooLong);
      await page.getByText(`You have ${tooLong.length - 1000} characters too many`).waitFor();
    });
  });
}

describe('a tampered form', () => {
  const checkUrl = () => `${app.url}/consultations/${SLUGS.oneStockport}/check`;
  const answers = (idempotencyKey: string) =>
    new URLSearchParams([
      ['q-best_thing', 'parks_green_spaces'],
      ['q-future_important', 'jobs'],
      ['q-top_priorities[0]', 'healthy_happy'],
      ['idempotencyKey', idempotencyKey],
    ]);

  it('is refused with 400 when it answers a question that was never asked, and nothing is stored', async () => {
    const before = await countResponses(db);
    const idempotencyKey = randomUUID();
    const body = answers(idempotencyKey);
    body.append('q-hacked', 'yes');
    const response = await fetch(checkUrl(), { method: 'POST', body, redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The form contained answers to questions we did not ask');
    expect(await countResponses(db, { idempotencyKey })).toBe(0);
    expect(await countResponses(db)).toBe(before);
  });

  it('is accepted without the extra field, so the refusal was for that field alone', async () => {
    const idempotencyKey = randomUUID();
    const response = await fetch(checkUrl(), { method: 'POST', body: answers(idempotencyKey), redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/\/confirmation\/HRD-/);
    expect(await countResponses(db, { idempotencyKey })).toBe(1);
  });
});
