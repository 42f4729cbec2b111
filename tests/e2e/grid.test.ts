import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { createConsultation } from '../factories';
import { expectAccessible } from './axe';
import { answersOf, newVisitor, responseByReference, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { expectNoSidewaysScroll } from './narrow';
import { checkUrl, confirmationUrl, press, shownReference, stepUrl, ui, visit } from './survey';
import { addAccount, signIn, type Account } from './workspace';

// A grid end to end: an officer builds one without JavaScript (refused, then added, with what
// was typed kept), residents answer it on a 320 px phone, in English and in Urdu, with and without
// JavaScript: one fieldset per statement, nothing scrolling sideways, axe clean (with JavaScript,
// as axe runs in the page), an error on the
// statement left out; check your answers shows the prompt once; each statement is stored, shown
// in the officer's results and exported in a column of its own.

const SLUG = 'grid-parks';
const PROMPT = 'How much do you agree with each of these?';
const STATEMENTS = ['The park is clean', 'The park feels safe', 'There is enough to do'];
const KEYS = ['the_park_is_clean', 'the_park_feels_safe', 'there_is_enough_to_do'];

let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;
let consultationId: number;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  officer = await addAccount(db, 'officer');
  consultationId = await createConsultation(db, {
    slug: SLUG,
    askAboutYou: false,
    sections: [{ key: 'parks', title: 'Your park', questions: [{ key: 'visits', kind: 'yes_no', text: 'Do you visit the park?' }] }],
  });
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(() => stopSuite({ app, db, browser }));

async function visitor(js: boolean, width = 1024): Promise<Page> {
  const context = await newVisitor(browser, app, { js, width });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function officerOn(path: string, js = false): Promise<Page> {
  const page = await visitor(js);
  await signIn(page, officer, path);
  if (js) await waitForHydration(page);
  return page;
}

/** axe runs in the page, so it needs JavaScript: a page built without is checked again with it. */
async function expectAccessibleWithScript(page: Page, js: boolean): Promise<void> {
  if (js) return expectAccessible(page);
  const again = await officerOn(new URL(page.url()).pathname, true);
  await expectAccessible(again);
}

describe('grid questions', () => {
  it('an officer builds a grid without JavaScript: refused with what was typed kept, then added and listed under its prompt', async () => {
    const page = await officerOn(`/admin/consultations/${consultationId}/questions`);
    await page.getByRole('link', { name: 'Add a grid to Your park' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a grid' }).waitFor();
    await expectAccessibleWithScript(page, false);
    await page.getByLabel('Prompt').fill(PROMPT);
    await page.getByLabel('Statements').fill(STATEMENTS[0]!);
    await page.getByRole('button', { name: 'Add the grid' }).click();
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Enter at least 2 statements, one per line');
    expect(await page.getByLabel('Prompt').inputValue()).toBe(PROMPT);
    await page.getByLabel('Statements').fill(STATEMENTS.join('\n'));
    await page.getByLabel('Each statement must be answered').check();
    await page.getByRole('button', { name: 'Add the grid' }).click();
    await page.waitForURL(/\/grids\/\d+\?done=added$/);
    expect(await page.getByRole('status').innerText()).toBe('The grid is added.');
    expect(await page.getByLabel('Statement 2').inputValue()).toBe(STATEMENTS[1]);
    await expectAccessibleWithScript(page, false);

    // Moving a statement keeps the others' words as typed.
    await page.getByLabel('Statement 1').fill('The park is clean ');
    await page.getByRole('button', { name: `Move down “${STATEMENTS[0]}”` }).click();
    await page.waitForURL(/done=saved$/);
    expect([await page.getByLabel('Statement 1').inputValue(), await page.getByLabel('Statement 2').inputValue()]).toEqual([STATEMENTS[1], STATEMENTS[0]]);
    await page.getByRole('button', { name: `Move up “${STATEMENTS[0]}”` }).click();
    await page.waitForURL(/done=saved$/);

    await page.goto(`/admin/consultations/${consultationId}/questions`);
    const grid = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: PROMPT }) });
    expect(await grid.getByRole('link').allInnerTexts()).toEqual([PROMPT, ...STATEMENTS]);

    const stored = await db
      .selectFrom('questions')
      .select(['key', 'kind', 'required'])
      .where('consultation_id', '=', consultationId)
      .where('grid_id', 'is not', null)
      .orderBy('position')
      .execute();
    expect(stored).toEqual(KEYS.map((key) => ({ key, kind: 'agree_scale', required: 1 })));
  });

  for (const { js, locale } of [
    { js: false, locale: 'en' as const },
    { js: true, locale: 'en' as const },
    { js: true, locale: 'ur' as const },
  ]) {
    it(`a resident answers it on a 320 px phone in ${locale === 'en' ? 'English' : 'Urdu'}, JavaScript ${js ? 'on' : 'off'}`, async () => {
      const page = await visitor(js, 320);
      await visit(page, `/consultations/${SLUG}/answer/1?lng=${locale}`, js);
      await page.getByRole('heading', { level: 2, name: PROMPT }).waitFor();
      // One fieldset per statement, each its own group of radios: no table.
      expect(await page.locator('table').count()).toBe(0);
      for (const text of STATEMENTS) expect(await page.getByRole('group', { name: text }).getByRole('radio').count()).toBe(5);
      await expectNoSidewaysScroll(page);
      if (js) await expectAccessible(page);

      const agree = ui(locale, 'survey:agree_scale.agree');
      const disagree = ui(locale, 'survey:agree_scale.disagree');
      await page.getByRole('group', { name: STATEMENTS[0] }).getByLabel(agree, { exact: true }).check();
      await page.getByRole('group', { name: STATEMENTS[2] }).getByLabel(disagree, { exact: true }).check();
      const next = page.getByRole('button', { name: ui(locale, 'survey:continue'), exact: true });
      await next.click();
      // The statement left out is the one in error, its answers kept.
      await expect.poll(() => page.getByRole('group', { name: STATEMENTS[1] }).locator('.error-message').count()).toBe(1);
      expect(await page.getByRole('group', { name: STATEMENTS[0] }).getByLabel(agree, { exact: true }).isChecked()).toBe(true);
      await expectNoSidewaysScroll(page);
      if (js) await expectAccessible(page);
      await page.getByRole('group', { name: STATEMENTS[1] }).getByLabel(agree, { exact: true }).check();
      await press(page, next, stepUrl(SLUG, 'your-words'));
      await page.getByRole('heading', { level: 1, name: ui(locale, 'survey:words.title') }).waitFor();
      await press(page, page.getByRole('button', { name: ui(locale, 'survey:continue'), exact: true }), checkUrl(SLUG));

      // Check your answers: the prompt once, each statement with its answer.
      // With JavaScript, Remix changes the URL before it renders the page: wait for its heading.
      await page.getByRole('heading', { level: 1, name: ui(locale, 'survey:check.title') }).waitFor();
      const check = page.getByRole('main');
      expect(await check.getByRole('heading', { name: PROMPT }).count()).toBe(1);
      const answers = await check
        .locator('.check-grid .summary-list__row')
        .evaluateAll((rows) => rows.map((r) => [r.querySelector('dt')?.textContent?.trim(), r.querySelector('.summary-list__value')?.textContent?.trim()]));
      expect(answers).toEqual([
        [STATEMENTS[0], agree],
        [STATEMENTS[1], agree],
        [STATEMENTS[2], disagree],
      ]);
      await expectNoSidewaysScroll(page);
      if (js) await expectAccessible(page);
      await press(page, page.getByRole('button', { name: ui(locale, 'survey:check.send'), exact: true }), confirmationUrl(SLUG));
      const reference = await shownReference(page);
      const response = await responseByReference(db, reference);
      const stored = (await answersOf(db, response!.id)).filter((a) => KEYS.includes(a.question));
      expect(stored.map((a) => [a.question, a.option])).toEqual([
        [KEYS[0], 'agree'],
        [KEYS[1], 'agree'],
        [KEYS[2], 'disagree'],
      ]);
    });
  }

  it('the officer’s results show each statement, and the responses export has a column for each', async () => {
    // Nine more on paper, so the figures pass the threshold of 10: each statement answered on its own.
    const questions = await db.selectFrom('questions').select(['id', 'key']).where('key', 'in', KEYS).where('consultation_id', '=', consultationId).execute();
    const optionOf = async (key: string, option: string) =>
      (
        await db
          .selectFrom('options')
          .select('id')
          .where('question_id', '=', questions.find((q) => q.key === key)!.id)
          .where('key', '=', option)
          .executeTakeFirstOrThrow()
      ).id;
    for (let n = 1; n <= 9; n++) {
      const { id } = await db
        .insertInto('responses')
        .values({
          consultation_id: consultationId,
          reference: `HRD-GRID-00${n}`,
          idempotency_key: `grid-paper-${n}`,
          channel: 'paper',
          respondent_group: 'resident',
          locale: 'en',
          submitted_at: '2026-11-01T10:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('answers')
        .values([
          { response_id: id, question_id: questions.find((q) => q.key === KEYS[0])!.id, option_id: await optionOf(KEYS[0]!, 'strongly_agree') },
          { response_id: id, question_id: questions.find((q) => q.key === KEYS[2])!.id, option_id: await optionOf(KEYS[2]!, 'neither') },
        ])
        .execute();
    }
    const page = await officerOn(`/admin/consultations/${consultationId}/results`);
    const main = page.getByRole('main');
    for (const text of STATEMENTS) await main.getByRole('heading', { name: text }).first().waitFor();

    const csv = await page.request.get(`/admin/consultations/${consultationId}/export/responses.csv`);
    expect(csv.status()).toBe(200);
    const [header, ...rows] = parse((await csv.text()).replace(/^\uFEFF/, '')) as string[][];
    for (const key of KEYS) expect(header).toContain(key);
    const count = (key: string) => {
      const counts: Record<string, number> = {};
      for (const r of rows) counts[r[header!.indexOf(key)]!] = (counts[r[header!.indexOf(key)]!] ?? 0) + 1;
      return counts;
    };
    expect(rows).toHaveLength(12);
    expect(count(KEYS[0]!)).toEqual({ agree: 3, strongly_agree: 9 });
    expect(count(KEYS[1]!)).toEqual({ agree: 3, '': 9 });
    expect(count(KEYS[2]!)).toEqual({ disagree: 3, neither: 9 });
  });
});
