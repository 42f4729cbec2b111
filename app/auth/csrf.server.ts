import { createCookie } from '@remix-run/node';
import { cookieSecurity } from './sessions.server';
import { newToken, sameToken } from './tokens.server';

// Before anyone is signed in (the sign-in and invitation pages) there is no session to hold a
// CSRF token, so the token is a cookie of its own that the form must repeat (double submit).
const preSessionCookie = createCookie('heard_csrf', { path: '/admin', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 });

export async function preSessionToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const existing: unknown = await preSessionCookie.parse(request.headers.get('Cookie'));
  if (typeof existing === 'string' && existing.length > 0) return { token: existing, setCookie: null };
  const token = newToken();
  return { token, setCookie: await preSessionCookie.serialize(token, cookieSecurity(request)) };
}

export async function hasPreSessionToken(request: Request): Promise<boolean> {
  const value: unknown = await preSessionCookie.parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length > 0;
}

export async function isPreSessionTokenValid(request: Request, sent: unknown): Promise<boolean> {
  const expected: unknown = await preSessionCookie.parse(request.headers.get('Cookie'));
  return typeof expected === 'string' && expected.length > 0 && typeof sent === 'string' && sameToken(sent, expected);
}
