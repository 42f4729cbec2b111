import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { can, type Permission } from './roles';
import { findSession, readSessionToken, type SignedIn } from './sessions.server';
import { sameToken } from './tokens.server';

// Every workspace loader and action starts here: who is signed in, may they do this, and (for
// anything that changes state) does the form carry the session's CSRF token.

export const SIGN_IN_PATH = '/admin/sign-in';
export const CSRF_FIELD = 'csrf';

type Args = Pick<LoaderFunctionArgs, 'request' | 'context'>;

/** The signed-in person, or null. */
export async function currentUser({ request, context }: Args): Promise<SignedIn | null> {
  const token = await readSessionToken(request);
  return token ? findSession(context.db, token) : null;
}

/** A safe place to return to after signing in: a path inside the workspace, never another site. */
export function safeRedirect(to: string | null | undefined, fallback = '/admin'): string {
  if (!to || !to.startsWith('/admin') || to.startsWith('//') || to.includes('\\')) return fallback;
  return to;
}

function forbidden(): never {
  throw data({ reason: 'forbidden' }, { status: 403, headers: { 'Cache-Control': 'private, no-store' } });
}

/** For loaders: signed out goes to the sign-in page (and comes back); a missing permission is 403. */
export async function requireUser(args: Args, permission: Permission): Promise<SignedIn> {
  const signedIn = await currentUser(args);
  if (!signedIn) {
    const url = new URL(args.request.url);
    const back = url.pathname + url.search;
    throw redirect(`${SIGN_IN_PATH}?redirectTo=${encodeURIComponent(back)}`, { headers: { 'Cache-Control': 'private, no-store' } });
  }
  if (!can(signedIn.user.role, permission)) forbidden();
  return signedIn;
}

/**
 * For actions: as requireUser, then the form is read and its CSRF token checked against the
 * session's. A post from another site cannot know the token, so it gets 403 and changes nothing.
 */
export async function requireAction(args: Pick<ActionFunctionArgs, 'request' | 'context'>, permission: Permission): Promise<SignedIn & { formData: FormData }> {
  const signedIn = await requireUser(args, permission);
  // The body's size, encoding and field names were checked as it arrived (app/platform/http/request-limits.server.ts).
  const formData = await args.request.formData();
  const token = formData.get(CSRF_FIELD);
  if (typeof token !== 'string' || !sameToken(token, signedIn.session.csrf_token)) forbidden();
  return { ...signedIn, formData };
}
