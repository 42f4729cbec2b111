import { once } from 'node:events';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { stringify } from 'csv-stringify';
import type { ExportFormat } from './files.server';
import type { CellValue } from './cells';
import { safeRow } from './responses-columns';
import type { RowSource } from './responses.server';

// Large tables written as they are read, so memory stays the same for any number of rows and
// the first bytes leave at once: CSV through csv-stringify's stream, Excel through exceljs's
// streaming workbook writer (no shared strings, so nothing grows with the rows), JSON as text.
// Every writer waits when the reader of its output (a slow download, a disk) falls behind, and
// lets other requests run between pages: the export runs inside the web server.

export interface StreamOptions {
  /** The Excel worksheet's name, and the JSON's name for the rows. */
  sheet: string;
  /** After each page: how many rows are written so far. */
  onProgress?: (rowsDone: number) => void | Promise<void>;
}

async function write(out: Writable, chunk: unknown): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Runs `fill` into `out` in the background; a failure ends `out` with the error, for the consumer to see. */
function run(out: Writable & Readable, fill: () => Promise<void>): Readable {
  fill().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

async function eachPage(source: RowSource, options: StreamOptions, onRows: (rows: CellValue[][]) => Promise<void>): Promise<void> {
  let done = 0;
  for await (const rows of source.pages()) {
    await onRows(rows);
    done += rows.length;
    await options.onProgress?.(done);
    await nextTurn();
  }
}

function csv(source: RowSource, options: StreamOptions): Readable {
  // A byte order mark, so Excel reads the UTF-8 (Polish and Urdu labels) as UTF-8.
  const out = stringify({ bom: true });
  return run(out, async () => {
    await write(out, safeRow(source.columns.map((c) => c.key)));
    await eachPage(source, options, async (rows) => {
      for (const row of rows) if (!out.write(safeRow(row))) await once(out, 'drain');
    });
    out.end();
  });
}

function json(source: RowSource, options: StreamOptions): Readable {
  const out = new PassThrough();
  const keys = source.columns.map((c) => c.key);
  return run(out, async () => {
    await write(out, `{"columns":${JSON.stringify(source.columns)},${JSON.stringify(options.sheet)}:[`);
    let first = true;
    await eachPage(source, options, async (rows) => {
      let text = '';
      for (const row of rows) {
        const object: Record<string, CellValue> = {};
        for (let i = 0; i < keys.length; i++) object[keys[i]!] = row[i] ?? null;
        text += `${first ? '\n' : ',\n'}${JSON.stringify(object)}`;
        first = false;
      }
      await write(out, text);
    });
    out.end('\n]}\n');
  });
}

interface ZipEntryStream {
  _writableState?: { length: number; highWaterMark: number };
  once: (event: 'drain', listener: () => void) => unknown;
}

/**
 * exceljs hands each committed row to the zip without waiting for it to be compressed, so rows
 * written faster than deflate runs would pile up in memory (2 GB at a million). After each page
 * this waits until the zip has taken in what it was given.
 */
async function zipCaughtUp(sheet: object): Promise<void> {
  const pipes = (sheet as { stream?: { pipes?: ZipEntryStream[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) {
    const state = pipe._writableState;
    if (state && state.length > state.highWaterMark) await new Promise<void>((resolve) => pipe.once('drain', resolve));
  }
}

function xlsx(source: RowSource, options: StreamOptions): Readable {
  const out = new PassThrough();
  return run(out, async () => {
    // Loaded when a spreadsheet is asked for, not when the server starts.
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet(options.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = sheet.addRow(safeRow(source.columns.map((c) => c.key)));
    header.font = { bold: true };
    header.commit();
    await eachPage(source, options, async (rows) => {
      for (const row of rows) sheet.addRow(safeRow(row)).commit();
      await zipCaughtUp(sheet);
      if (out.writableNeedDrain) await once(out, 'drain');
    });
    sheet.commit();
    // The data dictionary: what each column key means.
    const dictionary = workbook.addWorksheet('columns');
    dictionary.addRow(['column', 'label']).commit();
    for (const column of source.columns) dictionary.addRow(safeRow([column.key, column.label])).commit();
    dictionary.commit();
    await workbook.commit();
  });
}

/** The rows in the format asked for, as a stream of bytes. */
export function streamRows(source: RowSource, format: ExportFormat, options: StreamOptions): Readable {
  if (format === 'csv') return csv(source, options);
  if (format === 'xlsx') return xlsx(source, options);
  return json(source, options);
}
