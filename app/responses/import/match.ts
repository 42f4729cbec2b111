import { distance } from 'fastest-levenshtein';

// Spreadsheets are typed by people: "bramhall north", "Bramhal", "Stronlgy agree". A value is
// matched exactly (ignoring case and spacing); if it is not, the nearest plausible candidate is
// offered as "did you mean", never silently taken.

export const normalise = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();

export interface Candidate<T> {
  /** The words a person may write for it: its code, its label. */
  names: string[];
  value: T;
  /** How it is shown in "did you mean". */
  display: string;
}

export function findExact<T>(value: string, candidates: readonly Candidate<T>[]): Candidate<T> | undefined {
  const wanted = normalise(value);
  return candidates.find((c) => c.names.some((n) => normalise(n) === wanted));
}

/**
 * How far a typed value is from a name: the edit distance, or, for a value that looks like the
 * start of a longer name ("Bramhal" for "Bramhall North"), the distance to that start.
 */
function score(value: string, name: string): number {
  const whole = distance(value, name);
  if (value.length < 3 || name.length <= value.length) return whole;
  return Math.min(whole, distance(value, name.slice(0, value.length)) + 0.5);
}

/** The nearest candidate close enough to be a slip of the keyboard, or undefined. */
export function closest<T>(value: string, candidates: readonly Candidate<T>[]): Candidate<T> | undefined {
  const wanted = normalise(value);
  if (wanted === '') return undefined;
  const threshold = Math.max(1, Math.floor(wanted.length / 3));
  let best: { candidate: Candidate<T>; score: number } | undefined;
  for (const candidate of candidates) {
    for (const name of candidate.names) {
      const s = score(wanted, normalise(name));
      if (s <= threshold && (!best || s < best.score)) best = { candidate, score: s };
    }
  }
  return best?.candidate;
}
