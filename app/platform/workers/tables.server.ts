import { writeTable, type TableWriter } from '~/exports/files.server';
import type { HeavyWork } from './pool.server';

// Summary and themes tables as files: Excel (exceljs builds and zips the whole workbook) on a
// worker thread; CSV and JSON of a few hundred rows cost less than the trip, so they stay here.
export function tablesOn(heavy: HeavyWork): TableWriter {
  return async (table, format) => {
    if (format !== 'xlsx') return writeTable(table, format);
    const rows = table.rows as unknown as Record<string, unknown>[];
    return (await heavy.run({ kind: 'table', format, columns: [...table.columns], rows, sheet: table.sheet })) as Uint8Array<ArrayBuffer>;
  };
}
