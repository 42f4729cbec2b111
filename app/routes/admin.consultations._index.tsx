import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { workspaceUser } from '~/auth/workspace.server';
import { listConsultations } from '~/consultations/builder/consultations.server';
import { StatusTag } from '~/consultations/components/builder/StatusTag';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import type { EffectiveStatus } from '~/consultations/status';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { formatDateTime } from '~/platform/i18n/format';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { pageMeta } from '~/ui/page-meta';
import { ScrollTable } from '~/ui/ScrollRegion';

const STATUSES: EffectiveStatus[] = ['draft', 'upcoming', 'open', 'closed', 'results_published'];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args, 'viewWorkspace');
  const locale = await detectLocale(args.request);
  const wanted = new URL(args.request.url).searchParams.get('status');
  const status = STATUSES.find((s) => s === wanted);
  const consultations = await listConsultations(args.context.db, { status }, new Date());
  return data(
    { user: workspaceUser(user), consultations, status: status ?? '', title: workspacePageTitle(args.context, locale, tFor(locale, 'builder')('list.title')) },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export default function Consultations() {
  const { user, consultations, status } = useLoaderData<typeof loader>();
  const { t } = useTranslation('builder');
  const locale = usePageLocale();
  return (
    <>
      <h1>{t('list.title')}</h1>
      {user.can.editConsultations && (
        <p>
          <Link to="/admin/consultations/new" className="button">
            {t('list.create')}
          </Link>
        </p>
      )}
      <Form method="get" className="filters">
        <div className="form-group">
          <label className="label label--field" htmlFor="status">
            {t('list.filter')}
          </label>
          <select className="select" id="status" name="status" defaultValue={status}>
            <option value="">{t('list.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <button type="submit" className="button button--secondary">
            {t('list.apply')}
          </button>
        </div>
      </Form>
      {consultations.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <ScrollTable caption={t('list.caption', { count: consultations.length })}>
          <thead>
            <tr>
              <th scope="col">{t('list.name')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.opens')}</th>
              <th scope="col">{t('list.closes')}</th>
              <th scope="col" className="numeric">
                {t('list.responses')}
              </th>
            </tr>
          </thead>
          <tbody>
            {consultations.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/admin/consultations/${c.id}`}>{c.title}</Link>
                </td>
                <td>
                  <StatusTag status={c.status} />
                </td>
                <td>{c.opensAt ? formatDateTime(c.opensAt, locale) : t('list.noDate')}</td>
                <td>{c.closesAt ? formatDateTime(c.closesAt, locale) : t('list.noDate')}</td>
                <td className="numeric">{c.counted}</td>
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
