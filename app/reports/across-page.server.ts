import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { requireUser } from '~/auth/guard.server';
import { idParam, notFound } from '~/platform/http/not-found.server';
import { env } from '~/platform/env.server';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { buildAcrossReport } from './across.server';

// The print page of the committee report across consultations, for a priority or a framework
// theme alike: the two routes differ only in which one and where it lives.

const PLACES = {
  priority: { param: 'priorityId', path: 'priorities' },
  theme: { param: 'themeId', path: 'themes' },
} as const;

export async function acrossReportPage(args: LoaderFunctionArgs, kind: keyof typeof PLACES) {
  await requireUser(args, 'readResults');
  const { param, path } = PLACES[kind];
  const id = idParam(args.params, param);
  const locale = await detectLocale(args.request);
  const report = await buildAcrossReport(args.context.db, { kind, id }, locale, { threshold: env().DISCLOSURE_THRESHOLD });
  if (!report) notFound();
  const heading = tFor(locale, 'reports')('page.acrossTitle', { name: report.title });
  const page = { report, base: `/admin/heard/${path}/${id}/report`, search: '', pdfInEnglish: locale === 'ur', heading, back: `/admin/heard/${path}/${id}` };
  return data({ ...page, title: workspacePageTitle(args.context, locale, heading) }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}
