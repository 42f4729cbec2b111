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
import { findHeardTheme } from '~/reports/across/framework.server';
import { heardAbout } from '~/reports/across/heard.server';
import styles from '~/styles/quotes.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// A framework theme is its priorities together: every consultation linked to any of them.
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const { db } = args.context;
  const locale = await detectLocale(args.request);
  const theme = await findHeardTheme(db, idParam(args.params, 'themeId'), locale);
  if (!theme) notFound();
  const threshold = env().DISCLOSURE_THRESHOLD;
  const heard = await heardAbout(
    db,
    theme.priorities.map((p) => p.id),
    locale,
    threshold,
  );
  return data({ theme, heard, threshold, title: workspacePageTitle(args.context, locale, theme.name) }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export default function HeardTheme() {
  const { theme, heard, threshold } = useLoaderData<typeof loader>();
  const { t } = useTranslation('quotes');
  const priorityNames = Object.fromEntries(theme.priorities.map((p) => [p.id, p.name]));
  return (
    <div className="width-wide">
      <Link to="/admin/heard" className="back-link">
        {t('heard.back')}
      </Link>
      <h1>{theme.name}</h1>
      {theme.description && <p className="lead">{theme.description}</p>}
      <p>{t('heard.introTheme')}</p>
      <ul className="heard-priorities">
        {theme.priorities.map((p) => (
          <li key={p.id}>
            <Link to={`/admin/heard/priorities/${p.id}`}>{p.name}</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/admin/heard/themes/${theme.id}/report`}>{t('reports:page.reportLink')}</Link>
      </p>
      <HeardView heard={heard} threshold={threshold} priorityNames={priorityNames} />
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
