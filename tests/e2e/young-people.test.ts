import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { answersOf, countResponses, newVisitor, responseByReference, type RunningApp, startSuite, stopSuite } from './harness';
import { expectAccessible } from './axe';
import { descriptionOf, isFocused, press, REFERENCE, shownReference, ui, visit, type Locale } from './survey';
import {
  choose,
  faceLabels,
  IDENTIFYING_FIELDS,
  nextButton,
  pageHeading,
  progressText,
  tabTo,
  YOUTH_CODE,
  YOUTH_SLUG,
  youthDoneUrl,
  youthItems,
  youthLabel,
  youthPath,
  youthText,
  youthUrl,
} from './youth';

// Young people (8 to 18) answer the young people's version of the One Stockport conversation:
// one question a page, in plain words, with faces and pictures, with and without JavaScript.
// Their answers are stored against the main questions; under-13s are never asked anything
// that could identify them.

const slug = YOUTH_SLUG;
let app: RunningApp;
let db: Db;
let browser: Browser;
let items: { key: string; step: string }[];
/** Each item's page number ("1", "2"...) by its key. */
let stepOf: Record<string, string>;

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  items = await youthItems(db);
  stepOf = Object.fromEntries(items.map((i) => [i.key, i.step]));
});

afterAll(() => stopSuite({ app, db, browser }));

const en = (key: string, vars?: Record<string, string | number>) => ui('en', `youth:${key}`, vars);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A row of the check page as it reads: the question, then the answer on the next line. */
const row = (question: string, answer: string | string[]) => new RegExp(`${escape(question)}\\n+${[answer].flat().map(escape).join('\\n+')}\\n`);
const documentLanguage = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
const progress = (page: Page, locale: Locale, number: number, total: number) => page.getByText(progressText(locale, number, total), { exact: true }).waitFor();

