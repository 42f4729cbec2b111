import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { listDataRequests } from '~/data-requests/requests.server';
import { LIST_FILTERS, readListFilter } from '~/data-requests/schemas';
import { SelectField } from '~/ui/admin/Field';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { formatDate } from '~/platform/i18n/format';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { pageMeta } from '~/ui/page-meta';
import { ScrollTable } from '~/ui/ScrollRegion';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editResponses');
  const locale = await detectLocale(args.request);
  const filter = readListFilter(new URL(args.request.url));
  return data(
    {
      filter,
      requests: await listDataRequests(args.context.db, filter),
      title: workspacePageTitle(args.context, locale, tFor(locale, 'requests')('list.title')),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export default function DataRequests() {
  const { filter, requests } = useLoaderData<typeof loader>();
  const { t } = useTranslation('requests');
  const locale = usePageLocale();
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro')}</p>
      <Form method="get" className="filters" aria-label={t('list.filters')}>
        <SelectField name="status" label={t('list.status')} defaultValue={filter} options={LIST_FILTERS.map((s) => ({ value: s, label: t(`filter.${s}`) }))} />
        <div className="form-group">
          <button type="submit" className="button button--secondary">
            {t('list.apply')}
          </button>
        </div>
      </Form>
      {requests.length === 0 ? (
        <p data-testid="no-requests">{t('list.none')}</p>
      ) : (
        <ScrollTable caption={t('list.caption', { count: requests.length })}>
          <thead>
            <tr>
              <th scope="col">{t('list.request')}</th>
              <th scope="col">{t('list.received')}</th>
              <th scope="col">{t('list.kind')}</th>
              <th scope="col">{t('list.reference')}</th>
              <th scope="col">{t('list.consultation')}</th>
              <th scope="col">{t('list.statusColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/admin/data-requests/${r.id}`}>{t('list.number', { id: r.id })}</Link>
                </th>
                <td>{formatDate(r.createdAt, locale)}</td>
                <td>{t(`kind.${r.kind}`)}</td>
                <td>{r.reference ?? t('cleared')}</td>
                <td>{r.consultationTitle ?? (r.matched ? t('erased') : t('list.noMatch'))}</td>
                <td>
                  <strong className="tag">{t(`status.${r.status}`)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
