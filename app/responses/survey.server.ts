import { redirect } from '@remix-run/node';
import type { Db } from '#db/connection';
import { requireOpenConsultation } from '~/consultations/find.server';
import type { PublicConsultation } from '~/consultations/definition';
import type { Locale } from '~/platform/i18n/config';
import { listWards } from '~/framework/places/wards.server';
import type { WardOption } from '~/framework/places/ward';
import { findStep, type StepPosition } from './steps';

export interface SurveyStep {
  def: PublicConsultation;
  position: StepPosition;
  wards: WardOption[];
  wardCodes: string[];
}

/** The open consultation and the step of it a URL names, or the right error response. */
export async function requireSurveyStep(db: Db, slug: string, stepId: string, locale: Locale, now: Date): Promise<SurveyStep> {
  const def = await requireOpenConsultation(db, slug, locale, now);
  const position = findStep(def, stepId);
  if (!position) throw new Response(null, { status: 404, statusText: 'Not Found' });
  const wards = position.step.kind === 'about-you' ? await listWards(db) : [];
  return { def, position, wards, wardCodes: wards.map((w) => w.code) };
}

export function redirectWithCookie(to: string, cookie: string) {
  return redirect(to, { status: 303, headers: { 'Set-Cookie': cookie } });
}
