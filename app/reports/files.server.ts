import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import type { Locale } from '~/platform/i18n/config';
import { tFor } from '~/platform/i18n/i18n.server';
import type { ResultsRequestError } from '~/analysis/results-model';
import { buildAcrossReport, type AcrossScope } from './across.server';
import { buildConsultationReport } from './consultation.server';
import { reportFileName, type ReportDocument } from './document';
import { orBusy } from '~/platform/workers/busy.server';
import type { HeavyWork } from '~/platform/workers/pool.server';
import { pdfLocale } from './pdf-locale';

// The report as a downloaded file, Word or PDF, with the same filters as the page it came from.
// The report is built here (database reads); it is drawn on a worker thread (app/platform/workers), so
// the server answers everyone else meanwhile.

export const REPORT_FORMATS = ['docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A committee report drawn as a file on a worker thread (app/entry.worker.ts) from the report built here. */
export interface ReportTask {
  kind: 'report';
  format: ReportFormat;
  report: ReportDocument;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** The language the file is written in: a PDF falls back from Urdu to English (pdf.server.ts says why). */
export const fileLocale = (format: ReportFormat, locale: Locale): Locale => (format === 'pdf' ? pdfLocale(locale) : locale);

async function fileResponse(heavy: HeavyWork, report: ReportDocument, format: ReportFormat, locale: Locale): Promise<Response> {
  return orBusy(locale, async () => {
    const body = (await heavy.run({ kind: 'report', format, report } satisfies ReportTask)) as Uint8Array<ArrayBuffer>;
    return new Response(body, {
      headers: {
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': `attachment; filename="${reportFileName(report.title)}.${format}"`,
        'Cache-Control': PRIVATE_PAGE,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

function badRequest(errors: ResultsRequestError[], locale: Locale): Response {
  const t = tFor(locale, 'analysis');
  const text = errors.map((e) => t(`errors.${e.code.replace(/^analysis:/, '')}`)).join('\n');
  return new Response(`${text}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': PRIVATE_PAGE } });
}

export async function consultationReportFile(
  heavy: HeavyWork,
  db: Db,
  consultation: Consultation,
  locale: Locale,
  params: URLSearchParams,
  format: ReportFormat,
  threshold: number,
): Promise<Response> {
  const outcome = await buildConsultationReport(db, consultation, fileLocale(format, locale), params, { threshold });
  if (!outcome.ok) return badRequest(outcome.errors, locale);
  return fileResponse(heavy, outcome.report, format, locale);
}

/** The across-consultations report as a file, or null when the priority or theme does not exist. */
export async function acrossReportFile(
  heavy: HeavyWork,
  db: Db,
  scope: AcrossScope,
  locale: Locale,
  format: ReportFormat,
  threshold: number,
): Promise<Response | null> {
  const report = await buildAcrossReport(db, scope, fileLocale(format, locale), { threshold });
  return report ? fileResponse(heavy, report, format, locale) : null;
}
