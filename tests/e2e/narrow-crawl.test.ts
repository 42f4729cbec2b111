import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { expectAccessible } from './axe';
import { newVisitor, type RunningApp, startSuite, stopSuite, type Suite } from './harness';
import { expectNoSidewaysScroll } from './narrow';
import { SLUGS, type Locale } from './survey';
import { youthPath } from './youth';
import { addAccount, signIn } from './workspace';
import { findIds } from './workspace-ids';
import { WORKSPACE_ROUTES, type Ids } from './workspace-routes';

// Every page an administrator can open in the workspace, and the public site, on a 320 px phone
// in English, Polish and Urdu (right to left): nothing scrolls sideways (WCAG 1.4.10 Reflow) and
// axe finds nothing at WCAG 2.2 AA. One server, one browser and one page for the whole crawl, so it
// stays within a few minutes on two cores.

const LOCALES: Locale[] = ['en', 'pl', 'ur'];
const WIDTH = 320;

/** Files, not pages: CSV, JSON, Word and PDF downloads. */
const DOWNLOAD = /\[\.\](csv|json|docx|pdf)\.tsx$|export\.\$file\.tsx$|download\.tsx$/;

interface Stop {
  name: string;
  path: (ids: Ids) => string;
  /** What the page answers, when not 200. */
  status?: number;
}

const WORKSPACE: Stop[] = [
  // Pages, not downloads; the routes the demo answers 404 (a background export, a data request) are
  // checked as the error page an administrator sees.
  ...WORKSPACE_ROUTES.filter((route) => route.get && !DOWNLOAD.test(route.file)).map((route) => ({
    name: route.file,
    path: route.get!,
    ...(route.getStatus ? { status: route.getStatus('admin') } : {}),
  })),
  // Pages the route table opens only one way, seen in another state too.
  { name: 'results, no breakdown', path: (ids) => `/admin/consultations/${ids.consultation}/results` },
  { name: 'results by ward, one question', path: (ids) => `/admin/consultations/${ids.consultation}/results?breakdown=ward&question=best_thing` },
  {
    name: 'results by ward, one question with its table',
    path: (ids) => `/admin/consultations/${ids.consultation}/results?breakdown=ward&question=best_thing&table=best_thing`,
  },
  { name: 'who we heard from, by ward', path: (ids) => `/admin/consultations/${ids.consultation}/who?by=ward` },
  { name: 'publish, a published consultation', path: (ids) => `/admin/consultations/${ids.actionConsultation}/publish` },
  { name: 'overview, a published consultation', path: (ids) => `/admin/consultations/${ids.actionConsultation}` },
];

const PUBLIC: Stop[] = [
  { name: 'sign-in', path: () => '/admin/sign-in' },
  { name: 'an invitation that does not exist', path: () => '/admin/invite/no-such-token', status: 404 },
  { name: 'the hub', path: () => '/' },
  { name: 'an open consultation', path: () => `/consultations/${SLUGS.oneStockport}` },
  ...['1', '2', '3', '4', 'about-you', 'your-words'].map((step) => ({
    name: `survey step ${step}`,
    path: () => `/consultations/${SLUGS.oneStockport}/answer/${step}`,
  })),
  { name: "a consultation's privacy notice", path: () => `/consultations/${SLUGS.oneStockport}/privacy` },
  { name: "the young people's version", path: () => youthPath() },
  { name: "the young people's age page", path: () => youthPath('age') },
  { name: "the young people's privacy notice", path: () => youthPath('privacy') },
  { name: 'published results', path: () => `/consultations/${SLUGS.parks}/results` },
  { name: 'published results by area', path: () => `/consultations/${SLUGS.parks}/results/areas` },
  { name: 'a closed consultation', path: () => `/consultations/${SLUGS.covid}` },
  { name: 'privacy', path: () => '/privacy' },
  { name: "young people's privacy", path: () => '/privacy/young' },
  { name: 'your data', path: () => '/your-data' },
  { name: 'a page not found', path: () => '/no-such-page', status: 404 },
];

let suite: Suite;
let db: Db;
let app: RunningApp;
let ids: Ids;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  suite = await startSuite();
  ({ db, app } = suite);
  const admin = await addAccount(db, 'admin');
  ids = await findIds(db, admin.email);
  context = await newVisitor(suite.browser, app, { js: true, width: WIDTH });
  page = await context.newPage();
  await signIn(page, admin);
});

afterAll(async () => {
  await context?.close();
  await stopSuite(suite ?? {});
});

/** Opens the page as it arrives from the server (with its stylesheets), then checks it reads on a phone and passes axe. */
async function expectFitsAndAccessible(path: string, status = 200): Promise<void> {
  const response = await page.goto(path, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(status);
  await expectNoSidewaysScroll(page, path);
  await expectAccessible(page);
}

for (const locale of LOCALES) {
  describe(`${WIDTH} px, ${locale}`, () => {
    beforeAll(async () => {
      // Choosing a language is remembered (a cookie), for the workspace as for residents.
      await page.goto(`/admin?lng=${locale}`);
    });

    for (const stop of WORKSPACE) {
      it(`the workspace: ${stop.name}`, () => expectFitsAndAccessible(stop.path(ids), stop.status));
    }

    for (const stop of PUBLIC) {
      it(`the public site: ${stop.name}`, () => expectFitsAndAccessible(stop.path(ids), stop.status));
    }
  });
}

describe('the navigation on a phone', () => {
  it('folds the workspace links and the consultation tabs behind disclosures naming the current page, which open', async () => {
    const phone = await newVisitor(suite.browser, app, { js: true, width: WIDTH });
    const wide = await newVisitor(suite.browser, app, { js: true, width: 1024 });
    try {
      const narrow = await phone.newPage();
      await narrow.context().addCookies(await context.cookies());
      await narrow.goto(`/admin/consultations/${ids.consultation}/results?lng=en`);
      const workspace = narrow.getByRole('navigation', { name: 'Workspace' });
      const tabs = narrow.getByRole('navigation', { name: 'This consultation' });
      expect(await workspace.getByRole('link').count()).toBe(0);
      expect(await tabs.getByRole('link').count()).toBe(0);
      expect(await workspace.locator('summary').innerText()).toMatch(/Menu\s*Consultations/);
      await tabs.getByText('Pages of this consultation').click();
      expect(await tabs.getByRole('link').count()).toBeGreaterThan(10);
      expect(await tabs.getByRole('link', { name: 'What we heard' }).getAttribute('aria-current')).toBe('page');
      await expectNoSidewaysScroll(narrow);
      await expectAccessible(narrow);

      // Above the breakpoint the links are the navigation itself, with no disclosure in the way.
      const desk = await wide.newPage();
      await desk.context().addCookies(await context.cookies());
      await desk.goto(`/admin/consultations/${ids.consultation}/results?lng=en`);
      expect(await desk.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Consultations' }).isVisible()).toBe(true);
      expect(await desk.getByRole('navigation', { name: 'This consultation' }).getByText('Pages of this consultation').isVisible()).toBe(false);
    } finally {
      await phone.close();
      await wide.close();
    }
  });
});
