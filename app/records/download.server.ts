import { stringify } from 'csv-stringify/sync';
import { safeCell } from '~/exports/cells';
import { RECORD_COLUMNS, RECORD_COLUMN_NAMES } from './columns';
import type { ConsultationRecordInFull } from './record.server';

// The whole record as one CSV for the information governance officer: one row per consultation,
// figures only (load.server.ts reads them).

export function recordCsv(records: readonly ConsultationRecordInFull[]): string {
  const rows = records.map((r) => RECORD_COLUMNS.map(([, value]) => safeCell(value(r))));
  // A byte order mark, so Excel reads the UTF-8 (Polish and Urdu titles) as UTF-8.
  return `\uFEFF${stringify([RECORD_COLUMN_NAMES, ...rows], { cast: { boolean: (v) => (v ? 'yes' : 'no') } })}`;
}
