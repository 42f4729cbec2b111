import { stableHash } from '../../app/platform/stable-hash';

// A small seeded PRNG, so demo data is the same on every machine for the same seed.
// Not for anything secret.

export type Random = () => number;

/** mulberry32: 32 bits of state, fast, and well enough distributed for demo data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Independent seeds from (seed, purpose) pairs: the app's stable hash (coding samples use it too). */
export const hashSeed = stableHash;

/** An integer from min to max, both included. */
export function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)] as T;
}

/** Fisher-Yates on a copy. */
export function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** A weighted choice, prepared once and drawn from many times. */
export class Weighted<T> {
  readonly items: readonly T[];
  readonly weights: readonly number[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, weight]) => weight > 0);
    if (kept.length === 0) throw new Error('Weighted needs at least one positive weight');
    this.items = kept.map(([item]) => item);
    this.weights = kept.map(([, weight]) => weight);
    let sum = 0;
    this.cumulative = this.weights.map((weight) => (sum += weight));
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random() * this.total;
    const cumulative = this.cumulative;
    let index = 0;
    while (index < cumulative.length - 1 && (cumulative[index] as number) <= target) index++;
    return this.items[index] as T;
  }

  /** Up to `count` different items, each drawn in proportion to its weight among those left. */
  pickDistinct(random: Random, count: number): T[] {
    const weights = [...this.weights];
    let total = this.total;
    const chosen: T[] = [];
    for (let n = 0; n < count && total > 0; n++) {
      let target = random() * total;
      let index = 0;
      while (index < weights.length - 1 && target >= (weights[index] as number)) {
        target -= weights[index] as number;
        index++;
      }
      // Floating point can leave the target just past a spent item: step to a live one.
      while ((weights[index] as number) === 0) index = (index + 1) % weights.length;
      chosen.push(this.items[index] as T);
      total -= weights[index] as number;
      weights[index] = 0;
    }
    return chosen;
  }
}

export function pickWeighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  return new Weighted(entries).pick(random);
}
