import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { expectAccessible } from './axe';
import { expectNoSidewaysScroll } from './narrow';
import { answersOf, newVisitor, type RunningApp, startSuite, stopSuite, waitForHydration } from './harness';
import { SLUGS, visit } from './survey';
import { addAccount, signIn, type Account } from './workspace';

// Residents' data requests (issue 18), as a resident and an officer meet them: a resident asks
// with their reference for their answers to be erased, an officer checks who is asking and
// erases the response, and the public results count one response fewer; a resident asks for a
// copy, and the officer's download holds that response's answers. JavaScript on and off; axe.

const slug = SLUGS.parks;
let app: RunningApp;
let db: Db;
let browser: Browser;
let officer: Account;
let consultationId: number;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ app, db, browser } = await startSuite({ env: { PAGE_CACHE_SECONDS: '30' } }));
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

/** A counted response of the published consultation with words in its answers: the nth. */
async function someonesReference(nth: number): Promise<{ id: number; reference: string }> {
  return db
    .selectFrom('responses')
    .select(['id', 'reference'])
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'counted')
    .where('channel', '=', 'online')
    .where((eb) =>
      eb.exists(eb.selectFrom('answers').select('answers.id').whereRef('answers.response_id', '=', 'responses.id').where('answers.value_text', 'is not', null)),
    )
    .orderBy('id')
    .offset(nth)
    .limit(1)
    .executeTakeFirstOrThrow();
}

const tookPart = async (page: Page) => Number((await page.getByTestId('took-part-total').innerText()).replace(/[^\d]/g, ''));

async function ask(page: Page, js: boolean, typed: { reference: string; kind: 'Show me my answers (send me a copy)' | 'Delete my answers'; email?: string }) {
  await visit(page, '/your-data', js);
  await page.getByLabel('Your reference').fill(typed.reference);
  await page.getByLabel(typed.kind).check();
  if (typed.email) await page.getByLabel('Your email address (optional)').fill(typed.email);
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.waitForURL(/\/your-data\?sent=/);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('We have received your request');
}

async function officerOn(js: boolean, path: string): Promise<Page> {
  const page = await visitor(js);
  await signIn(page, officer, path);
  if (js) await waitForHydration(page);
  return page;
}

const requestIdFor = async (reference: string) =>
  (await db.selectFrom('data_requests').select('id').where('reference', '=', reference).orderBy('id', 'desc').executeTakeFirstOrThrow()).id;

async function verify(page: Page, js: boolean, requestId: number) {
  await page.getByRole('link', { name: `Request ${requestId}`, exact: true }).click();
  await page.waitForURL(new RegExp(`/admin/data-requests/${requestId}$`));
  if (js) await waitForHydration(page);
  await page.getByLabel('How you checked').fill('They replied from the address in their answers');
  await page.getByRole('button', { name: 'Mark verified' }).click();
  await page.waitForURL(/\?done=verify$/);
  await expect.poll(() => page.getByTestId('request-status').innerText()).toBe('Verified');
}

/** axe runs in the page, so only with JavaScript on: the same server-rendered pages are checked there. */
const axe = (page: Page, js: boolean) => (js ? expectAccessible(page) : Promise.resolve());

