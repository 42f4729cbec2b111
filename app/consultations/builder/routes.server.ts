import type { SubmissionResult } from '@conform-to/react';
import type { AppLoadContext } from '@remix-run/node';
import type { Params } from '@remix-run/react';
import { data } from '@remix-run/node';
import type { Db } from '#db/connection';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import type { Result } from './consultations.server';

// What the builder's route modules share: reading ids from the address, and answering a form
// that could not be saved (status 400 for bad input, 409 for a change the rules refuse).

export function idParam(params: Params, name: string): number {
  const id = Number(params[name]);
  if (!Number.isInteger(id) || id <= 0) throw data({ reason: 'not_found' }, { status: 404 });
  return id;
}

export function notFound(): never {
  throw data({ reason: 'not_found' }, { status: 404, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

/** Refusals a person can fix by typing are 400; a rule that forbids the change is 409. */
const CONFLICTS = ['builder:deleteLocked', 'builder:meaningLocked', 'builder:standardOptions', 'builder:notDraft', 'builder:notOpen', 'builder:notClosed', 'builder:notScheduled', 'builder:publishRefused'];

export function refusal(context: AppLoadContext, reply: SubmissionResult<string[]>, status = 400) {
  context.request.submissionFailed = true;
  return data({ result: reply }, { status, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

/** A failed change as the form's reply: on its field when it has one, otherwise for the whole form. */
export function refuseChange(
  context: AppLoadContext,
  submission: { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> },
  result: Extract<Result, { ok: false }>,
) {
  const reply = result.field ? submission.reply({ fieldErrors: { [result.field]: [result.error] } }) : submission.reply({ formErrors: [result.error] });
  if (result.error === 'builder:notFound') notFound();
  return refusal(context, reply, CONFLICTS.includes(result.error) ? 409 : 400);
}

export function change<T>(db: Db, run: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(run);
}
