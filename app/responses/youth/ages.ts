import { DEFAULT_SAFEGUARDING_AGES, mayAsk, type SafeguardingAges } from '../safeguarding';

// The age bands young people choose from first. Stored in responses.age_band like any other band.
export const YOUTH_AGE_BANDS = ['under_11', '11_12', '13_15', '16_17', '18_24'] as const;
export type YouthAgeBand = (typeof YOUTH_AGE_BANDS)[number];

/** A young people's age band, or null for anything else (an address edited by hand, say). */
export const youthAgeBandOf = (value: unknown): YouthAgeBand | null =>
  typeof value === 'string' && (YOUTH_AGE_BANDS as readonly string[]).includes(value) ? (value as YouthAgeBand) : null;

/**
 * A child younger than the installation's credit age (SAFEGUARDING_CREDIT_MIN_AGE, 13 by default)
 * is asked nothing that identifies them and cannot agree to be quoted by name; their words still
 * count, but are never quoted with attribution. A band is "younger" when it may hold such a child.
 */
export function isBelowCreditAge(band: string | null | undefined, ages: SafeguardingAges = DEFAULT_SAFEGUARDING_AGES): boolean {
  return band ? !mayAsk(band, ages).credit : false;
}
