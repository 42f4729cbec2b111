import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/auth/guard.server';
import { idParam, notFound } from '~/platform/http/not-found.server';
import { env } from '~/platform/env.server';
import { detectLocale } from '~/platform/i18n/i18n.server';
import { acrossReportFile } from '~/reports/files.server';

// The across-consultations committee report as a Word document.
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const locale = await detectLocale(args.request);
  const file = await acrossReportFile(
    args.context.heavy,
    args.context.db,
    { kind: 'theme', id: idParam(args.params, 'themeId') },
    locale,
    'docx',
    env().DISCLOSURE_THRESHOLD,
  );
  return file ?? notFound();
}
