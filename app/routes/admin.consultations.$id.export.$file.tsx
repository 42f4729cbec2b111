import type { LoaderFunctionArgs } from '@remix-run/node';
import { actorOf, recordAudit } from '~/platform/audit.server';
import { requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { notFound } from '~/platform/http/not-found.server';
import { env } from '~/platform/env.server';
import { isExportFormat } from '~/exports/files.server';
import { badExportRequest, downloadResponse } from '~/exports/http.server';
import { extensionOf, isExportKind } from '~/exports/kinds';
import { produceExport } from '~/exports/produce.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { orBusy } from '~/platform/workers/busy.server';
import { tablesOn } from '~/exports/tables-on-worker.server';

// Any export as a file, made while it downloads: /export/<kind>.<format>, e.g. summary.csv
// (with the results page's filters and breakdown in the query string), responses.xlsx,
// open-data.zip. The responses are streamed: the first bytes leave at once, whatever the size.
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args, 'readResults');
  const db = args.context.db;
  const consultation = await requireConsultation(db, args.params.id);
  const [kind, format, ...rest] = (args.params.file ?? '').split('.');
  if (!kind || !isExportKind(kind) || rest.length > 0) notFound();
  // Open data is one zip; its file name says so.
  const asked = kind === 'open-data' ? (format === 'zip' ? 'csv' : undefined) : format;
  if (!asked || !isExportFormat(asked) || extensionOf(kind, asked) !== format) notFound();
  const locale = await detectLocale(args.request);
  const params = new URL(args.request.url).searchParams;
  // Excel files of the figures and the responses are written on worker threads; a full queue is a 503 "try again".
  return orBusy(locale, async () => {
    const produced = await produceExport(db, consultation, {
      kind,
      format: asked,
      params,
      locale,
      threshold: env().DISCLOSURE_THRESHOLD,
      write: tablesOn(args.context.heavy),
      heavy: args.context.heavy,
    });
    if (!produced.ok) {
      const t = tFor(locale, 'analysis');
      return badExportRequest(produced.errors.map((e) => t(`errors.${e.code.replace(/^analysis:/, '')}`)));
    }
    if (kind === 'responses') {
      await recordAudit(db, actorOf(user), {
        action: 'export.responses',
        entityType: 'consultation',
        entityId: consultation.id,
        consultationId: consultation.id,
        summary: `Downloaded the responses (${produced.rows}) as ${asked.toUpperCase()}`,
      });
    }
    return downloadResponse(produced.body, produced.contentType, produced.filename);
  });
}