/** A new visitor, closed when `use` ends. */
async function asNewVisitor(js: boolean, use: (page: Page) => Promise<void>): Promise<void> {
  const context = await newVisitor(browser, app, { js });
  try {
    await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Nothing on the page asks for, shows or would send where an under-13 lives or whether to quote them. */
async function expectNothingIdentifying(page: Page): Promise<void> {
  const where = page.url();
  expect(await page.getByLabel(en('more.postcode')).count(), `postcode question on ${where}`).toBe(0);
  expect(await page.getByRole('group', { name: en('more.quote') }).count(), `quote question on ${where}`).toBe(0);
  const text = await page.getByRole('main').innerText();
  for (const words of [en('more.title'), en('more.postcode'), en('more.quote'), en('more.credit')]) expect(text, where).not.toContain(words);
  const fields = IDENTIFYING_FIELDS.map((name) => `[name="${name}"]`).join(', ');
  expect(await page.locator(fields).count(), `identifying fields in the forms on ${where}`).toBe(0);
}

/** The radio buttons of a question, checked to be exactly `labels`, in that order, each named by its words. */
async function expectRadios(group: Locator, labels: string[]): Promise<void> {
  const radios = group.getByRole('radio');
  expect(await radios.count()).toBe(labels.length);
  for (const [i, label] of labels.entries()) {
    const named = group.getByRole('radio', { name: label, exact: true });
    expect(await named.count(), label).toBe(1);
    expect(await named.evaluate((el) => el.id), `"${label}" is answer ${i + 1}`).toBe(await radios.nth(i).evaluate((el) => el.id));
    // The words are on the screen, not only read out.
    expect(await group.getByText(label, { exact: true }).isVisible(), label).toBe(true);
  }
}

/** The hidden fields of the check page's form, as the browser would post them. */
const checkFormEntries = (page: Page) =>
  page
    .locator('form[method="post"] input[type="hidden"]')
    .evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as [string, string]));

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newVisitor(browser, app, { js });
      page = await context.newPage();
    });
    afterAll(() => context?.close());

    it('finds the way in: the hub, the consultation page and the short address', async () => {
      const { title } = await db.selectFrom('consultations').select('title').where('slug', '=', slug).executeTakeFirstOrThrow();
      // The link names the consultation too, for those who hear links read out of context.
      const link = (scope: Page | Locator) => scope.getByRole('link', { name: new RegExp(`^${escape(en('versionLink'))}\\s*: ${escape(title)}$`) });

      await visit(page, '/', js);
      const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: title, exact: true }) });
      await press(page, link(card), youthUrl());
      await pageHeading(page, en('intro.title')).waitFor();

      await visit(page, `/consultations/${slug}`, js);
      await press(page, link(page.getByRole('main')), youthUrl());
      await pageHeading(page, en('intro.title')).waitFor();

      // The address a teacher writes on the board, in any case.
      for (const code of [YOUTH_CODE, YOUTH_CODE.toUpperCase()]) {
        const response = await page.request.get(`/young/${code}`, { maxRedirects: 0 });
        expect(response.status()).toBe(302);
        expect(response.headers()['location']).toBe(youthPath());
      }
      expect((await page.request.get('/young/nosuchcode', { maxRedirects: 0 })).status()).toBe(404);
      await visit(page, `/young/${YOUTH_CODE}`, js);
      expect(page.url()).toBe(`${app.url}${youthPath()}`);
      await pageHeading(page, en('intro.title')).waitFor();
      expect(await page.getByText(en('intro.what', { count: items.length + 1 }), { exact: true }).isVisible()).toBe(true);

      // The intro starts with a button, and links to the privacy notice in young people's words.
      await press(page, page.getByRole('button', { name: en('intro.start'), exact: true }), youthUrl('age'));
      await pageHeading(page, en('age.question')).waitFor();
      await visit(page, youthPath(), js);
      await press(page, page.getByRole('link', { name: en('intro.safe'), exact: true }), /\/young\/privacy$/);
      await page.waitForFunction((title) => document.title.startsWith(title), en('privacyNotice.title'));
      expect(await page.getByRole('heading', { level: 1 }).innerText(), "the heading of the consultation's young people's notice").toBe(
        en('privacyNotice.title'),
      );
      expect(await page.getByText(en('privacy.under13'), { exact: true }).isVisible()).toBe(true);
    });

    it('an 11 year old answers one question a page, checks, changes an answer and sends, never asked where they live', async () => {
      const before = await countResponses(db, { slug });
      const total = items.length + 1; // Their age, then each question; no "more about you" page.
      const next = () => nextButton(page);
      const goTo = async (itemKey: string) => {
        const i = items.findIndex((item) => item.key === itemKey);
        await press(page, next(), youthUrl(items[i]!.step));
        await progress(page, 'en', i + 2, total);
        const question = await youthText(db, itemKey, 'en');
        await pageHeading(page, question).waitFor();
        await expectNothingIdentifying(page);
        return question;
      };

      await visit(page, youthPath('age'), js);
      await progress(page, 'en', 1, total);
      await expectNothingIdentifying(page);
      const age = page.getByRole('group', { name: en('age.question') });
      await expectRadios(
        age,
        ['under_11', '11_12', '13_15', '16_17', '18_24'].map((band) => en(`age.${band}`)),
      );
      await choose(age, 'radio', en('age.11_12'));

      // One choice, with pictures beside the words.
      const bestQuestion = await goTo('best_thing');
      const best = page.getByRole('group', { name: bestQuestion });
      const parks = await youthLabel(db, 'best_thing', 'parks', 'en');
      // Each answer has a picture, which screen readers skip: the radio button is named by its words alone.
      const answers = await best.getByRole('radio').count();
      expect(answers).toBeGreaterThan(1);
      expect(await best.locator('label [aria-hidden="true"]').count()).toBe(answers);
      await choose(best, 'radio', parks);

      // Their own words.
      const wordsQuestion = await goTo('proud_words');
      await page.getByRole('textbox', { name: wordsQuestion }).fill('The skate park by the river');

      // Up to three; two of these count as the same main answer.
      const futureQuestion = await goTo('future_important');
      const future = page.getByRole('group', { name: futureQuestion });
      const futureChoices = await Promise.all(['parks', 'planet', 'school'].map((key) => youthLabel(db, 'future_important', key, 'en')));
      for (const label of futureChoices) await choose(future, 'checkbox', label);

      // One pick that counts as the first choice of the main ranking question.
      const mattersQuestion = await goTo('matters_most');
      const healthy = await youthLabel(db, 'matters_most', 'healthy', 'en');
      await choose(page.getByRole('group', { name: mattersQuestion }), 'radio', healthy);

      // Five faces, each a real radio button with its words.
      const faceChoices: Record<string, string | null> = {
        covid_connected: 'agree',
        yp_safe: 'strongly_agree',
        yp_community: 'agree',
        yp_voice: 'neither',
        yp_health: 'disagree',
        yp_happy: 'strongly_agree',
        yp_confident: 'strongly_disagree',
        yp_cared_for: null, // Skipped.
      };
      const faceQuestions: Record<string, string> = {};
      for (const [key, face] of Object.entries(faceChoices)) {
        const question = await goTo(key);
        faceQuestions[key] = question;
        const group = page.getByRole('group', { name: question });
        await expectRadios(group, await faceLabels(db, key, 'en'));
        // A face is drawn beside each one's words, hidden from screen readers, which read the words.
        expect(await group.locator('label svg[aria-hidden="true"]').count()).toBe(5);
        if (face) await choose(group, 'radio', await youthLabel(db, key, face, 'en'));
      }
      // Covid changed things for them, so the follow-up is asked: one more question than before.
      const affectedQuestion = await goTo('covid_affected');
      expect(Object.keys(faceChoices)).toEqual(items.slice(4, -1).map((i) => i.key));
      const yes = await youthLabel(db, 'covid_affected', 'yes', 'en');
      await choose(page.getByRole('group', { name: affectedQuestion }), 'radio', yes);
      await press(page, next(), youthUrl(String(Number(stepOf.covid_affected) + 1)));
      await progress(page, 'en', total + 1, total + 1);
      const effectsQuestion = await youthText(db, 'covid_effects', 'en');
      await pageHeading(page, effectsQuestion).waitFor();
      const lonely = await youthLabel(db, 'covid_effects', 'lonely', 'en');
      await choose(page.getByRole('group', { name: effectsQuestion }), 'checkbox', lonely);

      // The last question leads straight to the check page.
      await press(page, next(), youthUrl('check'));
      await pageHeading(page, en('check.title')).waitFor();
      await expectNothingIdentifying(page);
      const summary = await page.getByRole('main').innerText();
      expect(summary).toMatch(row(en('age.question'), en('age.11_12')));
      expect(summary).toMatch(row(bestQuestion, parks));
      expect(summary).toMatch(row(wordsQuestion, 'The skate park by the river'));
      expect(summary).toMatch(row(futureQuestion, futureChoices));
      expect(summary).toMatch(row(mattersQuestion, healthy));
      expect(summary).toMatch(row(faceQuestions.covid_connected!, await youthLabel(db, 'covid_connected', 'agree', 'en')));
      expect(summary).toMatch(row(faceQuestions.yp_voice!, await youthLabel(db, 'yp_voice', 'neither', 'en')));
      expect(summary).toMatch(row(faceQuestions.yp_cared_for!, en('check.noAnswer')));
      expect(summary).toMatch(row(affectedQuestion, yes));
      expect(summary).toMatch(row(effectsQuestion, lonely));

      // The page for 13 and over does not exist for them, even typed in or posted to.
      expect((await page.goto(youthPath('more')))?.status()).toBe(404);
      const posted = await page.request.post(youthPath('more'), { form: { postcode_district: 'SK4', quote_consent: 'yes', intent: 'next' }, maxRedirects: 0 });
      expect(posted.status()).toBe(404);
      await visit(page, youthPath('check'), js);

      // "Change" goes to the question and, once answered, straight back to the check page.
      await page.getByRole('link', { name: en('check.changeLabel', { question: bestQuestion }) }).click();
      await page.waitForURL(new RegExp(`${escape(youthPath(stepOf.best_thing!))}\\?return=check$`));
      await pageHeading(page, bestQuestion).waitFor();
      await expectNothingIdentifying(page);
      expect(await best.getByRole('radio', { name: parks, exact: true }).isChecked()).toBe(true);
      const people = await youthLabel(db, 'best_thing', 'people', 'en');
      await choose(best, 'radio', people);
      await press(page, next(), youthUrl('check'));
      await pageHeading(page, en('check.title')).waitFor();
      await expectNothingIdentifying(page);
      const changed = await page.getByRole('main').innerText();
      expect(changed).toMatch(row(bestQuestion, people));
      expect(changed).not.toContain(parks);

      await press(page, page.getByRole('button', { name: en('check.send'), exact: true }), youthDoneUrl);
      await pageHeading(page, en('done.title')).waitFor();
      await expectNothingIdentifying(page);
      const reference = await shownReference(page);
      expect(reference).toMatch(REFERENCE);
      expect(page.url()).toContain(reference);

      // Stored once, as a young person who is never quoted, their answers counted with the main questions'.
      expect(await countResponses(db, { slug })).toBe(before + 1);
      const response = await responseByReference(db, reference);
      expect(response).toMatchObject({
        channel: 'young_people',
        respondent_group: 'young_person',
        age_band: '11_12',
        never_attribute: 1,
        quote_consent: 0,
        quote_credit: null,
        quote_name: null,
        postcode_district: null,
        ward_code: null,
        locale: 'en',
      });
      const answer = (question: string, fields: { option?: string; rank?: number; text?: string }) => ({
        question,
        option: null,
        rank: null,
        number: null,
        text: null,
        ...fields,
      });
      expect(await answersOf(db, response!.id)).toEqual([
        answer('best_thing', { option: 'community_support' }),
        answer('proud_words', { text: 'The skate park by the river' }),
        // "Parks and nature" and "Caring for the earth" are both green_spaces, counted once.
        answer('future_important', { option: 'green_spaces' }),
        answer('future_important', { option: 'education' }),
        answer('top_priorities', { option: 'healthy_happy', rank: 1 }),
        answer('covid_connected', { option: 'agree' }),
        answer('covid_affected', { option: 'yes' }),
        answer('covid_effects', { option: 'loneliness' }),
        answer('yp_safe', { option: 'strongly_agree' }),
        answer('yp_community', { option: 'agree' }),
        answer('yp_voice', { option: 'neither' }),
        answer('yp_health', { option: 'disagree' }),
        answer('yp_happy', { option: 'strongly_agree' }),
        answer('yp_confident', { option: 'strongly_disagree' }),
      ]);
    });

    it('a 16 year old gets "A bit more about you": where they live and whether their words can be shared', async () => {
      // The same count as for anyone: their age and each question. The page about them is not a question.
      const total = items.length + 1;
      await visit(page, youthPath('age'), js);
      await choose(page.getByRole('group', { name: en('age.question') }), 'radio', en('age.16_17'));
      await press(page, nextButton(page), youthUrl('1'));
      const safe = await youthLabel(db, 'best_thing', 'safe', 'en');
      for (const [i, item] of items.entries()) {
        await progress(page, 'en', i + 2, total);
        await pageHeading(page, await youthText(db, item.key, 'en')).waitFor();
        if (item.key === 'best_thing') await choose(page, 'radio', safe);
        if (item.key === 'yp_voice') await choose(page, 'radio', await youthLabel(db, 'yp_voice', 'disagree', 'en'));
        await press(page, nextButton(page), youthUrl(items[i + 1]?.step ?? 'more'));
      }

      await pageHeading(page, en('more.title')).waitFor();
      expect(await page.getByText(progressText('en', total, total), { exact: true }).count()).toBe(0);
      await page.getByRole('textbox', { name: en('more.postcode'), exact: true }).fill('sk4');
      await choose(page.getByRole('group', { name: en('more.quote') }), 'radio', en('more.quoteYes'));
      await choose(page.getByRole('group', { name: en('more.credit') }), 'radio', en('more.credit_age_area'));
      await press(page, nextButton(page), youthUrl('check'));

      await pageHeading(page, en('check.title')).waitFor();
      const summary = await page.getByRole('main').innerText();
      expect(summary).toMatch(new RegExp(`${escape(en('more.postcode'))}\\n+SK4\\n`));
      expect(summary).toMatch(row(en('more.quote'), en('more.quoteYes')));
      expect(summary).toMatch(row(en('more.credit'), en('more.credit_age_area')));
      await press(page, page.getByRole('button', { name: en('check.send'), exact: true }), youthDoneUrl);
      await pageHeading(page, en('done.title')).waitFor();

      const response = await responseByReference(db, await shownReference(page));
      expect(response).toMatchObject({
        channel: 'young_people',
        respondent_group: 'young_person',
        age_band: '16_17',
        postcode_district: 'SK4',
        quote_consent: 1,
        quote_credit: 'age_area',
        quote_name: null,
        never_attribute: 0,
      });
      expect((await answersOf(db, response!.id)).map((a) => [a.question, a.option])).toEqual([
        ['best_thing', 'safe_area'],
        ['yp_voice', 'disagree'],
      ]);
    });

    it("says what is wrong in young people's words when no age is chosen", async () => {
      await asNewVisitor(js, async (page) => {
        await visit(page, youthPath('age'), js);
        const response = js ? null : page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
        await nextButton(page).click();
        const summary = page.getByRole('alert');
        await summary.getByRole('heading', { name: en('errorSummary'), exact: true }).waitFor();
        expect(await summary.getByRole('link').allInnerTexts()).toEqual([en('errors.pickAge')]);
        if (!js) expect((await response)?.status()).toBe(400);
        // The title says so first, for screen readers.
        await page.waitForFunction((prefix) => document.title.startsWith(prefix), `${ui('en', 'errorPrefix')} `);
        const age = page.getByRole('group', { name: en('age.question') });
        expect(await descriptionOf(age)).toContain(`${ui('en', 'errorPrefix')} ${en('errors.pickAge')}`);
        // Following the message goes to the answers.
        await summary.getByRole('link', { name: en('errors.pickAge') }).click();
        expect(await isFocused(age.getByRole('radio').first())).toBe(true);
      });
    });

    it('keeps their words when an answer is too long, and says so plainly', async () => {
      await asNewVisitor(js, async (page) => {
        const tooLong = 'I love the skate park by the river. '.repeat(6).trim(); // 215 letters; the limit is 200.
        await visit(page, youthPath(stepOf.proud_words), js);
        const words = page.getByRole('textbox', { name: await youthText(db, 'proud_words', 'en') });
        await words.fill(tooLong);
        if (js) await page.getByText(en('charactersOver', { count: tooLong.length - 200 }), { exact: true }).waitFor();
        const response = js ? null : page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
        await nextButton(page).click();
        const message = en('errors.tooLong', { count: 200 });
        expect(message).toMatch(/^This is too long/);
        await page.getByRole('alert').getByRole('link', { name: message, exact: true }).waitFor();
        if (!js) expect((await response)?.status()).toBe(400);
        expect(await descriptionOf(words)).toContain(message);
        expect(await words.inputValue()).toBe(tooLong);
        expect(page.url()).toMatch(youthUrl(stepOf.proud_words!));
      });
    });

    it(js ? 'a double click on "Send my answers" stores one response' : 'a retried POST of the check form stores one response', async () => {
      await asNewVisitor(js, async (page) => {
        await visit(page, youthPath('age'), js);
        await choose(page, 'radio', en('age.13_15'));
        await press(page, nextButton(page), youthUrl('1'));
        await choose(page, 'radio', await youthLabel(db, 'best_thing', 'fun', 'en'));
        await press(page, nextButton(page), youthUrl('2'));
        await visit(page, youthPath('check'), js);
        const entries = await checkFormEntries(page);
        const key = new URLSearchParams(entries).get('idempotencyKey');
        expect(key).toBeTruthy();
        const before = await countResponses(db, { slug });

        if (js) {
          await page.getByRole('button', { name: en('check.send'), exact: true }).dblclick();
          await page.waitForURL(youthDoneUrl);
          expect((await responseByReference(db, await shownReference(page)))?.idempotency_key).toBe(key);
        } else {
          const post = () =>
            page.request.post(youthPath('check'), {
              headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
              data: new URLSearchParams(entries).toString(),
              maxRedirects: 0,
            });
          const first = await post();
          const second = await post();
          expect(first.status()).toBe(303);
          expect(second.status()).toBe(303);
          expect(first.headers()['location']).toMatch(youthDoneUrl);
          expect(second.headers()['location']).toBe(first.headers()['location']);
        }
        expect(await countResponses(db, { idempotencyKey: key! })).toBe(1);
        expect(await countResponses(db, { slug })).toBe(before + 1);
      });
    });

    it('chooses a face with the arrow keys and Space, and goes on with Enter', async () => {
      await asNewVisitor(js, async (page) => {
        const step = stepOf.covid_connected!;
        await visit(page, youthPath(step), js);
        const question = await youthText(db, 'covid_connected', 'en');
        const faces = page.getByRole('group', { name: question });
        const [noNotAtAll, , notSure, yes] = await faceLabels(db, 'covid_connected', 'en');
        await tabTo(page, faces.getByRole('radio').first());
        await page.keyboard.press('Space');
        expect(await faces.getByRole('radio', { name: noNotAtAll!, exact: true }).isChecked()).toBe(true);
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        expect(await faces.getByRole('radio', { name: notSure!, exact: true }).isChecked()).toBe(true);
        await page.keyboard.press('ArrowRight');
        const chosen = faces.getByRole('radio', { name: yes!, exact: true });
        expect(await chosen.isChecked()).toBe(true);
        expect(await isFocused(chosen)).toBe(true);
        expect(await faces.getByRole('radio', { checked: true }).count()).toBe(1);
        await tabTo(page, nextButton(page));
        await page.keyboard.press('Enter');
        await page.waitForURL(youthUrl(String(Number(step) + 1)));
        await pageHeading(page, await youthText(db, items[Number(step)]!.key, 'en')).waitFor();

        await visit(page, youthPath('check'), js);
        expect(await page.getByRole('main').innerText()).toMatch(row(question, yes!));
      });
    });

    it('in Urdu: right to left, the words from the Urdu translations, and stored as Urdu', async () => {
      await asNewVisitor(js, async (page) => {
        const ur = (key: string, vars?: Record<string, string | number>) => ui('ur', `youth:${key}`, vars);
        const total = items.length + 1;
        await visit(page, `${youthPath()}?lng=ur`, js);
        expect(await documentLanguage(page)).toEqual({ lang: 'ur', dir: 'rtl' });
        await pageHeading(page, ur('intro.title')).waitFor();
        await press(page, page.getByRole('button', { name: ur('intro.start'), exact: true }), youthUrl('age'));

        await progress(page, 'ur', 1, total);
        expect(await documentLanguage(page)).toEqual({ lang: 'ur', dir: 'rtl' });
        await pageHeading(page, ur('age.question')).waitFor();
        const age = page.getByRole('group', { name: ur('age.question') });
        await expectRadios(
          age,
          ['under_11', '11_12', '13_15', '16_17', '18_24'].map((band) => ur(`age.${band}`)),
        );
        await choose(age, 'radio', ur('age.11_12'));
        await press(page, nextButton(page, 'ur'), youthUrl('1'));

        await progress(page, 'ur', 2, total);
        const best = await youthText(db, 'best_thing', 'ur');
        expect(best).not.toBe(await youthText(db, 'best_thing', 'en'));
        await pageHeading(page, best).waitFor();
        await choose(page.getByRole('group', { name: best }), 'radio', await youthLabel(db, 'best_thing', 'parks', 'ur'));
        await press(page, nextButton(page, 'ur'), youthUrl('2'));
        await pageHeading(page, await youthText(db, 'proud_words', 'ur')).waitFor();

        // The faces, named in Urdu as the consultation's translations word them.
        await visit(page, youthPath(stepOf.covid_connected), js);
        const connected = await youthText(db, 'covid_connected', 'ur');
        await pageHeading(page, connected).waitFor();
        const labels = await faceLabels(db, 'covid_connected', 'ur');
        const english = await faceLabels(db, 'covid_connected', 'en');
        labels.forEach((label, i) => expect(label, `face ${i + 1} is translated`).not.toBe(english[i]));
        const faces = page.getByRole('group', { name: connected });
        await expectRadios(faces, labels);
        await choose(faces, 'radio', labels[4]!);
        await press(page, nextButton(page, 'ur'), youthUrl(String(Number(stepOf.covid_connected) + 1)));

        await visit(page, youthPath('check'), js);
        await pageHeading(page, ur('check.title')).waitFor();
        expect(await page.getByRole('main').innerText()).toMatch(row(connected, labels[4]!));
        await press(page, page.getByRole('button', { name: ur('check.send'), exact: true }), youthDoneUrl);
        await pageHeading(page, ur('done.title')).waitFor();
        expect(await documentLanguage(page)).toEqual({ lang: 'ur', dir: 'rtl' });
        const response = await responseByReference(db, await shownReference(page));
        expect(response).toMatchObject({ locale: 'ur', channel: 'young_people', age_band: '11_12' });
        expect((await answersOf(db, response!.id)).map((a) => [a.question, a.option])).toEqual([
          ['best_thing', 'parks_green_spaces'],
          ['covid_connected', 'strongly_agree'],
        ]);
      });
    });
  });
}

