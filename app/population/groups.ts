import { PREFER_NOT, WARD_UNKNOWN } from '~/responses/demographics';
import type { PopulationDimension } from './census-labels';

// How a respondent's answer is placed among the population's groups. "Prefer not to say", not
// stated and "I don't know" (ward) have no place: they are counted, but outside the comparison.

// The young people's version asks age in its own bands; they sit inside ours.
const YOUTH_AGE_BANDS: Record<string, string> = { under_11: 'under_16', '11_12': 'under_16', '13_15': 'under_16' };

export function populationValueOf(dimension: PopulationDimension, value: string | null): string | null {
  if (value === null || value === PREFER_NOT || (dimension === 'ward' && value === WARD_UNKNOWN)) return null;
  return dimension === 'ageBand' ? (YOUTH_AGE_BANDS[value] ?? value) : value;
}

/** Dimensions whose groups have an order, so a small group is merged with a neighbour when re-weighting. */
export const ORDERED_DIMENSIONS: ReadonlySet<PopulationDimension> = new Set(['ageBand', 'disability', 'carer']);

/** Question kinds with one answer per person, whose percentages can be re-weighted. */
export const REWEIGHTABLE_KINDS: readonly string[] = ['single_choice', 'yes_no', 'agree_scale', 'rating'];

/** The fewest answers a group may have before it is merged with another for re-weighting. */
export function minimumStratum(threshold: number): number {
  return Math.max(threshold, 20);
}
