import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { openDb, startApp, type RunningApp } from './harness';
import { HttpClient } from './http';
import { SLUGS } from './survey';
import { addAccount } from './workspace';

// Issue 14: React 18 padded some of its 2,048-byte chunks with NUL bytes wherever a multi-byte
// character did not fit, so long Urdu and Polish pages carried them, and a chart label read
// "گھ�مانا". Long pages are read here as bytes, straight off the wire, rendered and from the cache.

let app: RunningApp;
let db: Db;

beforeAll(async () => {
  app = await startApp();
  db = openDb(app.databasePath);
});

afterAll(async () => {
  await db?.destroy();
  await app?.stop();
});

const CHROMIUM = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** What is wrong with a page's bytes: NUL bytes, or anything that is not UTF-8. */
function faultsOf(bytes: Buffer): string[] {
  const faults: string[] = [];
  const nul = bytes.indexOf(0);
  if (nul !== -1) faults.push(`a NUL byte at ${nul}`);
  const text = bytes.toString('utf8');
  const replaced = text.indexOf('\uFFFD');
  if (replaced !== -1) faults.push(`a replacement character in "${text.slice(Math.max(0, replaced - 20), replaced + 20)}"`);
  return faults;
}

async function fetchBytes(path: string, cookie: string): Promise<{ status: number; cache: string | null; bytes: Buffer }> {
  const response = await fetch(app.url + path, { headers: { 'user-agent': CHROMIUM, cookie } });
  return { status: response.status, cache: response.headers.get('x-page-cache'), bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The language cookie a reader gets by choosing the language, as the switcher does (?lng=). */
async function languageCookie(locale: string): Promise<string> {
  const response = await fetch(`${app.url}/?lng=${locale}`);
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('lng='));
  if (!cookie) throw new Error(`No language cookie for ${locale}`);
  return cookie.split(';')[0]!;
}

const htmlLanguage = (bytes: Buffer) => bytes.toString('utf8').match(/<html lang="(\w+)"/)?.[1];

const PUBLIC_PAGES = ['/', `/consultations/${SLUGS.oneStockport}`, `/consultations/${SLUGS.parks}/results`];

describe.each(['ur', 'pl'])('long pages in %s', (locale) => {
  let language: string;
  beforeAll(async () => (language = await languageCookie(locale)));

  it.each(PUBLIC_PAGES)('%s has no NUL byte or broken character, rendered or from the page cache', async (path) => {
    const rendered = await fetchBytes(path, language);
    expect(rendered.status).toBe(200);
    expect(rendered.cache).toBe('miss');
    expect(htmlLanguage(rendered.bytes)).toBe(locale);
    // Long enough to cross React's 2,048-byte chunks many times.
    expect(rendered.bytes.length).toBeGreaterThan(10_000);
    expect(faultsOf(rendered.bytes)).toEqual([]);
    const cached = await fetchBytes(path, language);
    expect(cached.cache).toBe('hit');
    expect(faultsOf(cached.bytes)).toEqual([]);
  });

  it('the survey’s steps have no NUL byte or broken character', async () => {
    for (const step of ['1', '2', '3', '4']) {
      const page = await fetchBytes(`/consultations/${SLUGS.oneStockport}/answer/${step}`, language);
      expect(page.status).toBe(200);
      expect(htmlLanguage(page.bytes)).toBe(locale);
      expect(faultsOf(page.bytes)).toEqual([]);
    }
  });

  it('a long workspace page (every question’s results) has no NUL byte or broken character', async () => {
    const officer = new HttpClient(app.url);
    await officer.signIn(await addAccount(db, 'officer'));
    const { id } = await db.selectFrom('consultations').select('id').where('slug', '=', SLUGS.oneStockport).executeTakeFirstOrThrow();
    const page = await fetchBytes(`/admin/consultations/${id}/results`, `${language}; ${officer.cookieHeader()}`);
    expect(page.status).toBe(200);
    expect(htmlLanguage(page.bytes)).toBe(locale);
    expect(page.bytes.length).toBeGreaterThan(100_000);
    expect(faultsOf(page.bytes)).toEqual([]);
  });
});
