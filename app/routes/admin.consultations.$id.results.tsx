import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { resultsPage } from '~/analysis/results.server';
import { requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { ResultsView } from '~/analysis/components/ResultsView';
import { AnonymisedNotice } from '~/retention/components/AnonymisedNotice';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/analysis.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const locale = await detectLocale(args.request);
  const { query, ...page } = await resultsPage(args.context.db, consultation, locale, new URL(args.request.url).searchParams);
  if (page.errors.length > 0) args.context.request.submissionFailed = true;
  const title = workspacePageTitle(args.context, locale, `${tFor(locale, 'analysis')('title')} – ${page.title}`);
  const jsonHref = `/admin/consultations/${consultation.id}/results.json${query ? `?${query}` : ''}`;
  return data(
    { ...page, jsonHref, anonymisedAt: consultation.anonymised_at, title },
    { status: page.errors.length > 0 ? 400 : 200, headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export default function Results() {
  const { anonymisedAt, ...page } = useLoaderData<typeof loader>();
  return <ResultsView {...page} notice={<AnonymisedNotice at={anonymisedAt} workspace />} />;
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
