import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { newVisitor, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { press, visit } from './survey';
import { addAccount, signIn, type Account } from './workspace';

// Issue 5's story from end to end, on the demo One Stockport conversation: an officer opens
// what we heard, filters to young people and reads the figures, codes ten answers one by one,
// sees the theme counts on the results page change, picks a quote for the theme, and sees it
// credited. Once with JavaScript and once without, each with a theme of its own.

let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;
let consultationId: number;
let covid: number;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  officer = await addAccount(db, 'officer', 'Olu Officer');
  consultationId = (await db.selectFrom('consultations').select('id').where('slug', '=', 'one-stockport-conversation').executeTakeFirstOrThrow()).id;
  covid = (
    await db.selectFrom('questions').select('id').where('consultation_id', '=', consultationId).where('key', '=', 'covid_story').executeTakeFirstOrThrow()
  ).id;
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(() => stopSuite({ app, db, browser }));

const base = () => `/admin/consultations/${consultationId}`;
const number = (n: number) => n.toLocaleString('en-GB');

/** The text of a results table cell, by its row and column headings, as a sighted reader finds it. */
async function cell(page: Page, part: string, question: string, row: string, column: string): Promise<string> {
  const table = page.locator(`#${part} ~ * [data-question="${question}"] table, section:has(> #${part}) [data-question="${question}"] table`).first();
  return table.evaluate(
    (t, [rowName, columnName]) => {
      const headings = [...t.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
      const tr = [...t.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')?.textContent?.trim() === rowName);
      return tr?.children[headings.indexOf(columnName)]?.textContent?.trim() ?? `no cell ${rowName} / ${columnName}`;
    },
    [row, column] as const,
  );
}

/** Answers to the Covid question coded with a theme, as stored. */
async function codedWith(themeName: string): Promise<number[]> {
  const rows = await db
    .selectFrom('coding_themes')
    .innerJoin('codebook_themes', 'codebook_themes.id', 'coding_themes.theme_id')
    .innerJoin('codings', (join) => join.onRef('codings.answer_id', '=', 'coding_themes.answer_id').onRef('codings.coder_id', '=', 'coding_themes.coder_id'))
    .select('coding_themes.answer_id')
    .where('codebook_themes.name', '=', themeName)
    .where('codings.question_id', '=', covid)
    .execute();
  return rows.map((r) => r.answer_id);
}

async function youngPeople(): Promise<number> {
  const row = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'counted')
    .where('respondent_group', '=', 'young_person')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const THEMES = { true: 'Mental health and loneliness', false: 'Jobs, money and businesses' } as const;

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    it('an officer filters to young people, codes ten answers, sees the theme counts change and picks a quote', async () => {
      const theme = THEMES[`${js}`];
      const context = await newVisitor(browser, app, { js });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, officer, base());
      if (js) await waitForHydration(page);

      // What we heard, young people only.
      await press(page, page.getByRole('navigation', { name: 'This consultation' }).getByRole('link', { name: 'What we heard' }), /\/results$/);
      if (js) await waitForHydration(page);
      await page.locator('summary', { hasText: 'Respondent group' }).click();
      await page.getByLabel('Young person', { exact: true }).check();
      await press(page, page.getByRole('button', { name: 'Show figures' }), /respondentGroup=young_person/);
      await expect.poll(() => page.getByTestId('responses').textContent()).toBe(`${number(await youngPeople())} counted responses match these filters:`);
      const before = (await codedWith(theme)).length;
      expect(before).toBe(0);

      // Code ten answers to the Covid question one by one.
      await press(page, page.getByRole('navigation', { name: 'This consultation' }).getByRole('link', { name: 'Coding' }), /\/coding$/);
      await visit(page, `${base()}/coding/questions/${covid}`, js);
      await press(page, page.getByRole('link', { name: 'Code one by one instead' }), /\/answers\/\d+/);
      // Start at an uncoded answer from someone who agreed to be quoted, so the ten coded include
      // one to quote whatever the demo's data (its routed questions moved the random draws).
      const quotableStart = await db
        .selectFrom('answers')
        .innerJoin('responses', 'responses.id', 'answers.response_id')
        .select('answers.id')
        .where('answers.question_id', '=', covid)
        .where('responses.status', '=', 'counted')
        .where('responses.quote_consent', '=', 1)
        .where('responses.never_attribute', '=', 0)
        .where('answers.value_text', 'is not', null)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('codings').select('codings.answer_id').whereRef('codings.answer_id', '=', 'answers.id'))))
        .orderBy('answers.id')
        .executeTakeFirstOrThrow();
      await visit(page, page.url().replace(/\/answers\/\d+/, `/answers/${quotableStart.id}`), js);
      for (let i = 0; i < 10; i++) {
        if (js) await waitForHydration(page);
        const at = page.url();
        await page.getByLabel(theme, { exact: false }).first().check();
        await page.getByRole('button', { name: 'Save and go to the next uncoded answer' }).click();
        await page.waitForURL((url) => url.href !== at);
      }
      const coded = await codedWith(theme);
      expect(coded).toHaveLength(10);
      const coder = await db
        .selectFrom('codings')
        .innerJoin('users', 'users.id', 'codings.coder_id')
        .select('users.email')
        .where('codings.answer_id', 'in', coded)
        .distinct()
        .execute();
      expect(coder.map((c) => c.email)).toEqual([officer.email]);

      // The results page counts them: ten answers raise the theme (ten is not below the threshold).
      await visit(page, `${base()}/results`, js);
      await expect.poll(() => cell(page, 'themes', 'covid_story', theme, 'All')).toMatch(/\(10\)/);

      // A quote for the theme, from someone who agreed to be quoted.
      await visit(page, `${base()}/quotes`, js);
      const quotable = await db
        .selectFrom('answers')
        .innerJoin('responses', 'responses.id', 'answers.response_id')
        .select(['answers.id', 'answers.value_text'])
        .where('answers.id', 'in', coded)
        .where('responses.quote_consent', '=', 1)
        .where('responses.never_attribute', '=', 0)
        .orderBy('answers.id')
        .executeTakeFirstOrThrow();
      await visit(page, `${base()}/quotes/new?answer=${quotable.id}`, js);
      await page.getByLabel('Codebook theme').selectOption({ label: theme });
      await page.getByRole('button', { name: 'Pick this quote' }).click();
      await page.waitForURL(/\/quotes\?picked=\d+/);
      // The demo may already quote this person for a priority: this quote is the one for the theme.
      const stored = await db
        .selectFrom('quotes')
        .innerJoin('codebook_themes', 'codebook_themes.id', 'quotes.theme_id')
        .select('quotes.text')
        .where('quotes.answer_id', '=', quotable.id)
        .where('codebook_themes.name', '=', theme)
        .execute();
      expect(stored).toHaveLength(1);
      const section = page.getByRole('region', { name: new RegExp(theme) });
      expect(await section.innerText()).toContain(stored[0]!.text.slice(0, 40));

      // Two more answers coded from the list change the count again.
      await visit(page, `${base()}/coding/questions/${covid}?coded=uncoded`, js);
      for (let i = 0; i < 2; i++) {
        const form = page.locator('form.coding-form').first();
        await form.getByLabel(theme, { exact: false }).first().check();
        const at = await form.locator('input[name="answerId"]').inputValue();
        await form.getByRole('button', { name: /^Save/ }).click();
        await expect.poll(async () => (await codedWith(theme)).includes(Number(at))).toBe(true);
        await visit(page, `${base()}/coding/questions/${covid}?coded=uncoded`, js);
      }
      await visit(page, `${base()}/results`, js);
      await expect.poll(() => cell(page, 'themes', 'covid_story', theme, 'All')).toMatch(/\(12\)/);
    });
  });
}
