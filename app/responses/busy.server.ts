import { data, type AppLoadContext } from '@remix-run/node';
import { isDatabaseBusy } from '#db/busy';
import { BUSY_RETRY_SECONDS } from '~/platform/http/busy.server';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';

/**
 * Runs a public form's save; if the database stayed busy past DATABASE_BUSY_SECONDS (someone
 * else held the lock), answers 503 with the form as it was posted and "busy, try again" (`ns`'s
 * errors.busy), so nothing the person typed is lost. Any other failure is not ours to soften.
 */
export async function unlessBusy<Reply, Result>(
  context: Pick<AppLoadContext, 'request'>,
  reply: (options: { formErrors: string[] }) => Reply,
  ns: 'survey' | 'youth',
  save: () => Promise<Result>,
  headers: Record<string, string> = {},
) {
  try {
    return await save();
  } catch (error) {
    if (!isDatabaseBusy(error)) throw error;
    context.request.submissionFailed = true;
    return data(
      { result: reply({ formErrors: [`${ns}:busy`] }) },
      { status: 503, headers: { ...headers, 'Cache-Control': PRIVATE_PAGE, 'Retry-After': String(BUSY_RETRY_SECONDS) } },
    );
  }
}
