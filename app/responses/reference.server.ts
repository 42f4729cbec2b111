import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: a reference is read aloud over the phone and copied from paper.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A response reference a person can quote later, e.g. HRD-7K3M-Q9XP. */
export function newReference(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `HRD-${part()}-${part()}`;
}

export function isReference(value: string): boolean {
  return /^HRD-[2-9A-Z]{4}-[2-9A-Z]{4}$/.test(value);
}
