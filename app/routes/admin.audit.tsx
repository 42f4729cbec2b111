import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { listAuditEvents, listAuditFacets } from '~/platform/audit.server';
import { requireUser } from '~/auth/guard.server';
import { InputField, SelectField } from '~/ui/admin/Field';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { formatDateTime } from '~/platform/i18n/format';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { pageMeta } from '~/ui/page-meta';
import { ScrollTable } from '~/ui/ScrollRegion';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const filterSchema = z.object({
  actor: z.string().max(254).optional().catch(undefined),
  entityType: z.string().max(50).optional().catch(undefined),
  action: z.string().max(80).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readAudit');
  const locale = await detectLocale(args.request);
  const params = Object.fromEntries([...new URL(args.request.url).searchParams].filter(([, v]) => v !== ''));
  const filter = filterSchema.parse(params);
  const [log, facets] = await Promise.all([listAuditEvents(args.context.db, filter), listAuditFacets(args.context.db)]);
  return data(
    { ...log, facets, filter, title: workspacePageTitle(args.context, locale, tFor(locale, 'admin')('audit.title')) },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

function Change({ before, after }: { before: string | null; after: string | null }) {
  const { t } = useTranslation('admin');
  if (!before && !after) return null;
  const pretty = (json: string | null) => (json ? JSON.stringify(JSON.parse(json), null, 2) : '—');
  return (
    <details>
      <summary>{t('audit.showChange')}</summary>
      <h3 className="heading-s">{t('audit.before')}</h3>
      <pre className="copy-box">{pretty(before)}</pre>
      <h3 className="heading-s">{t('audit.after')}</h3>
      <pre className="copy-box">{pretty(after)}</pre>
    </details>
  );
}

export default function AuditLog() {
  const { events, total, page, pages, facets, filter } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  const locale = usePageLocale();
  const location = useLocation();
  const pageHref = (n: number) => {
    const params = new URLSearchParams(location.search);
    params.set('page', String(n));
    return `?${params.toString()}`;
  };
  const any = { value: '', label: t('audit.any') };
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <Form method="get" className="filters">
        <SelectField
          name="actor"
          label={t('audit.who')}
          defaultValue={filter.actor ?? ''}
          options={[any, ...facets.actors.map((a) => ({ value: a, label: a }))]}
        />
        <SelectField
          name="entityType"
          label={t('audit.what')}
          defaultValue={filter.entityType ?? ''}
          options={[any, ...facets.entityTypes.map((e) => ({ value: e, label: e }))]}
        />
        <SelectField
          name="action"
          label={t('audit.action')}
          defaultValue={filter.action ?? ''}
          options={[any, ...facets.actions.map((a) => ({ value: a, label: a }))]}
        />
        <InputField name="from" type="date" label={t('audit.from')} defaultValue={filter.from ?? ''} />
        <InputField name="to" type="date" label={t('audit.to')} defaultValue={filter.to ?? ''} />
        <div className="form-group">
          <button type="submit" className="button button--secondary">
            {t('audit.filter')}
          </button>
        </div>
      </Form>
      <ScrollTable caption={t('audit.caption', { count: total })}>
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.summary')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at, locale)}</td>
              <td>{e.actor}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                <p>{e.summary}</p>
                {e.reason && <p>{t('audit.reason', { reason: e.reason })}</p>}
                <Change before={e.before_json} after={e.after_json} />
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {pages > 1 && (
        <nav aria-label={t('audit.pages')} className="pagination">
          <p>{t('audit.pageOf', { page, pages })}</p>
          <ul className="button-group">
            {page > 1 && (
              <li>
                <Link to={pageHref(page - 1)}>{t('audit.previous')}</Link>
              </li>
            )}
            {page < pages && (
              <li>
                <Link to={pageHref(page + 1)}>{t('audit.next')}</Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
