import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShape } from '../../bench/shape';
import { submissionBodyTemplate, ID_PLACEHOLDER } from '../../bench/submission';
import { type Db } from '../../db/connection';
import { openDb, startApp, type RunningApp } from './harness';
import { HttpClient } from './http';
import { holdWriteLock } from './lock';
import { SLUGS, ui } from './survey';
import { addAccount } from './workspace';
import { youthPath } from './youth';

// One writer freezes everyone: while another process holds SQLite's write lock for 10 s (an
// import, a backup, the sqlite3 shell), public pages are still served, a resident's response
// sent meanwhile is stored once the lock clears, and past DATABASE_BUSY_SECONDS the person
// gets "busy, try again" with everything they typed still on the page.

const slug = SLUGS.oneStockport;
const LOCK_MS = 10_000;
const env = { PAGE_CACHE_SECONDS: '0', SUBMISSIONS_PER_HOUR: '100000', WARM_SUMMARY_INDEXES: 'false' };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function submissionBody(databasePath: string): (key: string) => string {
  const sqlite = new SQLite(databasePath, { readonly: true });
  const template = submissionBodyTemplate(loadShape(sqlite, slug), '');
  sqlite.close();
  return (key) => template.replace(ID_PLACEHOLDER, key);
}

async function postForm(url: string, body: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin },
    body,
  });
}

async function storedKeys(db: Db, keys: string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('responses').select(['idempotency_key', 'reference']).where('idempotency_key', 'in', keys).execute();
  return new Map(rows.map((row) => [row.idempotency_key, row.reference]));
}

describe('One writer freezes everyone: another process holds the write lock for 10 s', () => {
  let app: RunningApp;
  let db: Db;
  beforeAll(async () => {
    app = await startApp({ env });
    db = openDb(app.databasePath);
  });
  afterAll(async () => {
    await db?.destroy();
    await app?.stop();
  });

  it('serves public pages meanwhile, and stores every response sent during the lock once it clears', async () => {
    const body = submissionBody(app.databasePath);
    const events: string[] = [];
    const lock = await holdWriteLock(app.databasePath);

    // Residents send their responses while the lock is held: they wait, asynchronously.
    const keys = Array.from({ length: 6 }, (_, i) => `during-${i}-${Date.now()}`);
    const sent = keys.map((key) =>
      postForm(`${app.url}/consultations/${slug}/check`, body(key)).then((response) => {
        events.push('response acknowledged');
        return response;
      }),
    );
    // A draft saved on a survey step waits the same way.
    const visitor = new HttpClient(app.url);
    await visitor.get(`/consultations/${slug}/answer/1`);
    const step = visitor.post(`/consultations/${slug}/answer/1`, { 'q-best_thing': 'parks_green_spaces' }).then((response) => {
      events.push('step saved');
      return response;
    });

    // Public pages keep being answered, each within the lock, behind no waiting writer.
    const started = Date.now();
    const latencies: number[] = [];
    const pages = ['/', `/consultations/${slug}`, `/consultations/${slug}/answer/1`, `/consultations/${slug}/answer/2`];
    for (let round = 0; Date.now() - started < LOCK_MS - 2_000; round++) {
      const path = `${pages[round % pages.length]}?round=${round}`;
      const before = performance.now();
      const response = await fetch(app.url + path);
      await response.text();
      latencies.push(performance.now() - before);
      expect(response.status, path).toBe(200);
      events.push('page served');
      await wait(100);
    }
    await wait(Math.max(0, LOCK_MS - (Date.now() - started)));
    events.push('lock released');
    await lock.release();

    const responses = await Promise.all(sent);
    const stepResponse = await step;
    latencies.sort((a, b) => a - b);
    console.log(
      `Public GETs during a ${LOCK_MS / 1000} s external write lock: ${latencies.length} pages, ` +
        `p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`,
    );

    // Every page was served while the lock was held; the saves came back only after it cleared.
    const released = events.indexOf('lock released');
    expect(events.slice(0, released).every((event) => event === 'page served')).toBe(true);
    expect(latencies.length).toBeGreaterThan(20);
    expect(responses.map((response) => response.status)).toEqual(keys.map(() => 303));
    expect(stepResponse.status).toBe(303);
    const stored = await storedKeys(db, keys);
    expect(responses.map((response) => response.headers.get('location'))).toEqual(keys.map((key) => `/consultations/${slug}/confirmation/${stored.get(key)}`));
  });
});

describe('One writer freezes everyone: a lock held past DATABASE_BUSY_SECONDS', () => {
  let app: RunningApp;
  let db: Db;
  beforeAll(async () => {
    app = await startApp({ env: { ...env, DATABASE_BUSY_SECONDS: '1' } });
    db = openDb(app.databasePath);
  });
  afterAll(async () => {
    await db?.destroy();
    await app?.stop();
  });

  it('answers 503 "busy, try again" with every typed value still on the page, and stores nothing', async () => {
    const body = submissionBody(app.databasePath);
    const visitor = new HttpClient(app.url);
    await visitor.get(`/consultations/${slug}/answer/1`);
    const account = await addAccount(db, 'analyst');
    const typed = 'The canal towpath at dawn & the “market” hall';
    const lock = await holdWriteLock(app.databasePath);
    try {
      const step = await visitor.post(`/consultations/${slug}/answer/1`, { 'q-best_thing': 'other', 'q-best_thing-other': typed, 'q-proud_rating': '7' });
      const key = `busy-${Date.now()}`;
      const check = await postForm(`${app.url}/consultations/${slug}/check`, body(key));

      const page = await step.text();
      expect(page).toContain(ui('en', 'survey:errors.busy'));
      expect(step.status).toBe(503);
      expect(step.headers.get('retry-after')).toBe('10');
      expect(page).toMatch(/<input[^>]*value="other"[^>]*checked|<input[^>]*checked[^>]*value="other"/);
      expect(page).toContain('value="The canal towpath at dawn &amp; the “market” hall"');
      expect(page).toMatch(/<input[^>]*value="7"[^>]*checked|<input[^>]*checked[^>]*value="7"/);

      expect(check.status).toBe(503);
      expect(await check.text()).toContain(ui('en', 'survey:errors.busy'));
      expect((await storedKeys(db, [key])).size).toBe(0);

      // The young people's steps say it in their own words, and keep the answer picked.
      const young = await visitor.post(youthPath('age'), { age_band: '13_15' });
      const youngPage = await young.text();
      expect(young.status).toBe(503);
      expect(youngPage).toContain(ui('en', 'youth:errors.busy'));
      expect(youngPage).toMatch(/<input[^>]*value="13_15"[^>]*checked|<input[^>]*checked[^>]*value="13_15"/);

      // A workspace form (signing in stores a session) gets the shared "busy, nothing was saved" page.
      const officer = new HttpClient(app.url);
      const csrf = await officer.csrfOf('/admin/sign-in');
      const signIn = await officer.post('/admin/sign-in', { csrf, email: account.email, password: account.password, redirectTo: '/admin' });
      const signInPage = await signIn.text();
      expect(signIn.status).toBe(503);
      expect(signInPage).toContain(ui('en', 'common:errors.busyTitle'));
      expect(signInPage).toContain(ui('en', 'common:errors.busy'));
    } finally {
      await lock.release();
    }
    // Once the lock is gone, the same answers are saved.
    const again = await visitor.post(`/consultations/${slug}/answer/1`, { 'q-best_thing': 'other', 'q-best_thing-other': typed, 'q-proud_rating': '7' });
    expect(again.status).toBe(303);
  });
});
