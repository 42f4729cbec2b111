import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { listHeardFramework } from '~/reports/across/framework.server';
import styles from '~/styles/quotes.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const locale = await detectLocale(args.request);
  const themes = await listHeardFramework(args.context.db, locale);
  return data(
    { themes, title: workspacePageTitle(args.context, locale, tFor(locale, 'quotes')('index.title')) },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export default function HeardIndex() {
  const { themes } = useLoaderData<typeof loader>();
  const { t } = useTranslation('quotes');
  return (
    <div className="width-wide">
      <h1>{t('index.title')}</h1>
      <p className="lead">{t('index.intro')}</p>
      {themes.length === 0 && <p>{t('index.empty')}</p>}
      {themes.map((theme) => (
        <section key={theme.id} aria-labelledby={`theme-${theme.id}`} className="heard-theme">
          <h2 id={`theme-${theme.id}`}>
            <Link to={`/admin/heard/themes/${theme.id}`}>{theme.name}</Link>
          </h2>
          {theme.description && <p>{theme.description}</p>}
          <ul className="heard-priorities">
            {theme.priorities.map((priority) => (
              <li key={priority.id}>
                <Link to={`/admin/heard/priorities/${priority.id}`}>{priority.name}</Link>
                {priority.ambition && <span className="hint heard-priorities__ambition">{priority.ambition}</span>}
                <span className="hint heard-priorities__counts">
                  {t('index.consultations', { count: priority.consultations })} · {t('index.quotes', { count: priority.quotes })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
