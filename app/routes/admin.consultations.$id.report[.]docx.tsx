import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { env } from '~/platform/env.server';
import { detectLocale } from '~/platform/i18n/i18n.server';
import { consultationReportFile } from '~/reports/files.server';

// The committee report as a Word document, with the report page's filters.
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const locale = await detectLocale(args.request);
  return consultationReportFile(
    args.context.heavy,
    args.context.db,
    consultation,
    locale,
    new URL(args.request.url).searchParams,
    'docx',
    env().DISCLOSURE_THRESHOLD,
  );
}