for (const js of [true, false]) {
  describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    it('a resident asks for erasure with their reference; an officer completes it; the results page count drops by one', async () => {
      const { id: responseId, reference } = await someonesReference(js ? 0 : 1);
      const resident = await visitor(js);
      await visit(resident, `/consultations/${slug}/results`, js);
      const before = await tookPart(resident);
      expect(before).toBeGreaterThan(0);

      // A mistake first: a clear message, a 400, and what was typed kept.
      await visit(resident, '/your-data', js);
      await axe(resident, js);
      await resident.getByLabel('Your reference').fill(reference.toLowerCase().replaceAll('-', ' '));
      // With JavaScript the form is checked in the browser and never sent; without it the server answers 400.
      const refused = js ? null : resident.waitForResponse((r) => r.request().method() === 'POST');
      await resident.getByRole('button', { name: 'Send request' }).click();
      if (refused) expect((await refused).status()).toBe(400);
      await expect.poll(() => resident.getByRole('alert').innerText()).toContain('Choose whether you want a copy of your answers or want them deleted');
      expect(await resident.getByLabel('Your reference').inputValue()).toBe(reference.toLowerCase().replaceAll('-', ' '));
      await axe(resident, js);

      await ask(resident, js, { reference: reference.toLowerCase(), kind: 'Delete my answers', email: 'resident@example.org' });
      await axe(resident, js);
      const requestId = await requestIdFor(reference);

      const page = await officerOn(js, '/admin/data-requests');
      await axe(page, js);
      await verify(page, js, requestId);
      expect(await page.getByTestId('matched-response').innerText()).toContain('Parks');
      await axe(page, js);

      await page.getByRole('link', { name: 'Erase response' }).click();
      await page.waitForURL(/\?step=erase$/);
      if (js) await waitForHydration(page);
      // Not confirmed: nothing erased.
      await page.getByRole('button', { name: 'Erase response' }).click();
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('Tick the box to confirm');
      expect(await db.selectFrom('responses').select('id').where('id', '=', responseId).executeTakeFirst()).toBeDefined();
      await axe(page, js);
      await page.getByLabel('Yes, erase this response and everything made from it').check();
      await page.getByRole('button', { name: 'Erase response' }).click();
      await page.waitForURL(/\?done=erase$/);
      await expect.poll(() => page.getByTestId('request-status').innerText()).toBe('Completed');
      expect(await page.locator('.notice').innerText()).toContain('The response was erased');
      expect(await page.getByTestId('request-details').innerText()).not.toContain(reference);
      await axe(page, js);

      expect(await db.selectFrom('responses').select('id').where('id', '=', responseId).executeTakeFirst()).toBeUndefined();
      const request = await db.selectFrom('data_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
      expect(request).toMatchObject({ status: 'completed', reference: null, contact_email: null, message: null });
      expect(await db.selectFrom('erasures').select('request_id').where('response_id', '=', responseId).executeTakeFirstOrThrow()).toEqual({
        request_id: requestId,
      });

      await expect
        .poll(async () => {
          await visit(resident, `/consultations/${slug}/results`, js);
          return tookPart(resident);
        })
        .toBe(before - 1);
    });

    it('answers a reference that matches nothing with the same words', async () => {
      const resident = await visitor(js);
      await ask(resident, js, { reference: 'HRD-2222-2222', kind: 'Show me my answers (send me a copy)' });
      expect(await resident.locator('main').innerText()).toContain('A council officer will look at it');
    });
  });
}

describe('a subject-access request', () => {
  it('a resident asks for access; the officer downloads the file and it contains that response’s answers', async () => {
    const { id: responseId, reference } = await someonesReference(2);
    const resident = await visitor(true);
    await ask(resident, true, { reference, kind: 'Show me my answers (send me a copy)' });
    const requestId = await requestIdFor(reference);

    const page = await officerOn(true, '/admin/data-requests');
    await verify(page, true, requestId);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download their data (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe(`subject-access-${reference}.json`);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(file).toMatchObject({ schema: 'heard-subject-access/1', reference, requestId });
    const stored = await answersOf(db, responseId);
    const words = stored.flatMap((a) => (a.text ? [a.text] : []));
    const inFile = (file.answers as { items: { text: string | null }[] }[]).flatMap((a) => a.items.flatMap((i) => (i.text ? [i.text] : [])));
    expect(inFile.sort()).toEqual(words.sort());
    expect((file.answers as { items: unknown[] }[]).flatMap((a) => a.items)).toHaveLength(stored.length);

    await page.getByRole('link', { name: 'Their data as a readable page' }).click();
    await page.waitForURL(new RegExp(`/admin/data-requests/${requestId}/copy$`));
    expect(await page.getByTestId('copy-answers').innerText()).toContain(words[0]!.slice(0, 20));
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Back to the request' }).click();
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await page.waitForURL(/\?done=complete-access$/);
    await expect.poll(() => page.getByTestId('request-status').innerText()).toBe('Completed');
  });
});

for (const locale of ['en', 'ur'] as const) {
  describe(`on a 320 px screen, in ${locale === 'en' ? 'English' : 'Urdu'}`, () => {
    it('the resident’s form and the officer’s list, request and copy fit without scrolling sideways, axe clean', async () => {
      const { id: responseId, reference } = await someonesReference(locale === 'en' ? 3 : 4);
      const requestId = Number(
        (
          await db
            .insertInto('data_requests')
            .values({
              kind: 'access',
              status: 'verified',
              reference,
              response_id: responseId,
              consultation_id: consultationId,
              locale,
              created_at: new Date().toISOString(),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
      const context = await newVisitor(browser, app, { js: true, width: 320 });
      contexts.push(context);
      const resident = await context.newPage();
      await visit(resident, `/your-data?lng=${locale}`, true);
      expect(await resident.locator('html').getAttribute('dir')).toBe(locale === 'ur' ? 'rtl' : 'ltr');
      await expectNoSidewaysScroll(resident);
      await expectAccessible(resident);

      const officerContext = await newVisitor(browser, app, { js: true, width: 320 });
      contexts.push(officerContext);
      const page = await officerContext.newPage();
      await signIn(page, officer, '/admin/data-requests');
      await waitForHydration(page);
      for (const path of ['/admin/data-requests', `/admin/data-requests/${requestId}`, `/admin/data-requests/${requestId}/copy`]) {
        await visit(page, `${path}?lng=${locale}`, true);
        expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ur' ? 'rtl' : 'ltr');
        await expectNoSidewaysScroll(page);
        await expectAccessible(page);
      }
    });
  });
}
