import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { answersOf, countResponses, newVisitor, responseByReference, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { checkUrl, confirmationUrl, press, REFERENCE, shownReference, stepUrl, ui, visit } from './survey';
import { expectAccessible } from './axe';
import { addAccount, signIn, type Account } from './workspace';

// The whole story of issue 4 in one walk through the real pages: an administrator invites an
// officer; the officer builds a consultation with every kind of question and a young people's
// version and publishes it; a resident and a young person answer it; the officer imports a
// spreadsheet (refused row by row, then fixed and imported) and keeps a spam response out of
// the counts. Then, without JavaScript, the officer builds and publishes another one and marks
// another response as spam. The database is only read, to check what was stored.

const TITLE = 'Parks for everyone in Stockport';
const SECTION = 'Your parks';
const YOUTH_CODE = 'parksforall';

const QUESTIONS = [
  {
    kind: 'Single choice',
    text: 'Which park do you visit most',
    options: 'Bruntwood\nWoodbank\nVernon',
    other: 'Somewhere else',
  },
  {
    kind: 'Multiple choice',
    text: 'What do you do there',
    options: 'Walk\nPlay\nSport',
    maxSelections: '2',
  },
  { kind: 'Yes or no', text: 'Do you feel safe' },
  { kind: 'Agree or disagree (5 points)', text: 'Parks are clean' },
  { kind: 'Rating', text: 'Rate the paths', ratingMax: '10' },
  {
    kind: 'Ranking',
    text: 'Rank what matters',
    options: 'Toilets\nCafes\nLighting',
    rankCount: '2',
  },
  { kind: 'Short text', text: 'Your favourite spot' },
  { kind: 'Long text', text: 'Anything else' },
];

let app: RunningApp;
let db: Db;
let browser: Browser;
let admin: Account;
const contexts: BrowserContext[] = [];

// What the story hands from one step to the next.
let officer: Account;
let officerPage: Page;
let consultationId: number;
let slug: string;
let residentReference: string;

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  // The first administrator, made the way `npm run user:create` makes one.
  admin = await addAccount(db, 'admin', 'Ada Admin');
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await stopSuite({ app, db, browser });
});

async function visitor(js: boolean): Promise<Page> {
  const context = await newVisitor(browser, app, { js });
  contexts.push(context);
  return context.newPage();
}

/** Presses a button that sends a form and waits for the page it leads to to be ready. */
/**
 * Presses a form's button and waits for the server to answer its POST. With JavaScript on, the
 * page is already loaded when the click returns, so without this the next step could leave the
 * page (and cancel the request) before the change was made: it did, on a loaded machine.
 */
async function submit(page: Page, js: boolean, button: string): Promise<void> {
  const answered = page.waitForResponse((response) => response.request().method() === 'POST');
  await page.getByRole('button', { name: button, exact: true }).click();
  await answered;
  await page.waitForLoadState('load');
  if (js) await waitForHydration(page);
}

const statusOf = async (id: number) => (await db.selectFrom('consultations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const countedOnList = async (page: Page) => Number(await page.getByTestId('counted').locator('strong').innerText());
const countedOnOverview = async (page: Page) => Number(await page.locator('.summary-cards li').first().locator('strong').innerText());
const csvFile = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
});

