import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVisitor, ROOT, startSuite, stopSuite, waitForHydration, type Suite } from './harness';
import { signIn, type Account } from './workspace';

// People and their access, through the pages: the first administrator made on the command
// line, an invitation accepted, a role's limits, disabling, the audit log; axe on every page.

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let suite: Suite;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

function userCreate(args: string[], stdin: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['db/cli/user-create.ts', ...args, '--database', suite.app.databasePath], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => done({ code, output }));
    child.stdin.end(stdin);
  });
}

/** axe runs as a script in the page, so it checks the pages with JavaScript on (the same markup). */
async function expectAccessible(page: Page, js = true): Promise<void> {
  if (!js) return;
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')} [${page.url()}]`);
  expect(found).toEqual([]);
}

const admin: Account = { email: 'ada.admin@stockport.gov.uk', password: 'the first administrator of Heard', role: 'admin' };

describe('the first administrator, from the command line', () => {
  it('is created with the password from standard input, never from the arguments', async () => {
    const short = await userCreate(['--email', admin.email, '--role', 'admin'], 'too short\n');
    expect(short.code).toBe(1);
    expect(short.output).toContain('The password must be 12 to 256 characters long.');
    const badRole = await userCreate(['--email', admin.email, '--role', 'superuser'], `${admin.password}\n`);
    expect(badRole.code).toBe(1);
    expect(badRole.output).toContain('--role must be one of admin, officer, analyst.');

    const made = await userCreate(['--email', admin.email, '--role', 'admin', '--name', 'Ada Lovelace'], `${admin.password}\n`);
    expect(made.output).toContain(`Created ${admin.email} (admin).`);
    expect(made.code).toBe(0);
    const again = await userCreate(['--email', admin.email, '--role', 'admin'], `${admin.password}\n`);
    expect(again.code).toBe(1);

    const row = await suite.db.selectFrom('users').selectAll().where('email', '=', admin.email).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'admin', status: 'active', name: 'Ada Lovelace' });
    expect(row.password_hash).not.toContain(admin.password);
    const audit = await suite.db.selectFrom('audit_events').selectAll().where('action', '=', 'user.create').execute();
    expect(audit.map((a) => a.actor)).toEqual(['command line']);
  });
});

for (const js of [true, false]) {
  describe(`inviting an officer (JavaScript ${js ? 'on' : 'off'})`, () => {
    it('gives a one-time link; the officer chooses a password and sees only what officers may', async () => {
      const adminContext = await newVisitor(suite.browser, suite.app, { js });
      const page = await adminContext.newPage();
      await signIn(page, admin, '/admin/users');
      if (js) await waitForHydration(page);
      await expectAccessible(page, js);

      const email = `olu.officer.${js ? 'on' : 'off'}@stockport.gov.uk`;
      const name = `Olu Adeyemi ${js ? 'One' : 'Two'}`;
      await page.getByLabel('Name').fill('Olu Officer');
      await page.getByLabel('Email address').fill('not an email');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await expect.poll(() => page.getByRole('link', { name: 'Enter an email address in the correct format, like name@example.com' }).count()).toBe(1);
      // What was typed is still there.
      expect(await page.getByLabel('Name').inputValue()).toBe('Olu Officer');
      if (!js) expect(await page.title()).toMatch(/^Error: Users/);

      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Role').selectOption('officer');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page.getByText(`${email} is invited. Send them this link:`).waitFor();
      const link = (await page.locator('.copy-box').textContent())!.trim();
      expect(link).toMatch(/\/admin\/invite\/[\w-]{43}$/);
      await expectAccessible(page, js);

      const officerContext = await newVisitor(suite.browser, suite.app, { js });
      const officer = await officerContext.newPage();
      await officer.goto(link);
      if (js) await waitForHydration(officer);
      await expectAccessible(officer, js);
      await officer.getByLabel('Your name').fill(name);
      await officer.getByLabel('Password', { exact: true }).fill('a password for olu only');
      await officer.getByLabel('Password again').fill('a different password');
      await officer.getByRole('button', { name: 'Create account' }).click();
      await officer.getByRole('link', { name: 'The two passwords are not the same' }).waitFor();
      expect(await officer.getByLabel('Your name').inputValue()).toBe(name);
      await officer.getByLabel('Password', { exact: true }).fill('a password for olu only');
      await officer.getByLabel('Password again').fill('a password for olu only');
      await officer.getByRole('button', { name: 'Create account' }).click();
      await officer.waitForURL((url) => url.pathname === '/admin');
      await officer.getByText(`Signed in as ${name} (Officer)`).waitFor();
      const nav = officer.getByRole('navigation', { name: 'Workspace' });
      expect(await nav.getByRole('link', { name: 'Consultations' }).count()).toBe(1);
      expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
      const forbidden = await officer.goto('/admin/users');
      expect(forbidden?.status()).toBe(403);
      await officer.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();

      // The link works once.
      const reused = await (await officerContext.browser()!.newContext({ baseURL: suite.app.url })).newPage();
      expect((await reused.goto(link))?.status()).toBe(404);
      await reused.getByRole('heading', { name: 'This invitation link does not work' }).waitFor();

      // Disabled: signed out at once.
      await page.goto('/admin/users');
      await page.getByRole('link', { name }).click();
      await page.getByRole('button', { name: 'Disable this user' }).click();
      await page.getByText('The user is disabled and signed out everywhere.').waitFor();
      await officer.goto('/admin');
      expect(new URL(officer.url()).pathname).toBe('/admin/sign-in');

      // The audit log says who did what.
      await page.goto('/admin/audit?action=user.disable');
      await page.getByText(`Disabled ${email}`).waitFor();
      await expectAccessible(page, js);
      await adminContext.close();
      await officerContext.close();
    });
  });
}

describe('the workspace in Urdu', () => {
  it('reads right to left and passes axe on the account pages', async () => {
    const context = await newVisitor(suite.browser, suite.app, { js: true });
    const page = await context.newPage();
    await page.goto('/admin/sign-in?lng=ur');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectAccessible(page);
    await page.goto('/admin/sign-in?lng=en');
    await signIn(page, admin, '/admin/account');
    for (const path of ['/admin?lng=ur', '/admin/account', '/admin/users', '/admin/audit']) {
      await page.goto(path);
      expect(await page.locator('html').getAttribute('lang')).toBe('ur');
      await expectAccessible(page);
    }
    await context.close();
  });
});
