import { AGE_BANDS, CARER_HOURS, DISABILITIES, ETHNIC_GROUPS, SEXES } from '~/responses/demographics';

// The Office for National Statistics' Census 2021 category labels, as they head the columns of
// its tables ("Age: Aged 15 to 19 years", "Ethnic group: White: Irish") or fill the category
// column of a long table, mapped onto the codes we store for respondents.

/** The dimensions a population baseline holds figures for (the summary dimensions of the same names). */
export const POPULATION_DIMENSIONS = ['ageBand', 'sex', 'ethnicGroup', 'ethnicity', 'disability', 'carer', 'ward'] as const;
export type PopulationDimension = (typeof POPULATION_DIMENSIONS)[number];
export type CategoryDimension = Exclude<PopulationDimension, 'ward'>;

/** Why a figure is approximate: a census band shared out by single year of age, or a ward summed from small areas. */
export const APPROXIMATIONS = ['split-band', 'small-area'] as const;
export type Approximation = (typeof APPROXIMATIONS)[number];

export interface Part {
  value: string;
  /** The share of the census count that goes to this group: 1 unless a band is split. */
  share: number;
}

export type Meaning =
  | { kind: 'total' }
  | { kind: 'detail'; dimension: CategoryDimension; parts: Part[] }
  // Adds up groups we also read one by one: skipped when those are in the file, otherwise used
  // as `use` (or refused when there is nothing it can stand for on its own).
  | { kind: 'aggregate'; covers: { dimension: CategoryDimension; values: readonly string[] }; use: { dimension: CategoryDimension; value: string } | null }
  | { kind: 'open-age'; from: number };

const PREFIXES = /^(age|sex|disability|ethnic group|provision of unpaid care|unpaid care|general health):\s*/i;

