import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { createDraft } from '../../app/consultations/builder/consultations.server';
import { addQuestion } from '../../app/consultations/builder/questions.server';
import { addSection } from '../../app/consultations/builder/sections.server';
import { expectAccessible } from './axe';
import { newVisitor, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { expectNoSidewaysScroll } from './narrow';
import { addAccount, signIn, type Account } from './workspace';

// An officer builds routing (issue 17) with plain forms: a question shown only to those who run
// a business, an answer that ends the survey at an exit page, and a refused move that would
// make a rule depend on a later question; with JavaScript on and off.

let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  officer = await addAccount(db, 'officer');
});

afterAll(() => stopSuite({ app, db, browser }));

const actor = { userId: null, label: 'setup' };

async function draft(title: string) {
  const created = await createDraft(db, actor, { title });
  if (!created.ok) throw new Error(created.error);
  const id = created.id;
  const about = await addSection(db, actor, id, { title: 'About you', intro: '' });
  const business = await addSection(db, actor, id, { title: 'Your business', intro: '' });
  const last = await addSection(db, actor, id, { title: 'Last words', intro: '' });
  if (!about.ok || !business.ok || !last.ok) throw new Error('no section');
  const runs = await addQuestion(db, actor, id, { sectionId: about.id, kind: 'yes_no', text: 'Do you run a business?', hint: '', required: true, options: [] });
  const turnover = await addQuestion(db, actor, id, {
    sectionId: business.id,
    kind: 'short_text',
    text: 'What is your turnover?',
    hint: '',
    required: false,
    options: [],
  });
  if (!runs.ok || !turnover.ok) throw new Error('no question');
  return { id, runs: runs.id, turnover: turnover.id, last: last.id };
}

async function officerPage(js: boolean, path: string, width = 1024): Promise<Page> {
  const page = await (await newVisitor(browser, app, { js, width })).newPage();
  await signIn(page, officer, path);
  if (js) await waitForHydration(page);
  return page;
}

async function press(page: Page, js: boolean, button: string) {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: button, exact: true }).click();
  await answered;
  await page.waitForLoadState('load');
  if (js) await waitForHydration(page);
}

for (const js of [false, true]) {
  describe(`routing in the builder, JavaScript ${js ? 'on' : 'off'}`, () => {
    it('builds a rule and an exit route, refuses a rule on a later question, and lists the rules in words', async () => {
      const s = await draft(`Business support ${js ? 'A' : 'B'}`);
      const page = await officerPage(js, `/admin/consultations/${s.id}/questions/${s.turnover}`);
      await expect.poll(() => page.getByRole('heading', { name: 'Show this question only if' }).isVisible()).toBe(true);
      await page.getByLabel('Question it depends on').selectOption({ label: 'Do you run a business?' });
      await Promise.all([page.waitForURL(/when=do_you_run_a_business/), page.getByRole('button', { name: 'Choose its answers' }).click()]);
      await page.waitForLoadState('load');
      if (js) await waitForHydration(page);
      // Adding without an answer is refused and says so.
      await press(page, js, 'Add the condition');
      await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Choose at least one answer');
      await page
        .getByRole('group', { name: /Show it when “Do you run a business\?” is/ })
        .getByLabel('Yes')
        .check();
      await press(page, js, 'Add the condition');
      await expect.poll(() => page.getByText('Shown if: “Do you run a business?” is Yes').isVisible()).toBe(true);
      const stored = await db.selectFrom('questions').select('show_if').where('id', '=', s.turnover).executeTakeFirstOrThrow();
      expect(JSON.parse(stored.show_if!)).toEqual({ match: 'all', conditions: [{ question: 'do_you_run_a_business', options: ['yes'] }] });
      if (js) await expectAccessible(page);

      await page.goto(`/admin/consultations/${s.id}/questions/${s.runs}`);
      if (js) await waitForHydration(page);
      await page.getByLabel('After “No” go to').selectOption({ label: 'The end of the survey (the exit page)' });
      await press(page, js, 'Save where the answers lead');
      await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Enter the words of the exit page');
      expect(await page.getByLabel('After “No” go to').inputValue()).toBe('exit');
      await page.getByLabel('Exit page text').fill('Thank you. These questions are for people who run a business.');
      await press(page, js, 'Save where the answers lead');
      const no = () => db.selectFrom('options').select('goes_to').where('question_id', '=', s.runs).where('key', '=', 'no').executeTakeFirstOrThrow();
      await expect.poll(async () => (await no()).goes_to).toBe('exit');
      await expect.poll(() => page.getByText('Where the answers lead is saved.').isVisible()).toBe(true);
      expect(await page.getByRole('alert').count()).toBe(0);

      // Moving the question the rule uses after the question it shows is refused, in words.
      await page.getByLabel('Section', { exact: true }).selectOption({ label: 'Last words' });
      await press(page, js, 'Save the question');
      const refusal = await page.getByRole('alert').first().innerText();
      expect(refusal).toContain('“What is your turnover?” can’t depend on “Do you run a business?”: only questions in earlier sections can be used');
      expect((await db.selectFrom('questions').select('section_id').where('id', '=', s.runs).executeTakeFirstOrThrow()).section_id).not.toBe(s.last);
      if (js) await expectAccessible(page);

      await page.goto(`/admin/consultations/${s.id}/questions`);
      await expect.poll(() => page.getByText('Shown if: “Do you run a business?” is Yes').isVisible()).toBe(true);
      expect(await page.getByText('“No” ends the survey (exit page)').isVisible()).toBe(true);
      await page.context().close();
    });

    it('reads right to left in Urdu, is accessible and does not scroll sideways at 320 px', async () => {
      const s = await draft(`Narrow ${js ? 'A' : 'B'}`);
      const page = await officerPage(js, `/admin/consultations/${s.id}/questions/${s.turnover}?when=do_you_run_a_business`, 320);
      await expectNoSidewaysScroll(page);
      // axe runs in the page, so it checks with JavaScript on; the markup is the same without.
      if (js) await expectAccessible(page);
      await page.goto(`/admin/consultations/${s.id}/questions/${s.runs}?lng=ur`);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await expectNoSidewaysScroll(page);
      if (js) await expectAccessible(page);
      await page.context().close();
    });
  });
}