describe('an age changed to under 13 on the check page', () => {
  it('forgets where they live and whether to quote them, so neither is sent', async () => {
    await asNewVisitor(false, async (page) => {
      await visit(page, youthPath('age'), false);
      await choose(page, 'radio', en('age.13_15'));
      await press(page, nextButton(page), youthUrl('1'));
      await visit(page, youthPath('more'), false);
      await page.getByRole('textbox', { name: en('more.postcode'), exact: true }).fill('SK4');
      await choose(page.getByRole('group', { name: en('more.quote') }), 'radio', en('more.quoteYes'));
      await choose(page.getByRole('group', { name: en('more.credit') }), 'radio', en('more.credit_area'));
      await press(page, nextButton(page), youthUrl('check'));
      expect(await page.getByRole('main').innerText()).toMatch(row(en('more.postcode'), 'SK4'));

      await page.getByRole('link', { name: en('check.changeLabel', { question: en('age.question') }) }).click();
      await page.waitForURL(new RegExp(`${escape(youthPath('age'))}\\?return=check$`));
      await choose(page, 'radio', en('age.11_12'));
      await press(page, nextButton(page), youthUrl('check'));
      await pageHeading(page, en('check.title')).waitFor();
      await expectNothingIdentifying(page);
      expect((await page.goto(youthPath('more')))?.status()).toBe(404);

      await visit(page, youthPath('check'), false);
      await press(page, page.getByRole('button', { name: en('check.send'), exact: true }), youthDoneUrl);
      expect(await responseByReference(db, await shownReference(page))).toMatchObject({
        age_band: '11_12',
        postcode_district: null,
        quote_consent: 0,
        quote_credit: null,
        never_attribute: 1,
      });
    });
  });
});

