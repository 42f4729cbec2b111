import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { openDb, startApp, type RunningApp } from './harness';
import { HttpClient } from './http';
import { ui, type Locale } from './survey';
import { addAccount } from './workspace';

// Issue 14: a page whose loader threw (not found, forbidden) had no <title>, because the page's
// own meta answered nothing and so replaced the root's, which names the error. A reader's
// browser tab and screen reader now say what happened, in their language.

let app: RunningApp;
let db: Db;
let consultation: number;

beforeAll(async () => {
  app = await startApp();
  db = openDb(app.databasePath);
  ({ id: consultation } = await db.selectFrom('consultations').select('id').orderBy('id').executeTakeFirstOrThrow());
});

afterAll(async () => {
  await db?.destroy();
  await app?.stop();
});

const titleOf = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1]?.trim() ?? '';

/** A client reading in `locale`, signed in as `role` when given one. */
async function reader(locale: Locale, role?: 'officer' | 'analyst'): Promise<HttpClient> {
  const client = new HttpClient(app.url);
  await client.get(`/?lng=${locale}`);
  if (role) await client.signIn(await addAccount(db, role));
  return client;
}

describe.each(['en', 'ur'] as const)('error pages in %s', (locale) => {
  it('a workspace page that is not there is titled “Page not found”', async () => {
    const officer = await reader(locale, 'officer');
    for (const path of [`/admin/consultations/999999`, `/admin/consultations/999999/results`, `/admin/consultations/${consultation}/questions/999999`]) {
      const response = await officer.get(path);
      expect(response.status).toBe(404);
      expect(titleOf(await response.text())).toMatch(new RegExp(`^${ui(locale, 'errors.notFoundTitle')} – `));
    }
  });

  it('a workspace page the reader may not open is titled with the refusal', async () => {
    const analyst = await reader(locale, 'analyst');
    for (const path of ['/admin/users', `/admin/consultations/${consultation}/questions/new`]) {
      const response = await analyst.get(path);
      expect(response.status).toBe(403);
      expect(titleOf(await response.text())).toMatch(new RegExp(`^${ui(locale, 'errors.forbiddenTitle')} – `));
    }
  });

  it('a public page that is not there is titled “Page not found”', async () => {
    const resident = await reader(locale);
    for (const path of ['/consultations/no-such-consultation', '/consultations/no-such-consultation/results', '/no/such/page']) {
      const response = await resident.get(path);
      expect(response.status).toBe(404);
      expect(titleOf(await response.text())).toMatch(new RegExp(`^${ui(locale, 'errors.notFoundTitle')} – `));
    }
  });
});
