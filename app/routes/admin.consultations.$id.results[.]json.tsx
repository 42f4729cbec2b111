import type { LoaderFunctionArgs } from '@remix-run/node';
import { resultsJson } from '~/analysis/results.server';
import { requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { detectLocale } from '~/platform/i18n/i18n.server';

// The results page's figures as JSON, for the workspace and scripts: the same query parameters
// and the same protected model (a hidden figure is `{"suppressed": true}` and nothing more).
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const locale = await detectLocale(args.request);
  return resultsJson(args.context.db, consultation, locale, new URL(args.request.url));
}
