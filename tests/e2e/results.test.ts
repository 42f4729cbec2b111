import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { expectAccessible } from './axe';
import { expectNoSidewaysScroll } from './narrow';
import { newVisitor, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { press, visit } from './survey';
import { addAccount, signIn, type Account } from './workspace';

// What we heard, as an officer meets it: the demo One Stockport conversation's figures, then
// only young people's, read off the page and checked against the stored responses, then broken
// down by ward, one question at a time: the questions where wards differ most first, a
// question's wards ranked on one answer, its full table one link away (a small ward's figures
// say "fewer than 10"); JavaScript on and off. Every page of the ward breakdown stays under
// 300 KB, passes axe in English and Urdu, and nothing scrolls sideways on a 320 px screen.

const THRESHOLD = 10;
let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;
let consultationId: number;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  officer = await addAccount(db, 'officer');
  consultationId = (await db.selectFrom('consultations').select('id').where('slug', '=', 'one-stockport-conversation').executeTakeFirstOrThrow()).id;
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(() => stopSuite({ app, db, browser }));

async function officerOn(js: boolean, path: string, width = 1024): Promise<Page> {
  const context = await newVisitor(browser, app, { js, width });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, officer, path);
  if (js) await waitForHydration(page);
  return page;
}

const number = (n: number) => n.toLocaleString('en-GB');
const resultsPath = () => `/admin/consultations/${consultationId}/results`;

/** Counted responses of the demo conversation, straight from the database. */
function counted(group?: string) {
  let query = db.selectFrom('responses').where('responses.consultation_id', '=', consultationId).where('responses.status', '=', 'counted');
  if (group) query = query.where('responses.respondent_group', '=', group);
  return query;
}

