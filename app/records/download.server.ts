import { stringify } from 'csv-stringify/sync';
import type { Db } from '#db/connection';
import { safeCell } from '~/exports/cells';
import type { RetentionDefaults } from '~/retention/policy';
import { RECORD_COLUMNS, RECORD_COLUMN_NAMES } from './columns';
import { listConsultationRecords, loadConsultationRecord, type ConsultationRecordInFull } from './record.server';

// The whole record as one CSV for the information governance officer. Each consultation costs a
// handful of counts and a bounded read of free text (see contact-details.server.ts), so the file
// is made on the request: a council has tens of consultations, not thousands.

export async function loadFullRecord(db: Db, defaults: RetentionDefaults, now: Date): Promise<ConsultationRecordInFull[]> {
  const full: ConsultationRecordInFull[] = [];
  for (const { id } of await listConsultationRecords(db, defaults, now)) {
    const record = await loadConsultationRecord(db, id, defaults, now);
    if (record) full.push(record);
  }
  return full;
}

export function recordCsv(records: readonly ConsultationRecordInFull[]): string {
  const rows = records.map((r) => RECORD_COLUMNS.map(([, value]) => safeCell(value(r))));
  // A byte order mark, so Excel reads the UTF-8 (Polish and Urdu titles) as UTF-8.
  return `\uFEFF${stringify([RECORD_COLUMN_NAMES, ...rows], { cast: { boolean: (v) => (v ? 'yes' : 'no') } })}`;
}
