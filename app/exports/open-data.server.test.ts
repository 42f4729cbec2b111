import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { createTestDb } from '../../tests/db';
import { createExportFixture, FIXTURE, type ExportFixture } from '../../tests/exports-fixture';
import { OGL, type DataPackage } from './open-data';
import { openDataDescription, openDataExport } from './open-data.server';
import { SUMMARY_COLUMNS } from './summary';
import { THEMES_COLUMNS } from './themes';

// The open-data zip read back with the library that wrote it, its CSVs with a CSV library, and
// its datapackage.json checked against the Data Package specification's required parts and
// against the files it describes.

let db: Db;
let destroy: () => Promise<void>;
let fixture: ExportFixture;
let files: Record<string, string>;
const THRESHOLD = 10;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  fixture = await createExportFixture(db);
  const zipped = await openDataExport(db, fixture.consultation, 'en', THRESHOLD);
  expect(zipped).toMatchObject({ ok: true, contentType: 'application/zip', filename: `${fixture.consultation.slug}-open-data.zip` });
  const zip = await JSZip.loadAsync(zipped.body as Uint8Array);
  files = {};
  for (const name of Object.keys(zip.files)) files[name] = await zip.file(name)!.async('string');
}, 120_000);
afterAll(() => destroy());

const table = (csv: string) => {
  const [header = [], ...rows] = parse(csv.replace(/^\uFEFF/, '')) as string[][];
  return { header, rows: rows.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? '']))) };
};

describe('the open-data zip', () => {
  it('holds the two CSVs and their datapackage.json, side by side', () => {
    expect(Object.keys(files).sort()).toEqual(['datapackage.json', 'summary.csv', 'themes.csv']);
  });

  it('has CSVs with the export columns, overall figures only', () => {
    const summary = table(files['summary.csv']!);
    expect(summary.header).toEqual([...SUMMARY_COLUMNS]);
    expect(new Set(summary.rows.map((r) => r.breakdown))).toEqual(new Set(['all']));
    // The base (73 less "no answer") is hidden: the ward and committee tables protected with the
    // overall figures hide everyone's "no answer" (0) under the interval rule (disclosure.ts).
    expect(summary.rows.find((r) => r.question_key === 'choice' && r.option_key === 'a')).toMatchObject({ count: '25', base: '', suppressed: 'false' });
    const themes = table(files['themes.csv']!);
    expect(themes.header).toEqual([...THEMES_COLUMNS]);
    expect(themes.rows.filter((r) => r.kind === 'count').map((r) => [r.theme_key, r.count, r.suppressed])).toEqual([
      ['trees', '65', 'false'],
      ['paths', '37', 'false'],
      ['dogs', '15', 'false'],
      ['benches', '', 'true'],
    ]);
    expect(themes.rows.filter((r) => r.kind === 'quote')).toHaveLength(3);
  });

  it('describes itself as a tabular data package: title, licence, dates, publisher, keywords', () => {
    const descriptor = JSON.parse(files['datapackage.json']!) as DataPackage;
    expect(descriptor).toMatchObject({
      profile: 'tabular-data-package',
      name: fixture.consultation.slug,
      title: 'Test consultation: what we heard',
      licenses: [{ name: 'OGL-UK-3.0', path: OGL.path }],
      contributors: [{ title: 'Stockport Council', role: 'publisher' }],
      keywords: [FIXTURE.priority],
      consultation: {
        opens: fixture.consultation.opens_at,
        closes: fixture.consultation.closes_at,
        resultsPublished: fixture.consultation.results_published_at,
        disclosureThreshold: THRESHOLD,
      },
    });
    expect(descriptor.name).toMatch(/^[-a-z0-9._/]+$/);
    expect(descriptor.description).toContain('fewer than 10 responses');
    expect(new Date(descriptor.created).toISOString()).toBe(descriptor.created);
    expect(descriptor).not.toHaveProperty('homepage');
  });

  it('names each file beside it and lists exactly its columns, each with a type and a meaning', () => {
    const descriptor = JSON.parse(files['datapackage.json']!) as DataPackage;
    expect(descriptor.resources.map((r) => [r.name, r.path, r.profile, r.mediatype])).toEqual([
      ['summary', 'summary.csv', 'tabular-data-resource', 'text/csv'],
      ['themes', 'themes.csv', 'tabular-data-resource', 'text/csv'],
    ]);
    for (const resource of descriptor.resources) {
      const { header } = table(files[resource.path]!);
      expect(resource.schema.fields.map((f) => f.name)).toEqual(header);
      for (const field of resource.schema.fields) {
        expect(['string', 'integer', 'number', 'boolean']).toContain(field.type);
        expect(field.description, field.name).not.toMatch(/^openData\./);
      }
      expect(resource.schema.fields.find((f) => f.name === 'count')?.type).toBe('integer');
      expect(resource.schema.fields.find((f) => f.name === 'suppressed')).toMatchObject({ type: 'boolean', trueValues: ['true'], falseValues: ['false'] });
    }
  });
});

describe('the public description', () => {
  it('gives the files and the homepage as full public addresses', async () => {
    const descriptor = await openDataDescription(db, fixture.consultation, 'en', 'https://heard.example', THRESHOLD);
    const page = `https://heard.example/consultations/${fixture.consultation.slug}`;
    expect(descriptor.homepage).toBe(page);
    expect(descriptor.resources.map((r) => r.path)).toEqual([`${page}/open-data/summary.csv`, `${page}/open-data/themes.csv`]);
  });

  it('speaks the reader’s language, and its files’ addresses keep it', async () => {
    const descriptor = await openDataDescription(db, fixture.consultation, 'pl', 'https://heard.example', THRESHOLD);
    expect(descriptor.title).toBe('Test consultation: co usłyszeliśmy');
    expect(descriptor.contributors[0]!.title).toBe('Rada Miasta Stockport');
    expect(descriptor.resources[0]!.path).toMatch(/\/open-data\/summary\.csv\?lng=pl$/);
  });
});