describe('a tampered check form', () => {
  const post = (fields: [string, string][]) =>
    fetch(`${app.url}${youthPath('check')}`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
  const under13 = (idempotencyKey: string): [string, string][] => [
    ['age_band', '11_12'],
    ['q-best_thing', 'parks'],
    ['idempotencyKey', idempotencyKey],
  ];

  for (const [field, value] of [
    ['postcode_district', 'SK4'],
    ['quote_consent', 'yes'],
  ] as const) {
    it(`is refused with 400 for an under-13 when it carries ${field}, and nothing is stored`, async () => {
      const before = await countResponses(db);
      const idempotencyKey = randomUUID();
      const response = await post([
        ...under13(idempotencyKey),
        [field, value],
        ...(field === 'quote_consent' ? [['quote_credit', 'anonymous'] as [string, string]] : []),
      ]);
      expect(response.status).toBe(400);
      expect(await countResponses(db, { idempotencyKey })).toBe(0);
      expect(await countResponses(db)).toBe(before);
    });
  }

  it('is accepted without those fields, so the refusal was for them alone', async () => {
    const idempotencyKey = randomUUID();
    const response = await post(under13(idempotencyKey));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(youthDoneUrl);
    expect(await countResponses(db, { idempotencyKey })).toBe(1);
  });
});

describe('the answer pictures', () => {
  // Emoji drawn from the device's fonts show as empty boxes where there is none; ©, ® and the like are not pictures.
  const EMOJI = /\p{Emoji_Presentation}|\uFE0F/u;

  it('are drawn beside every answer’s words (an <svg> each, hidden from screen readers), never emoji, axe clean, in English and Urdu', async () => {
    // axe runs in the page, so JavaScript is on; the pictures are in the server's HTML either way.
    await asNewVisitor(true, async (page) => {
      await visit(page, youthPath('age'), true);
      await choose(page, 'radio', en('age.16_17'));
      await press(page, nextButton(page), youthUrl('1'));
      let drawn = 0;
      for (const locale of ['en', 'ur'] as const) {
        for (const { step } of items) {
          await visit(page, `${youthPath(step)}?lng=${locale}`, true);
          const where = `${locale} ${page.url()}`;
          expect(await page.content(), where).not.toMatch(EMOJI);
          const answers = await page.locator('.youth-choice__label').count();
          expect(await page.locator('.youth-choice__label svg[aria-hidden="true"]').count(), where).toBe(answers);
          const pictures = await page.locator('.youth-choice__label svg[data-picture]').count();
          drawn += pictures;
          if (pictures > 0) await expectAccessible(page);
        }
      }
      expect(drawn).toBeGreaterThan(20);
    });
  }, 180_000);
});
