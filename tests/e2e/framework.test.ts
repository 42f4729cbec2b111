import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { newVisitor, type RunningApp, startSuite, stopSuite, storedTranslation, waitForHydration } from './harness';
import { addAccount, signIn, type Account } from './workspace';

// An administrator edits the council's framework, and residents see the new names on the hub.

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let app: RunningApp;
let db: Db;
let browser: Browser;
let admin: Account;

beforeAll(async () => {
  ({ app, db, browser } = await startSuite());
  admin = await addAccount(db, 'admin');
});

afterAll(() => stopSuite({ app, db, browser }));

async function adminPage(js: boolean, path = '/admin/framework'): Promise<Page> {
  const page = await (await newVisitor(browser, app, { js })).newPage();
  await signIn(page, admin, path);
  if (js) await waitForHydration(page);
  return page;
}

/** A priority an open consultation links to, so it shows on the hub's cards as well as its filter. */
async function linkedPriority() {
  return db
    .selectFrom('priorities as p')
    .innerJoin('consultation_priorities as cp', 'cp.priority_id', 'p.id')
    .innerJoin('consultations as c', 'c.id', 'cp.consultation_id')
    .select(['p.id', 'p.name', 'c.title'])
    .where('c.status', '=', 'open')
    .orderBy('p.id')
    .executeTakeFirstOrThrow();
}

async function hubText(path: string): Promise<{ main: string; filter: string[] }> {
  const page = await (await newVisitor(browser, app, { js: false })).newPage();
  await page.goto(path);
  const result = { main: await page.locator('#main-content').innerText(), filter: await page.locator('select#priority option').allTextContents() };
  await page.context().close();
  return result;
}

