import { DEFAULT_SAFEGUARDING_AGES, mayAsk, type SafeguardingAges } from '../safeguarding';

// The age bands young people choose from first. Stored in responses.age_band like any other band.
export const YOUTH_AGE_BANDS = ['under_11', '11_12', '13_15', '16_17', '18_24'] as const;
export type YouthAgeBand = (typeof YOUTH_AGE_BANDS)[number];

/**
 * A child younger than the installation's credit age (SAFEGUARDING_CREDIT_MIN_AGE, 13 by default)
 * is asked nothing that identifies them and cannot agree to be quoted by name; their words still
 * count, but are never quoted with attribution. A band is "younger" when it may hold such a child.
 */
export function isBelowCreditAge(band: string | null | undefined, ages: SafeguardingAges = DEFAULT_SAFEGUARDING_AGES): boolean {
  return band ? !mayAsk(band, ages).credit : false;
}
