import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { idParam, notFound } from '~/platform/http/not-found.server';
import { HeardView } from '~/reports/components/across/HeardView';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { env } from '~/platform/env.server';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale } from '~/platform/i18n/i18n.server';
import { findHeardPriority } from '~/reports/across/framework.server';
import { heardAbout } from '~/reports/across/heard.server';
import styles from '~/styles/quotes.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const { db } = args.context;
  const locale = await detectLocale(args.request);
  const priority = await findHeardPriority(db, idParam(args.params, 'priorityId'), locale);
  if (!priority) notFound();
  const threshold = env().DISCLOSURE_THRESHOLD;
  const heard = await heardAbout(db, [priority.id], locale, threshold);
  return data({ priority, heard, threshold, title: workspacePageTitle(args.context, locale, priority.name) }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export default function HeardPriority() {
  const { priority, heard, threshold } = useLoaderData<typeof loader>();
  const { t } = useTranslation('quotes');
  return (
    <div className="width-wide">
      <Link to="/admin/heard" className="back-link">
        {t('heard.back')}
      </Link>
      <p className="caption">
        <Link to={`/admin/heard/themes/${priority.theme.id}`}>{priority.theme.name}</Link>
      </p>
      <h1>{priority.name}</h1>
      {priority.ambition && <p className="lead">{priority.ambition}</p>}
      <p>{t('heard.introPriority')}</p>
      <p>
        <Link to={`/admin/heard/priorities/${priority.id}/report`}>{t('reports:page.reportLink')}</Link>
      </p>
      <HeardView heard={heard} threshold={threshold} />
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
