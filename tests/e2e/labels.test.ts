import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { newVisitor, type RunningApp, startSuite, stopSuite } from './harness';
import { HttpClient } from './http';
import { SLUGS } from './survey';
import { addAccount, signIn } from './workspace';
import { findIds } from './workspace-ids';
import { WORKSPACE_ROUTES } from './workspace-routes';

// Issue 14: the account form and its "New password" box were both id="password", so the label
// named the form, not the box, and clicking it focused nothing. Every field is found here by its
// label, and no page, public or workspace, gives two elements one id.

let app: RunningApp;
let db: Db;
let browser: Browser;

beforeAll(async () => ({ app, db, browser } = await startSuite()));

afterAll(() => stopSuite({ app, db, browser }));

describe('the account form', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newVisitor(browser, app, { js: true });
    page = await context.newPage();
    await signIn(page, await addAccount(db, 'officer'), '/admin/account');
  });
  afterAll(() => context?.close());

  it.each(['Current password', 'New password', 'Password again'])('has a box named “%s” that its label focuses', async (label) => {
    const box = page.getByLabel(label, { exact: true });
    // With JavaScript on, the sign-in's redirect renders the account page a moment after the URL changes.
    await expect.poll(() => box.count()).toBe(1);
    expect(await box.evaluate((element) => element.tagName)).toBe('INPUT');
    expect(await box.getAttribute('type')).toBe('password');
    await page.locator('label', { hasText: new RegExp(`^${label}$`) }).click();
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
  });
});

/** Ids given to more than one element in a page's HTML. */
function duplicateIds(html: string): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const [, id] of html.matchAll(/<[a-zA-Z][^>]*?\sid="([^"]+)"/g)) {
    if (seen.has(id!)) twice.add(id!);
    seen.add(id!);
  }
  return [...twice];
}

describe('ids', () => {
  it('are unique in every workspace page', async () => {
    const admin = await addAccount(db, 'admin');
    const client = new HttpClient(app.url);
    await client.signIn(admin);
    const ids = await findIds(db, admin.email);
    const found: Record<string, string[]> = {};
    for (const route of WORKSPACE_ROUTES) {
      if (!route.get) continue;
      const response = await client.get(route.get(ids));
      if (!response.headers.get('content-type')?.startsWith('text/html')) continue;
      const twice = duplicateIds(await response.text());
      if (twice.length) found[route.get(ids)] = twice;
    }
    expect(found).toEqual({});
  });

  it('are unique in every public page', async () => {
    const client = new HttpClient(app.url);
    const pages = [
      '/',
      '/privacy',
      '/your-data',
      `/consultations/${SLUGS.oneStockport}`,
      `/consultations/${SLUGS.oneStockport}/privacy`,
      ...[1, 2, 3, 4, 5, 6].map((step) => `/consultations/${SLUGS.oneStockport}/answer/${step}`),
      `/consultations/${SLUGS.oneStockport}/check`,
      `/consultations/${SLUGS.parks}/results`,
    ];
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      const response = await client.get(path);
      const twice = duplicateIds(await response.text());
      if (twice.length) found[path] = twice;
    }
    expect(found).toEqual({});
  });
});
