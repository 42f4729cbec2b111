/**
 * Text as the person meant it: browsers send a textarea's line breaks as CRLF without
 * JavaScript and LF with it, so they are made one before anything is counted or stored.
 */
export function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}