/** Creates a draft through /admin/consultations/new and returns its id. */
async function createDraft(page: Page, js: boolean, title: string): Promise<number> {
  await visit(page, '/admin/consultations/new', js);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Summary').fill('Tell us how the parks near you could be better.');
  await submit(page, js, 'Create the draft');
  await page.waitForURL(/\/admin\/consultations\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** Presses Publish while the draft is incomplete: refused, with the reasons, and still a draft. */
async function expectPublishRefused(page: Page, js: boolean, id: number): Promise<void> {
  await submit(page, js, 'Publish');
  const refusal = await page.getByRole('alert').first().innerText();
  expect(refusal).toContain('It cannot be published yet');
  expect(refusal).toContain('Add at least one question');
  expect(refusal).toContain('Set a closing date');
  expect(await statusOf(id)).toBe('draft');
}

/** Adds one question through the builder's form. */
async function addQuestion(page: Page, js: boolean, id: number, q: (typeof QUESTIONS)[number], section: string, axe = false): Promise<void> {
  await visit(page, `/admin/consultations/${id}/questions`, js);
  await page.getByRole('link', { name: `Add a question to ${section}` }).click();
  await page.waitForURL(/questions\/new/);
  if (js) await waitForHydration(page);
  if (axe) await expectAccessible(page);
  await page.getByLabel('Kind of question').selectOption({ label: q.kind });
  await page.getByLabel('Question', { exact: true }).fill(q.text);
  if (q.options) await page.getByLabel('Options, one per line').fill(q.options);
  if (q.other) await page.getByLabel('“Other, please specify” option (optional)').fill(q.other);
  if (q.maxSelections) await page.getByLabel('Most options a person may choose').fill(q.maxSelections);
  if (q.ratingMax) await page.getByLabel('Highest rating').fill(q.ratingMax);
  if (q.rankCount) await page.getByLabel('How many options to rank').fill(q.rankCount);
  await submit(page, js, 'Add the question');
  await page.waitForURL(/questions\/\d+/);
}

/** Sets the closing date and a priority on the details page, then publishes from the overview. */
async function completeAndPublish(page: Page, js: boolean, id: number, axe = false): Promise<void> {
  await visit(page, `/admin/consultations/${id}/details`, js);
  await page.getByLabel('Closes on').fill('2099-06-30');
  await page.getByLabel('Closing time').fill('17:00');
  await page.getByLabel('A healthy and happy Stockport').check();
  if (axe) {
    // The whole story: what people read before they start, too.
    await page.getByLabel('Why we are asking').fill('The parks budget is being set for the next five years.');
    await page.getByLabel('What happens next').fill('We will publish what you told us in the autumn.');
    await page.getByLabel('Minutes it takes to answer').fill('5');
    await expectAccessible(page);
  }
  await submit(page, js, 'Save the details');
  await page.waitForURL(/\/admin\/consultations\/\d+\?done=saved$/);
  const stored = await db.selectFrom('consultations').select(['closes_at', 'why_asking', 'estimated_minutes']).where('id', '=', id).executeTakeFirstOrThrow();
  expect(stored.closes_at).toBe('2099-06-30T16:00:00.000Z');
  if (axe)
    expect(stored).toMatchObject({
      why_asking: 'The parks budget is being set for the next five years.',
      estimated_minutes: 5,
    });
  const linked = await db.selectFrom('consultation_priorities').select('priority_id').where('consultation_id', '=', id).execute();
  expect(linked).toHaveLength(1);
  await submit(page, js, 'Publish');
  await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Published');
  expect(await statusOf(id)).toBe('open');
}

/** Marks a response as spam on its page; returns its id. */
async function markAsSpam(page: Page, js: boolean, link: string, reason: string): Promise<number> {
  await page.getByRole('table').first().getByRole('link', { name: link, exact: true }).click();
  await page.waitForURL(/\/responses\/\d+$/);
  if (js) await waitForHydration(page);
  const responseId = Number(new URL(page.url()).pathname.split('/').pop());
  await page.getByLabel('Mark as').selectOption('spam');
  await page.getByLabel('Reason', { exact: true }).fill(reason);
  await press(page, page.getByRole('button', { name: 'Keep out of the counts' }), /\?changed=spam$/);
  expect(await page.getByRole('status').innerText()).toContain('marked as Spam');
  return responseId;
}

describe('the officer’s journey, JavaScript on', () => {
  it('an administrator invites an officer, who chooses a password and lands in the workspace', async () => {
    const page = await visitor(true);
    await signIn(page, admin, '/admin/users');
    await waitForHydration(page);
    const email = 'olu.officer@stockport.gov.uk';
    await page.getByLabel('Name').fill('Olu Adeyemi');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Role').selectOption('officer');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`${email} is invited. Send them this link:`).waitFor();
    const link = (await page.locator('.copy-box').textContent())!.trim();
    expect(link).toMatch(/\/admin\/invite\/[\w-]{43}$/);

    officer = { email, password: 'olu chooses this password', role: 'officer' };
    officerPage = await visitor(true);
    await visit(officerPage, link, true);
    await officerPage.getByLabel('Your name').fill('Olu Adeyemi');
    await officerPage.getByLabel('Password', { exact: true }).fill(officer.password);
    await officerPage.getByLabel('Password again').fill(officer.password);
    await officerPage.getByRole('button', { name: 'Create account' }).click();
    await officerPage.waitForURL((url) => url.pathname === '/admin');
    await officerPage.getByText('Signed in as Olu Adeyemi (Officer)').waitFor();
    expect(await db.selectFrom('users').select(['role', 'status']).where('email', '=', email).executeTakeFirstOrThrow()).toEqual({
      role: 'officer',
      status: 'active',
    });
  });

  it('the officer builds a consultation with every kind of question and a young people’s version, and publishes it', async () => {
    const page = officerPage;
    consultationId = await createDraft(page, true, TITLE);
    const id = consultationId;
    await expectAccessible(page);
    await expectPublishRefused(page, true, id);

    await visit(page, `/admin/consultations/${id}/questions`, true);
    await page.getByLabel('Section title').fill(SECTION);
    await submit(page, true, 'Add a section');
    for (const [i, q] of QUESTIONS.entries()) await addQuestion(page, true, id, q, SECTION, i === 0);
    const questions = await db
      .selectFrom('questions')
      .select(['id', 'key', 'kind', 'max_selections', 'rating_max', 'rank_count', 'required'])
      .where('consultation_id', '=', id)
      .orderBy('position')
      .execute();
    expect(questions.map((q) => q.kind)).toEqual(['single_choice', 'multiple_choice', 'yes_no', 'agree_scale', 'rating', 'ranking', 'short_text', 'long_text']);
    expect(questions.map((q) => [q.max_selections, q.rating_max, q.rank_count])).toEqual([
      [null, null, null],
      [2, null, null],
      [null, null, null],
      [null, null, null],
      [null, 10, null],
      [null, null, 2],
      [null, null, null],
      [null, null, null],
    ]);
    const parkOptions = await db.selectFrom('options').select(['key', 'is_other']).where('question_id', '=', questions[0]!.id).orderBy('position').execute();
    expect(parkOptions.map((o) => o.key)).toEqual(['bruntwood', 'woodbank', 'vernon', 'other']);
    await visit(page, `/admin/consultations/${id}/questions`, true);
    await expectAccessible(page);

    // The young people's version: a short code, and the park question in their words.
    const youth = `/admin/consultations/${id}/youth`;
    await visit(page, youth, true);
    await page.getByLabel('Short code').fill(YOUTH_CODE);
    await page.getByRole('button', { name: 'Save short code' }).click();
    await page
      .getByTestId('youth-link')
      .filter({ hasText: `/young/${YOUTH_CODE}` })
      .waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Add a question for young people' }).click();
    await page.waitForURL(`**${youth}/new`);
    await waitForHydration(page);
    await page.getByLabel('Which question should young people answer?').selectOption({ label: `${QUESTIONS[0]!.text} (One choice)` });
    await page.getByRole('button', { name: 'Use this question' }).click();
    await page.waitForURL(/question=/);
    await waitForHydration(page);
    await expectAccessible(page);
    await page.getByLabel("The question in young people's words").fill('Which park do you go to?');
    await page.getByLabel('Answer 1', { exact: true }).fill('Bruntwood Park');
    await page.getByLabel('Answer 1 counts as').selectOption({ label: 'Bruntwood' });
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.waitForURL(`**${youth}?added=*`);
    await page.getByText('Bruntwood Park counts as “Bruntwood”').waitFor();
    const youthOptions = await db
      .selectFrom('youth_options as yo')
      .innerJoin('youth_items as y', 'y.id', 'yo.youth_item_id')
      .innerJoin('options as o', 'o.id', 'yo.option_id')
      .select(['yo.label', 'o.key'])
      .where('y.consultation_id', '=', id)
      .orderBy('yo.position')
      .execute();
    expect(youthOptions[0]).toEqual({
      label: 'Bruntwood Park',
      key: 'bruntwood',
    });

    await completeAndPublish(page, true, id, true);
    slug = (await db.selectFrom('consultations').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  });

  it('a resident finds it on the hub and answers every question; a young person answers their version', async () => {
    const before = await countResponses(db, { slug });
    const page = await visitor(true);
    await visit(page, '/', true);
    await page.getByRole('link', { name: TITLE, exact: true }).click();
    await page.waitForURL(new RegExp(`/consultations/${slug}$`));
    await press(page, page.getByRole('button', { name: 'Start now' }), stepUrl(slug, '1'));
    await page.getByRole('heading', { level: 1, name: SECTION }).waitFor();
    const group = (name: string) => page.getByRole('group', { name });
    await group('Which park do you visit most').getByLabel('Woodbank').check();
    await group('What do you do there').getByLabel('Walk').check();
    await group('What do you do there').getByLabel('Play').check();
    await group('Do you feel safe').getByLabel('Yes', { exact: true }).check();
    await group('Parks are clean').getByLabel('Agree', { exact: true }).check();
    await group('Rate the paths').getByLabel('7', { exact: true }).check();
    await page.getByLabel('Choice 1 (most important)').selectOption({ label: 'Lighting' });
    await page.getByLabel('Choice 2', { exact: true }).selectOption({ label: 'Toilets' });
    await page.getByLabel('Your favourite spot').fill('The pond');
    await page.getByLabel('Anything else').fill('More benches, please.');
    // Past the optional pages (using your words) to the check page.
    for (let i = 0; i < 4 && !checkUrl(slug).test(page.url()); i++) {
      const url = page.url();
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.waitForURL((u) => u.toString() !== url);
      await waitForHydration(page);
    }
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Check your answers before sending them',
      })
      .waitFor();
    await press(page, page.getByRole('button', { name: 'Send my response' }), confirmationUrl(slug));
    residentReference = await shownReference(page);
    expect(residentReference).toMatch(REFERENCE);
    expect(await countResponses(db, { slug })).toBe(before + 1);
    const stored = await responseByReference(db, residentReference);
    expect(stored).toMatchObject({ channel: 'online', status: 'counted' });
    const answers = await answersOf(db, stored!.id);
    const keys = (await db.selectFrom('questions').select('key').where('consultation_id', '=', consultationId).orderBy('position').execute()).map((q) => q.key);
    expect(answers.map((a) => [a.question, a.option ?? a.number ?? a.text, a.rank])).toEqual([
      [keys[0], 'woodbank', null],
      [keys[1], 'walk', null],
      [keys[1], 'play', null],
      [keys[2], 'yes', null],
      [keys[3], 'agree', null],
      [keys[4], 7, null],
      [keys[5], 'lighting', 1],
      [keys[5], 'toilets', 2],
      [keys[6], 'The pond', null],
      [keys[7], 'More benches, please.', null],
    ]);

    // A young person, from the short address on the board.
    const young = await visitor(true);
    const youthUrl = (step: string) => new RegExp(`/consultations/${slug}/young/${step}(\\?|#|$)`);
    await visit(young, `/young/${YOUTH_CODE.toUpperCase()}`, true);
    expect(new URL(young.url()).pathname).toBe(`/consultations/${slug}/young`);
    await press(
      young,
      young.getByRole('button', {
        name: ui('en', 'youth:intro.start'),
        exact: true,
      }),
      youthUrl('age'),
    );
    await waitForHydration(young);
    await young.getByRole('radio', { name: ui('en', 'youth:age.under_11'), exact: true }).check();
    await press(young, young.getByRole('button', { name: ui('en', 'youth:next'), exact: true }), youthUrl('1'));
    await waitForHydration(young);
    await young.getByRole('heading', { level: 1, name: 'Which park do you go to?' }).waitFor();
    await young.getByRole('radio', { name: 'Bruntwood Park', exact: true }).check();
    await press(young, young.getByRole('button', { name: ui('en', 'youth:next'), exact: true }), youthUrl('check'));
    await waitForHydration(young);
    await press(
      young,
      young.getByRole('button', {
        name: ui('en', 'youth:check.send'),
        exact: true,
      }),
      new RegExp(`/consultations/${slug}/young/done/HRD-`),
    );
    const youngResponse = await responseByReference(db, await shownReference(young));
    expect(youngResponse).toMatchObject({
      channel: 'young_people',
      age_band: 'under_11',
    });
    expect(await answersOf(db, youngResponse!.id)).toEqual([
      {
        question: keys[0],
        option: 'bruntwood',
        rank: null,
        number: null,
        text: null,
      },
    ]);
    expect(await countResponses(db, { slug })).toBe(before + 2);
  });

  it('the officer imports a spreadsheet: bad rows are reported and nothing goes in; fixed, every row goes in', async () => {
    const page = officerPage;
    const path = `/admin/consultations/${consultationId}/import`;
    await visit(page, path, true);
    await expectAccessible(page);
    const keys = (await db.selectFrom('questions').select('key').where('consultation_id', '=', consultationId).orderBy('position').execute()).map((q) => q.key);
    // The template the page offers names the questions by their keys.
    const template = (await (await page.request.get(`${path}/template.csv`)).text())
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',');
    for (const key of keys) expect(template).toContain(key);

    const header = ['channel', 'submitted_at', 'ward', ...keys];
    const row = (channel: string, ward: string, answers: string[]) => [channel, '2026-03-02', ward, ...answers].join(',');
    const good1 = ['Bruntwood', 'Walk;Sport', 'yes', 'Strongly agree', '9', 'Cafes;Lighting', 'The cafe', 'Keep it tidy'];
    const good2 = ['vernon', 'play', 'No', 'disagree', '3', 'toilets', '', 'Needs more bins'];
    const good3 = ['Woodbank', '', 'yes', '', '6', '', 'The woods', ''];
    const before = await countResponses(db, { slug });

    const bad = [
      header.join(','),
      row('paper', 'Bramhal', good1),
      row('workshop', '', ['Trainspotting', ...good2.slice(1)]),
      row('paper', 'Bramhall North', [...good3.slice(0, 4), '11', ...good3.slice(5)]),
    ].join('\n');
    await page.getByLabel('File', { exact: true }).setInputFiles(csvFile('parks-workshops.csv', `${bad}\n`));
    await page.getByRole('button', { name: 'Check and import' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Row 2, column ward: “Bramhal” is not a ward – did you mean “Bramhall North”?');
    const report = (await alert.textContent()) ?? '';
    expect(report).toContain(`Row 3, column ${keys[0]}: “Trainspotting” is not one of this question’s answers`);
    expect(report).toContain(`Row 4, column ${keys[4]}: “11” is not a rating from 1 to 10`);
    expect(await countResponses(db, { slug })).toBe(before);
    await expectAccessible(page);

    const fixed = [header.join(','), row('paper', 'Bramhall North', good1), row('workshop', '', good2), row('paper', 'Bramhall North', good3)].join('\n');
    await page.getByLabel('File', { exact: true }).setInputFiles(csvFile('parks-workshops.csv', `${fixed}\n`));
    await page.getByRole('button', { name: 'Check and import' }).click();
    await page.getByText('Imported 3 responses from parks-workshops.csv').waitFor();
    expect(await countResponses(db, { slug })).toBe(before + 3);
    const imported = await db
      .selectFrom('responses')
      .select(['channel', 'import_id', 'status'])
      .where('consultation_id', '=', consultationId)
      .where('import_id', 'is not', null)
      .execute();
    expect(imported.map((r) => [r.channel, r.status])).toEqual([
      ['paper', 'counted'],
      ['workshop', 'counted'],
      ['paper', 'counted'],
    ]);
  });

  it('the officer marks the resident’s response as spam and the counted number goes down by one', async () => {
    const page = officerPage;
    const overview = `/admin/consultations/${consultationId}`;
    const list = `${overview}/responses`;
    await visit(page, overview, true);
    const overviewBefore = await countedOnOverview(page);
    await visit(page, list, true);
    const before = await countedOnList(page);
    expect(before).toBe(overviewBefore);
    expect(before).toBe(await countResponses(db, { slug }));

    const responseId = await markAsSpam(page, true, residentReference, 'Posted the same advert in every box');
    expect(await db.selectFrom('responses').select(['status', 'status_reason']).where('id', '=', responseId).executeTakeFirstOrThrow()).toEqual({
      status: 'spam',
      status_reason: 'Posted the same advert in every box',
    });
    await visit(page, list, true);
    expect(await countedOnList(page)).toBe(before - 1);
    await visit(page, overview, true);
    expect(await countedOnOverview(page)).toBe(overviewBefore - 1);
    await expectAccessible(page);
  });
});

describe('the officer’s journey, JavaScript off', () => {
  it('builds and publishes a consultation, and marks a response as spam', async () => {
    const page = await visitor(false);
    await signIn(page, officer, '/admin/consultations/new');
    const id = await createDraft(page, false, 'Library opening hours for everyone');
    await expectPublishRefused(page, false, id);
    await visit(page, `/admin/consultations/${id}/questions`, false);
    await page.getByLabel('Section title').fill('Your library');
    await submit(page, false, 'Add a section');
    await addQuestion(page, false, id, { kind: 'Yes or no', text: 'Do you use the library' }, 'Your library');
    expect((await db.selectFrom('questions').select('kind').where('consultation_id', '=', id).execute()).map((q) => q.kind)).toEqual(['yes_no']);
    await completeAndPublish(page, false, id);

    // Another response to the first consultation kept out of the counts.
    const overview = `/admin/consultations/${consultationId}`;
    await visit(page, overview, false);
    const overviewBefore = await countedOnOverview(page);
    await visit(page, `${overview}/responses`, false);
    const before = await countedOnList(page);
    await visit(page, `${overview}/responses?status=counted&channel=paper`, false);
    const reference = (await page.getByRole('table').first().getByRole('link').first().innerText()).trim();
    const responseId = await markAsSpam(page, false, reference, 'Nonsense in every box');
    expect((await db.selectFrom('responses').select('status').where('id', '=', responseId).executeTakeFirstOrThrow()).status).toBe('spam');
    await visit(page, `${overview}/responses`, false);
    expect(await countedOnList(page)).toBe(before - 1);
    await visit(page, overview, false);
    expect(await countedOnOverview(page)).toBe(overviewBefore - 1);
  });
});
