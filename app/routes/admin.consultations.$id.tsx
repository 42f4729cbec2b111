import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/auth/guard.server';
import { workspaceUser } from '~/auth/workspace.server';
import { requireConsultation } from '~/consultations/find.server';
import { ConsultationTabs } from '~/consultations/components/ConsultationTabs';
import { StatusTag } from '~/consultations/components/builder/StatusTag';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { effectiveStatus } from '~/consultations/status';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import styles from '~/styles/builder.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// Every page of one consultation: its title, where it is in its life, and the tabs. The pages
// inside check their own permissions; this only makes sure the consultation exists.
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args, 'viewWorkspace');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  return data(
    {
      user: workspaceUser(user),
      consultation: { id: consultation.id, title: consultation.title, slug: consultation.slug, status: effectiveStatus(consultation, new Date()) },
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export default function ConsultationLayout() {
  const { user, consultation } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="caption">
        <StatusTag status={consultation.status} />
      </p>
      <p className="heading-s">{consultation.title}</p>
      <ConsultationTabs id={consultation.id} user={user} />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
