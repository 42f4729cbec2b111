import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { expectAccessible } from './axe';
import { newVisitor, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { press, visit } from './survey';
import { addAccount, signIn, type Account } from './workspace';

// Coding free text as officers meet it on the demo One Stockport conversation: building a theme
// with keywords, seeing it suggested, coding one by one and in a list (JavaScript on and off),
// taking frequent words into the codebook, and two officers double-coding a sample whose
// agreement page shows Cohen's kappa worked out here by hand.

const MENTAL = 'Mental health and loneliness';
const WORK = 'Jobs, money and businesses';
let app: RunningApp;
let db: Db;
let browser: Browser;
let ann: Account;
let bob: Account;
let consultationId: number;
let covid: number;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  ann = await addAccount(db, 'officer', 'Ann Officer');
  bob = await addAccount(db, 'officer', 'Bob Officer');
  consultationId = (await db.selectFrom('consultations').select('id').where('slug', '=', 'one-stockport-conversation').executeTakeFirstOrThrow()).id;
  covid = (
    await db.selectFrom('questions').select('id').where('consultation_id', '=', consultationId).where('key', '=', 'covid_story').executeTakeFirstOrThrow()
  ).id;
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(() => stopSuite({ app, db, browser }));

const codingPath = () => `/admin/consultations/${consultationId}/coding`;
const listPath = (query = '') => `${codingPath()}/questions/${covid}${query}`;
const answerPath = (answerId: number) => `${codingPath()}/questions/${covid}/answers/${answerId}`;

async function officerOn(account: Account, js: boolean, path: string): Promise<Page> {
  const context = await newVisitor(browser, app, { js });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, account, path.split('?')[0]!);
  if (path.includes('?')) await visit(page, path, js);
  else if (js) await waitForHydration(page);
  return page;
}

const themeId = async (name: string) =>
  (await db.selectFrom('codebook_themes').select('id').where('consultation_id', '=', consultationId).where('name', '=', name).executeTakeFirstOrThrow()).id;

/** One officer's coding of an answer as stored: theme names in codebook order, or undefined when not coded. */
async function storedCoding(answerId: number, account: Account): Promise<string[] | undefined> {
  const coder = await db.selectFrom('users').select('id').where('email', '=', account.email).executeTakeFirstOrThrow();
  const coding = await db.selectFrom('codings').selectAll().where('answer_id', '=', answerId).where('coder_id', '=', coder.id).executeTakeFirst();
  if (!coding) return undefined;
  const themes = await db
    .selectFrom('coding_themes as ct')
    .innerJoin('codebook_themes as t', 't.id', 'ct.theme_id')
    .select('t.name')
    .where('ct.answer_id', '=', answerId)
    .where('ct.coder_id', '=', coder.id)
    .orderBy('t.position')
    .execute();
  return themes.map((t) => t.name);
}

/** An answer to the Covid question nobody has coded, from a counted response, whose words contain `word`. */
async function uncodedAnswerWith(word: string): Promise<{ id: number; text: string }> {
  const row = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['answers.id', 'answers.value_text'])
    .where('answers.question_id', '=', covid)
    .where('responses.status', '=', 'counted')
    // An answer in English: keywords are matched by their English stems, and which answer comes
    // first moves with the demo's data (its routed questions changed the random draws).
    .where('responses.locale', '=', 'en')
    .where('answers.value_text', 'like', `%${word}%`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('codings').select('codings.answer_id').whereRef('codings.answer_id', '=', 'answers.id'))))
    .orderBy('answers.id')
    .executeTakeFirstOrThrow();
  return { id: row.id, text: row.value_text ?? '' };
}

const answerIdOf = (page: Page) => Number(new URL(page.url()).pathname.split('/').at(-1));

