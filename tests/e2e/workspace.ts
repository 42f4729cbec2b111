import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Db } from '../../db/connection';
import type { Role } from '../../db/schema';
import { insertActiveUser } from '../../app/auth/users.server';

// The officers' workspace as its users meet it: an account made the way `npm run user:create`
// makes one, and signing in through the real sign-in page.

export interface Account {
  email: string;
  password: string;
  role: Role;
}

let made = 0;

export async function addAccount(db: Db, role: Role, name = `Test ${role}`): Promise<Account> {
  made += 1;
  const account = { email: `${role}${made}.${Date.now()}@stockport.gov.uk`, password: `correct horse ${role} battery`, role };
  await insertActiveUser(db, { ...account, name });
  return account;
}

/** Signs in through the form and waits for the workspace to open. */
export async function signIn(page: Page, account: Pick<Account, 'email' | 'password'>, path = '/admin'): Promise<void> {
  await page.goto(`/admin/sign-in?redirectTo=${encodeURIComponent(path)}`);
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/sign-in')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  await page.waitForLoadState();
  if (new URL(page.url()).pathname.startsWith('/admin/sign-in')) {
    await page
      .waitForURL((url) => !url.pathname.startsWith('/admin/sign-in'), { timeout: 5_000 })
      .catch(async () => {
        throw new Error(`Signing in as ${account.email} failed: ${await page.locator('main').innerText()}`);
      });
  }
  expect(new URL(page.url()).pathname).toBe(path.split('?')[0]);
}
