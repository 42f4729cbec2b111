import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { workspaceUser } from '~/auth/workspace.server';
import { countConsultationsByStatus } from '~/consultations/queries.server';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args, 'viewWorkspace');
  const locale = await detectLocale(args.request);
  const counts = await countConsultationsByStatus(args.context.db);
  return data(
    { user: workspaceUser(user), counts, title: workspacePageTitle(args.context, locale, tFor(locale, 'admin')('dashboard.title')) },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export default function Dashboard() {
  const { user, counts } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <p className="lead">{t('dashboard.welcome', { name: user.name || user.email })}</p>
      <h2>{t('dashboard.consultations')}</h2>
      <ul className="summary-cards">
        {(['open', 'draft', 'closed', 'results_published'] as const).map((status) => (
          <li key={status}>
            <strong>{counts[status]}</strong>
            <Link to={`/admin/consultations?status=${status}`}>{t(`dashboard.status.${status}`)}</Link>
          </li>
        ))}
      </ul>
      <h2>{t('dashboard.tasks')}</h2>
      <ul>
        {user.can.editConsultations && (
          <li>
            <Link to="/admin/consultations/new">{t('dashboard.newConsultation')}</Link>
          </li>
        )}
        <li>
          <Link to="/admin/consultations">{t('dashboard.allConsultations')}</Link>
        </li>
        {user.can.editFramework && (
          <li>
            <Link to="/admin/framework">{t('dashboard.framework')}</Link>
          </li>
        )}
        {user.can.manageUsers && (
          <li>
            <Link to="/admin/users">{t('dashboard.users')}</Link>
          </li>
        )}
        {user.can.readAudit && (
          <li>
            <Link to="/admin/audit">{t('dashboard.audit')}</Link>
          </li>
        )}
      </ul>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
