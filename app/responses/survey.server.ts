import { redirect } from '@remix-run/node';
import type { Db } from '#db/connection';
import { requireOpenConsultation } from '~/consultations/find.server';
import type { ConsultationDef, PublicConsultation } from '~/consultations/definition';
import type { Locale } from '~/platform/i18n/config';
import { listWards } from '~/framework/places/wards.server';
import type { WardOption } from '~/framework/places/ward';
import type { FormValues } from './answers';
import { loadDraft, withStep, type Draft } from './drafts.server';
import { otherField, questionField } from './fields';
import { mayAsk, type MayAsk } from './safeguarding';
import { safeguardingAges } from './safeguarding.server';
import { answersDropped, findStep, nearestStep, newlyAskedSteps, nextNewlyAsked, surveyRoute, type StepPosition } from './steps';
import { checkPath, surveyPath } from './paths';

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
 * child has no "More about you" page; their own answers decide which sections they see), or the
 * right response: a page of the survey that is not on their route redirects to the nearest one
 * that is (an old link, a page a changed answer took away), and a page no survey has is not found.
 */
export async function requireSurveyStep(db: Db, slug: string, stepId: string, draftToken: string | null, locale: Locale, now: Date): Promise<SurveyStep> {
  const def = await requireOpenConsultation(db, slug, locale, now);
  const draft = await loadDraft(db, draftToken, def.id);
  const may = mayAsk(draft?.values.age_band, safeguardingAges());
  const values = draft?.values ?? {};
  const position = findStep(def, stepId, may, values);
  const nearest = position ? null : nearestStep(def, stepId, may, values);
  if (nearest) throw redirect(surveyPath(def.slug, nearest.id), 303);
  if (!position) throw new Response(null, { status: 404, statusText: 'Not Found' });
  const wards = position.step.kind === 'about-you' ? await listWards(db) : [];
  return { def, position, wards, wardCodes: wards.map((w) => w.code), draft, may };
}

export function redirectWithCookie(to: string, cookie: string) {
  return redirect(to, { status: 303, headers: { 'Set-Cookie': cookie } });
}

export interface StepPost {
  def: Pick<ConsultationDef, 'slug' | 'sections' | 'askAboutYou'>;
  stepId: string;
  /** What the person may be asked once this step is saved (the age on "About you" can change it). */
  may: MayAsk;
  /** The draft's values before this post. */
  before: FormValues;
  stepFields: string[];
  posted: FormValues;
  goingBack: boolean;
  /** The person has seen which answers this change removes, and went on. */
  confirmed: boolean;
  returnToCheck: boolean;
  /** Sections a change made from the check page still has to show (`new` in the address). */
  pending: string[];
}

export type StepPlan =
  /** Changing this answer would remove answers to these questions: ask first, save nothing. */
  | { kind: 'confirm'; dropped: { key: string; text: string }[] }
  /** Save these fields of the draft (the step's, and those of answers no longer asked), then go on. */
  | { kind: 'save'; fields: string[]; to: string };

/**
 * What posting a step does, decided by the route the answers give once it is saved: answers to
 * questions the new route no longer asks are named first and removed only once confirmed; then
 * the person goes on along their own route. A change made from the check page goes through any
 * section it newly opens before returning there, or to the exit page when the answers now end
 * the survey.
 */
export function planStepPost(p: StepPost): StepPlan {
  const dropped = answersDropped(p.def, withStep(p.before, p.stepFields, p.posted));
  if (dropped.length > 0 && !p.confirmed) return { kind: 'confirm', dropped: dropped.map((q) => ({ key: q.key, text: q.text })) };
  const fields = [...p.stepFields, ...dropped.flatMap((q) => [questionField(q.key), otherField(q.key)])];
  const values = withStep(p.before, fields, p.posted);
  const position = findStep(p.def, p.stepId, p.may, values);
  const slug = p.def.slug;
  if (p.goingBack) return { kind: 'save', fields, to: surveyPath(slug, position?.previous?.id) };
  if (!p.returnToCheck) return { kind: 'save', fields, to: position?.next ? surveyPath(slug, position.next.id) : checkPath(slug) };
  const after = surveyRoute(p.def, values);
  if (after.exit) return { kind: 'save', fields, to: surveyPath(slug, 'exit') };
  const next = nextNewlyAsked(p.def, after, p.stepId, [...p.pending, ...newlyAskedSteps(p.def, surveyRoute(p.def, p.before), after)]);
  if (!next) return { kind: 'save', fields, to: checkPath(slug) };
  return { kind: 'save', fields, to: `${surveyPath(slug, next.id)}?return=check${next.rest.length > 0 ? `&new=${next.rest.join(',')}` : ''}` };
}
