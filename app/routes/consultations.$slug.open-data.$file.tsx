import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePublishedConsultation } from '~/consultations/find.server';
import { notFound } from '~/platform/http/not-found.server';
import { env } from '~/platform/env.server';
import { isOpenDataFile, OPEN_DATA_HEADERS } from '~/exports/open-data';
import { openDataFile } from '~/exports/open-data.server';
import { detectLocale } from '~/platform/i18n/i18n.server';

// The public CSVs of a consultation whose results are published: /open-data/summary.csv and
// /open-data/themes.csv, the overall figures after disclosure control. Anything else: 404.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const consultation = await requirePublishedConsultation(context.db, params.slug);
  const file = params.file ?? '';
  if (!isOpenDataFile(file)) notFound();
  const locale = await detectLocale(request);
  const csv = await openDataFile(context.db, consultation, locale, file, env().DISCLOSURE_THRESHOLD);
  return new Response(csv, {
    headers: {
      ...OPEN_DATA_HEADERS,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `inline; filename="${consultation.slug}-${file}"`,
    },
  });
}
