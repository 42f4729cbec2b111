import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { countResponses, newVisitor, responseByReference, type RunningApp, startSuite, stopSuite } from './harness';
import { answerRequiredOnly, confirmationUrl, press, shownReference, SLUGS, visit } from './survey';

// Sending the same response twice (an impatient double click, the back button, a retried
// request) stores it once and always answers with the same reference.

const slug = SLUGS.oneStockport;
let app: RunningApp;
let db: Db;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => ({ app, db, browser } = await startSuite()));

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(() => stopSuite({ app, db, browser }));

const sendButton = (page: Page) => page.getByRole('button', { name: 'Send my response' });

/** The key the check page's form carries to recognise a second copy of the same response. */
const idempotencyKeyOn = (page: Page) => page.locator('form[method="post"] input[name="idempotencyKey"]').inputValue();

async function readyToSend(js: boolean): Promise<Page> {
  context = await newVisitor(browser, app, { js });
  const page = await context.newPage();
  await answerRequiredOnly(page, db, { js, locale: 'en' });
  return page;
}

describe('JavaScript on', () => {
  it('a double click on "Send my response" stores one response', async () => {
    const page = await readyToSend(true);
    const key = await idempotencyKeyOn(page);
    const before = await countResponses(db, { slug });

    await sendButton(page).dblclick();
    await page.waitForURL(confirmationUrl(slug));
    const reference = await shownReference(page);

    expect(await countResponses(db, { idempotencyKey: key })).toBe(1);
    expect(await countResponses(db, { slug })).toBe(before + 1);
    expect((await responseByReference(db, reference))?.idempotency_key).toBe(key);
  });
});

describe('JavaScript off', () => {
  it('sending, going back and sending again stores one response and shows the same reference', async () => {
    const page = await readyToSend(false);
    const key = await idempotencyKeyOn(page);
    // The check page as the browser kept it before sending, as in a second tab.
    const copy = await context!.newPage();
    await visit(copy, page.url(), false);

    await press(page, sendButton(page), confirmationUrl(slug));
    const reference = await shownReference(page);

    // Back: the page is fetched again (it is never cached), says the response has been sent,
    // links to its reference, and offers nothing more to send.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Check your answers before sending them' }).waitFor();
    expect(await page.getByText('You have already sent your response to this consultation.').isVisible()).toBe(true);
    expect(await sendButton(page).count()).toBe(0);
    await page.getByRole('link', { name: 'See your reference' }).click();
    expect(await shownReference(page)).toBe(reference);

    // The copy still has the form: sending it again finds the response already there.
    await press(copy, sendButton(copy), confirmationUrl(slug));
    expect(await shownReference(copy)).toBe(reference);
    expect(await countResponses(db, { idempotencyKey: key })).toBe(1);
  });

  it('a retried POST of the same form stores one response and redirects to the same reference', async () => {
    const page = await readyToSend(false);
    const form = page.locator('form[method="post"]');
    const entries = await form
      .locator('input[type="hidden"]')
      .evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as [string, string]));
    const key = new URLSearchParams(entries).get('idempotencyKey');
    expect(key).toBeTruthy();
    const before = await countResponses(db, { slug });

    const post = () =>
      page.request.post(page.url(), {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        data: new URLSearchParams(entries).toString(),
        maxRedirects: 0,
      });
    const first = await post();
    const second = await post();

    expect(first.status()).toBe(303);
    expect(second.status()).toBe(303);
    expect(first.headers()['location']).toMatch(/\/confirmation\/HRD-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(second.headers()['location']).toBe(first.headers()['location']);
    expect(await countResponses(db, { idempotencyKey: key! })).toBe(1);
    expect(await countResponses(db, { slug })).toBe(before + 1);

    await visit(page, first.headers()['location']!, false);
    await page.getByRole('heading', { level: 1, name: 'Response sent' }).waitFor();
    expect(first.headers()['location']).toContain(await shownReference(page));
  });
});
