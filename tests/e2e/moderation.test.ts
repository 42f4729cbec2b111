import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { expectAccessible } from './axe';
import { countResponses, newVisitor, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { answerRequiredOnly, confirmationUrl, press, SLUGS, ui, visit } from './survey';
import { addAccount, signIn, type Account } from './workspace';
import { choose, nextButton, pageHeading, youthPath, youthUrl } from './youth';

// Keeping bad data out, as officers and residents meet it: a response marked as spam drops out
// of the count and comes back when restored; a filled honeypot and a flood from one connection
// store nothing, keep the person's answers, and show up on the officers' responses page.

const slug = SLUGS.oneStockport;
const LIMIT = 3;
let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;
let consultationId: number;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ app, db, browser } = await startSuite({ env: { SUBMISSIONS_PER_HOUR: String(LIMIT) } }));
  officer = await addAccount(db, 'officer');
  consultationId = (await db.selectFrom('consultations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(() => stopSuite({ app, db, browser }));

async function visitor(js: boolean): Promise<Page> {
  const context = await newVisitor(browser, app, { js });
  contexts.push(context);
  return context.newPage();
}

const listPath = () => `/admin/consultations/${consultationId}/responses`;
const countedOnPage = async (page: Page) => Number(await page.getByTestId('counted').locator('strong').innerText());
const blockedOnPage = async (page: Page, reason: 'honeypot' | 'rate_limit') =>
  Number(await page.getByTestId(`blocked-${reason}`).locator('td').first().innerText());
const blockedInDb = async (reason: 'honeypot' | 'rate_limit') =>
  Number(
    (
      await db
        .selectFrom('blocked_submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('reason', '=', reason)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function officerOn(js: boolean, path: string): Promise<Page> {
  const page = await visitor(js);
  await signIn(page, officer, path);
  if (js) await waitForHydration(page);
  return page;
}

for (const js of [true, false]) {
  describe(`an officer keeps a response out of the counts (JavaScript ${js ? 'on' : 'off'})`, () => {
    it('marks a response as spam with a reason, the counted number goes down by one, and restoring brings it back', async () => {
      const page = await officerOn(js, listPath());
      const before = await countedOnPage(page);
      expect(before).toBeGreaterThan(0);
      await page.locator('table').first().getByRole('link').first().click();
      await page.waitForURL(/\/responses\/\d+$/);
      if (js) await waitForHydration(page);
      const responseUrl = page.url();
      const responseId = Number(responseUrl.split('/').at(-1));

      // No reason: a clear message, nothing changed.
      await page.getByLabel('Mark as').selectOption('spam');
      await page.getByRole('button', { name: 'Keep out of the counts' }).click();
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('Enter a reason');
      expect((await db.selectFrom('responses').select('status').where('id', '=', responseId).executeTakeFirstOrThrow()).status).toBe('counted');
      expect(await page.getByLabel('Mark as').inputValue()).toBe('spam');

      await page.getByLabel('Reason', { exact: true }).fill('Links to a betting site');
      await press(page, page.getByRole('button', { name: 'Keep out of the counts' }), /\?changed=spam$/);
      // With JavaScript the address changes a moment before React shows the new page.
      await expect.poll(() => page.getByRole('status').innerText()).toContain('marked as Spam');
      const stored = await db.selectFrom('responses').selectAll().where('id', '=', responseId).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ status: 'spam', status_reason: 'Links to a betting site' });
      const audit = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('entity_id', '=', String(responseId))
        .where('action', '=', 'response.exclude')
        .execute();
      expect(audit.map((a) => a.reason)).toContain('Links to a betting site');

      await visit(page, listPath(), js);
      expect(await countedOnPage(page)).toBe(before - 1);

      await visit(page, responseUrl, js);
      await page.getByLabel('Reason', { exact: true }).fill('A real resident after all');
      await press(page, page.getByRole('button', { name: 'Restore to the counts' }), /\?changed=counted$/);
      await expect.poll(() => page.getByTestId('status').innerText()).toBe('Counted');
      await visit(page, listPath(), js);
      expect(await countedOnPage(page)).toBe(before);
    });
  });
}

describe('the workspace pages are accessible', () => {
  it('the responses list, filtered, and one response pass axe', async () => {
    const page = await officerOn(true, `${listPath()}?status=counted&channel=online`);
    await expectAccessible(page);
    await page.locator('table').first().getByRole('link').first().click();
    await page.waitForURL(/\/responses\/\d+$/);
    await expectAccessible(page);
  });
});

/** The check page's form as the browser would send it. */
async function formFields(page: Page): Promise<[string, string][]> {
  return page
    .locator('form[method="post"] input[type="hidden"]')
    .evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value] as [string, string]));
}