for (const js of [true, false]) {
  const tag = js ? 'A' : 'B';
  const theme = `Lockdown life ${tag}`;

  describe(`an officer codes free text (JavaScript ${js ? 'on' : 'off'})`, () => {
    it('adds a theme with keywords and a priority, refusing a nameless one with a clear message', async () => {
      const page = await officerOn(ann, js, codingPath());
      await page.getByRole('link', { name: 'Add a theme' }).click();
      await page.waitForURL(/\/coding\/themes\/new$/);
      if (js) await waitForHydration(page);
      await page.getByLabel('Keywords and phrases (optional)').fill('lockdown\nshielding');
      await page.getByRole('button', { name: 'Add the theme' }).click();
      await expect
        .poll(() =>
          page
            .getByRole('alert')
            .innerText()
            .catch(() => ''),
        )
        .toContain('Enter a name');
      // Nothing typed is lost.
      expect(await page.getByLabel('Keywords and phrases (optional)').inputValue()).toBe('lockdown\nshielding');
      await page.getByLabel('Name').fill(theme);
      await page.getByLabel('Council priority it speaks to (optional)').selectOption({ label: 'A healthy and happy Stockport (One Heart)' });
      await press(page, page.getByRole('button', { name: 'Add the theme' }), /\/coding\?notice=added/);
      await expect.poll(() => page.getByRole('status').innerText()).toContain('The theme has been added.');
      expect(await page.locator(`tr:has-text("${theme}")`).innerText()).toContain('A healthy and happy Stockport');
      const stored = await db
        .selectFrom('codebook_themes as t')
        .innerJoin('priorities as p', 'p.id', 't.priority_id')
        .select(['t.keywords', 'p.key'])
        .where('t.name', '=', theme)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ keywords: 'lockdown\nshielding', key: 'healthy_happy' });
      const audit = await db.selectFrom('audit_events').select('summary').where('action', '=', 'codebook_theme.create').execute();
      expect(audit.map((a) => a.summary)).toContain(`Added the coding theme "${theme}"`);
    });

    it('codes one by one: sees the suggestion, must tick something, saves and moves to the next uncoded answer', async () => {
      const answer = await uncodedAnswerWith('lockdown');
      const page = await officerOn(ann, js, answerPath(answer.id));
      expect(await page.locator('blockquote').innerText()).toBe(answer.text);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Answer [\d,]+ of [\d,]+$/);
      // The word as the answer writes it (“Lockdown” at the start of a sentence).
      expect(await page.getByTestId('suggestions').innerText()).toMatch(new RegExp(`Suggested: ${theme} \\(matched ‘lockdown’`, 'i'));
      // Only suggested: nothing is ticked for the officer.
      expect(await page.getByLabel(theme, { exact: true }).isChecked()).toBe(false);

      await page.getByRole('button', { name: 'Save and go to the next uncoded answer' }).click();
      await expect
        .poll(() =>
          page
            .getByRole('alert')
            .innerText()
            .catch(() => ''),
        )
        .toContain('Tick at least one theme, or “No theme fits this answer”');
      expect(await storedCoding(answer.id, ann)).toBeUndefined();

      await page.getByLabel(theme, { exact: true }).check();
      await page.getByLabel(MENTAL).check();
      await page.getByRole('button', { name: 'Save and go to the next uncoded answer' }).click();
      await page.waitForURL((url) => !url.pathname.endsWith(`/answers/${answer.id}`));
      if (js) await waitForHydration(page);
      expect(await storedCoding(answer.id, ann)).toEqual([MENTAL, theme]);
      const next = answerIdOf(page);
      expect(next).toBeGreaterThan(answer.id);
      await expect.poll(() => page.locator('input[name="answerId"]').inputValue()).toBe(String(next));
      expect(await storedCoding(next, ann)).toBeUndefined();

      // Coded as fitting no theme, then "Save" stays on the answer and says who coded it when.
      await page.getByLabel('No theme fits this answer').check();
      await press(page, page.getByRole('button', { name: 'Save', exact: true }), /\?saved=1$/);
      await expect.poll(() => page.getByRole('status').innerText()).toContain('Your coding of this answer has been saved.');
      expect(await storedCoding(next, ann)).toEqual([]);
      expect(await page.locator('.coding-history').innerText()).toMatch(/Ann Officer, .*: no theme fits/);

      // Back on the first answer, the history shows the themes; re-coding replaces them.
      await visit(page, answerPath(answer.id), js);
      expect(await page.locator('.coding-history').innerText()).toContain(`Ann Officer`);
      expect(await page.getByLabel(MENTAL).isChecked()).toBe(true);
      await page.getByLabel(MENTAL).uncheck();
      await press(page, page.getByRole('button', { name: 'Save', exact: true }), /\?saved=1$/);
      expect(await storedCoding(answer.id, ann)).toEqual([theme]);
    });

    it('codes in a list, searched and filtered, and finds the answer again by its theme', async () => {
      const page = await officerOn(ann, js, listPath('?q=shielding&coded=uncoded'));
      const count = await page.getByTestId('answer-count').innerText();
      expect(count).toMatch(/^[\d,]+ answers?$/);
      const card = page.locator('section.coding-card').first();
      const answerId = Number((await card.getAttribute('id'))!.replace('answer-', ''));
      expect((await card.locator('blockquote').innerText()).toLowerCase()).toContain('shielding');
      await card.getByLabel(WORK).check();
      await card.getByRole('button', { name: /^Save/ }).click();
      await page.waitForURL(new RegExp(`saved=${answerId}`));
      await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Your coding of this answer has been saved.');
      expect(await storedCoding(answerId, ann)).toEqual([WORK]);

      await visit(page, listPath(`?theme=${await themeId(WORK)}&q=shielding`), js);
      const again = page.locator(`#answer-${answerId}`);
      expect(await again.locator('.coding-history').innerText()).toContain(`Ann Officer`);
      expect(await again.getByLabel(WORK).isChecked()).toBe(true);
    });
  });
}

