import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { expectAccessible } from './axe';
import { newVisitor, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { SLUGS, visit } from './survey';
import { addAccount, signIn, type Account } from './workspace';

// "We asked, you said, we did": an officer publishes the closed demo consultation's results
// with two actions (one planned, one done), partly with JavaScript off and partly on; residents
// then reach the results from the hub and read both actions, with JavaScript on and off; the
// page passes axe in English and Urdu and prints without the site's navigation; a draft's or an
// open consultation's results page does not exist.

const SLUG = SLUGS.covid;
const PLANNED = 'Open a drop-in advice session in every library';
const DONE = 'Send every household a plain-English guide to local support';
let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;
let consultation: { id: number; title: string };
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  officer = await addAccount(db, 'officer');
  consultation = await db.selectFrom('consultations').select(['id', 'title']).where('slug', '=', SLUG).executeTakeFirstOrThrow();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(() => stopSuite({ app, db, browser }));

async function pageFor(js: boolean, account?: Account, path = '/'): Promise<Page> {
  const context = await newVisitor(browser, app, { js });
  contexts.push(context);
  const page = await context.newPage();
  if (account) {
    await signIn(page, account, path);
    if (js) await waitForHydration(page);
  }
  return page;
}

const publishPath = () => `/admin/consultations/${consultation.id}/publish`;
const postTo = (page: Page, path: RegExp) => page.waitForResponse((r) => r.request().method() === 'POST' && path.test(new URL(r.url()).pathname));

/** Fills the action form and saves it, back on the publishing page. */
async function addAction(page: Page, js: boolean, fields: { title: string; status: string; dueOn?: string; doneOn?: string; note?: string }) {
  await page.getByRole('link', { name: 'Add an action' }).click();
  await page.waitForURL(/\/publish\/actions\/new$/);
  if (js) await waitForHydration(page);
  await page.getByLabel('What we are doing').fill(fields.title);
  await page.getByLabel('More detail (optional)').fill(`Because you told us so: ${fields.title.toLowerCase()}.`);
  await page.getByLabel('Council priority (optional)').selectOption({ index: 1 });
  await page.getByLabel('Status', { exact: true }).selectOption({ label: fields.status });
  if (fields.dueOn) await page.getByLabel('Due by (optional)').fill(fields.dueOn);
  if (fields.doneOn) await page.getByLabel('Done on', { exact: true }).fill(fields.doneOn);
  if (fields.note) await page.getByLabel('What happened (optional)').fill(fields.note);
  await page.getByRole('button', { name: 'Save the action' }).click();
  await page.waitForURL(/\/publish\?done=added/);
  await expect.poll(() => page.locator('.notice--success').innerText()).toContain('The action has been added.');
}

describe('publishing results', () => {
  it('an officer writes the opening words, adds a planned and a done action and publishes (JavaScript off, then on)', async () => {
    const off = await pageFor(false, officer, publishPath());
    await expect.poll(() => off.getByTestId('publish-state').innerText()).toBe('Not published');

    // Publishing before the opening words are written is refused, and says why.
    const [refused] = await Promise.all([postTo(off, /\/publish$/), off.getByRole('button', { name: 'Publish results' }).click()]);
    expect(refused.status()).toBe(409);
    await expect.poll(() => off.getByRole('alert').innerText()).toContain('Write the opening words before publishing the results');

    await off.getByLabel('Opening words').fill('You told us that advice was hard to find.\n\nHere is what we are doing.');
    await off.getByRole('button', { name: 'Save the opening words' }).click();
    await off.waitForURL(/done=summary/);

    // A missing title: 400, an error summary, and everything typed is still there.
    await off.getByRole('link', { name: 'Add an action' }).click();
    await off.getByLabel('More detail (optional)').fill('Typed before the mistake');
    const [invalid] = await Promise.all([postTo(off, /\/actions\/new$/), off.getByRole('button', { name: 'Save the action' }).click()]);
    expect(invalid.status()).toBe(400);
    await expect.poll(() => off.getByRole('alert').innerText()).toContain('Enter what we are doing');
    expect(await off.getByLabel('More detail (optional)').inputValue()).toBe('Typed before the mistake');
    await off.goto(publishPath());
    await addAction(off, false, { title: PLANNED, status: 'Planned', dueOn: '2027-09-30' });

    const on = await pageFor(true, officer, publishPath());
    await addAction(on, true, { title: DONE, status: 'Done', doneOn: '2027-01-15', note: 'Posted to 140,000 homes.' });
    await on.getByRole('button', { name: 'Publish results' }).click();
    await on.waitForURL(/done=published/);
    await expect.poll(() => on.getByTestId('publish-state').innerText()).toMatch(/^Published on /);

    const stored = await db.selectFrom('consultations').select(['status', 'results_published_at']).where('id', '=', consultation.id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('results_published');
    expect(stored.results_published_at).not.toBeNull();
    const actions = await db
      .selectFrom('actions')
      .select(['id', 'title', 'status', 'due_on', 'done_on'])
      .where('consultation_id', '=', consultation.id)
      .orderBy('position')
      .execute();
    expect(actions.map(({ id: _id, ...a }) => a)).toEqual([
      { title: PLANNED, status: 'planned', due_on: '2027-09-30', done_on: null },
      { title: DONE, status: 'done', due_on: null, done_on: '2027-01-15' },
    ]);
    const updates = await db.selectFrom('action_updates').select(['status', 'happened_on', 'note']).where('action_id', '=', actions[1]!.id).execute();
    expect(updates).toEqual([{ status: 'done', happened_on: '2027-01-15', note: 'Posted to 140,000 homes.' }]);
    const audited = await db.selectFrom('audit_events').select('action').where('consultation_id', '=', consultation.id).execute();
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['results.summary', 'action.create', 'results.publish']));
  });

  for (const js of [true, false]) {
    it(`a resident reaches the results from the hub and reads both actions (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const page = await pageFor(js);
      await visit(page, '/', js);
      await page.getByRole('link', { name: `Read the results and what we did – ${consultation.title}` }).click();
      await page.waitForURL(new RegExp(`/consultations/${SLUG}/results$`));
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(consultation.title);
      await expect.poll(() => page.locator('.results-summary').innerText()).toContain('You told us that advice was hard to find.');

      const counted = await db
        .selectFrom('responses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('consultation_id', '=', consultation.id)
        .where('status', '=', 'counted')
        .executeTakeFirstOrThrow();
      expect(await page.getByTestId('took-part-total').innerText()).toBe(`${Number(counted.n).toLocaleString('en-GB')} responses were counted.`);
      expect(await page.getByRole('table', { name: 'Responses counted, by how people took part' }).isVisible()).toBe(true);

      const weDid = page.getByRole('region', { name: 'We did' });
      const planned = weDid.getByTestId('action').filter({ hasText: PLANNED });
      const done = weDid.getByTestId('action').filter({ hasText: DONE });
      expect(await planned.innerText()).toContain('Planned');
      expect(await planned.innerText()).toContain('Due by 30 September 2027');
      expect(await done.innerText()).toContain('Done on 15 January 2027');
      expect(await done.innerText()).toContain('15 January 2027: Done – Posted to 140,000 homes.');
      expect(await page.getByRole('link', { name: 'Download the figures as open data (JSON)' }).getAttribute('href')).toBe(
        `/consultations/${SLUG}/open-data.json`,
      );
    });
  }

  it('the consultation’s page and a resident’s confirmation reference (adult and young people’s) lead to the results', async () => {
    const page = await pageFor(false);
    // A response as the online form stores it (the demo's generated references have another shape).
    const reference = 'HRD-PARK-S2Y7';
    const { id } = await db
      .selectFrom('responses')
      .innerJoin('consultations', 'consultations.id', 'responses.consultation_id')
      .select('responses.id')
      .where('consultations.slug', '=', SLUGS.parks)
      .orderBy('responses.id')
      .executeTakeFirstOrThrow();
    await db.updateTable('responses').set({ reference }).where('id', '=', id).execute();
    for (const path of [
      `/consultations/${SLUGS.parks}`,
      `/consultations/${SLUGS.parks}/confirmation/${reference}`,
      `/consultations/${SLUGS.parks}/young/done/${reference}`,
    ]) {
      await visit(page, path, false);
      await page.getByRole('link', { name: 'Read the results and what we did' }).click();
      await page.waitForURL(new RegExp(`/consultations/${SLUGS.parks}/results$`));
      expect(await page.getByRole('region', { name: 'We did' }).getByTestId('action').count()).toBeGreaterThanOrEqual(2);
    }
  });

  // axe runs in the page, so these pages are checked with JavaScript on.
  it('is accessible in English and Urdu, and prints without the navigation', async () => {
    const page = await pageFor(true);
    for (const locale of ['en', 'ur'] as const) {
      await visit(page, `/consultations/${SLUG}/results?lng=${locale}`, true);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ur' ? 'rtl' : 'ltr');
      await expectAccessible(page);
    }
    await visit(page, `/consultations/${SLUGS.parks}/results?lng=en`, true);
    await expectAccessible(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.language-switcher').isVisible()).toBe(false);
    expect(await page.getByRole('table').first().isVisible()).toBe(true);
  });

  it('the officers’ publishing page is accessible', async () => {
    const page = await pageFor(true, officer, publishPath());
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Add an action' }).click();
    await page.waitForURL(/\/publish\/actions\/new$/);
    await expectAccessible(page);
  });

  it('a draft’s or an open consultation’s results page does not exist', async () => {
    const page = await pageFor(false);
    for (const slug of [SLUGS.library, SLUGS.climate, SLUGS.oneStockport]) {
      const response = await page.goto(`/consultations/${slug}/results`);
      expect(`${slug} ${response?.status()}`).toBe(`${slug} 404`);
    }
  });
});
