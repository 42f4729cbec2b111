import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { countResponses, newVisitor, responseByReference, startSuite, stopSuite, waitForHydration, type RunningApp } from './harness';
import { HttpClient } from './http';
import { answerRequiredOnly, confirmationUrl, shownReference, SLUGS, visit } from './survey';
import { addAccount, signIn } from './workspace';

// Findings of issue 12 tried again against the production build, behind a trusted proxy
// (TRUST_PROXY) so each test client can have its own address through X-Forwarded-For.

let app: RunningApp;
let db: Db;
let browser: Browser;

beforeAll(async () => ({ app, db, browser } = await startSuite({ env: { TRUST_PROXY: 'loopback' } })));
afterAll(() => stopSuite({ app, db, browser }));

const from = (address: string) => new HttpClient(app.url, { 'X-Forwarded-For': address });

async function trySignIn(client: HttpClient, email: string, password: string): Promise<Response> {
  const csrf = await client.csrfOf('/admin/sign-in');
  return client.post('/admin/sign-in', { csrf, email, password, redirectTo: '/admin' });
}

describe('Anyone can lock anyone out', () => {
  it("lets the owner in from a known device after an attacker's 50 failures; a new browser is slowed, not locked", async () => {
    const owner = await addAccount(db, 'admin');
    const ownersBrowser = from('203.0.113.7');
    expect((await trySignIn(ownersBrowser, owner.email, owner.password)).status).toBe(303);
    ownersBrowser.forget('heard_session');

    // The attacker even shares the owner's address (an office, or a proxy without TRUST_PROXY).
    const attacker = from('203.0.113.7');
    const statuses: number[] = [];
    let attackerWait = 0;
    for (let i = 0; i < 50; i += 1) {
      const answer = await trySignIn(attacker, owner.email, `guess number ${i}`);
      statuses.push(answer.status);
      if (answer.status === 429) attackerWait = Number(answer.headers.get('retry-after'));
    }
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(6);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(44);
    expect(new Set(statuses)).toEqual(new Set([401, 429]));

    const known = await trySignIn(ownersBrowser, owner.email, owner.password);
    expect(known.status).toBe(303);
    expect(known.headers.get('location')).toBe('/admin');

    // Turned away guesses check nothing and add no wait: the attacker's next real guess, once its
    // wait is over, is the one that starts the next (longer) wait, whatever the machine's speed.
    await new Promise((done) => setTimeout(done, attackerWait * 1000));
    expect((await trySignIn(attacker, owner.email, 'one more guess')).status).toBe(401);

    const newBrowser = await trySignIn(from('198.51.100.20'), owner.email, owner.password);
    expect(newBrowser.status).toBe(429);
    const wait = Number(newBrowser.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(300);
    expect(await newBrowser.text()).toContain(`Too many attempts to sign in. Wait ${wait} seconds and try again.`);
    // Not locked: once the wait it named is over, the right password lets them in.
    await new Promise((done) => setTimeout(done, wait * 1000));
    expect((await trySignIn(from('198.51.100.20'), owner.email, owner.password)).status).toBe(303);
  });

  it('slows one client spraying many accounts, says the same whether an address has an account, and leaves other clients alone', async () => {
    const real = await addAccount(db, 'officer');
    const sprayer = from('198.51.100.9');
    const statuses: number[] = [];
    for (let i = 0; i < 16; i += 1) statuses.push((await trySignIn(sprayer, `someone${i}@stockport.gov.uk`, 'Winter2026!')).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(-1)).toEqual([429]);
    const forReal = await trySignIn(sprayer, real.email, 'Winter2026!');
    const forNobody = await trySignIn(sprayer, 'nobody-at-all@stockport.gov.uk', 'Winter2026!');
    expect([forReal.status, forNobody.status]).toEqual([429, 429]);
    // The same words for both; the wait counts down between the two requests, so it may have
    // crossed a second boundary between them.
    const waitIn = (html: string) => Number(html.match(/Too many attempts to sign in\. Wait (\d+) seconds? and try again\./)?.[1]);
    const [realWait, nobodyWait] = [waitIn(await forReal.text()), waitIn(await forNobody.text())];
    expect(realWait).toBeGreaterThan(0);
    expect(Math.abs(realWait - nobodyWait)).toBeLessThanOrEqual(1);
    // Someone at another address is not held back by the sprayer.
    expect((await trySignIn(from('198.51.100.10'), 'someone0@stockport.gov.uk', 'Winter2026!')).status).toBe(401);
  });
});

describe('An idempotency key is matched across consultations', () => {
  it("stores a response sent with another consultation's key in its own consultation, and confirms it", async () => {
    const other = await db
      .selectFrom('responses')
      .innerJoin('consultations', 'consultations.id', 'responses.consultation_id')
      .select(['responses.idempotency_key as key', 'responses.reference'])
      .where('consultations.slug', '!=', SLUGS.oneStockport)
      .executeTakeFirstOrThrow();
    const before = await countResponses(db, { slug: SLUGS.oneStockport });
    const context = await newVisitor(browser, app, { js: false });
    try {
      const page = await context.newPage();
      await answerRequiredOnly(page, db, { js: false, locale: 'en' });
      await page.locator('form[method="post"] input[name="idempotencyKey"]').evaluate((input, key) => ((input as HTMLInputElement).value = key), other.key);
      await Promise.all([page.waitForURL(confirmationUrl(SLUGS.oneStockport)), page.getByRole('button', { name: 'Send my response' }).click()]);
      const reference = await shownReference(page);
      expect(reference).not.toBe(other.reference);
      expect(await countResponses(db, { slug: SLUGS.oneStockport })).toBe(before + 1);
      expect(await countResponses(db, { idempotencyKey: other.key })).toBe(2);
      const stored = await responseByReference(db, reference);
      expect(stored?.idempotency_key).toBe(other.key);
    } finally {
      await context.close();
    }
  });
});

/** Every Content-Security-Policy violation and console error on the page from now on. */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI} on ${location.pathname}`);
    });
  });
  return problems;
}

/** Visits each page with JavaScript on and waits until React has taken it over: its scripts ran. */
async function visitAll(page: Page, paths: string[]): Promise<void> {
  for (const path of paths) await visit(page, path, true);
}

describe('Headers', () => {
  it("sends a policy of the site's own files whose nonce is on every script of the page, fresh for each page-cache hit", async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await fetch(`${app.url}/consultations/${SLUGS.oneStockport}`);
      expect(response.status).toBe(200);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      const nonce = policy.match(/script-src 'self' 'nonce-([\w-]+)'/)?.[1];
      expect(nonce).toBeTruthy();
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(1);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
      if (i === 1) expect(response.headers.get('x-page-cache')).toBe('hit');
      nonces.push(nonce!);
    }
    expect(nonces[1]).not.toBe(nonces[0]);
    // A copy the browser already holds keeps the policy stored with it, whose nonce it carries.
    const etag = (await fetch(`${app.url}/consultations/${SLUGS.oneStockport}`)).headers.get('etag') ?? '';
    const unchanged = await fetch(`${app.url}/consultations/${SLUGS.oneStockport}`, { headers: { 'If-None-Match': etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('content-security-policy')).toBeNull();
  });

  it('asks for https only when served over https, and denies features and openers', async () => {
    const plain = await fetch(`${app.url}/`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const secure = await fetch(`${app.url}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    for (const response of [plain, secure]) {
      expect(response.headers.get('permissions-policy')).toMatch(/(^|, )camera=\(\)/);
      expect(response.headers.get('permissions-policy')).toMatch(/(^|, )microphone=\(\)/);
      expect(response.headers.get('permissions-policy')).toMatch(/(^|, )geolocation=\(\)/);
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('reports no policy violation in Chromium, JavaScript on, on the survey, the young people pages, public results and the workspace', async () => {
    const context = await newVisitor(browser, app, { js: true });
    try {
      const page = await context.newPage();
      const slug = SLUGS.oneStockport;
      const problems = await watchForProblems(page);
      await visitAll(page, [
        '/',
        `/consultations/${slug}`,
        `/consultations/${slug}/answer/1`,
        `/consultations/${slug}/young`,
        `/consultations/${slug}/young/age`,
        `/consultations/${SLUGS.parks}/results`,
      ]);
      expect(problems).toEqual([]);

      const officer = await addAccount(db, 'officer');
      const consultation = await db.selectFrom('consultations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
      await signIn(page, officer, '/admin');
      await waitForHydration(page);
      await visitAll(page, ['/admin', `/admin/consultations/${consultation.id}/results`, `/admin/consultations/${consultation.id}/responses`]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
