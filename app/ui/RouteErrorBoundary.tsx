import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { isClosedError } from './closed-error';

/** Not found, forbidden, gone and server errors, for every route: thrown responses end up here. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const locale = usePageLocale();
  let title = t('errors.serverTitle');
  let body = [t('errors.server')];
  if (isRouteErrorResponse(error) && error.status === 404) {
    title = t('errors.notFoundTitle');
    body = [t('errors.notFound')];
  } else if (isRouteErrorResponse(error) && error.status === 403) {
    title = t('errors.forbiddenTitle');
    body = [t('errors.forbidden')];
  } else if (isRouteErrorResponse(error) && error.status === 413) {
    title = t('errors.tooLargeTitle');
    body = [t('errors.tooLarge')];
  } else if (isRouteErrorResponse(error) && error.status === 503) {
    title = t('errors.busyTitle');
    body = [t('errors.busy')];
  } else if (isRouteErrorResponse(error) && error.status === 410 && isClosedError(error.data)) {
    title = t('errors.goneTitle');
    body = [t('errors.gone', { title: error.data.title })];
    if (error.data.closesAt) body.push(t('errors.goneDate', { date: formatDate(error.data.closesAt, locale) }));
  } else if (!isRouteErrorResponse(error)) {
    console.error(error);
  }
  return (
    <div className="narrow">
      <h1>{title}</h1>
      {body.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </div>
  );
}
