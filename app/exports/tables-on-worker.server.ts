import type { HeavyWork } from '~/platform/workers/pool.server';
import { writeTable, type TableWriter } from './files.server';
import type { ExportFormat } from './kinds';

/** A small table (summary, themes) as an Excel file, written on a worker thread (app/entry.worker.ts). */
export interface TableTask {
  kind: 'table';
  format: ExportFormat;
  columns: string[];
  rows: Record<string, unknown>[];
  sheet: string;
}

// Summary and themes tables as files: Excel (exceljs builds and zips the whole workbook) on a
// worker thread; CSV and JSON of a few hundred rows cost less than the trip, so they stay here.
export function tablesOn(heavy: HeavyWork): TableWriter {
  return async (table, format) => {
    if (format !== 'xlsx') return writeTable(table, format);
    const rows = table.rows as unknown as Record<string, unknown>[];
    return (await heavy.run({ kind: 'table', format, columns: [...table.columns], rows, sheet: table.sheet } satisfies TableTask)) as Uint8Array<ArrayBuffer>;
  };
}
