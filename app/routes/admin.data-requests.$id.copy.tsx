import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { SubjectAccessCopyView } from '~/data-requests/components/SubjectAccessCopyView';
import { findAccessCopy } from '~/data-requests/subject-access.server';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { idParam, notFound } from '~/platform/http/not-found.server';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editResponses');
  const id = idParam(args.params, 'id');
  const copy = await findAccessCopy(args.context.db, id);
  if (!copy) notFound();
  const locale = await detectLocale(args.request);
  return data(
    { id, copy, title: workspacePageTitle(args.context, locale, tFor(locale, 'requests')('copy.title', { reference: copy.reference })) },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export default function SubjectAccessCopyPage() {
  const { id, copy } = useLoaderData<typeof loader>();
  const { t } = useTranslation('requests');
  return (
    <>
      <Link to={`/admin/data-requests/${id}`} className="back-link">
        {t('copy.back')}
      </Link>
      <h1>{t('copy.title', { reference: copy.reference })}</h1>
      <p>{t('copy.intro')}</p>
      <p>
        <a href={`/admin/data-requests/${id}/copy.json`} download>
          {t('access.download')}
        </a>
      </p>
      <SubjectAccessCopyView copy={copy} />
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