describe('frequent words and phrases', () => {
  it('are offered with counts and, once ticked, become keywords of a theme (JavaScript off)', async () => {
    const page = await officerOn(ann, false, `${codingPath()}?question=${covid}`);
    const phrases = page.locator('table').filter({ hasText: 'Phrases of two or three words' });
    const row = phrases.locator('tr').filter({ has: page.getByRole('rowheader', { name: 'mental health', exact: true }) });
    expect(await row.locator('td').nth(1).innerText()).toMatch(/^[\d,]+$/);
    await row.getByRole('checkbox').check();
    await page.getByLabel('Add the ticked words to').selectOption({ label: `the keywords of “Lockdown life B”` });
    await press(page, page.getByRole('button', { name: 'Add the ticked words' }), /notice=adopted/);
    expect((await db.selectFrom('codebook_themes').select('keywords').where('name', '=', 'Lockdown life B').executeTakeFirstOrThrow()).keywords).toBe(
      'lockdown\nshielding\nmental health',
    );
  });
});

describe('double coding', () => {
  // Worked by hand. The four sample answers, coded by Ann and then by Bob:
  //   1: Ann {M}    Bob {M}
  //   2: Ann {M,W}  Bob {M}
  //   3: Ann {}     Bob {W}
  //   4: Ann {W}    Bob {W}
  // With K themes in the codebook there are 4K tick-or-not decisions. They differ on two
  // (answer 2 W, answer 3 W), so agreement is (4K-2)/4K. Each ticks 4 times: chance agreement
  // is (4/4K)^2 + ((4K-4)/4K)^2. Theme M: all four agree, each yes 2 of 4 -> kappa 1. Theme W:
  // agree on 2 of 4, each yes 2 of 4, chance 1/2 -> kappa 0.
  const plan: [string[], string[]][] = [
    [[MENTAL], [MENTAL]],
    [[MENTAL, WORK], [MENTAL]],
    [[], [WORK]],
    [[WORK], [WORK]],
  ];

  async function codeSample(page: Page, account: Account, mine: (p: [string[], string[]]) => string[], js: boolean) {
    for (const [i, step] of plan.entries()) {
      // With JavaScript the address changes a moment before the new answer shows.
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(`Answer ${i + 1} of 4 in the sample “E2E sample”`);
      expect(await page.locator('main').innerText()).toContain('you see only your own coding');
      // Never the other coder's themes.
      expect(await page.locator('main').innerText()).not.toContain(account === ann ? 'Bob Officer' : 'Ann Officer');
      for (const name of [MENTAL, WORK]) expect(await page.getByLabel(name).isChecked()).toBe(false);
      const themes = mine(step);
      if (themes.length === 0) await page.getByLabel('No theme fits this answer').check();
      for (const name of themes) await page.getByLabel(name).check();
      const before = page.url();
      await page.getByRole('button', { name: 'Save and go to the next uncoded answer' }).click();
      await page.waitForURL((url) => url.href !== before);
      if (js) await waitForHydration(page);
    }
    expect(page.url()).toContain('notice=sampleDone');
  }

  it('makes a sample, two officers code it blind, and the agreement page shows kappa', async () => {
    const page = await officerOn(ann, false, `${codingPath()}/samples/new`);
    await page.getByLabel('Question').selectOption({ label: 'Tell us how Covid-19 has affected you and your family' });
    await page.getByLabel('Name of the sample').fill('E2E sample');
    await page.getByLabel('How many answers').fill('900');
    await page.getByRole('button', { name: 'Make the sample' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('Enter a whole number from 2 to 500');
    expect(await page.getByLabel('Name of the sample').inputValue()).toBe('E2E sample');
    await page.getByLabel('How many answers').fill('4');
    await page.getByLabel('Answers nobody has coded yet').check();
    await press(page, page.getByRole('button', { name: 'Make the sample' }), /\/samples\/\d+\?notice=made$/);
    expect(await page.getByRole('status').innerText()).toBe('The sample has been made with 4 answers.');
    const samplePage = page.url().split('?')[0]!;
    const sampleId = Number(samplePage.split('/').at(-1));
    const chosen = (await db.selectFrom('coding_sample_answers').select('answer_id').where('sample_id', '=', sampleId).orderBy('answer_id').execute()).map(
      (r) => r.answer_id,
    );
    expect(chosen).toHaveLength(4);
    for (const id of chosen) expect(await db.selectFrom('codings').select('answer_id').where('answer_id', '=', id).executeTakeFirst()).toBeUndefined();

    await page.getByRole('link', { name: 'Start coding the sample' }).click();
    await codeSample(page, ann, ([a]) => a, false);
    expect(await page.getByRole('status').innerText()).toBe('You have coded every answer in this sample.');
    expect(await page.locator('main').innerText()).toContain('Agreement can be worked out once two officers');

    const other = await officerOn(bob, true, samplePage.replace(app.url, ''));
    await other.getByRole('link', { name: 'Start coding the sample' }).click();
    await other.waitForURL(/sample=/);
    await waitForHydration(other);
    await codeSample(other, bob, ([, b]) => b, true);
    for (const [i, id] of chosen.entries()) expect(await storedCoding(id, bob)).toEqual(plan[i]![1]);

    const k = Number(
      (
        await db
          .selectFrom('codebook_themes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('consultation_id', '=', consultationId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const n = 4 * k;
    const observed = (n - 2) / n;
    const chance = (4 / n) ** 2 + ((n - 4) / n) ** 2;
    const kappa = (observed - chance) / (1 - chance);
    const band = kappa > 0.8 ? 'almost perfect' : kappa > 0.6 ? 'substantial' : 'moderate';

    await visit(other, samplePage.replace(app.url, ''), true);
    const report = other.getByRole('region', { name: 'Ann Officer and Bob Officer', exact: true });
    expect(await report.innerText()).toContain('Both coded 4 answers.');
    expect(await report.getByTestId('overall-kappa').innerText()).toBe(
      `Overall: kappa ${kappa.toFixed(2)}, ${band} agreement. They made the same decision ${Math.round(observed * 100)}% of the time.`,
    );
    const rowOf = (name: string) => report.locator('tr').filter({ has: other.getByRole('rowheader', { name, exact: true }) });
    expect(await rowOf(MENTAL).locator('td').allInnerTexts()).toEqual(['1.00', 'almost perfect agreement', '100%']);
    expect(await rowOf(WORK).locator('td').allInnerTexts()).toEqual(['0.00', 'slight agreement', '50%']);
    expect(await rowOf('Getting online').locator('td').nth(1).innerText()).toContain('cannot be worked out');
    expect(await other.locator('main').innerText()).toContain('Ann Officer: 4 of 4 answers');
    await expectAccessible(other);
  });
});

describe('the coding pages are accessible', () => {
  for (const locale of ['en', 'ur'] as const) {
    it(`pass axe in ${locale === 'en' ? 'English' : 'Urdu'}: codebook, list, one by one with an error, a theme and a new sample`, async () => {
      const page = await officerOn(ann, true, codingPath());
      if (locale === 'ur') await visit(page, `${codingPath()}?lng=ur`, true);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ur' ? 'rtl' : 'ltr');
      await expectAccessible(page);
      await visit(page, listPath('?q=lockdown'), true);
      await expectAccessible(page);
      const answer = await uncodedAnswerWith('family');
      await visit(page, answerPath(answer.id), true);
      await page.locator('button[value="save"]').click();
      await expect.poll(() => page.getByRole('alert').count()).toBe(1);
      await expectAccessible(page);
      await visit(page, `${codingPath()}/themes/${await themeId(MENTAL)}`, true);
      await expectAccessible(page);
      await visit(page, `${codingPath()}/samples/new`, true);
      await expectAccessible(page);
      if (locale === 'ur') await visit(page, `${codingPath()}?lng=en`, true);
    });
  }
});
