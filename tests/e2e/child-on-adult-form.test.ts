import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { countResponses, newVisitor, responseByReference, type Suite, startSuite, stopSuite } from './harness';
import { answerRequiredOnly, checkUrl, confirmationUrl, press, shownReference, SLUGS, stepUrl, ui, visit } from './survey';

// A child who finds the adult form rather than the young people's one (issue 14): someone who
// answers "Under 16" is never asked their gender identity or sexual orientation, and is never
// credited by name, age or area, with or without JavaScript, and a hand-made post cannot make it so.

const slug = SLUGS.oneStockport;
let suite: Suite;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

const about = (key: string) => ui('en', `about:${key}`);
const survey = (key: string) => ui('en', `survey:${key}`);
const continueButton = (page: Page) => page.getByRole('button', { name: survey('continue'), exact: true });
const group = (page: Page, name: string) => page.getByRole('group', { name });
const SENSITIVE_QUESTIONS = [about('gender_identity.question'), about('sexual_orientation.question')];

/** Nothing on the page asks for or shows a child's gender identity, sexual orientation or credit, nor would send them. */
async function expectNothingAChildIsNotAsked(page: Page): Promise<void> {
  const where = page.url();
  const text = await page.getByRole('main').innerText();
  for (const words of [...SENSITIVE_QUESTIONS, survey('words.creditQuestion'), survey('words.firstName'), 'Sam']) expect(text, where).not.toContain(words);
  const fields = ['gender_identity', 'sexual_orientation', 'quote_credit', 'quote_name'].map((name) => `[name="${name}"]`).join(', ');
  expect(await page.locator(fields).count(), `fields on ${where}`).toBe(0);
}

async function sendAndRead(page: Page) {
  await press(page, page.getByRole('button', { name: survey('check.send') }), confirmationUrl(slug));
  return responseByReference(suite.db, await shownReference(page));
}

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    it('someone who says "Under 16" is not asked the sensitive questions, chooses no credit, and is stored never to be named', async () => {
      const context = await newVisitor(suite.browser, suite.app, { js });
      const page = await context.newPage();
      try {
        await answerRequiredOnly(page, suite.db, { js, locale: 'en' });
        await visit(page, `/consultations/${slug}/answer/about-you`, js);
        await expectNothingAChildIsNotAsked(page);
        await group(page, about('age_band.question')).getByLabel(about('age_band.under_16'), { exact: true }).check();
        await press(page, continueButton(page), stepUrl(slug, 'your-words'));

        // Using your words: whether to be quoted, never how to be credited.
        await page.getByRole('heading', { level: 1, name: survey('words.title') }).waitFor();
        await expectNothingAChildIsNotAsked(page);
        if (js) await expectAccessible(page);
        await group(page, survey('words.consentQuestion')).getByLabel(survey('words.consentYes')).check();
        await press(page, continueButton(page), checkUrl(slug));

        await page.getByRole('heading', { level: 1, name: survey('check.title') }).waitFor();
        expect(await page.getByRole('main').innerText()).toContain(about('age_band.under_16'));
        await expectNothingAChildIsNotAsked(page);
        expect((await page.goto(`/consultations/${slug}/answer/about-you-more`))?.status()).toBe(404);

        await visit(page, `/consultations/${slug}/check`, js);
        expect(await sendAndRead(page)).toMatchObject({
          age_band: 'under_16',
          gender_identity: null,
          sexual_orientation: null,
          quote_consent: 1,
          quote_credit: 'anonymous',
          quote_name: null,
          never_attribute: 1,
        });
      } finally {
        await context.close();
      }
    });
  });
}

describe('an age changed to "Under 16" from the check page', () => {
  it('forgets the sensitive answers and the name given as an adult, so neither is shown or sent', async () => {
    const context = await newVisitor(suite.browser, suite.app, { js: true });
    const page = await context.newPage();
    try {
      await answerRequiredOnly(page, suite.db, { js: true, locale: 'en' });
      await visit(page, `/consultations/${slug}/answer/about-you`, true);
      await group(page, about('age_band.question')).getByLabel(about('age_band.25_34'), { exact: true }).check();
      await press(page, continueButton(page), stepUrl(slug, 'about-you-more'));
      await page.getByRole('heading', { level: 1, name: about('more.title') }).waitFor();
      await expectAccessible(page);
      await group(page, about('sexual_orientation.question')).getByLabel(about('sexual_orientation.bisexual')).check();
      await press(page, continueButton(page), stepUrl(slug, 'your-words'));
      await group(page, survey('words.consentQuestion')).getByLabel(survey('words.consentYes')).check();
      await group(page, survey('words.creditQuestion')).getByLabel(survey('words.credit.name_age_area')).check();
      await page.getByLabel(survey('words.firstName')).fill('Sam');
      await press(page, continueButton(page), checkUrl(slug));
      await page.getByRole('heading', { level: 1, name: survey('check.title') }).waitFor();
      expect(await page.getByRole('main').innerText()).toContain('Sam');

      await page.getByRole('link', { name: survey('check.changeLabel').replace('{{question}}', about('age_band.question')) }).click();
      await page.waitForURL(/\/answer\/about-you\?return=check/);
      await group(page, about('age_band.question')).getByLabel(about('age_band.under_16'), { exact: true }).check();
      await press(page, continueButton(page), checkUrl(slug));
      await page.getByRole('heading', { level: 1, name: survey('check.title') }).waitFor();
      await expectNothingAChildIsNotAsked(page);
      expect(await page.getByRole('main').innerText()).not.toContain(about('sexual_orientation.bisexual'));

      expect(await sendAndRead(page)).toMatchObject({
        age_band: 'under_16',
        sexual_orientation: null,
        quote_credit: 'anonymous',
        quote_name: null,
        never_attribute: 1,
      });
    } finally {
      await context.close();
    }
  });
});

describe('a hand-made post of the check form', () => {
  const post = (fields: [string, string][]) =>
    fetch(`${suite.app.url}/consultations/${slug}/check`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
  const child = (idempotencyKey: string): [string, string][] => [
    ['q-best_thing', 'parks_green_spaces'],
    ['q-future_important', 'jobs'],
    ['q-top_priorities[0]', 'healthy_happy'],
    ['age_band', 'under_16'],
    ['idempotencyKey', idempotencyKey],
  ];

  for (const [what, extra] of [
    ['a sexual orientation', [['sexual_orientation', 'bisexual']]],
    ['a gender identity', [['gender_identity', 'different']]],
    [
      'a credit by name',
      [
        ['quote_consent', 'yes'],
        ['quote_credit', 'name_age_area'],
        ['quote_name', 'Sam'],
      ],
    ],
  ] as [string, [string, string][]][]) {
    it(`is refused with 400 and says why when an under-16 sends ${what}, and nothing is stored`, async () => {
      const before = await countResponses(suite.db);
      const idempotencyKey = randomUUID();
      const response = await post([...child(idempotencyKey), ...extra]);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(survey('errors.notAskedAtAge'));
      expect(await countResponses(suite.db, { idempotencyKey })).toBe(0);
      expect(await countResponses(suite.db)).toBe(before);
    });
  }

  it('is accepted without them, so the refusal was for them alone', async () => {
    const idempotencyKey = randomUUID();
    const response = await post([...child(idempotencyKey), ['quote_consent', 'yes']]);
    expect(response.status).toBe(303);
    expect(await countResponses(suite.db, { idempotencyKey })).toBe(1);
  });
});
