// An officer may shorten an answer to the words worth quoting, but never stitch words together
// that the respondent did not write side by side: an excerpt must be one unbroken part of the
// answer. Line breaks and runs of spaces do not count as differences (a browser sends a
// textarea's line breaks as CR LF, and an officer may join two lines); the words and their order do.

export const EXCERPT_MAX = 2000;

/** The excerpt as stored: the officer's text with browser line endings undone and trimmed. */
export function normaliseExcerpt(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether `excerpt` is one contiguous part of `answer` (all of it counts too). */
export function isExcerptOf(answer: string, excerpt: string): boolean {
  const part = squash(excerpt);
  return part !== '' && squash(answer).includes(part);
}
