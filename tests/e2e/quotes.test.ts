import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { expectAccessible } from './axe';
import { newVisitor, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { SLUGS, visit } from './survey';
import { addAccount, signIn, type Account } from './workspace';

// Quotes as officers pick them: from the answers of people who agreed to be quoted, for a
// codebook theme and a council priority, trimmed to an unbroken excerpt, credited as the person
// chose; then the priority's page across consultations shows the quote and the theme's share.

const THEME = 'Green spaces (e2e)';
const CODED = 30;
const RAISED = 12;
let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;
let analyst: Account;
let consultationId: number;
let climateId: number;
let themeId: number;
const contexts: BrowserContext[] = [];
const words = (js: boolean) => `Planting street trees in Reddish made our road cooler, and the children play outside more (${js ? 'on' : 'off'}).`;
const NOT_CONSENTING = 'Please never print what I wrote about the bins.';

async function addResponse(text: string, consent: boolean): Promise<{ responseId: number; answerId: number }> {
  const question = await db
    .selectFrom('questions')
    .select('id')
    .where('consultation_id', '=', consultationId)
    .where('kind', '=', 'long_text')
    .orderBy('position')
    .executeTakeFirstOrThrow();
  const ward = await db.selectFrom('wards').select('code').where('name', '=', 'Reddish North').executeTakeFirstOrThrow();
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const { id: responseId } = await db
    .insertInto('responses')
    .values({
      consultation_id: consultationId,
      reference: `E2E-${stamp}`,
      idempotency_key: `e2e-${stamp}`,
      channel: 'online',
      respondent_group: 'resident',
      locale: 'en',
      submitted_at: new Date().toISOString(),
      age_band: '16_17',
      ward_code: ward.code,
      quote_consent: consent ? 1 : 0,
      quote_credit: consent ? 'name_age_area' : null,
      quote_name: consent ? 'Millie' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: answerId } = await db
    .insertInto('answers')
    .values({ response_id: responseId, question_id: question.id, value_text: text })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { responseId, answerId };
}

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  officer = await addAccount(db, 'officer');
  analyst = await addAccount(db, 'analyst');
  consultationId = (await db.selectFrom('consultations').select('id').where('slug', '=', SLUGS.oneStockport).executeTakeFirstOrThrow()).id;
  climateId = (await db.selectFrom('priorities').select('id').where('key', '=', 'climate_friendly').executeTakeFirstOrThrow()).id;
  ({ id: themeId } = await db
    .insertInto('codebook_themes')
    .values({
      consultation_id: consultationId,
      key: 'green_spaces_e2e',
      name: THEME,
      priority_id: climateId,
      position: 99,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow());
  // An officer has coded 30 answers, 12 of them as raising the theme.
  const coder = await db.selectFrom('users').select('id').where('email', '=', officer.email).executeTakeFirstOrThrow();
  const answers = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .innerJoin('questions', 'questions.id', 'answers.question_id')
    .select(['answers.id', 'answers.question_id'])
    .where('responses.consultation_id', '=', consultationId)
    .where('responses.status', '=', 'counted')
    .where('questions.kind', 'in', ['short_text', 'long_text'])
    .where('answers.value_text', 'is not', null)
    .orderBy('answers.id')
    .limit(CODED)
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('codings')
    .values(answers.map((a) => ({ answer_id: a.id, coder_id: coder.id, consultation_id: consultationId, question_id: a.question_id, coded_at: now })))
    .execute();
  await db
    .insertInto('coding_themes')
    .values(answers.slice(0, RAISED).map((a) => ({ answer_id: a.id, coder_id: coder.id, theme_id: themeId })))
    .execute();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(() => stopSuite({ app, db, browser }));

async function signedIn(account: Account, js: boolean, path: string): Promise<Page> {
  const context = await newVisitor(browser, app, { js });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, account, path);
  if (js) await waitForHydration(page);
  return page;
}

const quotesPath = () => `/admin/consultations/${consultationId}/quotes`;
const priorityPath = () => `/admin/heard/priorities/${climateId}`;
const quotesOf = (answerId: number) => db.selectFrom('quotes').selectAll().where('answer_id', '=', answerId).execute();

for (const js of [true, false]) {
  describe(`an officer picks a quote (JavaScript ${js ? 'on' : 'off'})`, () => {
    it('finds the answer, is held to an unbroken excerpt, picks it for a theme and a priority, and sees it credited on both pages', async () => {
      const text = words(js);
      const { answerId } = await addResponse(text, true);
      const page = await signedIn(officer, js, quotesPath());

      await page.getByLabel('Words in the answer').fill('street trees in Reddish');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/q=street/);
      const found = page.getByTestId('quotable-answer').filter({ hasText: text });
      await expect.poll(() => found.count()).toBe(1);
      expect(await found.innerText()).toContain('Would be credited as: Millie, aged 16 to 17, Reddish North');
      await found.getByRole('link', { name: /Pick as a quote/ }).click();
      await page.waitForURL(new RegExp(`/quotes/new\\?answer=${answerId}$`));
      if (js) await waitForHydration(page);
      expect(await page.getByTestId('answer-text').innerText()).toBe(text);

      await page.getByLabel('Codebook theme').selectOption({ label: THEME });
      await page.getByLabel('Council priority').selectOption(String(climateId));
      // Words from the start and the end, stitched together: refused, and nothing is lost.
      const stitched = 'Planting street trees made the children play outside more';
      await page.getByLabel('Words to quote').fill(stitched);
      const [posted] = await Promise.all([
        js ? Promise.resolve(null) : page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Pick this quote' }).click(),
      ]);
      if (posted) expect(posted.status()).toBe(400);
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('The words to quote must be one unbroken part of the answer');
      expect(await page.getByLabel('Words to quote').inputValue()).toBe(stitched);
      expect(await page.getByLabel('Codebook theme').inputValue()).toBe(String(themeId));
      expect(await quotesOf(answerId)).toEqual([]);

      const excerpt = `the children play outside more (${js ? 'on' : 'off'})`;
      await page.getByLabel('Words to quote').fill(excerpt);
      await page.getByRole('button', { name: 'Pick this quote' }).click();
      await page.waitForURL(/\/quotes\?picked=\d+/);
      await expect.poll(() => page.getByRole('status').innerText()).toContain('The quote has been picked.');
      const stored = await quotesOf(answerId);
      expect(stored).toMatchObject([{ theme_id: themeId, priority_id: climateId, text: excerpt }]);
      const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'quote.pick').where('entity_id', '=', String(stored[0]!.id)).execute();
      expect(audit).toHaveLength(1);

      // Under the theme and under the priority, each with the credit the person chose.
      for (const group of [THEME, 'A climate friendly Stockport']) {
        const section = page.getByRole('region', { name: new RegExp(group.replace(/[()]/g, '\\$&')) });
        const quote = section.getByRole('listitem').filter({ hasText: excerpt });
        expect(await quote.innerText()).toContain('Millie, aged 16 to 17, Reddish North');
      }

      await visit(page, priorityPath(), js);
      const heard = page.getByTestId('heard-quotes').getByRole('listitem').filter({ hasText: excerpt });
      expect(await heard.innerText()).toContain('Millie, aged 16 to 17, Reddish North');
    });
  });
}

describe('the rules hold on the server', () => {
  it('refuses to quote someone who did not agree (400) and stores nothing', async () => {
    const { answerId } = await addResponse(NOT_CONSENTING, false);
    const page = await signedIn(officer, false, quotesPath());
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    const form = new URLSearchParams({ csrf, intent: 'pick', themeId: String(themeId), excerpt: NOT_CONSENTING });
    const response = await page.request.post(`/admin/consultations/${consultationId}/quotes/new?answer=${answerId}`, {
      data: form.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain('This answer cannot be quoted: the person did not agree to be quoted');
    expect(await quotesOf(answerId)).toEqual([]);
    // Nor is the answer offered to pick from.
    await visit(page, `${quotesPath()}?q=${encodeURIComponent('never print')}`, false);
    expect(await page.getByTestId('no-answers').count()).toBe(1);
  });

  it('stops showing a quote once its response is kept out of the counts', async () => {
    const text = 'The towpath by the river is where I feel most at home.';
    const { responseId, answerId } = await addResponse(text, true);
    await db
      .insertInto('quotes')
      .values({
        consultation_id: consultationId,
        answer_id: answerId,
        theme_id: themeId,
        priority_id: null,
        text,
        picked_by: null,
        picked_at: new Date().toISOString(),
      })
      .execute();
    const page = await signedIn(officer, false, priorityPath());
    expect(await page.getByTestId('heard-quotes').innerText()).toContain(text);
    await db.updateTable('responses').set({ status: 'spam', status_reason: 'test' }).where('id', '=', responseId).execute();
    await visit(page, priorityPath(), false);
    expect(await page.locator('main').innerText()).not.toContain(text);
    await visit(page, quotesPath(), false);
    expect(await page.locator('main').innerText()).not.toContain(text);
  });
});

describe('what we heard across consultations', () => {
  it('is in the navigation for analysts too, and the priority page shows the theme’s share of coded answers', async () => {
    const page = await signedIn(analyst, true, '/admin');
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'What we heard' }).click();
    await page.waitForURL(/\/admin\/heard$/);
    await page.getByRole('link', { name: 'A climate friendly Stockport' }).click();
    await page.waitForURL(new RegExp(`${priorityPath()}$`));
    await page.getByRole('heading', { level: 1, name: 'A climate friendly Stockport' }).waitFor();

    const base = Number(
      (
        await db
          .selectFrom('codings')
          .innerJoin('answers', 'answers.id', 'codings.answer_id')
          .innerJoin('responses', 'responses.id', 'answers.response_id')
          .select((eb) => eb.fn.count<number>('codings.answer_id').distinct().as('n'))
          .where('codings.consultation_id', '=', consultationId)
          .where('responses.status', '=', 'counted')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const row = page.getByTestId('heard-themes').getByRole('row').filter({ hasText: THEME });
    const cells = await row.locator('td, th').allInnerTexts();
    expect(cells).toContain(String(RAISED));
    expect(cells).toContain(base.toLocaleString('en-GB'));
    expect(cells.join(' ')).toContain(`${Math.round((RAISED / base) * 100)}%`);
    // The chart draws the same figure, and names the consultation's link to its results.
    const chart = page.getByRole('img', { name: 'Share of coded answers that raised each theme' });
    expect(await chart.locator(`g[data-bar="${themeId}"]`).textContent()).toBe(`${THEME}${THEME}${Math.round((RAISED / base) * 100)}%`);
    expect(
      await page
        .getByRole('link', { name: /One Stockport/ })
        .first()
        .getAttribute('href'),
    ).toBe(`/admin/consultations/${consultationId}/results`);
    // An analyst reads quotes but cannot pick or remove them.
    await visit(page, quotesPath(), true);
    expect(await page.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Pick as a quote/ }).count()).toBe(0);
  });

  for (const locale of ['en', 'ur'] as const) {
    it(`passes axe (WCAG 2.2 AA) in ${locale === 'en' ? 'English' : 'Urdu'}`, async () => {
      const page = await signedIn(officer, true, `/admin?lng=${locale}`);
      const { answerId } = await addResponse(`An answer to check the pages with, in ${locale}.`, true);
      const themeOfClimate = await db.selectFrom('priorities').select('theme_id').where('id', '=', climateId).executeTakeFirstOrThrow();
      for (const path of [
        quotesPath(),
        `${quotesPath()}/new?answer=${answerId}`,
        '/admin/heard',
        priorityPath(),
        `/admin/heard/themes/${themeOfClimate.theme_id}`,
      ]) {
        await visit(page, path, true);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        await expectAccessible(page);
      }
      // The form with its problems on show.
      await visit(page, `${quotesPath()}/new?answer=${answerId}`, true);
      await page.locator('#excerpt').fill('');
      await page.locator('button[name="intent"][value="pick"]').click();
      await page.getByRole('alert').waitFor();
      await expectAccessible(page);
    });
  }
});
