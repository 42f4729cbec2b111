import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { AGE_BANDS, CARER_HOURS, DISABILITIES } from '../../app/responses/demographics';

// Real Census 2021 figures for Stockport (db/reference/census, Open Government Licence v3.0),
// used as the population the demo respondents are drawn from. Ward figures are approximate:
// summed from small areas through ONS best-fit lookups (see the README beside the files).

// Beside this file when run from source (tsx, vitest); from the project root when bundled.
const CENSUS_DIRS = [fileURLToPath(new URL('../reference/census/', import.meta.url)), join(process.cwd(), 'db/reference/census')];

type Row = Record<string, string>;

export function readCensusCsv(file: string): Row[] {
  const path = CENSUS_DIRS.map((dir) => join(dir, file)).find((candidate) => existsSync(candidate));
  if (!path) throw new Error(`Census file not found: ${file} (looked in ${CENSUS_DIRS.join(', ')})`);
  return parse(readFileSync(path, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  }) as Row[];
}

function count(row: Row, column: string): number {
  const value = row[column];
  if (value === undefined) throw new Error(`Census column missing: ${column}`);
  return Number(value);
}

export type AgeBand = (typeof AGE_BANDS)[number];

export interface WardPopulation {
  code: string;
  name: string;
  total: number;
  age: Record<AgeBand, number>;
  female: number;
  male: number;
  disability: Record<(typeof DISABILITIES)[number], number>;
  carer: Record<(typeof CARER_HOURS)[number], number>;
}

const AGE = (label: string) => `Age: Aged ${label}`;

/** The census five-year bands regrouped into our age bands (15-19 split evenly by year of age). */
function ageBands(row: Row): Record<AgeBand, number> {
  const a = (label: string) => count(row, AGE(label));
  const fifteenToNineteen = a('15 to 19 years');
  return {
    under_16: a('4 years and under') + a('5 to 9 years') + a('10 to 14 years') + fifteenToNineteen / 5,
    '16_17': (fifteenToNineteen * 2) / 5,
    '18_24': (fifteenToNineteen * 2) / 5 + a('20 to 24 years'),
    '25_34': a('25 to 29 years') + a('30 to 34 years'),
    '35_44': a('35 to 39 years') + a('40 to 44 years'),
    '45_54': a('45 to 49 years') + a('50 to 54 years'),
    '55_64': a('55 to 59 years') + a('60 to 64 years'),
    '65_74': a('65 to 69 years') + a('70 to 74 years'),
    '75_84': a('75 to 79 years') + a('80 to 84 years'),
    '85_plus': count(row, 'Age: Aged 85 years and over'),
  };
}

function byWard(file: string): Map<string, Row> {
  return new Map(readCensusCsv(file).map((row) => [row.ward_code ?? '', row]));
}

let cachedWards: WardPopulation[] | undefined;

/** The 21 wards of the 2004-2022 pattern with their census population. */
export function loadWardPopulations(): WardPopulation[] {
  if (cachedWards) return cachedWards;
  const sex = byWard('stockport_ts008_sex_ward_wd22_from_oa_via_lsoa_bestfit.csv');
  const disability = byWard('stockport_ts038_disability_ward_wd22_from_lsoa_bestfit.csv');
  const carer = byWard('stockport_ts039_unpaid_care_ward_wd22_from_lsoa_bestfit.csv');
  const D = 'Disability: ';
  const C = 'Provision of unpaid care: Provides ';
  cachedWards = readCensusCsv('stockport_ts007a_age5yr_ward_wd22_from_lsoa_bestfit.csv').map((row) => {
    const code = row.ward_code ?? '';
    const s = sex.get(code);
    const d = disability.get(code);
    const c = carer.get(code);
    if (!s || !d || !c) throw new Error(`Census tables disagree about ward ${code}`);
    return {
      code,
      name: row.ward_name ?? '',
      total: count(row, 'Age: Total'),
      age: ageBands(row),
      female: count(s, 'Female'),
      male: count(s, 'Male'),
      disability: {
        limited_a_lot: count(d, `${D}Disabled under the Equality Act: Day-to-day activities limited a lot`),
        limited_a_little: count(d, `${D}Disabled under the Equality Act: Day-to-day activities limited a little`),
        not_limited: count(d, `${D}Not disabled under the Equality Act`),
      },
      carer: {
        none: count(c, `${C}no unpaid care`),
        '9_or_less': count(c, `${C}9 hours or less unpaid care a week`),
        '10_to_19': count(c, `${C}10 to 19 hours unpaid care a week`),
        '20_to_34': count(c, `${C}20 to 34 hours unpaid care a week`),
        '35_to_49': count(c, `${C}35 to 49 hours unpaid care a week`),
        '50_or_more': count(c, `${C}50 or more hours unpaid care a week`),
      },
    };
  });
  return cachedWards;
}

// Census labels after the high-level group, mapped to our ethnicity codes.
const ETHNICITY_CODES: Record<string, string> = {
  Bangladeshi: 'asian_bangladeshi',
  Chinese: 'asian_chinese',
  Indian: 'asian_indian',
  Pakistani: 'asian_pakistani',
  'Other Asian': 'asian_other',
  African: 'black_african',
  Caribbean: 'black_caribbean',
  'Other Black': 'black_other',
  'White and Asian': 'mixed_white_asian',
  'White and Black African': 'mixed_white_black_african',
  'White and Black Caribbean': 'mixed_white_black_caribbean',
  'Other Mixed or Multiple ethnic groups': 'mixed_other',
  'English, Welsh, Scottish, Northern Irish or British': 'white_british',
  Irish: 'white_irish',
  'Gypsy or Irish Traveller': 'white_gypsy_traveller',
  Roma: 'white_roma',
  'Other White': 'white_other',
  Arab: 'other_arab',
  'Any other ethnic group': 'other_any',
};

/** Stockport's population by ethnic group (borough level, exact). */
export function loadBoroughEthnicity(): [string, number][] {
  return readCensusCsv('stockport_la_2021_population_ethnic_group.csv').map((row) => {
    const label = (row.ethnic_group ?? '').split(': ').slice(1).join(': ');
    const code = ETHNICITY_CODES[label];
    if (!code) throw new Error(`Unknown census ethnic group: ${row.ethnic_group}`);
    return [code, count(row, 'value')];
  });
}
