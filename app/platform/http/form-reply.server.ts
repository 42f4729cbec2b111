import type { SubmissionResult } from '@conform-to/react';
import type { AppLoadContext } from '@remix-run/node';
import { data } from '@remix-run/node';
import { PRIVATE_PAGE } from './cache-headers';

/**
 * A form that could not be saved, answered with conform's reply so it shows again with what the
 * person typed and the errors: 400 for input they can fix, or the status the caller gives.
 */
export function refusal(context: AppLoadContext, reply: SubmissionResult<string[]>, status = 400) {
  context.request.submissionFailed = true;
  return data({ result: reply }, { status, headers: { 'Cache-Control': PRIVATE_PAGE } });
}
