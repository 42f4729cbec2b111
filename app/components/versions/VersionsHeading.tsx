import { useRouteLoaderData } from '@remix-run/react';
import { ConsultationTabs } from '~/components/admin/ConsultationTabs';
import type { loader as workspaceLoader } from '~/routes/admin';

/**
 * The consultation's name and its tabs above one of its pages, then the page's own heading.
 * (Until the consultation has a layout route of its own, each page draws its tabs.)
 */
export function VersionsHeading({ consultation, title }: { consultation: { id: number; title: string }; title: string }) {
  const user = useRouteLoaderData<typeof workspaceLoader>('routes/admin')?.user;
  return (
    <>
      <p className="caption">{consultation.title}</p>
      {user && <ConsultationTabs id={consultation.id} user={user} />}
      <h1>{title}</h1>
    </>
  );
}
