import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { answersOf, countResponses, newVisitor, responseByReference, type RunningApp, startSuite, stopSuite } from './harness';
import { checkUrl, confirmationUrl, press, REFERENCE, shownReference, SLUGS, stepUrl, visit } from './survey';

// A resident answers every question of the One Stockport conversation, with and without JavaScript.

const slug = SLUGS.oneStockport;
let app: RunningApp;
let db: Db;
let browser: Browser;

beforeAll(async () => ({ app, db, browser } = await startSuite()));

afterAll(() => stopSuite({ app, db, browser }));

const group = (page: Page, legend: string | RegExp) => page.getByRole('group', { name: legend });
const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true });
/** "Section 5 of 6": a seventh page, "More about you", joins once the age given shows 16 or over. */
const caption = (page: Page, n: number, total = 6) => page.getByText(`Section ${n} of ${total}`, { exact: true });

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newVisitor(browser, app, { js });
      page = await context.newPage();
    });
    afterAll(() => context?.close());

    it('answers every kind of question, checks, changes one answer and sends the response', async () => {
      const before = await countResponses(db, { slug });

      await visit(page, '/', js);
      await page.getByRole('link', { name: 'The One Stockport conversation: your borough, your future', exact: true }).click();
      await page.waitForURL(new RegExp(`/consultations/${slug}$`));
      await press(page, page.getByRole('button', { name: 'Start now' }), stepUrl(slug, '1'));

      // Section 1: one choice with "Other", a rating, a short answer.
      await page.getByRole('heading', { level: 1, name: 'Why are you proud to live or work in Stockport?' }).waitFor();
      await caption(page, 1).waitFor();
      const best = group(page, 'What is the best thing about living or working in Stockport?');
      const bestOther = best.getByLabel('Please tell us what');
      expect(await bestOther.isVisible()).toBe(false);
      await best.getByLabel('Other, please specify').check();
      await bestOther.waitFor({ state: 'visible' });
      await bestOther.fill('The canal walks');
      await group(page, 'how proud are you of your local area?').getByLabel('8', { exact: true }).check();
      await page.getByLabel('In a few words, what makes your area special?').fill('Friendly neighbours');
      await press(page, continueButton(page), stepUrl(slug, '2'));

      // Section 2: several choices, with "Other", and yes or no.
      await caption(page, 2).waitFor();
      const important = group(page, 'Which of these are most important to you for the future of Stockport?');
      await important.getByLabel('Access to good quality health services').check();
      await important.getByLabel('Parks, green spaces and the environment').check();
      await important.getByLabel('Other, please specify').check();
      await important.getByLabel('Please tell us what').fill('More buses at night');
      await group(page, 'Would you like to be more involved').getByLabel('Yes', { exact: true }).check();

      // "Save and go back" keeps this page's answers and shows the previous page as it was left.
      await press(page, page.getByRole('button', { name: 'Save and go back' }), stepUrl(slug, '1'));
      await caption(page, 1).waitFor();
      expect(await best.getByLabel('Other, please specify').isChecked()).toBe(true);
      expect(await bestOther.inputValue()).toBe('The canal walks');
      expect(await group(page, 'how proud are you of your local area?').getByLabel('8', { exact: true }).isChecked()).toBe(true);
      expect(await page.getByLabel('In a few words, what makes your area special?').inputValue()).toBe('Friendly neighbours');
      await press(page, continueButton(page), stepUrl(slug, '2'));
      await caption(page, 2).waitFor();
      expect(await important.getByLabel('Access to good quality health services').isChecked()).toBe(true);
      expect(await important.getByLabel('Parks, green spaces and the environment').isChecked()).toBe(true);
      expect(await important.getByLabel('Good jobs and training').isChecked()).toBe(false);
      expect(await important.getByLabel('Please tell us what').inputValue()).toBe('More buses at night');
      expect(await group(page, 'Would you like to be more involved').getByLabel('Yes', { exact: true }).isChecked()).toBe(true);
      await press(page, continueButton(page), stepUrl(slug, '3'));

      // Section 3: a top 3, one list per position.
      await caption(page, 3).waitFor();
      await page.getByLabel('Choice 1 (most important)').selectOption({ label: 'A climate friendly Stockport' });
      await page.getByLabel('Choice 2', { exact: true }).selectOption({ label: 'A healthy and happy Stockport' });
      await page.getByLabel('Choice 3', { exact: true }).selectOption({ label: 'A skilled and confident Stockport' });
      await press(page, continueButton(page), stepUrl(slug, '4'));

      // Section 4: how far they agree, and a long answer.
      await caption(page, 4).waitFor();
      await group(page, 'I feel more connected to my local community').getByLabel('Strongly agree').check();
      await group(page, 'I will keep supporting local businesses').getByLabel('Agree', { exact: true }).check();
      await group(page, 'I am worried about the effect of Covid-19').getByLabel('Neither agree nor disagree').check();
      await group(page, 'I do more things online').getByLabel('Strongly disagree').check();
      await page.getByLabel('Tell us how Covid-19 has affected you and your family').fill('I lost my job for a while.\nMy children missed school.');
      await press(page, continueButton(page), stepUrl(slug, 'about-you'));

      // About you.
      await page.getByRole('heading', { level: 1, name: 'About you' }).waitFor();
      await caption(page, 5).waitFor();
      const connected = group(page, 'How are you connected to Stockport?');
      await connected.getByLabel('I live here').check();
      await connected.getByLabel('I work here').check();
      await page.getByLabel('Which ward do you live in?').selectOption({ label: 'Reddish North' });
      await group(page, 'What is your age?').getByLabel('35 to 44').check();
      await group(page, 'What is your sex?').getByLabel('Female').check();
      await page.getByLabel('What is your ethnic group?').selectOption({ label: 'Pakistani' });
      await group(page, 'Are your day-to-day activities limited').getByLabel('No', { exact: true }).check();
      await group(page, 'Do you look after, or give any help').getByLabel('Yes, 9 hours a week or less').check();
      await group(page, 'What is your religion?').getByLabel('Muslim').check();
      await press(page, continueButton(page), stepUrl(slug, 'about-you-more'));

      // More about you: asked once the age given shows 16 or over.
      await page.getByRole('heading', { level: 1, name: 'More about you' }).waitFor();
      await caption(page, 6, 7).waitFor();
      await group(page, 'Is the gender you identify with the same').getByLabel('Yes', { exact: true }).check();
      await group(page, 'best describes your sexual orientation?').getByLabel('Prefer not to say').check();
      await press(page, continueButton(page), stepUrl(slug, 'your-words'));

      // Using your words.
      await page.getByRole('heading', { level: 1, name: 'Using your words' }).waitFor();
      await caption(page, 7, 7).waitFor();
      await group(page, 'Can we quote your answers?').getByLabel('Yes, you can quote me').check();
      await group(page, 'How should we credit your words?').getByLabel('My first name, age and area').check();
      await page.getByLabel('Your first name').fill('Amina');
      await press(page, continueButton(page), checkUrl(slug));

      // Check your answers shows everything given.
      await page.getByRole('heading', { level: 1, name: 'Check your answers before sending them' }).waitFor();
      const summary = await page.getByRole('main').innerText();
      for (const shown of [
        'Other, please specify: The canal walks',
        'Friendly neighbours',
        'Access to good quality health services',
        'Other, please specify: More buses at night',
        '1. A climate friendly Stockport',
        '2. A healthy and happy Stockport',
        '3. A skilled and confident Stockport',
        'Strongly agree',
        'Neither agree nor disagree',
        'I lost my job for a while.',
        'Reddish North',
        '35 to 44',
        'Pakistani',
        'Yes, 9 hours a week or less',
        'Yes, you can quote me',
        'Amina',
      ]) {
        expect(summary).toContain(shown);
      }

      // "Change" goes to the question and, once answered, straight back to the check page.
      await page.getByRole('link', { name: 'Change your answer to: In a few words, what makes your area special?' }).click();
      await page.waitForURL(/\/answer\/1\?return=check#q-proud_words$/);
      const proudWords = page.getByLabel('In a few words, what makes your area special?');
      expect(await proudWords.inputValue()).toBe('Friendly neighbours');
      await proudWords.fill('The friendliest neighbours in England');
      await press(page, continueButton(page), checkUrl(slug));
      await page.getByRole('heading', { level: 1, name: 'Check your answers before sending them' }).waitFor();
      await page.getByText('The friendliest neighbours in England').waitFor();
      expect(await page.getByText('Friendly neighbours', { exact: true }).count()).toBe(0);

      await press(page, page.getByRole('button', { name: 'Send my response' }), confirmationUrl(slug));
      await page.getByRole('heading', { level: 1, name: 'Response sent' }).waitFor();
      const reference = await shownReference(page);
      expect(reference).toMatch(REFERENCE);
      expect(page.url()).toContain(reference);

      // Stored exactly once, as given.
      expect(await countResponses(db, { slug })).toBe(before + 1);
      const response = await responseByReference(db, reference);
      const ward = await db.selectFrom('wards').select('code').where('name', '=', 'Reddish North').executeTakeFirstOrThrow();
      expect(response).toMatchObject({
        channel: 'online',
        locale: 'en',
        respondent_group: 'resident',
        ward_code: ward.code,
        age_band: '35_44',
        sex: 'female',
        gender_identity: 'same',
        ethnicity: 'asian_pakistani',
        disability: 'not_limited',
        carer: '9_or_less',
        religion: 'muslim',
        sexual_orientation: 'prefer_not_to_say',
        lives_in_area: 1,
        works_in_area: 1,
        studies_in_area: 0,
        runs_business: 0,
        represents_group: 0,
        quote_consent: 1,
        quote_credit: 'name_age_area',
        quote_name: 'Amina',
      });
      // A browser sends a textarea's line breaks as CRLF without JavaScript and as LF with it; the
      // app stores them the same way either way.
      const answers = await answersOf(db, response!.id);
      const row = (question: string, fields: Partial<(typeof answers)[number]>) => ({
        question,
        option: null,
        rank: null,
        number: null,
        text: null,
        ...fields,
      });
      expect(answers).toEqual([
        row('best_thing', { option: 'other', text: 'The canal walks' }),
        row('proud_rating', { number: 8 }),
        row('proud_words', { text: 'The friendliest neighbours in England' }),
        row('future_important', { option: 'health_services' }),
        row('future_important', { option: 'green_spaces' }),
        row('future_important', { option: 'other', text: 'More buses at night' }),
        row('future_involved', { option: 'yes' }),
        row('top_priorities', { option: 'climate_friendly', rank: 1 }),
        row('top_priorities', { option: 'healthy_happy', rank: 2 }),
        row('top_priorities', { option: 'skilled_confident', rank: 3 }),
        row('covid_connected', { option: 'strongly_agree' }),
        row('covid_local_business', { option: 'agree' }),
        row('covid_worried_health', { option: 'neither' }),
        row('covid_online', { option: 'strongly_disagree' }),
        row('covid_story', { text: 'I lost my job for a while.\nMy children missed school.' }),
      ]);
    });
  });
}
