import { createCookie } from '@remix-run/node';

// After sending, the browser's back button can land on the check page again. The reference of
// the response just sent is remembered for a day, so that page can say it has been sent
// rather than that nothing was answered.
const sentCookie = createCookie('heard_sent', { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 24 * 60 * 60 });

export function sentCookieHeader(consultationId: number, reference: string, request: Request): Promise<string> {
  return sentCookie.serialize({ consultationId, reference }, { secure: new URL(request.url).protocol === 'https:' });
}

/** The reference this browser last sent to the consultation, if it did. */
export async function readSentReference(request: Request, consultationId: number): Promise<string | null> {
  const value = (await sentCookie.parse(request.headers.get('cookie'))) as { consultationId?: unknown; reference?: unknown } | null;
  return value?.consultationId === consultationId && typeof value.reference === 'string' ? value.reference : null;
}
