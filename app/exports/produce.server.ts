import type { Readable } from 'node:stream';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import type { ResultsRequestError } from '~/analysis/results-model';
import type { Locale } from '~/platform/i18n/config';
import { countCounted } from '~/responses/counted.server';
import type { HeavyWork } from '~/platform/workers/pool.server';
import { responsesOnWorker } from '~/exports/responses-on-worker.server';
import { CONTENT_TYPES, writeTable, type ExportFormat, type TableWriter } from './files.server';
import type { ExportKind } from './kinds';
import { responsesSource } from './responses.server';
import { streamRows } from './stream.server';
import { openDataExport } from './open-data.server';
import { summaryExport } from './summary.server';
import { themesExport } from './themes.server';

// Every export kind made the one way, for the download route, the background jobs and the
// command line alike: small ones (summary, themes, open data) as the whole file, the responses
// as a stream of bytes that is written while it is read. Open data is one zip whatever the format.

export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  /** Filters and breakdown, as the results page's query string (summary and themes). */
  params: URLSearchParams;
  locale: Locale;
  /** The disclosure threshold every figure is protected with. */
  threshold: number;
  /** Rows written so far, after each page of a streamed export. */
  onProgress?: (rowsDone: number) => void | Promise<void>;
  /** Writes the summary and themes tables; the download route's writes Excel on a worker thread. */
  write?: TableWriter;
  /** The download route's worker threads: the responses are written there when the database can be opened there. */
  heavy?: HeavyWork;
}

export type Produced =
  { ok: true; filename: string; contentType: string; body: Readable | string | Uint8Array; rows: number } | { ok: false; errors: ResultsRequestError[] };

/** How many rows an export will have, to choose between a download now and a background job. */
export async function estimateRows(db: Db, consultation: Consultation, kind: ExportKind): Promise<number> {
  return kind === 'responses' ? countCounted(db, consultation.id) : 0;
}

export async function produceExport(db: Db, consultation: Consultation, request: ExportRequest): Promise<Produced> {
  const { kind, format, params, locale, threshold, write = writeTable } = request;
  switch (kind) {
    case 'summary':
      return summaryExport(db, consultation, locale, params, format, threshold, write);
    case 'responses': {
      const databaseUrl = request.heavy?.databaseUrl;
      if (request.heavy && databaseUrl) {
        const body = await responsesOnWorker(request.heavy, databaseUrl, consultation.id, locale, format);
        return {
          ok: true,
          filename: `${consultation.slug}-responses.${format}`,
          contentType: CONTENT_TYPES[format],
          body,
          rows: await countCounted(db, consultation.id),
        };
      }
      const source = await responsesSource(db, consultation, locale);
      return {
        ok: true,
        filename: `${consultation.slug}-responses.${format}`,
        contentType: CONTENT_TYPES[format],
        body: streamRows(source, format, { sheet: 'responses', onProgress: request.onProgress }),
        rows: source.total,
      };
    }
    case 'themes':
      return themesExport(db, consultation, locale, params, format, threshold, write);
    case 'open-data':
      return openDataExport(db, consultation, locale, threshold);
  }
}
