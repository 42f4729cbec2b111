import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';
import { currentUser } from '~/auth/guard.server';
import { workspaceUser } from '~/auth/workspace.server';
import type { WorkspaceLayoutData } from '~/ui/admin/AdminForm';
import { WorkspaceNav } from '~/ui/admin/WorkspaceNav';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import styles from '~/styles/admin.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// The officers' workspace. Each page checks its own permission on the server; this layout only
// finds who is signed in, for the navigation and the forms' CSRF token.
export async function loader(args: LoaderFunctionArgs) {
  const signedIn = await currentUser(args);
  const layout = { user: signedIn ? workspaceUser(signedIn.user) : null, csrf: signedIn?.session.csrf_token ?? null };
  return data(layout satisfies WorkspaceLayoutData, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = () => ({ 'Cache-Control': PRIVATE_PAGE });

export default function Workspace() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <div className="workspace">
      {user && <WorkspaceNav user={user} />}
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