/** A label as compared: without the topic in front or the "; measures: Value" ONS bulk files add, in lower case. */
export function normaliseLabel(label: string): string {
  return label
    .replace(/;\s*measures:\s*value\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(PREFIXES, '')
    .toLowerCase();
}

/** A column of percentages, which a population table carries beside its counts. */
export function isPercentageLabel(label: string): boolean {
  return /^percentage\b/i.test(label.trim()) || /;\s*measures:\s*percent/i.test(label);
}

// Our age bands as ranges of whole years (the last open-ended).
const AGE_RANGES: Record<(typeof AGE_BANDS)[number], [number, number]> = {
  under_16: [0, 15],
  '16_17': [16, 17],
  '18_24': [18, 24],
  '25_34': [25, 34],
  '35_44': [35, 44],
  '45_54': [45, 54],
  '55_64': [55, 64],
  '65_74': [65, 74],
  '75_84': [75, 84],
  '85_plus': [85, Infinity],
};

function ageRange(label: string): [number, number] | null {
  const patterns: [RegExp, (m: RegExpMatchArray) => [number, number]][] = [
    [/^aged (\d+) years? and under$/, (m) => [0, Number(m[1])]],
    [/^aged under (\d+) years?$/, (m) => [0, Number(m[1]) - 1]],
    [/^aged (\d+) to (\d+) years?$/, (m) => [Number(m[1]), Number(m[2])]],
    [/^aged (\d+) years? and over$/, (m) => [Number(m[1]), Infinity]],
    [/^aged (\d+) years?$/, (m) => [Number(m[1]), Number(m[1])]],
  ];
  for (const [pattern, range] of patterns) {
    const match = label.match(pattern);
    if (match) return range(match);
  }
  return null;
}

/**
 * A census age range shared among our bands by single year of age, assuming people are spread
 * evenly over the years of a band: "Aged 15 to 19 years" is one fifth "under 16" (age 15), two
 * fifths "16 to 17" and two fifths "18 to 24". A range within one band is exact.
 */
export function ageParts(from: number, to: number): Part[] {
  const years = to - from + 1;
  return Object.entries(AGE_RANGES).flatMap(([value, [low, high]]) => {
    const overlap = Math.min(to, high) - Math.max(from, low) + 1;
    return overlap > 0 ? [{ value, share: overlap / years }] : [];
  });
}

function ageMeaning(label: string): Meaning | null {
  const range = ageRange(label);
  if (!range) return null;
  const [from, to] = range;
  if (to === Infinity) {
    // "Aged 85 years and over" fits our last band; "Aged 65 years and over" cannot be shared out.
    return from >= 85 ? { kind: 'detail', dimension: 'ageBand', parts: [{ value: '85_plus', share: 1 }] } : { kind: 'open-age', from };
  }
  return { kind: 'detail', dimension: 'ageBand', parts: ageParts(from, to) };
}

const ETHNIC_HIGH_LEVEL: Record<keyof typeof ETHNIC_GROUPS, string> = {
  asian: 'asian, asian british or asian welsh',
  black: 'black, black british, black welsh, caribbean or african',
  mixed: 'mixed or multiple ethnic groups',
  white: 'white',
  other: 'other ethnic group',
};

// The detailed Census 2021 ethnic groups, after their high-level group.
const ETHNIC_DETAIL: Record<string, string> = {
  'asian: bangladeshi': 'asian_bangladeshi',
  'asian: chinese': 'asian_chinese',
  'asian: indian': 'asian_indian',
  'asian: pakistani': 'asian_pakistani',
  'asian: other asian': 'asian_other',
  'black: african': 'black_african',
  'black: caribbean': 'black_caribbean',
  'black: other black': 'black_other',
  'mixed: white and asian': 'mixed_white_asian',
  'mixed: white and black african': 'mixed_white_black_african',
  'mixed: white and black caribbean': 'mixed_white_black_caribbean',
  'mixed: other mixed or multiple ethnic groups': 'mixed_other',
  'white: english, welsh, scottish, northern irish or british': 'white_british',
  'white: irish': 'white_irish',
  'white: gypsy or irish traveller': 'white_gypsy_traveller',
  'white: roma': 'white_roma',
  'white: other white': 'white_other',
  'other: arab': 'other_arab',
  'other: any other ethnic group': 'other_any',
};

const detail = (dimension: CategoryDimension, value: string): Meaning => ({ kind: 'detail', dimension, parts: [{ value, share: 1 }] });

const FIXED: Record<string, Meaning> = {
  female: detail('sex', 'female'),
  male: detail('sex', 'male'),
  'disabled under the equality act: day-to-day activities limited a lot': detail('disability', 'limited_a_lot'),
  'disabled under the equality act: day-to-day activities limited a little': detail('disability', 'limited_a_little'),
  // Our question's "No" is everyone not disabled under the Equality Act, with or without a condition.
  'not disabled under the equality act: has long term physical or mental health condition but day-to-day activities are not limited': detail(
    'disability',
    'not_limited',
  ),
  'not disabled under the equality act: no long term physical or mental health conditions': detail('disability', 'not_limited'),
  'disabled under the equality act': { kind: 'aggregate', covers: { dimension: 'disability', values: ['limited_a_lot', 'limited_a_little'] }, use: null },
  'not disabled under the equality act': {
    kind: 'aggregate',
    covers: { dimension: 'disability', values: ['not_limited'] },
    use: { dimension: 'disability', value: 'not_limited' },
  },
  'provides no unpaid care': detail('carer', 'none'),
  'provides 9 hours or less unpaid care a week': detail('carer', '9_or_less'),
  'provides 10 to 19 hours unpaid care a week': detail('carer', '10_to_19'),
  'provides 20 to 34 hours unpaid care a week': detail('carer', '20_to_34'),
  'provides 35 to 49 hours unpaid care a week': detail('carer', '35_to_49'),
  'provides 50 or more hours unpaid care a week': detail('carer', '50_or_more'),
  'provides 19 hours or less unpaid care a week': { kind: 'aggregate', covers: { dimension: 'carer', values: ['9_or_less', '10_to_19'] }, use: null },
  'provides 20 to 49 hours unpaid care a week': { kind: 'aggregate', covers: { dimension: 'carer', values: ['20_to_34', '35_to_49'] }, use: null },
};

function ethnicMeaning(label: string): Meaning | null {
  for (const [group, name] of Object.entries(ETHNIC_HIGH_LEVEL) as [keyof typeof ETHNIC_GROUPS, string][]) {
    if (label === name) {
      return { kind: 'aggregate', covers: { dimension: 'ethnicity', values: ETHNIC_GROUPS[group] }, use: { dimension: 'ethnicGroup', value: group } };
    }
    if (label.startsWith(`${name}: `)) {
      const code = ETHNIC_DETAIL[`${group}: ${label.slice(name.length + 2)}`];
      return code ? detail('ethnicity', code) : null;
    }
  }
  return null;
}

/** A census total: the whole population of the table, or of its area. */
function isTotal(label: string): boolean {
  return /^(total|all persons|all usual residents)\b/.test(label) || /^total: all usual residents/.test(label);
}

/** What a census category label stands for in our groups, or null when we cannot tell. */
export function meaningOf(rawLabel: string): Meaning | null {
  const label = normaliseLabel(rawLabel);
  if (isTotal(label)) return { kind: 'total' };
  return FIXED[label] ?? ageMeaning(label) ?? ethnicMeaning(label);
}

/** Every value each category dimension can hold, in the order people expect. */
export const CATEGORY_VALUES: Record<CategoryDimension, readonly string[]> = {
  ageBand: AGE_BANDS,
  sex: SEXES,
  ethnicGroup: Object.keys(ETHNIC_GROUPS),
  ethnicity: Object.values(ETHNIC_GROUPS).flat(),
  disability: DISABILITIES,
  carer: CARER_HOURS,
};

/** Whether the census counts everybody in this dimension (unpaid care counts people aged 5 and over). */
export const COUNTS_EVERYONE: Record<CategoryDimension, boolean> = {
  ageBand: true,
  sex: true,
  ethnicGroup: true,
  ethnicity: true,
  disability: true,
  carer: false,
};
