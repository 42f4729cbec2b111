import type { SubmissionResult } from '@conform-to/react';
import type { AppLoadContext } from '@remix-run/node';
import { refusal } from '~/platform/http/form-reply.server';
import { notFound } from '~/platform/http/not-found.server';
import type { Refusal } from './change.server';

// A change to a consultation the rules refused, answered as the form's reply (the builder's
// and the publishing pages' forms).

/** Refusals a person can fix by typing are 400; a rule that forbids the change is 409. */
const CONFLICTS = [
  'builder:deleteLocked',
  'builder:meaningLocked',
  'builder:standardOptions',
  'builder:notDraft',
  'builder:notOpen',
  'builder:notClosed',
  'builder:notScheduled',
  'builder:publishRefused',
];

/** A failed change as the form's reply: on its field when it has one, otherwise for the whole form; 404 when it was not there. */
export function refuseChange(
  context: AppLoadContext,
  submission: { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> },
  result: Refusal,
) {
  const reply = result.field ? submission.reply({ fieldErrors: { [result.field]: [result.error] } }) : submission.reply({ formErrors: [result.error] });
  if (result.error === 'builder:notFound') notFound();
  return refusal(context, reply, CONFLICTS.includes(result.error) ? 409 : 400);
}
