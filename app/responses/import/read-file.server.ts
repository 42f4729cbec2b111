import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import type { Sheet } from './check';

// A spreadsheet's cells as text, whatever wrote it: a CSV (Excel's "CSV UTF-8" with its byte
// order mark, or plain), or the first worksheet of an XLSX workbook.

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export class UnreadableFile extends Error {}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function readCsv(bytes: Uint8Array): Sheet {
  let records: string[][];
  try {
    records = parse(Buffer.from(bytes), { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new UnreadableFile((error as Error).message);
  }
  const [header = [], ...rest] = records;
  // Each record is one spreadsheet row, even one whose cell holds line breaks.
  return { header, rows: rest.map((cells, i) => ({ number: i + 2, cells })) };
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** A date cell as the text a person would type: the day, or the day and time (stored as UTC by Excel readers). */
function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${twoDigits(d.getUTCMonth() + 1)}-${twoDigits(d.getUTCDate())}`;
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  return midnight ? day : `${day}T${twoDigits(d.getUTCHours())}:${twoDigits(d.getUTCMinutes())}:${twoDigits(d.getUTCSeconds())}`;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  // Loaded when a spreadsheet arrives, not when the server starts: most servers never read one.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFile((error as Error).message);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const rows: Sheet['rows'] = [];
  let header: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    const filled = Array.from(cells, (c) => c ?? '');
    if (number === 1) header = filled;
    else rows.push({ number, cells: filled });
  });
  return { header, rows };
}

export async function readSheet(bytes: Uint8Array): Promise<Sheet> {
  if (isZip(bytes)) return readXlsx(bytes);
  // Text never holds a NUL byte: this is some other kind of file (an old .xls, a PDF).
  if (bytes.subarray(0, 4096).includes(0)) throw new UnreadableFile('not text');
  return readCsv(bytes);
}
