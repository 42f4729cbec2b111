import type { Sheet } from '../../app/responses/import/check';
import { insertBaseline, replaceFigures } from '../../app/population/baselines.server';
import { mapCensusSheet } from '../../app/population/census-csv';
import { combineFiles, type NamedFile } from '../../app/population/combine';
import { inTransaction, type Db } from '../connection';
import { readCensusCsv } from './census';

// The demo's population baseline: the real Census 2021 tables for Stockport in
// db/reference/census, read by the same code that reads an officer's upload. Borough figures are
// the published ONS counts; ward populations are approximate, summed from small areas through
// the ONS best-fit lookup (see the README beside the files), and labelled so.

export const DEMO_BASELINE_FILES = [
  'stockport_la_2021_population_by_5_year_age_bands.csv',
  'stockport_la_2021_population_by_sex.csv',
  'stockport_la_2021_population_ethnic_group.csv',
  'stockport_la_2021_disability.csv',
  'stockport_la_2021_unpaid_care.csv',
  'stockport_ts007a_age5yr_ward_wd22_from_lsoa_bestfit.csv',
] as const;

export const DEMO_BASELINE = {
  name: 'Census 2021: Stockport',
  kind: 'census',
  source:
    'Office for National Statistics, Census 2021: age in five-year bands, sex, ethnic group, disability ' +
    'and unpaid care for Stockport (E08000007); ward populations from table TS007A. Source: Office for ' +
    'National Statistics licensed under the Open Government Licence v3.0',
  notes:
    'Borough figures are the published census counts. Ward figures are approximate, from small-area ' +
    'census data: LSOA counts summed to the 2004–2022 wards through the ONS best-fit lookup. “Under 16”, ' +
    '“16 to 17” and “18 to 24” share the census band 15 to 19 out by single year of age, so they are ' +
    'approximate too.',
} as const;

/** A census file as the upload reader sees it: the header, then numbered rows (the header is row 1). */
function sheetOf(file: string): Sheet {
  const rows = readCensusCsv(file);
  const header = Object.keys(rows[0] ?? {});
  return { header, rows: rows.map((row, i) => ({ number: i + 2, cells: header.map((h) => row[h] ?? '') })) };
}

/** Loads the demo baseline. Returns its id. */
export async function seedPopulationBaseline(db: Db, today: Date): Promise<number> {
  const wards = new Set((await db.selectFrom('wards').select('code').execute()).map((w) => w.code));
  const files: NamedFile[] = DEMO_BASELINE_FILES.map((name) => {
    const result = mapCensusSheet(sheetOf(name), wards);
    if (!result.ok) throw new Error(`Census file ${name} could not be read: ${JSON.stringify(result.problems.slice(0, 3))}`);
    return { name, file: result.file };
  });
  const combined = combineFiles(files, { wardsApproximate: true });
  if (!combined.ok) throw new Error(`Census files disagree: ${JSON.stringify(combined.problems)}`);
  return inTransaction(db, async (trx) => {
    const id = await insertBaseline(trx, { ...DEMO_BASELINE, loadedBy: null, loadedAt: today.toISOString() });
    await replaceFigures(trx, id, combined.figures);
    return id;
  });
}
