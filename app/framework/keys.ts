// A theme's or priority's key is how URLs (?priority=…), exports and seeds name it. It is made
// once from the English name and never changes, so renaming never breaks a saved link.

const MAX_KEY = 40;

/** "A caring & growing Stockport" → "a_caring_growing_stockport". */
export function keyFrom(name: string, fallback: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, MAX_KEY)
    .replace(/^_+|_+$/g, '');
  return key || fallback;
}

/** The first of key, key_2, key_3… that is not taken. */
export function uniqueKey(key: string, taken: ReadonlySet<string>): string {
  if (!taken.has(key)) return key;
  for (let n = 2; ; n++) {
    const candidate = `${key}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
