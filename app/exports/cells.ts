// Spreadsheet-safe cells for every file we export. A text cell that starts with =, +, -, @, a tab
// or a carriage return could run as a formula in Excel or LibreOffice (CSV injection): it gets a
// single quote in front, as OWASP advises, so it shows as the text it is. Numbers, booleans and
// empty cells are left alone (a number cannot run).
//
// A spreadsheet cell holds at most 32,767 characters. Longer text is never silently cut: it is
// split into pieces of at most that length, and the pieces after the first go into continuation
// columns ("answer (2)", "answer (3)"...) next to the column they belong to (`splitLongText`).

export const CELL_LIMIT = 32_767;

export type CellValue = string | number | boolean | null;

const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

const dangerous = (text: string) => text.length > 0 && DANGEROUS_FIRST.has(text[0]!);

/** The cell as a spreadsheet should receive it: text that could be a formula is quoted. */
export function safeCell(value: CellValue | undefined): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return value;
  return dangerous(value) ? `'${value}` : value;
}

/**
 * Text cut into pieces that each fit a cell once made safe (one piece for text that fits). A
 * piece that will get a quote in front is one character shorter, and a surrogate pair (an emoji)
 * is never split across two cells.
 */
export function pieces(text: string, limit = CELL_LIMIT): string[] {
  const out: string[] = [];
  let at = 0;
  do {
    const room = dangerous(text.slice(at, at + 1)) ? limit - 1 : limit;
    let end = Math.min(at + room, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(at, end));
    at = end;
  } while (at < text.length);
  return out;
}

/**
 * Rows with their over-long text split into continuation columns. `columns` are the header; any
 * column whose text is too long in some row gets as many extra columns as its longest value
 * needs, named "column (2)", "column (3)"..., right after it. Each piece is made safe: a
 * continuation piece starting with "=" is as dangerous as a first one.
 */
export function splitLongText(
  columns: readonly string[],
  rows: readonly (readonly CellValue[])[],
  limit = CELL_LIMIT,
): { columns: string[]; rows: CellValue[][] } {
  const widths = columns.map((_, j) => Math.max(1, ...rows.map((r) => (typeof r[j] === 'string' ? pieces(r[j] as string, limit).length : 1))));
  const header = columns.flatMap((name, j) => Array.from({ length: widths[j]! }, (_, k) => (k === 0 ? name : `${name} (${k + 1})`)));
  const body = rows.map((row) =>
    columns.flatMap((_, j) => {
      const value = row[j] ?? null;
      const parts: CellValue[] = typeof value === 'string' ? pieces(value, limit) : [value];
      return Array.from({ length: widths[j]! }, (_, k) => safeCell(parts[k] ?? null));
    }),
  );
  return { columns: header.map((h) => safeCell(h) as string), rows: body };
}
