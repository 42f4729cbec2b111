import { z } from 'zod';
import { DIMENSIONS, type Dimension } from './dimensions';
import type { Filter, SummaryRequest } from './summarise';

// What a results page (and its JSON twin) is asked for, as plain query parameters, so the form
// works without JavaScript and an address can be shared: `?breakdown=ward&respondentGroup=
// young_person&channel=paper&ward=E05000787`. One parameter per dimension, repeated for several
// values; "not stated" travels as NOT_STATED, since an empty value would mean "no filter".

export const NOT_STATED = 'not_stated';

/** The values a person may pick per dimension (the index's vocabulary and any code the data holds). */
export type DimensionChoices = Record<Dimension, readonly string[]>;

export type ResultsQuery = { breakdown?: Dimension } & Partial<Record<Dimension, string[]>>;

/** The one schema for the results form, built from the values this consultation can be filtered by. */
export function resultsQuerySchema(choices: DimensionChoices) {
  const filters = Object.fromEntries(
    DIMENSIONS.map((d) => [d, z.array(z.enum([NOT_STATED, ...choices[d]], { error: 'analysis:unknownValue' })).optional()]),
  ) as Record<Dimension, z.ZodOptional<z.ZodArray<z.ZodEnum<Record<string, string>>>>>;
  return z.object({ breakdown: z.enum(DIMENSIONS, { error: 'analysis:unknownBreakdown' }).optional(), ...filters });
}

/** The query as the index's summary request: NOT_STATED becomes null. */
export function summaryRequestOf(query: ResultsQuery): SummaryRequest {
  const filter: Filter = {};
  for (const d of DIMENSIONS) {
    const values = query[d];
    if (values && values.length > 0) filter[d] = values.map((v) => (v === NOT_STATED ? null : v));
  }
  return query.breakdown ? { filter, breakdown: query.breakdown } : { filter };
}

/** The dimensions a query filters on, in the usual order. */
export function filteredDimensions(query: ResultsQuery): Dimension[] {
  return DIMENSIONS.filter((d) => (query[d]?.length ?? 0) > 0);
}

/** The query back as URL parameters: for links (the JSON twin of a page, say). */
export function queryParams(query: ResultsQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.breakdown) params.set('breakdown', query.breakdown);
  for (const d of filteredDimensions(query)) for (const v of query[d] ?? []) params.append(d, v);
  return params;
}

/** The key of a group in URLs and on the page: its code, or NOT_STATED. */
export const groupKey = (value: string | null) => value ?? NOT_STATED;

/**
 * A group's code in exports, the same in every language: a column's key (`all`, NOT_STATED, a
 * ward's ONS code, `paper`...), except an area committee, whose key is the name the council
 * gives it (the wards table has no code for it): there a lower-case slug of the name.
 */
export function groupCode(dimension: Dimension | null, key: string): string {
  if (dimension !== 'areaCommittee' || key === 'all' || key === NOT_STATED) return key;
  return key
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
