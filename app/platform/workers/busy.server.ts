import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import type { Locale } from '~/platform/i18n/config';
import { tFor } from '~/platform/i18n/i18n.server';

// When every worker thread is busy and the queue is full, a download is refused at once with a
// 503 and a Retry-After, in the reader's language, rather than left to wait for minutes.

/**
 * The pool refused the task because its queue is full. Checked by name, not instanceof: the
 * pool lives in the server's bundle and the routes in Remix's, each with its own copy of a class.
 */
export const isBusy = (error: unknown): boolean => error instanceof Error && error.name === 'BusyError';

export function busyResponse(locale: Locale): Response {
  const t = tFor(locale, 'common');
  return new Response(`${t('busy.title')}. ${t('busy.text')}\n`, {
    status: 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': PRIVATE_PAGE, 'Retry-After': '5' },
  });
}

/** The response `make` gives, or the busy answer when the heavy-work queue is full. */
export async function orBusy(locale: Locale, make: () => Promise<Response>): Promise<Response> {
  try {
    return await make();
  } catch (error) {
    if (isBusy(error)) return busyResponse(locale);
    throw error;
  }
}
