import type { AppLoadContext, LoaderFunctionArgs } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { loader as fileLoader } from '~/routes/consultations.$slug.open-data.$file';
import { loader as jsonLoader } from '~/routes/consultations.$slug.open-data[.]json';
import { createTestDb } from '../../tests/db';
import { booleanOf, createExportFixture, readTable, type ExportFixture } from '../../tests/exports-fixture';
import { SUMMARY_COLUMNS } from './summary';
import { THEMES_COLUMNS } from './themes';

// The public open-data addresses as a visitor (or a harvesting hub) meets them: 404 until the
// results are published, then the data package and its CSVs, readable from any site.

let db: Db;
let destroy: () => Promise<void>;
let published: ExportFixture;
let closed: ExportFixture;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  published = await createExportFixture(db, 'results_published');
  closed = await createExportFixture(db, 'closed');
}, 120_000);
afterAll(() => destroy());

const args = (path: string, params: Record<string, string>): LoaderFunctionArgs =>
  ({ request: new Request(`https://heard.example${path}`), params, context: { db } as unknown as AppLoadContext }) as LoaderFunctionArgs;

/** The loader's answer, or the response it threw (a 404). */
async function answer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    // Remix's data() with a status, thrown by notFound().
    if (thrown && typeof thrown === 'object' && 'init' in thrown) return new Response(null, { status: (thrown as { init: { status: number } }).init.status });
    throw thrown;
  }
}

const json = (slug: string) => answer(() => jsonLoader(args(`/consultations/${slug}/open-data.json`, { slug })));
const file = (slug: string, name: string) => answer(() => fileLoader(args(`/consultations/${slug}/open-data/${name}`, { slug, file: name })));

describe('the public open data', () => {
  it('is not there for a consultation whose results are not published, or that does not exist', async () => {
    for (const slug of [closed.consultation.slug, 'no-such-consultation']) {
      expect((await json(slug)).status, slug).toBe(404);
      expect((await file(slug, 'summary.csv')).status, slug).toBe(404);
      expect((await file(slug, 'themes.csv')).status, slug).toBe(404);
    }
  });

  it('serves the data package of a published consultation, naming its CSVs by their full address', async () => {
    const response = await json(published.consultation.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Cache-Control')).toMatch(/^public/);
    const descriptor = (await response.json()) as {
      profile: string;
      licenses: { name: string }[];
      resources: { path: string; schema: { fields: { name: string }[] } }[];
    };
    expect(descriptor.profile).toBe('tabular-data-package');
    expect(descriptor.licenses[0]!.name).toBe('OGL-UK-3.0');
    const page = `https://heard.example/consultations/${published.consultation.slug}`;
    expect(descriptor.resources.map((r) => r.path)).toEqual([`${page}/open-data/summary.csv`, `${page}/open-data/themes.csv`]);
    expect(descriptor.resources.map((r) => r.schema.fields.map((f) => f.name))).toEqual([[...SUMMARY_COLUMNS], [...THEMES_COLUMNS]]);
  });

  it('serves the CSVs it names, with hidden figures empty', async () => {
    for (const [name, columns] of [
      ['summary.csv', SUMMARY_COLUMNS],
      ['themes.csv', THEMES_COLUMNS],
    ] as const) {
      const response = await file(published.consultation.slug, name);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
      const { columns: header, rows } = await readTable(await response.text(), 'csv');
      expect(header).toEqual([...columns]);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows.filter((r) => booleanOf(r.suppressed) === true))
        expect([row.count, row.percent, row.ci_low, row.ci_high]).toEqual(['', '', '', '']);
    }
    expect((await file(published.consultation.slug, 'responses.csv')).status).toBe(404);
  });
});