for (const js of [true, false]) {
  describe(`editing the framework, JavaScript ${js ? 'on' : 'off'}`, () => {
    it('renames a priority and adds its Urdu name; the public hub shows both', async () => {
      const priority = await linkedPriority();
      const english = `Safer streets ${js ? 'A' : 'B'}`;
      const urdu = `محفوظ گلیاں ${js ? 'ا' : 'ب'}`;
      const page = await adminPage(js);
      await page.getByRole('link', { name: priority.name, exact: true }).click();
      await page.waitForURL(`**/admin/framework/priorities/${priority.id}`);
      if (js) await waitForHydration(page);

      // A name left empty is refused, and the Urdu typed so far is kept.
      await page.getByLabel('Priority name in English').fill('');
      await page.getByLabel('Priority name in Urdu').fill(urdu);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Enter a name in English');
      expect(await page.getByLabel('Priority name in Urdu').inputValue()).toBe(urdu);
      expect(await page.getByLabel('Priority name in Urdu').getAttribute('dir')).toBe('rtl');
      expect(await page.getByLabel('Priority name in Urdu').getAttribute('lang')).toBe('ur');

      await page.getByLabel('Priority name in English').fill(english);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/framework');
      await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Your changes have been saved.');
      expect(await page.getByRole('link', { name: english, exact: true }).count()).toBe(1);

      expect(await storedTranslation(db, 'priority', priority.id, 'name', 'ur')).toBe(urdu);
      const audit = await db
        .selectFrom('audit_events')
        .select(['action', 'actor'])
        .where('entity_type', '=', 'priority')
        .where('entity_id', '=', String(priority.id))
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit).toEqual({ action: 'priority.update', actor: admin.email });

      const hub = await hubText('/');
      expect(hub.filter).toContain(english);
      expect(hub.main).toContain(english);
      expect(hub.main).toContain(priority.title);
      const urduHub = await hubText('/?lng=ur');
      expect(urduHub.filter).toContain(urdu);
      expect(urduHub.main).toContain(urdu);
      await page.context().close();
    });

    it('adds a theme and a priority, moves them, and deletes them; a linked priority cannot be deleted', async () => {
      const suffix = js ? 'on' : 'off';
      const page = await adminPage(js, '/admin/framework/themes/new');
      await page.getByLabel('Theme name in English').fill(`Green spaces ${suffix}`);
      await page.getByLabel('Theme name in Polish').fill(`Tereny zielone ${suffix}`);
      await page.getByRole('button', { name: 'Add a theme' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/framework');
      const theme = await db.selectFrom('themes').selectAll().where('name', '=', `Green spaces ${suffix}`).executeTakeFirstOrThrow();
      expect(theme.key).toBe(`green_spaces_${suffix}`);

      // The new theme is last: moving it up puts it before the one that was above it.
      const headings = () => page.locator('.framework-theme h2').allInnerTexts();
      await expect.poll(async () => (await headings()).at(-1)).toBe(`Green spaces ${suffix}`);
      const before = await headings();
      await page.getByRole('button', { name: `Move up Green spaces ${suffix}` }).click();
      await expect.poll(headings).toEqual([...before.slice(0, -2), before.at(-1), before.at(-2)]);

      await page.getByRole('link', { name: `Add a priority to Green spaces ${suffix}` }).click();
      await page.waitForURL('**/admin/framework/priorities/new?theme=*');
      if (js) await waitForHydration(page);
      expect(await page.getByLabel('Theme', { exact: true }).inputValue()).toBe(String(theme.id));
      await page.getByLabel('Priority name in English').fill(`More trees ${suffix}`);
      await page.getByLabel('Ambition in English').fill('A tree for every child.');
      await page.getByRole('button', { name: 'Add a priority' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/framework');
      const priority = await db.selectFrom('priorities').selectAll().where('theme_id', '=', theme.id).executeTakeFirstOrThrow();
      expect(priority).toMatchObject({ key: `more_trees_${suffix}`, ambition: 'A tree for every child.' });

      // A theme with priorities cannot be deleted.
      await page.goto(`/admin/framework/themes/${theme.id}`);
      expect(await page.locator('#main-content').innerText()).toContain('This theme cannot be deleted while it has a priority');

      await page.goto(`/admin/framework/priorities/${priority.id}`);
      if (js) await waitForHydration(page);
      await page.getByRole('link', { name: 'Delete this priority' }).click();
      await page.getByRole('button', { name: 'Yes, delete it' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/framework');
      expect(await db.selectFrom('priorities').select('id').where('id', '=', priority.id).executeTakeFirst()).toBeUndefined();

      await page.goto(`/admin/framework/themes/${theme.id}?delete=confirm`);
      await page.getByRole('button', { name: 'Yes, delete it' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/framework');
      // With JavaScript the address changes a moment before React shows the new page.
      await expect.poll(() => page.locator('#main-content').innerText()).not.toContain(`Green spaces ${suffix}`);

      const linked = await linkedPriority();
      await page.goto(`/admin/framework/priorities/${linked.id}`);
      const text = await page.locator('#main-content').innerText();
      expect(text).toContain('This priority cannot be deleted because');
      expect(text).toContain(linked.title);
      expect(await page.getByRole('link', { name: 'Delete this priority' }).count()).toBe(0);
      const actions = (await db.selectFrom('audit_events').select('action').where('entity_type', 'in', ['theme', 'priority']).execute()).map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['theme.create', 'theme.move', 'priority.create', 'priority.delete', 'theme.delete']));
      await page.context().close();
    });
  });
}

describe('who may edit the framework', () => {
  it('refuses officers with 403', async () => {
    const officer = await addAccount(db, 'officer');
    const page = await (await newVisitor(browser, app, { js: false })).newPage();
    await signIn(page, officer, '/admin');
    for (const path of ['/admin/framework', '/admin/framework/themes/new', '/admin/framework/priorities/1']) {
      expect((await page.goto(path))?.status(), path).toBe(403);
    }
    await page.context().close();
  });
});

describe('axe on the framework pages', () => {
  for (const locale of ['en', 'ur'] as const) {
    it(`finds no WCAG 2.2 AA problems, ${locale === 'en' ? 'English' : 'Urdu'}`, async () => {
      const theme = await db.selectFrom('themes').select('id').orderBy('position').executeTakeFirstOrThrow();
      const priority = await linkedPriority();
      const page = await adminPage(true);
      const found: string[] = [];
      for (const path of [
        '/admin/framework',
        `/admin/framework/themes/${theme.id}`,
        `/admin/framework/priorities/${priority.id}`,
        '/admin/framework/themes/new',
        '/admin/framework/priorities/new',
      ]) {
        await page.goto(`${path}${path.includes('?') ? '&' : '?'}lng=${locale}`);
        await waitForHydration(page);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        if (path.endsWith('/new')) {
          // The page as it is after a failed post: the error summary and inline errors too.
          await page.locator('button[name="intent"][value="save"]').click();
          await page.locator('.error-summary, [role="alert"]').first().waitFor();
        }
        const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
        found.push(...results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')} [${path}]`));
      }
      expect(found).toEqual([]);
      await page.context().close();
    });
  }
});
