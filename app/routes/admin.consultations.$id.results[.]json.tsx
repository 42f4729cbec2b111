import type { LoaderFunctionArgs } from '@remix-run/node';
import { resultsFigures } from '~/analysis/results.server';
import { requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { detectLocale } from '~/platform/i18n/i18n.server';

// The results page's figures as JSON, for the workspace and scripts: the same query parameters
// and the same protected model (a hidden figure is `{"suppressed": true}` and nothing more); an
// address the form could not have made gets 400 and the reasons.
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const locale = await detectLocale(args.request);
  const figures = await resultsFigures(args.context.db, consultation, locale, new URL(args.request.url).searchParams);
  const headers = { 'Cache-Control': PRIVATE_PAGE };
  if (!figures.ok) return Response.json({ errors: figures.errors }, { status: 400, headers });
  return Response.json(figures.model, { headers });
}
