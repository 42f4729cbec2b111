// The age bands young people choose from first. Stored in responses.age_band like any other band.
export const YOUTH_AGE_BANDS = ['under_11', '11_12', '13_15', '16_17', '18_24'] as const;
export type YouthAgeBand = (typeof YOUTH_AGE_BANDS)[number];

/**
 * Under-13s are asked nothing that identifies them and cannot agree to be quoted by name;
 * their words still count, but are never quoted with attribution.
 */
export function isUnder13(band: string | null | undefined): boolean {
  return band === 'under_11' || band === '11_12';
}
