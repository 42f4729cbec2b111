/**
 * Text as the person meant it: browsers send a textarea's line breaks as CRLF without
 * JavaScript and LF with it, so they are made one before anything is counted or stored.
 */
export function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

/**
 * What a written answer holds once its consultation's retention policy redacted it (issue 18,
 * app/retention): a marker rather than nothing, so the answer still counts as answered and its
 * codings stay; lists that offer words to code or quote leave it out.
 */
export const REDACTED_TEXT = '[redacted]';
