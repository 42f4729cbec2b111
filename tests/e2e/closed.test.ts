import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { countResponses, newVisitor, type RunningApp, startSuite, stopSuite } from './harness';
import { SLUGS, visit } from './survey';

// Consultations that are not taking answers: closed ones say so (410 Gone for their survey),
// drafts and unknown addresses are not found.

let app: RunningApp;
let db: Db;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  context = await newVisitor(browser, app, { js: true });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await stopSuite({ app, db, browser });
});

const h1 = (name: string) => page.getByRole('heading', { level: 1, name });
const startButton = () => page.getByRole('button', { name: 'Start now' }).or(page.getByRole('link', { name: 'Start now' }));

describe('a closed consultation', () => {
  it('says it has closed and offers no way to start', async () => {
    const title = (await db.selectFrom('consultations').select('title').where('slug', '=', SLUGS.covid).executeTakeFirstOrThrow()).title;
    const response = await visit(page, `/consultations/${SLUGS.covid}`, true);
    expect(response?.status()).toBe(200);
    await h1(title).waitFor();
    expect(await page.getByRole('note').innerText()).toMatch(/^This consultation closed on \d{1,2} \w+ \d{4}\. We are reading every answer/);
    expect(await page.getByText('Closed', { exact: true }).isVisible()).toBe(true);
    expect(await startButton().count()).toBe(0);
  });

  it('answers its survey pages with 410 Gone and says why', async () => {
    const response = await visit(page, `/consultations/${SLUGS.covid}/answer/1`, true);
    expect(response?.status()).toBe(410);
    await h1('This consultation has closed').waitFor();
    expect(await page.getByRole('main').innerText()).toContain('is no longer taking answers. Nothing you entered has been sent.');
    expect(await page.title()).toBe('This consultation has closed – Heard');
    await page.getByRole('link', { name: 'Go to all consultations' }).waitFor();

    expect((await page.request.get(`/consultations/${SLUGS.covid}/check`)).status()).toBe(410);
  });

  it('refuses a response sent to it with 410 and stores nothing', async () => {
    const before = await countResponses(db, { slug: SLUGS.covid });
    const idempotencyKey = randomUUID();
    const response = await page.request.post(`/consultations/${SLUGS.covid}/check`, {
      form: { 'q-wellbeing_change': 'worse', idempotencyKey },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(410);
    expect(await countResponses(db, { idempotencyKey })).toBe(0);
    expect(await countResponses(db, { slug: SLUGS.covid })).toBe(before);
  });

  it('shows published results without a way to start', async () => {
    const response = await visit(page, `/consultations/${SLUGS.parks}`, true);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('note').innerText()).toBe('This consultation has closed and its results have been published.');
    expect(await startButton().count()).toBe(0);
    expect((await page.request.get(`/consultations/${SLUGS.parks}/answer/1`)).status()).toBe(410);
  });
});

describe('a draft consultation', () => {
  it('is not found, nor are its survey pages, and the hub does not list it', async () => {
    for (const path of [`/consultations/${SLUGS.library}`, `/consultations/${SLUGS.library}/answer/1`, `/consultations/${SLUGS.library}/check`]) {
      const response = await visit(page, path, true);
      expect(response?.status(), path).toBe(404);
      await h1('Page not found').waitFor();
    }
    const title = (await db.selectFrom('consultations').select('title').where('slug', '=', SLUGS.library).executeTakeFirstOrThrow()).title;
    await visit(page, '/', true);
    await h1('Consultations').waitFor();
    expect(await page.getByRole('link', { name: title }).count()).toBe(0);
  });

  it('refuses a response sent to it with 404 and stores nothing', async () => {
    const idempotencyKey = randomUUID();
    const response = await page.request.post(`/consultations/${SLUGS.library}/check`, {
      form: { 'q-library_used': 'weekly', idempotencyKey },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(404);
    expect(await countResponses(db, { idempotencyKey })).toBe(0);
  });
});

describe('an address that does not exist', () => {
  it('is not found', async () => {
    for (const path of [
      '/consultations/no-such-consultation',
      '/consultations/no-such-consultation/answer/1',
      `/consultations/${SLUGS.oneStockport}/answer/99`,
    ]) {
      const response = await visit(page, path, true);
      expect(response?.status(), path).toBe(404);
      await h1('Page not found').waitFor();
      expect(await page.getByText('We could not find that page.').isVisible()).toBe(true);
    }
  });
});
