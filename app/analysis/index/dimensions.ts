import { LOCALES } from '~/platform/i18n/config';
import { DIMENSIONS, type Dimension } from '../dimensions';
import { CHANNELS, RESPONDENT_GROUPS } from '~/responses/codes';
import { AGE_BANDS, CARER_HOURS, DISABILITIES, ETHNIC_GROUPS, ETHNICITIES, PREFER_NOT, SEXES, WARD_UNKNOWN, ethnicHighLevel } from '~/responses/demographics';

// How the index keeps the dimensions (../dimensions.ts). Each is kept per response as a
// one-byte code into a dictionary: 0 is "not stated" (null), 1.. the values. The dictionary
// starts from the known vocabulary so groups come out in the order people expect, and grows
// when the data holds a code the vocabulary does not (an old import, a retired ward).

/** The response columns the dimensions are read from: a stored row, or what storeResponse stores. */
export interface DimensionSource {
  age_band?: string | null;
  sex?: string | null;
  ethnicity?: string | null;
  disability?: string | null;
  carer?: string | null;
  ward_code?: string | null;
  respondent_group: string;
  channel: string;
  locale: string;
}

export const DIMENSION_COLUMNS = [
  'age_band',
  'sex',
  'ethnicity',
  'disability',
  'carer',
  'ward_code',
  'respondent_group',
  'channel',
  'locale',
] as const satisfies readonly (keyof DimensionSource)[];

/** Wards in their usual order, for the ward and area committee vocabularies. */
export interface WardRef {
  code: string;
  area_committee: string;
}

/** The grouped ethnicity: the census high-level group; "prefer not to say" and unknown codes stay as they are. */
export function ethnicGroupOf(ethnicity: string): string {
  return ethnicHighLevel(ethnicity) ?? ethnicity;
}

function read(dimension: Dimension, r: DimensionSource, areaOfWard: ReadonlyMap<string, string>): string | null {
  switch (dimension) {
    case 'ageBand':
      return r.age_band ?? null;
    case 'sex':
      return r.sex ?? null;
    case 'ethnicity':
      return r.ethnicity ?? null;
    case 'ethnicGroup':
      return r.ethnicity == null ? null : ethnicGroupOf(r.ethnicity);
    case 'disability':
      return r.disability ?? null;
    case 'carer':
      return r.carer ?? null;
    case 'ward':
      return r.ward_code ?? null;
    // A ward code the wards table does not know ("unknown", a retired ward) has no committee.
    case 'areaCommittee':
      return r.ward_code == null ? null : (areaOfWard.get(r.ward_code) ?? null);
    case 'respondentGroup':
      return r.respondent_group;
    case 'channel':
      return r.channel;
    case 'locale':
      return r.locale;
  }
}

export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  constructor(vocabulary: readonly string[]) {
    for (const value of vocabulary) this.code(value);
  }

  /** The code of a value, adding it when new. Codes must fit the one-byte column. */
  code(value: string | null): number {
    if (value === null) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      if (this.values.length >= 255) throw new Error(`More than 255 distinct values of one dimension: ${value}`);
      this.values.push(value);
      code = this.values.length;
      this.codes.set(value, code);
    }
    return code;
  }

  /** The code of a value without adding it: -1 when the index has never seen it. */
  find(value: string | null): number {
    return value === null ? 0 : (this.codes.get(value) ?? -1);
  }

  value(code: number): string | null {
    return code === 0 ? null : (this.values[code - 1] ?? null);
  }

  /** Codes in use, "not stated" included. */
  get size(): number {
    return this.values.length + 1;
  }
}

export interface DimensionCoder {
  dictionaries: Record<Dimension, Dictionary>;
  areaOfWard: ReadonlyMap<string, string>;
}

export function createCoder(wards: readonly WardRef[]): DimensionCoder {
  const about = (values: readonly string[]) => [...values, PREFER_NOT];
  const vocabulary: Record<Dimension, readonly string[]> = {
    ageBand: about(AGE_BANDS),
    sex: about(SEXES),
    ethnicity: about(ETHNICITIES),
    ethnicGroup: about(Object.keys(ETHNIC_GROUPS)),
    disability: about(DISABILITIES),
    carer: about(CARER_HOURS),
    ward: [...wards.map((w) => w.code), WARD_UNKNOWN],
    areaCommittee: [...new Set(wards.map((w) => w.area_committee))],
    respondentGroup: RESPONDENT_GROUPS,
    channel: CHANNELS,
    locale: LOCALES,
  };
  const dictionaries = Object.fromEntries(DIMENSIONS.map((d) => [d, new Dictionary(vocabulary[d])])) as Record<Dimension, Dictionary>;
  return { dictionaries, areaOfWard: new Map(wards.map((w) => [w.code, w.area_committee])) };
}

/** Writes a response's dimension codes into row `row` of the columns. */
export function encodeDimensions(coder: DimensionCoder, columns: Record<Dimension, Uint8Array>, row: number, r: DimensionSource): void {
  for (const dimension of DIMENSIONS) {
    columns[dimension][row] = coder.dictionaries[dimension].code(read(dimension, r, coder.areaOfWard));
  }
}
