import { redirect } from '@remix-run/node';
import type { Db } from '#db/connection';
import { requireOpenConsultation } from '~/consultations/find.server';
import type { PublicConsultation } from '~/consultations/definition';
import type { Locale } from '~/platform/i18n/config';
import { listWards } from '~/framework/places/wards.server';
import type { WardOption } from '~/framework/places/ward';
import { loadDraft, type Draft } from './drafts.server';
import { mayAsk, type MayAsk } from './safeguarding';
import { safeguardingAges } from './safeguarding.server';
import { findStep, type StepPosition } from './steps';

export interface SurveyStep {
  def: PublicConsultation;
  position: StepPosition;
  wards: WardOption[];
  wardCodes: string[];
  draft: Draft | null;
  /** What this person may be asked, from the age band in their draft. */
  may: MayAsk;
}

/**
 * The open consultation and the step of it a URL names, for the person whose draft this is (a
 * child has no "More about you" page), or the right error response.
 */
export async function requireSurveyStep(db: Db, slug: string, stepId: string, draftToken: string | null, locale: Locale, now: Date): Promise<SurveyStep> {
  const def = await requireOpenConsultation(db, slug, locale, now);
  const draft = await loadDraft(db, draftToken, def.id);
  const may = mayAsk(draft?.values.age_band, safeguardingAges());
  const position = findStep(def, stepId, may);
  if (!position) throw new Response(null, { status: 404, statusText: 'Not Found' });
  const wards = position.step.kind === 'about-you' ? await listWards(db) : [];
  return { def, position, wards, wardCodes: wards.map((w) => w.code), draft, may };
}

export function redirectWithCookie(to: string, cookie: string) {
  return redirect(to, { status: 303, headers: { 'Set-Cookie': cookie } });
}
