import './platform/zod-config';
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RouteErrorBoundary } from './ui/RouteErrorBoundary';
import { SiteFooter, SiteHeader } from './ui/SiteChrome';
import { DEFAULT_LOCALE, directionOf } from './platform/i18n/config';
import { chosenLocale, detectLocale, languageCookie, tFor } from './platform/i18n/i18n.server';
import { errorTitle } from './ui/error-title';
import { useNonce } from './platform/http/nonce';
import styles from './styles/app.css?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const chosen = chosenLocale(request);
  // Choosing a language with the switcher remembers it for the next visit.
  const headers = chosen ? { 'Set-Cookie': await languageCookie.serialize(chosen) } : undefined;
  const t = tFor(locale);
  const errorTitles = { 403: t('errors.forbiddenTitle'), 404: t('errors.notFoundTitle'), 410: t('errors.goneTitle'), 500: t('errors.serverTitle') };
  return data({ locale, dir: directionOf(locale), siteName: t('site.name'), errorTitles }, { headers });
}

// Pages name themselves; an error page is named here, where the error lands.
export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  error && data ? [{ title: `${errorTitle(error, data.errorTitles)} – ${data.siteName}` }] : [];

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root');
  const locale = root?.locale ?? DEFAULT_LOCALE;
  const { t } = useTranslation();
  const nonce = useNonce();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1d3557" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main-content" className="skip-link">
          {t('site.skipToContent')}
        </a>
        <SiteHeader locale={locale} />
        <div className="width-container">
          <main id="main-content" className="main" tabIndex={-1}>
            {children}
          </main>
        </div>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
