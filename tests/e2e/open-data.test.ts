import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { openDb, startApp, type RunningApp } from './harness';
import { SLUGS } from './survey';

// The public open data as an open-data hub harvests it from the running app: the data package
// of the published demo consultation, the CSVs it names, fetched from their own addresses, and
// nothing at all for a consultation whose results are not published.

let app: RunningApp;
let db: Db;

beforeAll(async () => {
  app = await startApp();
  db = openDb(app.databasePath);
}, 120_000);

afterAll(async () => {
  await db?.destroy();
  await app?.stop();
});

interface Descriptor {
  title: string;
  licenses: { name: string; path: string }[];
  resources: { name: string; path: string; schema: { fields: { name: string; type: string }[] } }[];
}

const csv = (text: string) => {
  const [header = [], ...rows] = parse(text.replace(/^\uFEFF/, '')) as string[][];
  return { header, rows: rows.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? '']))) };
};

describe('the public open data', () => {
  it('describes the published consultation, and every file it names is there with exactly the columns described', async () => {
    const response = await fetch(`${app.url}/consultations/${SLUGS.parks}/open-data.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const descriptor = (await response.json()) as Descriptor;
    expect(descriptor.licenses[0]).toMatchObject({ name: 'OGL-UK-3.0' });
    expect(descriptor.resources.map((r) => r.name)).toEqual(['summary', 'themes']);
    for (const resource of descriptor.resources) {
      expect(resource.path.startsWith(`${app.url}/consultations/${SLUGS.parks}/open-data/`)).toBe(true);
      const file = await fetch(resource.path);
      expect(file.status, resource.path).toBe(200);
      expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const { header, rows } = csv(await file.text());
      expect(header).toEqual(resource.schema.fields.map((f) => f.name));
      expect(rows.length).toBeGreaterThan(0);
      // A hidden figure is empty in the public file.
      for (const row of rows.filter((r) => r.suppressed === 'true')) expect([row.count, row.percent, row.ci_low, row.ci_high]).toEqual(['', '', '', '']);
    }
  });

  it('holds the demo codebook and the quotes chosen, each credited', async () => {
    const { rows } = csv(await (await fetch(`${app.url}/consultations/${SLUGS.parks}/open-data/themes.csv`)).text());
    const consultation = await db.selectFrom('consultations').select('id').where('slug', '=', SLUGS.parks).executeTakeFirstOrThrow();
    const codebook = await db
      .selectFrom('codebook_themes')
      .select('key')
      .where('consultation_id', '=', consultation.id)
      .orderBy('position')
      .orderBy('id')
      .execute();
    expect(rows.filter((r) => r.kind === 'theme').map((r) => r.theme_key)).toEqual(codebook.map((t) => t.key));
    const picked = await db.selectFrom('quotes').select('text').where('consultation_id', '=', consultation.id).execute();
    expect(picked.length).toBeGreaterThan(0);
    const quotes = rows.filter((r) => r.kind === 'quote');
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) {
      expect(picked.map((p) => p.text)).toContain(quote.quote);
      expect(quote.credit).not.toBe('');
    }
  });

  it('speaks Urdu when asked, and its files keep the language', async () => {
    const descriptor = (await (await fetch(`${app.url}/consultations/${SLUGS.parks}/open-data.json?lng=ur`)).json()) as Descriptor;
    expect(descriptor.title).toContain('ہم نے کیا سنا');
    expect(descriptor.resources[0]!.path).toMatch(/\?lng=ur$/);
    expect((await fetch(descriptor.resources[0]!.path)).status).toBe(200);
  });

  it('is not found for a consultation whose results are not published, or an unknown file', async () => {
    for (const slug of [SLUGS.oneStockport, SLUGS.covid, 'no-such-consultation']) {
      expect((await fetch(`${app.url}/consultations/${slug}/open-data.json`)).status, slug).toBe(404);
      expect((await fetch(`${app.url}/consultations/${slug}/open-data/summary.csv`)).status, slug).toBe(404);
    }
    expect((await fetch(`${app.url}/consultations/${SLUGS.parks}/open-data/responses.csv`)).status).toBe(404);
  });
});
