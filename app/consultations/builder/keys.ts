// Keys name questions and options in stored answers, imports and exports, so they are made once
// from the words an officer first typed and never change afterwards, even when the words do.

const MAX_KEY_LENGTH = 40;

/** Lower-case ASCII words joined by `_` (question and option keys), or by `-` (slugs). */
export function keyFrom(text: string, separator: '_' | '-' = '_', fallback = 'item'): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let key = '';
  for (const word of words) {
    const next = key ? `${key}${separator}${word}` : word;
    if (next.length > MAX_KEY_LENGTH) break;
    key = next;
  }
  return key || (words[0] ?? fallback).slice(0, MAX_KEY_LENGTH) || fallback;
}

/** `base`, or `base_2`, `base_3`… whichever is not taken yet. */
export function uniqueKey(base: string, taken: Iterable<string>, separator: '_' | '-' = '_'): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${separator}${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
