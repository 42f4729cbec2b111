import { readdirSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema';
import { ROOT, startApp, openDb, type RunningApp } from './harness';
import { HttpClient } from './http';
import { addAccount, type Account } from './workspace';
import type { Db } from '../../db/connection';
import { findIds } from './workspace-ids';
import { WORKSPACE_ROUTES, type Ids } from './workspace-routes';

// The workspace's locks, tried from outside: every page by every role, every form without its
// CSRF token, the session cookie's attributes, guessing passwords, signing out everywhere.

let app: RunningApp;
let db: Db;
let ids: Ids;
const accounts = {} as Record<Role, Account>;
const clients = {} as Record<Role, HttpClient>;

beforeAll(async () => {
  app = await startApp();
  db = openDb(app.databasePath);
  for (const role of ['admin', 'officer', 'analyst'] as const) {
    accounts[role] = await addAccount(db, role);
    clients[role] = new HttpClient(app.url);
    await clients[role].signIn(accounts[role]);
  }
  ids = await findIds(db, accounts.officer.email);
});

afterAll(async () => {
  await db?.destroy();
  await app?.stop();
});

const expected = (permission: string, role: Role): number => {
  const allowed: Record<string, Role[]> = {
    signedIn: ['admin', 'officer', 'analyst'],
    viewWorkspace: ['admin', 'officer', 'analyst'],
    readResults: ['admin', 'officer', 'analyst'],
    editConsultations: ['admin', 'officer'],
    editResponses: ['admin', 'officer'],
    manageUsers: ['admin'],
    editFramework: ['admin'],
    readAudit: ['admin'],
    readRecords: ['admin'],
  };
  return allowed[permission]?.includes(role) ? 200 : 403;
};

describe('the role x route matrix', () => {
  it('lists every workspace route module', () => {
    const files = readdirSync(join(ROOT, 'app/routes')).filter((f) => /^admin[._]/.test(f) || f === 'admin.tsx');
    const covered = new Set(WORKSPACE_ROUTES.map((r) => r.file));
    expect(files.filter((f) => !covered.has(f) && f !== 'admin.tsx')).toEqual([]);
  });

  it('sends a signed-out visitor to sign in, and back afterwards', async () => {
    const anonymous = new HttpClient(app.url);
    for (const route of WORKSPACE_ROUTES.filter((r) => r.get && r.permission !== 'public')) {
      const path = route.get!(ids);
      const response = await anonymous.get(path);
      expect(`${path} ${response.status}`).toBe(`${path} 302`);
      expect(response.headers.get('location')).toBe(`/admin/sign-in?redirectTo=${encodeURIComponent(path)}`);
    }
  });

  for (const role of ['admin', 'officer', 'analyst'] as const) {
    it(`gives ${role}s exactly the pages their role allows (200) and refuses the rest (403)`, async () => {
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const route of WORKSPACE_ROUTES.filter((r) => r.get && r.permission !== 'public')) {
        const path = route.get!(ids);
        const response = await clients[role].get(path);
        seen.push(`${path} ${response.status}`);
        wanted.push(`${path} ${route.getStatus?.(role) ?? expected(route.permission, role)}`);
      }
      expect(seen).toEqual(wanted);
    });
  }
});

describe('CSRF protection', () => {
  it('refuses every state-changing post without the session token (403) and changes nothing', async () => {
    const before = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const route of WORKSPACE_ROUTES.filter((r) => r.post)) {
      const path = route.post!(ids);
      const missing = await clients.admin.post(path, { intent: route.intent ?? '' });
      expect(`${path} ${missing.status}`).toBe(`${path} 403`);
      const wrong = await clients.admin.post(path, { csrf: 'forged-token', intent: route.intent ?? '' });
      expect(`${path} ${wrong.status}`).toBe(`${path} 403`);
    }
    const after = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a sign-in form posted from another site', async () => {
    const outsider = new HttpClient(app.url);
    const response = await outsider.post('/admin/sign-in', { email: accounts.admin.email, password: accounts.admin.password });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie().some((c) => c.startsWith('heard_session='))).toBe(false);
  });
});

describe('sessions', () => {
  it('are held in an httpOnly, SameSite=Lax cookie, Secure away from localhost, new at every sign-in', async () => {
    const local = await fetch(`${app.url}/admin/sign-in`, { redirect: 'manual' });
    const csrfCookie = local.headers.getSetCookie().find((c) => c.startsWith('heard_csrf='))!;
    expect(csrfCookie).toMatch(/HttpOnly/i);
    expect(csrfCookie).toMatch(/SameSite=Lax/i);
    expect(csrfCookie).not.toMatch(/Secure/i);

    // The same server reached by its public name: the cookie may only travel over TLS.
    const remote = await new Promise<string[]>((done, fail) =>
      get(`${app.url}/admin/sign-in`, { headers: { host: 'heard.stockport.gov.uk' } }, (res) => {
        res.resume();
        done(res.headers['set-cookie'] ?? []);
      }).on('error', fail),
    );
    expect(remote.find((c) => c.startsWith('heard_csrf='))).toMatch(/; Secure/i);

    const tokens = new Set<string>();
    for (let i = 0; i < 2; i += 1) {
      const client = new HttpClient(app.url);
      const csrf = await client.csrfOf('/admin/sign-in');
      const response = await client.post('/admin/sign-in', { csrf, email: accounts.analyst.email, password: accounts.analyst.password });
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('heard_session='))!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      tokens.add(cookie.split(';')[0]!);
    }
    expect(tokens.size).toBe(2);
  });

  it('end on every device when a person signs out everywhere', async () => {
    const phone = new HttpClient(app.url);
    const laptop = new HttpClient(app.url);
    const account = await addAccount(db, 'officer');
    await phone.signIn(account);
    await laptop.signIn(account);
    expect((await phone.get('/admin')).status).toBe(200);
    const csrf = await laptop.csrfOf('/admin/account');
    const out = await laptop.post('/admin/sign-out', { csrf, intent: 'everywhere' });
    expect(out.status).toBe(303);
    expect((await phone.get('/admin')).status).toBe(302);
    expect((await laptop.get('/admin')).status).toBe(302);
  });
});

describe('guessing passwords', () => {
  // Changed deliberately (issue 12, "Anyone can lock anyone out"): the account is no longer
  // locked for 15 minutes after five failures. Guessing is slowed instead: after three free
  // failures each one doubles the wait (short waits are served late, longer ones refused with
  // how many seconds to wait), and the right password from a new browser waits too.
  it('slows guessing of an account with a clear message, and the right password waits too', async () => {
    const account = await addAccount(db, 'admin');
    const guesser = new HttpClient(app.url);
    const statuses: number[] = [];
    let page = '';
    for (let i = 0; i < 6; i += 1) {
      const csrf = await guesser.csrfOf('/admin/sign-in');
      const response = await guesser.post('/admin/sign-in', { csrf, email: account.email, password: `wrong guess ${i}` });
      statuses.push(response.status);
      page = await response.text();
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(page).toMatch(/Too many attempts to sign in\. Wait [1-4] seconds? and try again\./);
    const csrf = await guesser.csrfOf('/admin/sign-in');
    const right = await guesser.post('/admin/sign-in', { csrf, email: account.email, password: account.password });
    expect(right.status).toBe(429);
  });
});
