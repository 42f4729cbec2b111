import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePublishedConsultation } from '~/consultations/find.server';
import { env } from '~/platform/env.server';
import { openDataDescription } from '~/exports/open-data.server';
import { OPEN_DATA_HEADERS } from '~/exports/open-data';
import { detectLocale } from '~/platform/i18n/i18n.server';

// The open-data description of a consultation whose results are published: a Frictionless Data
// Package naming the public CSVs by their full address, for an open-data hub to harvest.
// Not published (or no such consultation): 404.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const consultation = await requirePublishedConsultation(context.db, params.slug);
  const locale = await detectLocale(request);
  const descriptor = await openDataDescription(context.db, consultation, locale, new URL(request.url).origin, env().DISCLOSURE_THRESHOLD);
  return Response.json(descriptor, { headers: OPEN_DATA_HEADERS });
}
