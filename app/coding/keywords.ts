// A codebook theme's keywords are stored as text, one word or phrase per line.

/** A codebook theme's keywords: one per line, trimmed, blank lines and repeats dropped. */
export function keywordList(keywords: string): string[] {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const line of keywords.split(/\r?\n/)) {
    const keyword = line.trim().replace(/\s+/g, ' ');
    const folded = keyword.toLocaleLowerCase();
    if (keyword && !seen.has(folded)) {
      seen.add(folded);
      list.push(keyword);
    }
  }
  return list;
}

/** Keywords as stored: one per line. */
export function keywordText(list: readonly string[]): string {
  return keywordList(list.join('\n')).join('\n');
}
