import { stringify } from 'csv-stringify/sync';
import { splitLongText, type CellValue } from './cells';
import type { ExportFormat } from './kinds';

// A table (header and rows) written as a file an officer downloads: CSV, Excel or JSON. CSV and
// Excel go through the spreadsheet-safe cells (cells.ts); JSON is data, not a spreadsheet, so it
// keeps every value exactly, with numbers as numbers and `null` for nothing.

export { EXPORT_FORMATS, isExportFormat, type ExportFormat } from './kinds';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export interface Table<Row> {
  columns: readonly (keyof Row & string)[];
  rows: readonly Row[];
  /** The worksheet's name in Excel (at most 31 characters). */
  sheet: string;
}

const cellsOf = <Row>(table: Table<Row>): CellValue[][] => table.rows.map((row) => table.columns.map((c) => (row[c] ?? null) as CellValue));

function toCsv<Row>(table: Table<Row>): string {
  const { columns, rows } = splitLongText(table.columns, cellsOf(table));
  // A byte order mark, so Excel reads the UTF-8 (Polish and Urdu labels) as UTF-8.
  return `\uFEFF${stringify([columns, ...rows], { cast: { boolean: (v) => (v ? 'true' : 'false') } })}`;
}

async function toXlsx<Row>(table: Table<Row>): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded when a spreadsheet is asked for, not when the server starts.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const worksheet = workbook.addWorksheet(table.sheet.slice(0, 31));
  const { columns, rows } = splitLongText(table.columns, cellsOf(table));
  worksheet.addRow(columns);
  worksheet.getRow(1).font = { bold: true };
  for (const row of rows) worksheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Writes a table as a file: `writeTable` here, or on a worker thread (tables-on-worker.server.ts). */
export type TableWriter = <Row>(table: Table<Row>, format: ExportFormat) => Promise<string | Uint8Array<ArrayBuffer>>;

/** The file's bytes (or text) in the format asked for. */
export async function writeTable<Row>(table: Table<Row>, format: ExportFormat): Promise<string | Uint8Array<ArrayBuffer>> {
  if (format === 'csv') return toCsv(table);
  if (format === 'xlsx') return toXlsx(table);
  return JSON.stringify(
    table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c, row[c] ?? null]))),
    null,
    2,
  );
}
