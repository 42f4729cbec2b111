import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { newVisitor, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { addAccount, signIn, type Account } from './workspace';

// An officer builds a consultation with every kind of question, is told what is missing, then
// publishes it, and a resident finds it on the hub; with JavaScript on and off.

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  officer = await addAccount(db, 'officer');
});

afterAll(() => stopSuite({ app, db, browser }));

async function officerPage(js: boolean, path: string): Promise<Page> {
  const page = await (await newVisitor(browser, app, { js })).newPage();
  await signIn(page, officer, path);
  if (js) await waitForHydration(page);
  return page;
}

/**
 * Presses a form's button and waits for the server to answer its POST. With JavaScript on, the
 * page is already loaded when the click returns, so without this the next step could leave the
 * page (and cancel the request) before the change was made: it did, on a loaded machine.
 * `posts: false` for a form the browser refuses before sending (JavaScript's own checks).
 */
async function submit(page: Page, js: boolean, button: string, posts = true) {
  const answered = posts ? page.waitForResponse((response) => response.request().method() === 'POST') : undefined;
  await page.getByRole('button', { name: button, exact: true }).click();
  await answered;
  await page.waitForLoadState('load');
  if (js) await waitForHydration(page);
}

async function noViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

const QUESTIONS = [
  { kind: 'Single choice', text: 'Which park do you visit most', options: 'Bruntwood\nWoodbank\nVernon', other: 'Somewhere else' },
  { kind: 'Multiple choice', text: 'What do you do there', options: 'Walk\nPlay\nSport', maxSelections: '2' },
  { kind: 'Yes or no', text: 'Do you feel safe' },
  { kind: 'Agree or disagree (5 points)', text: 'Parks are clean' },
  { kind: 'Rating', text: 'Rate the paths', ratingMax: '10' },
  { kind: 'Ranking', text: 'Rank what matters', options: 'Toilets\nCafes\nLighting', rankCount: '2' },
  { kind: 'Short text', text: 'Your favourite spot' },
  { kind: 'Long text', text: 'Anything else' },
];

for (const js of [true, false]) {
  describe(`building a consultation, JavaScript ${js ? 'on' : 'off'}`, () => {
    const title = `Parks and green spaces ${js ? 'A' : 'B'}`;

    it('creates a draft, is told why it cannot be published, completes it, publishes it, and residents see it', async () => {
      const page = await officerPage(js, '/admin/consultations/new');
      await submit(page, js, 'Create the draft', !js);
      await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Enter a title');
      await page.getByLabel('Summary').fill('Tell us about parks');
      await page.getByLabel('Title').fill(title);
      await submit(page, js, 'Create the draft');
      await page.waitForURL(/\/admin\/consultations\/\d+$/);
      const id = Number(new URL(page.url()).pathname.split('/').pop());
      if (js) await noViolations(page);

      await submit(page, js, 'Publish');
      const refusal = await page.getByRole('alert').first().innerText();
      expect(refusal).toContain('It cannot be published yet');
      expect(refusal).toContain('Add at least one question');
      expect(refusal).toContain('Set a closing date');
      expect(refusal).toContain('Link it to at least one council priority');
      expect((await db.selectFrom('consultations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('draft');

      await page.goto(`/admin/consultations/${id}/questions`);
      await page.getByLabel('Section title').fill('Your parks');
      await submit(page, js, 'Add a section');
      for (const q of QUESTIONS) {
        await page.getByRole('link', { name: 'Add a question to Your parks' }).click();
        await page.waitForURL(/questions\/new/);
        if (js) await waitForHydration(page);
        await page.getByLabel('Kind of question').selectOption({ label: q.kind });
        await page.getByLabel('Question', { exact: true }).fill(q.text);
        if (q.options) await page.getByLabel('Options, one per line').fill(q.options);
        if (q.other) await page.getByLabel('“Other, please specify” option (optional)').fill(q.other);
        if (q.maxSelections) await page.getByLabel('Most options a person may choose').fill(q.maxSelections);
        if (q.ratingMax) await page.getByLabel('Highest rating').fill(q.ratingMax);
        if (q.rankCount) await page.getByLabel('How many options to rank').fill(q.rankCount);
        await submit(page, js, 'Add the question');
        await page.waitForURL(/questions\/\d+/);
        await page.goto(`/admin/consultations/${id}/questions`);
      }
      const stored = await db
        .selectFrom('questions')
        .select(['kind', 'max_selections', 'rating_max', 'rank_count'])
        .where('consultation_id', '=', id)
        .orderBy('position')
        .execute();
      expect(stored.map((q) => q.kind)).toEqual(['single_choice', 'multiple_choice', 'yes_no', 'agree_scale', 'rating', 'ranking', 'short_text', 'long_text']);
      expect(stored[1]?.max_selections).toBe(2);
      expect(stored[4]?.rating_max).toBe(10);
      expect(stored[5]?.rank_count).toBe(2);
      if (js) await noViolations(page);

      await page.goto(`/admin/consultations/${id}/details`);
      if (js) await waitForHydration(page);
      await page.getByLabel('Closes on').fill('2099-06-30');
      await page.getByLabel('Closing time').fill('17:00');
      await page.locator('input[name="priorities"]').first().check();
      if (js) await noViolations(page);
      await submit(page, js, 'Save the details');
      await page.waitForURL(/\/admin\/consultations\/\d+\?done=saved$/);
      expect((await db.selectFrom('consultations').select('closes_at').where('id', '=', id).executeTakeFirstOrThrow()).closes_at).toBe(
        '2099-06-30T16:00:00.000Z',
      );

      await submit(page, js, 'Publish');
      await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Published');
      expect((await db.selectFrom('consultations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('open');

      const resident = await (await newVisitor(browser, app, { js })).newPage();
      await resident.goto('/');
      expect(await resident.locator('#main-content').innerText()).toContain(title);
      await resident.context().close();
      await page.context().close();
    });
  });
}

describe('after people have answered', () => {
  it('offers no delete button, and refuses a forged delete with a clear reason', async () => {
    const consultation = await db.selectFrom('consultations').select('id').where('status', '=', 'open').orderBy('id').executeTakeFirstOrThrow();
    const question = await db.selectFrom('questions').select('id').where('consultation_id', '=', consultation.id).orderBy('id').executeTakeFirstOrThrow();
    const answered = await db.selectFrom('responses').select('id').where('consultation_id', '=', consultation.id).executeTakeFirst();
    expect(answered).toBeDefined();
    const path = `/admin/consultations/${consultation.id}/questions/${question.id}`;
    const page = await officerPage(true, path);
    await noViolations(page);
    expect(await page.getByRole('button', { name: 'Delete the question' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Hide the question' }).count()).toBe(1);
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    const forged = await page.request.post(path, { form: { csrf, intent: 'deleteQuestion' }, maxRedirects: 0 });
    expect(forged.status()).toBe(409);
    expect(await forged.text()).toContain('People have answered this consultation, so its sections, questions and options cannot be deleted');
    expect(await db.selectFrom('questions').select('id').where('id', '=', question.id).executeTakeFirst()).toBeDefined();

    await page.goto('/admin/consultations?lng=ur');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await noViolations(page);
    await page.context().close();
  });
});
