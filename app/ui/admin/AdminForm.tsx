import { Form, useRouteLoaderData, type FormProps } from '@remix-run/react';
import { forwardRef } from 'react';

export const CSRF_FIELD = 'csrf';

/** What the workspace layout (routes/admin.tsx) hands its pages, as far as forms need it: the session's CSRF token. */
export interface WorkspaceLayoutData {
  csrf: string | null;
}

/** The session's CSRF token, from the workspace layout (or a page's own, before signing in). */
export function useCsrfToken(): string {
  return useRouteLoaderData<WorkspaceLayoutData>('routes/admin')?.csrf ?? '';
}

export function CsrfField({ token }: { token?: string }) {
  const fromLayout = useCsrfToken();
  return <input type="hidden" name={CSRF_FIELD} value={token ?? fromLayout} />;
}

/**
 * Every form in the workspace that changes something: a plain post (works without JavaScript)
 * that carries the CSRF token the server checks.
 */
export const AdminForm = forwardRef<HTMLFormElement, FormProps & { csrfToken?: string }>(function AdminForm(
  { children, csrfToken, method = 'post', ...props },
  ref,
) {
  return (
    <Form ref={ref} method={method} {...props}>
      <CsrfField token={csrfToken} />
      {children}
    </Form>
  );
});
