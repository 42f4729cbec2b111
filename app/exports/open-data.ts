import { publicPageHeaders } from '../platform/http/public-page';
import { SUMMARY_COLUMNS } from './summary';
import { THEMES_COLUMNS } from './themes';

// The `open-data` files: what we heard in a consultation as a Frictionless Tabular Data Package
// (https://specs.frictionlessdata.io/data-package/), ready for an open-data hub. Two CSV tables,
// the summary and the themes, described by datapackage.json: title, description, licence
// (Open Government Licence v3.0), dates, publisher, keywords (the council's priorities it
// informs) and every column's name, type and meaning (Table Schema).
//
// The figures are the consultation's overall ones, unfiltered, through the same disclosure
// control as every page. No breakdown is published beside them: each page is protected within
// itself, and two tables of the same people (all, and by ward) published together could be
// subtracted from each other to bring back a figure one of them hides.

export const OPEN_DATA_FILES = ['summary.csv', 'themes.csv'] as const;
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number];
export const isOpenDataFile = (name: string): name is OpenDataFile => (OPEN_DATA_FILES as readonly string[]).includes(name);

/** Headers of the public open-data answers: the same for everyone, readable from any site (CORS). */
export const OPEN_DATA_HEADERS = { ...publicPageHeaders, 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' } as const;

export const OGL = {
  name: 'OGL-UK-3.0',
  path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  title: 'Open Government Licence v3.0',
} as const;

type FieldType = 'string' | 'integer' | 'number' | 'boolean';

const SUMMARY_TYPES: Record<(typeof SUMMARY_COLUMNS)[number], FieldType> = {
  consultation: 'string',
  question_key: 'string',
  question: 'string',
  option_key: 'string',
  option: 'string',
  breakdown: 'string',
  group_code: 'string',
  group: 'string',
  count: 'integer',
  percent: 'number',
  base: 'integer',
  percent_of: 'string',
  not_asked: 'integer',
  ci_low: 'number',
  ci_high: 'number',
  suppressed: 'boolean',
};

const THEMES_TYPES: Record<(typeof THEMES_COLUMNS)[number], FieldType> = {
  consultation: 'string',
  kind: 'string',
  question_key: 'string',
  question: 'string',
  theme_key: 'string',
  theme: 'string',
  description: 'string',
  priority: 'string',
  breakdown: 'string',
  group_code: 'string',
  group: 'string',
  count: 'integer',
  percent: 'number',
  base: 'integer',
  percent_of: 'string',
  not_asked: 'integer',
  ci_low: 'number',
  ci_high: 'number',
  suppressed: 'boolean',
  quote: 'string',
  credit: 'string',
};

export interface Field {
  name: string;
  type: FieldType;
  description: string;
  trueValues?: string[];
  falseValues?: string[];
}

/** The Table Schema fields of one file, from its header row (as written, continuation columns too). */
export function schemaFields(table: 'summary' | 'themes', header: readonly string[], describe: (column: string) => string): Field[] {
  const types: Record<string, FieldType> = table === 'summary' ? SUMMARY_TYPES : THEMES_TYPES;
  return header.map((name) => {
    // Text too long for one spreadsheet cell goes on in "column (2)"... (cells.ts splitLongText).
    const base = /^(.*) \(\d+\)$/.exec(name)?.[1];
    const column = types[name] ? name : (base ?? name);
    const type = types[column] ?? 'string';
    const field: Field = { name, type, description: describe(column) };
    return type === 'boolean' ? { ...field, trueValues: ['true'], falseValues: ['false'] } : field;
  });
}

export interface PackageFacts {
  slug: string;
  title: string;
  description: string;
  publisher: string;
  /** The public page of the consultation's results, when known. */
  homepage: string | null;
  keywords: string[];
  created: string;
  opens: string | null;
  closes: string | null;
  resultsPublished: string | null;
  threshold: number;
  resources: { name: 'summary' | 'themes'; path: string; title: string; description: string; fields: Field[] }[];
}

/** The datapackage.json descriptor (a Tabular Data Package). */
export function dataPackage(facts: PackageFacts) {
  return {
    profile: 'tabular-data-package',
    // Lower case, digits and "-._/" only, as the specification asks of a name.
    name: facts.slug.toLowerCase().replace(/[^-a-z0-9._/]/g, '-'),
    title: facts.title,
    description: facts.description,
    ...(facts.homepage ? { homepage: facts.homepage } : {}),
    created: facts.created,
    licenses: [OGL],
    contributors: [{ title: facts.publisher, role: 'publisher' }],
    keywords: facts.keywords,
    // Not in the specification, which allows properties of one's own: the consultation's dates
    // and the disclosure rule the figures follow.
    consultation: {
      opens: facts.opens,
      closes: facts.closes,
      resultsPublished: facts.resultsPublished,
      disclosureThreshold: facts.threshold,
    },
    resources: facts.resources.map((r) => ({
      profile: 'tabular-data-resource',
      name: r.name,
      path: r.path,
      title: r.title,
      description: r.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      licenses: [OGL],
      schema: { fields: r.fields, missingValues: [''] },
    })),
  };
}

export type DataPackage = ReturnType<typeof dataPackage>;
