import { useMatches, useRouteLoaderData } from '@remix-run/react';
import { ConsultationTabs } from '~/components/admin/ConsultationTabs';
import type { loader as workspaceLoader } from '~/routes/admin';

const LAYOUT_ROUTE = 'routes/admin.consultations.$id';

/** The consultation's name and tabs (while no layout route draws them), then the page's heading. */
export function IntakeHeading({ consultation, title }: { consultation: { id: number; title: string }; title: string }) {
  const user = useRouteLoaderData<typeof workspaceLoader>('routes/admin')?.user;
  const hasLayout = useMatches().some((m) => m.id === LAYOUT_ROUTE);
  return (
    <>
      {!hasLayout && <p className="caption">{consultation.title}</p>}
      {!hasLayout && user && <ConsultationTabs id={consultation.id} user={user} />}
      <h1>{title}</h1>
    </>
  );
}
