import { parse } from 'csv-parse/sync';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { loadPublicFigures } from '~/analysis/public-figures.server';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';
import { DEFAULT_LOCALE, LANGUAGE_PARAM, type Locale } from '~/platform/i18n/config';
import { tFor } from '~/platform/i18n/i18n.server';
import { writeTable } from './files.server';
import { dataPackage, OPEN_DATA_FILES, schemaFields, type DataPackage, type OpenDataFile } from './open-data';
import { SUMMARY_COLUMNS, summaryRows } from './summary';
import type { ExportFile } from './summary.server';
import { THEMES_COLUMNS } from './themes';
import { themesRowsFor } from './themes.server';

// The open-data files of one consultation: its overall figures (no filter, no breakdown) from
// the protected results model, as the summary and themes CSVs, and their datapackage.json.
// The zip is for officers (the Exports page, `npm run export`); the public endpoints serve the
// same descriptor and CSVs for published consultations only (the routes ask publishing first).

type Tables = Record<OpenDataFile, string> & { rows: number };

/** Both CSV files, from one read of the model so they agree with each other. */
export async function openDataTables(db: Db, consultation: Consultation, locale: Locale, threshold: number): Promise<Tables> {
  // The figures the public results pages show, protected together with those by area.
  const { model } = await loadPublicFigures(db, consultation, locale, threshold);
  // No parameters cannot be a mistake in the address.
  if (!model) throw new Error(`The overall results of ${consultation.slug} could not be made`);
  const summary = summaryRows(model);
  const themes = await themesRowsFor(db, model, locale);
  return {
    'summary.csv': (await writeTable({ columns: SUMMARY_COLUMNS, rows: summary, sheet: 'summary' }, 'csv')) as string,
    'themes.csv': (await writeTable({ columns: THEMES_COLUMNS, rows: themes, sheet: 'themes' }, 'csv')) as string,
    rows: summary.length + themes.length,
  };
}

const headerOf = (csv: string) => (parse(csv.replace(/^\uFEFF/, ''), { to_line: 1 }) as string[][])[0] ?? [];

async function linkedPriorities(db: Db, consultationId: number, locale: Locale): Promise<string[]> {
  const rows = await db
    .selectFrom('consultation_priorities as cp')
    .innerJoin('priorities as p', 'p.id', 'cp.priority_id')
    .innerJoin('themes as t', 't.id', 'p.theme_id')
    .select(['p.id', 'p.name'])
    .where('cp.consultation_id', '=', consultationId)
    .orderBy('t.position')
    .orderBy('p.position')
    .execute();
  const tr = await loadTranslations(db, locale, [{ type: 'priority', ids: rows.map((r) => r.id) }]);
  return rows.map((r) => translated(tr, 'priority', r.id, 'name', r.name));
}

/**
 * The datapackage.json of the files. `baseUrl` (the site's origin) makes the resource paths
 * and the homepage absolute public addresses; without it they are the files beside it in a zip.
 */
async function describe(db: Db, consultation: Consultation, locale: Locale, tables: Tables, threshold: number, baseUrl: string | null): Promise<DataPackage> {
  const t = tFor(locale, 'exports');
  const [keywords, tr] = await Promise.all([
    linkedPriorities(db, consultation.id, locale),
    loadTranslations(db, locale, [{ type: 'consultation', ids: [consultation.id] }]),
  ]);
  const title = translated(tr, 'consultation', consultation.id, 'title', consultation.title);
  const publicBase = baseUrl ? `${baseUrl.replace(/\/$/, '')}/consultations/${encodeURIComponent(consultation.slug)}` : null;
  const language = locale === DEFAULT_LOCALE ? '' : `?${LANGUAGE_PARAM}=${locale}`;
  const resource = (name: 'summary' | 'themes') => {
    const file: OpenDataFile = `${name}.csv`;
    return {
      name,
      path: publicBase ? `${publicBase}/open-data/${file}${language}` : file,
      title: t(`openData.${name}.title`),
      description: t(`openData.${name}.description`, { threshold }),
      fields: schemaFields(name, headerOf(tables[file]), (column) => t(`openData.fields.${name}.${column}`)),
    };
  };
  return dataPackage({
    slug: consultation.slug,
    title: t('openData.title', { title }),
    description: t('openData.description', { title, council: tFor(locale, 'common')('site.council'), threshold }),
    publisher: tFor(locale, 'common')('site.council'),
    homepage: publicBase ? `${publicBase}${language}` : null,
    keywords,
    created: new Date().toISOString(),
    opens: consultation.opens_at,
    closes: consultation.closes_at,
    resultsPublished: consultation.results_published_at,
    threshold,
    resources: [resource('summary'), resource('themes')],
  });
}

/** The public descriptor: the data package with its files as absolute public addresses. */
export async function openDataDescription(db: Db, consultation: Consultation, locale: Locale, baseUrl: string, threshold: number): Promise<DataPackage> {
  return describe(db, consultation, locale, await openDataTables(db, consultation, locale, threshold), threshold, baseUrl);
}

/** One public CSV file. */
export async function openDataFile(db: Db, consultation: Consultation, locale: Locale, file: OpenDataFile, threshold: number): Promise<string> {
  return (await openDataTables(db, consultation, locale, threshold))[file];
}

/** The zip an officer downloads: summary.csv, themes.csv and datapackage.json. */
export async function openDataExport(db: Db, consultation: Consultation, locale: Locale, threshold: number): Promise<ExportFile> {
  const tables = await openDataTables(db, consultation, locale, threshold);
  const descriptor = await describe(db, consultation, locale, tables, threshold, null);
  const { default: JSZip } = await import('jszip');
  // The descriptor at the top of the zip, beside the files it names, as the specification asks.
  const zip = new JSZip();
  zip.file('datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`);
  for (const file of OPEN_DATA_FILES) zip.file(file, tables[file]);
  const body = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { ok: true, body: new Uint8Array(body), contentType: 'application/zip', filename: `${consultation.slug}-open-data.zip`, rows: tables.rows };
}
