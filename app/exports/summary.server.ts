import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { loadResults } from '~/analysis/results.server';
import type { ResultsRequestError } from '~/analysis/results-model';
import type { Locale } from '~/platform/i18n/config';
import { CONTENT_TYPES, writeTable, type ExportFormat, type TableWriter } from './files.server';
import { SUMMARY_COLUMNS, summaryRows } from './summary';

// The summary export for one request: the same query parameters (filters, breakdown) and the
// same protected model as the results page, written in the format asked for.

export type ExportFile = { ok: true; body: string | Uint8Array<ArrayBuffer>; contentType: string; filename: string; rows: number };
export type ExportOutcome = ExportFile | { ok: false; errors: ResultsRequestError[] };

export async function summaryExport(
  db: Db,
  consultation: Consultation,
  locale: Locale,
  params: URLSearchParams,
  format: ExportFormat,
  threshold: number,
  write: TableWriter = writeTable,
): Promise<ExportOutcome> {
  const outcome = await loadResults(db, consultation, locale, params, threshold);
  if (!outcome.ok) return { ok: false, errors: outcome.errors };
  const rows = summaryRows(outcome.model);
  const by = outcome.model.breakdown ? `-by-${outcome.model.breakdown.dimension}` : '';
  const filtered = outcome.model.filter.length > 0 ? '-filtered' : '';
  return {
    ok: true,
    body: await write({ columns: SUMMARY_COLUMNS, rows, sheet: 'summary' }, format),
    contentType: CONTENT_TYPES[format],
    filename: `${consultation.slug}-summary${by}${filtered}.${format}`,
    rows: rows.length,
  };
}
