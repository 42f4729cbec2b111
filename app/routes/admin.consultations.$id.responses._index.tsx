import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { requireConsultationTitle } from '~/consultations/find.server';
import { SelectField } from '~/ui/admin/Field';
import { FloodPanel } from '~/responses/components/moderation/FloodPanel';
import { ResponseTable } from '~/responses/components/moderation/ResponseTable';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { floodReport } from '~/responses/moderation/floods.server';
import { listResponses, readListFilters } from '~/responses/moderation/list.server';
import { LIST_STATUSES } from '~/responses/moderation/schemas';
import { CHANNELS } from '~/responses/codes';
import { countResponsesByStatus } from '~/responses/counts.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editResponses');
  const { db } = args.context;
  const consultation = await requireConsultationTitle(db, args.params.id);
  const locale = await detectLocale(args.request);
  const filters = readListFilters(new URL(args.request.url));
  const [counts, page, floods] = await Promise.all([
    countResponsesByStatus(db, consultation.id),
    listResponses(db, consultation.id, filters),
    floodReport(db, consultation.id),
  ]);
  return data(
    {
      consultation,
      counts,
      page,
      filters,
      floods,
      title: workspacePageTitle(args.context, locale, `${tFor(locale, 'moderation')('responses.title')} – ${consultation.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export default function Responses() {
  const { consultation, counts, page, filters, floods } = useLoaderData<typeof loader>();
  const { t } = useTranslation('moderation');
  const base = `/admin/consultations/${consultation.id}/responses`;
  const pageLink = (n: number) => {
    const params = new URLSearchParams();
    if (filters.status !== 'all') params.set('status', filters.status);
    if (filters.channel) params.set('channel', filters.channel);
    if (n > 1) params.set('page', String(n));
    const query = params.toString();
    return query ? `${base}?${query}` : base;
  };
  return (
    <>
      <h1>{t('responses.title')}</h1>
      <ul className="summary-cards">
        <li data-testid="counted">
          <strong>{counts.counted}</strong> {t('responses.counted')}
        </li>
        <li data-testid="excluded">
          <strong>{counts.excluded}</strong> {t('responses.excluded')}
          <span className="hint">{t('responses.excludedBreakdown', counts.byStatus)}</span>
        </li>
      </ul>
      <Form method="get" className="filters" aria-label={t('responses.filters')}>
        <SelectField
          name="status"
          label={t('responses.status')}
          defaultValue={filters.status}
          options={LIST_STATUSES.map((s) => ({ value: s, label: t(`responses.statusFilter.${s}`) }))}
        />
        <SelectField
          name="channel"
          label={t('responses.channel')}
          defaultValue={filters.channel ?? ''}
          options={[{ value: '', label: t('responses.anyChannel') }, ...CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))]}
        />
        <div className="form-group">
          <button type="submit" className="button button--secondary">
            {t('responses.apply')}
          </button>
        </div>
      </Form>
      <ResponseTable consultationId={consultation.id} page={page} />
      {page.pages > 1 && (
        <nav aria-label={t('responses.pagination')} className="pagination">
          <p>{t('responses.pageOf', { page: page.page, pages: page.pages })}</p>
          <ul className="button-group">
            {page.page > 1 && (
              <li>
                <Link to={pageLink(page.page - 1)} rel="prev">
                  {t('responses.previous')}
                </Link>
              </li>
            )}
            {page.page < page.pages && (
              <li>
                <Link to={pageLink(page.page + 1)} rel="next">
                  {t('responses.next')}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
      <FloodPanel report={floods} />
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