async function count(query: ReturnType<typeof counted>): Promise<number> {
  return Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

/** Young people who answered "What is the best thing…?", and who chose parks. */
async function youngBestThing(): Promise<{ base: number; parks: number }> {
  const answers = (option?: string) => {
    let q = counted('young_person')
      .innerJoin('answers', 'answers.response_id', 'responses.id')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .leftJoin('options', 'options.id', 'answers.option_id')
      .where('questions.key', '=', 'best_thing');
    if (option) q = q.where('options.key', '=', option);
    return q.select((eb) => eb.fn.count<number>('responses.id').distinct().as('n')).executeTakeFirstOrThrow();
  };
  return { base: Number((await answers()).n), parks: Number((await answers('parks_green_spaces')).n) };
}

/** Per ward (by name): everyone who answered "What is the best thing…?", and who chose parks. */
async function parksByWard(): Promise<Map<string, { base: number; parks: number }>> {
  const answers = (option?: string) => {
    let q = counted()
      .innerJoin('wards', 'wards.code', 'responses.ward_code')
      .innerJoin('answers', 'answers.response_id', 'responses.id')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .leftJoin('options', 'options.id', 'answers.option_id')
      .where('questions.key', '=', 'best_thing');
    if (option) q = q.where('options.key', '=', option);
    return q
      .select(['wards.name', (eb) => eb.fn.count<number>('responses.id').distinct().as('n')])
      .groupBy('wards.name')
      .execute();
  };
  const [bases, parks] = await Promise.all([answers(), answers('parks_green_spaces')]);
  return new Map(bases.map((b) => [b.name, { base: Number(b.n), parks: Number(parks.find((p) => p.name === b.name)?.n ?? 0) }]));
}

/** The text of a table cell, found by its row and column headings, as a sighted reader finds it. */
async function cell(page: Page, question: string, row: string, column: string): Promise<string> {
  const table = page.locator(`[data-question="${question}"] table`).first();
  return table.evaluate(
    (t, [rowName, columnName]) => {
      const headings = [...t.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
      const at = headings.indexOf(columnName);
      const tr = [...t.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')?.textContent?.trim() === rowName);
      return tr?.children[at]?.textContent?.trim() ?? `no cell ${rowName} / ${columnName}`;
    },
    [row, column] as const,
  );
}

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    it('an officer reads the figures, filters to young people, then compares the wards question by question', async () => {
      const page = await officerOn(js, `/admin/consultations/${consultationId}`);
      await press(page, page.getByRole('navigation', { name: 'This consultation' }).getByRole('link', { name: 'What we heard' }), /\/results$/);
      await page.getByRole('heading', { level: 1, name: 'What we heard' }).waitFor();
      if (js) await waitForHydration(page);
      const everyone = await count(counted());
      await expect.poll(() => page.getByTestId('responses').textContent()).toBe(`Figures from all ${number(everyone)} counted responses.`);
      expect(await cell(page, 'best_thing', 'Responses', 'All')).toBe(number(everyone));

      // Only young people: the filter is a list of checkboxes under "Respondent group".
      await page.locator('summary', { hasText: 'Respondent group' }).click();
      await page.getByLabel('Young person', { exact: true }).check();
      await press(page, page.getByRole('button', { name: 'Show figures' }), /respondentGroup=young_person/);
      const young = await count(counted('young_person'));
      await expect.poll(() => page.getByTestId('responses').textContent()).toBe(`${number(young)} counted responses match these filters:`);
      expect(await page.getByRole('list', { name: 'Filters applied' }).textContent()).toBe('Respondent group: Young person');
      const { base, parks } = await youngBestThing();
      expect(await cell(page, 'best_thing', 'Answered (the base)', 'All')).toBe(number(base));
      expect(await cell(page, 'best_thing', 'Parks and green spaces', 'All')).toMatch(
        new RegExp(`^${Math.round((parks / base) * 100)}% \\(${number(parks)}\\)\\d+% to \\d+%$`),
      );

      // Everyone again, ward by ward: first the questions, then one of them.
      await page.getByLabel('Young person', { exact: true }).uncheck();
      await page.getByLabel('Break down by').selectOption('ward');
      await press(page, page.getByRole('button', { name: 'Show figures' }), /breakdown=ward/);
      await expect.poll(() => page.getByText('Broken down by: Ward.').count()).toBe(1);
      expect(page.url()).not.toContain('respondentGroup');
      await page.getByRole('heading', { level: 2, name: 'Where the groups differ' }).waitFor();
      expect(await page.locator('table').count()).toBe(0);
      await press(page, page.getByRole('link', { name: 'What is the best thing about living or working in Stockport?' }), /question=best_thing/);
      await page.getByRole('heading', { level: 2, name: 'What is the best thing about living or working in Stockport?' }).waitFor();
      if (js) await waitForHydration(page);

      // Its wards ranked on one answer, chosen with the form: each says its share, its interval
      // and how many answered, as the stored responses give them, highest share first.
      await page.getByLabel('Compare the groups on this answer').selectOption({ label: 'Parks and green spaces' });
      await press(page, page.getByRole('button', { name: 'Compare' }), /option=parks_green_spaces/);
      await page.getByRole('heading', { level: 3, name: 'Who chose “Parks and green spaces”' }).waitFor();
      const chart = page.getByRole('figure', { name: /who chose “Parks and green spaces”, group by group \(Ward\), highest first/ });
      const rows = (await chart.getByRole('listitem').allTextContents()).filter((r) => !r.includes('not compared'));
      const truth = await parksByWard();
      expect(rows).toHaveLength(truth.size);
      const shares = rows.map((row) => {
        const [, ward, percent, answered] = /^(.+): (\d+)%\s*\d+% to \d+%, ([\d,]+) answered/.exec(row) ?? [];
        const stored = truth.get(ward ?? '');
        expect(stored, row).toBeDefined();
        expect([Number(percent), answered]).toEqual([Math.round((stored!.parks / stored!.base) * 100), number(stored!.base)]);
        return stored!.parks / stored!.base;
      });
      expect(shares).toEqual([...shares].sort((a, b) => b - a));

      // The full table, one link away: a small figure in it says "fewer than 10".
      await press(page, page.getByRole('link', { name: 'Show the full table of every group and every answer' }), /table=best_thing/);
      await page.locator('[data-question="best_thing"] table').first().waitFor();
      const byWard = await counted()
        .innerJoin('wards', 'wards.code', 'responses.ward_code')
        .select(['wards.name', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('wards.name')
        .execute();
      for (const ward of byWard.slice(0, 6)) {
        expect(await cell(page, 'best_thing', 'Responses', ward.name), ward.name).toBe(Number(ward.n) < THRESHOLD ? 'fewer than 10' : number(Number(ward.n)));
      }
      expect(await cell(page, 'best_thing', 'Responses', 'All')).toBe(number(everyone));
      expect(await page.locator('[data-question="best_thing"] table td', { hasText: 'fewer than 10' }).count()).toBeGreaterThan(0);
    });
  });
}

describe('accessibility and reflow', () => {
  for (const locale of ['en', 'ur'] as const) {
    it(`the results page, filtered and broken down, passes axe in ${locale === 'en' ? 'English' : 'Urdu'}`, async () => {
      const page = await officerOn(true, resultsPath());
      // A breakdown with few groups: axe takes minutes over the thousands of cells of a ward breakdown.
      await visit(page, `${resultsPath()}?lng=${locale}&breakdown=sex&respondentGroup=young_person&respondentGroup=resident`, true);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ur' ? 'rtl' : 'ltr');
      await expectAccessible(page);
    });

    it(`nothing scrolls sideways on a 320 px screen in ${locale === 'en' ? 'English' : 'Urdu'}`, async () => {
      const page = await officerOn(false, resultsPath(), 320);
      for (const query of [`?lng=${locale}`, '?breakdown=ward', '?breakdown=sex&channel=online']) {
        await visit(page, `${resultsPath()}${query}`, false);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(scrollWidth, `${query}: ${scrollWidth} px wide in a ${clientWidth} px window`).toBeLessThanOrEqual(clientWidth);
      }
    });
  }

  for (const locale of ['en', 'ur'] as const) {
    it(`every page of the ward breakdown is under 300 KB, fits a 320 px screen and passes axe, in ${locale === 'en' ? 'English' : 'Urdu'}`, async () => {
      const page = await officerOn(true, resultsPath(), 320);
      const pages = [
        'breakdown=ward',
        'breakdown=ward&question=best_thing',
        'breakdown=ward&question=future_important&option=green_spaces&table=future_important',
        'breakdown=ward&question=top_priorities&table=top_priorities',
        'breakdown=ward&question=covid_online',
        'breakdown=ward&question=yp_safe',
      ];
      for (const query of pages) {
        const response = await visit(page, `${resultsPath()}?lng=${locale}&${query}`, true);
        expect(response?.status(), query).toBe(200);
        const bytes = (await response!.body()).length;
        expect(bytes, `${query}: ${bytes} bytes of HTML`).toBeLessThan(300_000);
        expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ur' ? 'rtl' : 'ltr');
        await expectNoSidewaysScroll(page, query);
        await expectAccessible(page);
      }
    });
  }

  it('serves the same figures as JSON, with nothing for a hidden one', async () => {
    const page = await officerOn(true, resultsPath());
    const response = await page.request.get(`${resultsPath()}.json?breakdown=ward&respondentGroup=young_person`);
    expect(response.status()).toBe(200);
    const model = (await response.json()) as {
      responses: { value: number };
      questions: { key: string; columns: { key: string; responses: Record<string, unknown> }[] }[];
    };
    expect(model.responses.value).toBe(await count(counted('young_person')));
    for (const column of model.questions[0]!.columns) {
      if (column.responses.suppressed) expect(column.responses).toEqual({ suppressed: true });
      else expect(column.responses.value as number).toBeGreaterThanOrEqual(THRESHOLD);
    }
    const refused = await page.request.get(`${resultsPath()}.json?breakdown=shoe_size`);
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toEqual({ errors: { breakdown: 'Choose a breakdown from the list' } });
  });
});
