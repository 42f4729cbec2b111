import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireResultsConsultation } from '~/analysis/results.server';
import { requireUser } from '~/auth/guard.server';
import { notFound } from '~/builder/routes.server';
import { env } from '~/env.server';
import { isExportFormat } from '~/exports/files.server';
import { summaryExport } from '~/exports/summary.server';
import { PRIVATE_PAGE } from '~/http/cache-headers';
import { detectLocale, tFor } from '~/i18n/i18n.server';

// The results page's figures as a file: /export/summary.csv, .xlsx or .json, with the page's own
// query parameters (filters, breakdown). The other export kinds are not built yet: 404.
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const consultation = await requireResultsConsultation(args.context.db, args.params.id);
  const [kind, format, ...rest] = (args.params.file ?? '').split('.');
  if (kind !== 'summary' || !format || !isExportFormat(format) || rest.length > 0) notFound();
  const locale = await detectLocale(args.request);
  const params = new URL(args.request.url).searchParams;
  const file = await summaryExport(args.context.db, consultation, locale, params, format, env().DISCLOSURE_THRESHOLD);
  if (!file.ok) {
    const t = tFor(locale, 'analysis');
    const text = file.errors.map((e) => t(`errors.${e.code.replace(/^analysis:/, '')}`)).join('\n');
    return new Response(`${text}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': PRIVATE_PAGE } });
  }
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': PRIVATE_PAGE,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
