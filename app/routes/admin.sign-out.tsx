import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { signOutEverywhere } from '~/auth/account.server';
import { requireAction, SIGN_IN_PATH } from '~/auth/guard.server';
import { clearSessionCookieHeader, deleteSession, readSessionToken } from '~/auth/sessions.server';

// Signing out is a post (a link could be followed by anything); "everywhere" ends every session.
export async function loader() {
  return redirect('/admin');
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'viewWorkspace');
  const everywhere = formData.get('intent') === 'everywhere';
  if (everywhere) {
    await signOutEverywhere(args.context.db, user);
  } else {
    const token = await readSessionToken(args.request);
    if (token) await deleteSession(args.context.db, token);
  }
  return redirect(`${SIGN_IN_PATH}?signedOut=${everywhere ? 'everywhere' : 'here'}`, {
    status: 303,
    headers: { 'Set-Cookie': await clearSessionCookieHeader(args.request) },
  });
}