describe('the honeypot', () => {
  it('a filled honeypot stores nothing, says so, keeps the answers, and sending again works (JavaScript on)', async () => {
    const page = await visitor(true);
    await answerRequiredOnly(page, db, { js: true, locale: 'en' });
    await expectAccessible(page);
    const before = await countResponses(db, { slug });
    const blocked = await blockedInDb('honeypot');
    await page.locator('input[name="website"]').evaluate((el) => ((el as HTMLInputElement).value = 'http://cheap-pills.example'));
    await page.getByRole('button', { name: 'Send my response' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('alert')
          .innerText()
          .catch(() => ''),
      )
      .toContain('We could not accept this response.');
    expect(await countResponses(db, { slug })).toBe(before);
    expect(await blockedInDb('honeypot')).toBe(blocked + 1);
    // Nothing lost: the answers are still on the page, ready to send again.
    expect(await page.getByRole('heading', { level: 1, name: 'Check your answers before sending them' }).isVisible()).toBe(true);
    await press(page, page.getByRole('button', { name: 'Send my response' }), confirmationUrl(slug));
    expect(await countResponses(db, { slug })).toBe(before + 1);
  });

  it('a forged post with the honeypot filled gets a 400 and stores nothing (JavaScript off)', async () => {
    const page = await visitor(false);
    await answerRequiredOnly(page, db, { js: false, locale: 'en' });
    const before = await countResponses(db, { slug });
    const body = new URLSearchParams([...(await formFields(page)), ['website', 'http://cheap-pills.example']]);
    const response = await page.request.post(`/consultations/${slug}/check`, {
      data: body.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain('We could not accept this response.');
    expect(await countResponses(db, { slug })).toBe(before);
  });

  it('the check pages with the honeypot pass axe, in Urdu and on the young people’s version', async () => {
    const page = await visitor(true);
    await visit(page, '/?lng=ur', true);
    await answerRequiredOnly(page, db, { js: true, locale: 'ur' });
    await expectAccessible(page);
    await visit(page, '/?lng=en', true);
    await visit(page, youthPath('age'), true);
    await choose(page, 'radio', ui('en', 'youth:age.11_12'));
    await press(page, nextButton(page), youthUrl('1'));
    await visit(page, youthPath('check'), true);
    await pageHeading(page, ui('en', 'youth:check.title')).waitFor();
    expect(await page.locator('input[name="website"]').count()).toBe(1);
    await expectAccessible(page);
  });
});

describe('the rate limit', () => {
  it('past the limit a resident is told how long to wait, keeps their answers, and officers see the blocked count', async () => {
    const resident = await visitor(false);
    await answerRequiredOnly(resident, db, { js: false, locale: 'en' });
    const fields = await formFields(resident);
    const key = fields.find(([name]) => name === 'idempotencyKey')?.[1];

    // A script on the same connection sends copies until it is turned away.
    const script = (await visitor(false)).request;
    let last = 0;
    let retryAfter: string | undefined;
    for (let i = 0; i <= LIMIT && last !== 429; i++) {
      const copy = new URLSearchParams(fields.map(([name, value]) => [name, name === 'idempotencyKey' ? `script-${i}-${Date.now()}` : value]));
      const response = await script.post(`/consultations/${slug}/check`, {
        data: copy.toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        maxRedirects: 0,
      });
      last = response.status();
      retryAfter = response.headers()['retry-after'];
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);

    const before = await countResponses(db, { slug });
    const [posted] = await Promise.all([
      resident.waitForResponse((r) => r.request().method() === 'POST'),
      resident.getByRole('button', { name: 'Send my response' }).click(),
    ]);
    expect(posted.status()).toBe(429);
    await resident.waitForLoadState();
    expect(await resident.getByRole('alert').innerText()).toMatch(
      /Too many responses have been sent from your connection in the last hour\. Wait \d+ minutes?, then select/,
    );
    expect(await countResponses(db, { slug })).toBe(before);
    expect(await countResponses(db, { idempotencyKey: key })).toBe(0);
    // The answers are still there, with the button to send them later.
    expect(await resident.getByRole('button', { name: 'Send my response' }).count()).toBe(1);

    const page = await officerOn(false, listPath());
    expect(await blockedOnPage(page, 'rate_limit')).toBeGreaterThanOrEqual(2);
    expect(await blockedOnPage(page, 'honeypot')).toBeGreaterThanOrEqual(2);
  });
});
