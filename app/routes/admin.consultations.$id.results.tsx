import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { resultsPage } from '~/analysis/results.server';
import { resultsScreen, screenRequestOf } from '~/analysis/results-screen';
import { requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { ResultsView } from '~/analysis/components/ResultsView';
import { ScreenBody } from '~/analysis/components/ScreenBody';
import { AnonymisedNotice } from '~/retention/components/AnonymisedNotice';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { notFound } from '~/platform/http/not-found.server';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/analysis.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const locale = await detectLocale(args.request);
  const params = new URL(args.request.url).searchParams;
  const { query, model, ...page } = await resultsPage(args.context.db, consultation, locale, params);
  if (page.errors.length > 0) args.context.request.submissionFailed = true;
  // A breakdown shows one question at a time, with only that question's figures.
  const shown = model ? resultsScreen(model, screenRequestOf(params)) : null;
  if (model && !shown) notFound();
  const screen = shown?.screen ?? { kind: 'all' as const };
  const t = tFor(locale, 'analysis');
  const heading = screen.kind === 'question' ? `${t('title')} – ${screen.question.text}` : t('title');
  const title = workspacePageTitle(args.context, locale, `${heading} – ${page.title}`);
  const jsonHref = `/admin/consultations/${consultation.id}/results.json${query ? `?${query}` : ''}`;
  return data(
    { ...page, model: shown?.model ?? model, screen, query, jsonHref, anonymisedAt: consultation.anonymised_at, title },
    { status: page.errors.length > 0 ? 400 : 200, headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export default function Results() {
  const { anonymisedAt, screen, query, ...page } = useLoaderData<typeof loader>();
  return (
    <ResultsView {...page} notice={<AnonymisedNotice at={anonymisedAt} workspace />}>
      {screen.kind === 'all' ? undefined : <ScreenBody screen={screen} model={page.model} query={query} threshold={page.threshold} />}
    </ResultsView>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
