import { data, redirect } from '@remix-run/node';
import type { Db } from '#db/connection';
import { requireConsultation } from '~/consultations/find.server';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import type { Locale } from '~/platform/i18n/config';
import { listWards } from '~/framework/places/wards.server';
import { ASK_EVERYTHING } from '~/responses/safeguarding';
import { safeguardingAges } from '~/responses/safeguarding.server';
import { findStep, nearestStep } from '~/responses/steps';
import { previewPath, youthPreviewPath } from './preview-paths';
import { loadYouthDefinition } from '~/consultations/versions/youth-definition.server';
import { findYouthStep, youthItemDecides, type YouthStepPosition } from '~/responses/youth/steps';
import { youthAgeBandOf } from '~/responses/youth/ages';
import { planYouthStepPost } from '~/responses/youth/step-post';
import { youthChosen, youthField } from '~/responses/youth/answers';
import type { YouthDef } from '~/consultations/versions/youth-definition';

// Preview builds a consultation's pages from the same definitions and steps residents and young
// people get, whatever its status (drafts too), and never stores anything.

const notFound = () => data({ reason: 'not_found' }, { status: 404 });

export async function loadPreview(db: Db, rawId: string | undefined, locale: Locale) {
  const consultation = await requireConsultation(db, rawId);
  const def = await loadConsultationDefinition(db, consultation, locale);
  const youth = await loadYouthDefinition(db, consultation, locale);
  return { consultation, def, youth };
}

/**
 * One resident page of the preview on the route the answers given so far take, or a thrown 404;
 * a page that route does not show redirects to the nearest one it does, as for a resident.
 */
export async function loadPreviewStep(db: Db, rawId: string | undefined, stepId: string | undefined, locale: Locale, answers: Record<string, unknown> = {}) {
  const { consultation, def } = await loadPreview(db, rawId, locale);
  const position = findStep(def, stepId ?? '', ASK_EVERYTHING, answers);
  const nearest = position ? null : nearestStep(def, stepId ?? '', ASK_EVERYTHING, answers);
  if (nearest) throw redirect(previewPath(consultation.id, nearest.id, answers), 303);
  if (!position) throw notFound();
  const wards = position.step.kind === 'about-you' ? await listWards(db) : [];
  return { consultation, def, position, wards, wardCodes: wards.map((w) => w.code) };
}

/**
 * One young person's page of the preview; the age given on the first page and the answers that
 * decide the route (youthPreviewAnswers) travel in the address.
 */
export async function loadYouthPreviewStep(db: Db, rawId: string | undefined, stepId: string | undefined, query: URLSearchParams, locale: Locale) {
  const { consultation, youth } = await loadPreview(db, rawId, locale);
  if (!youth) throw notFound();
  const answers = youthPreviewAnswers(youth, query);
  const position = findYouthStep(youth, stepId ?? '', { ...answers, age_band: query.get('age') }, safeguardingAges());
  if (!position) throw notFound();
  return { consultation, youth, position, answers, age: youthAgeBandOf(query.get('age')) };
}

/** The answers a preview address carries: those of the items that decide the route, by field. */
export function youthPreviewAnswers(youth: YouthDef, query: URLSearchParams): Record<string, string[]> {
  return Object.fromEntries(
    youth.items
      .filter((item) => youthItemDecides(youth, item) && query.has(youthField(item)))
      .map((item) => [youthField(item), query.getAll(youthField(item)).filter((o) => item.options.some((x) => x.key === o))]),
  );
}

export interface YouthPreviewPost {
  youth: YouthDef;
  consultationId: number;
  position: YouthStepPosition;
  /** The age and answers the page's address carried (loadYouthPreviewStep). */
  age: string | null;
  answers: Record<string, string[]>;
  posted: Record<string, unknown>;
  valid: boolean;
  goingBack: boolean;
}

/**
 * What posting a page of the young people's preview does: what the same post would do for a young
 * person (planYouthStepPost), except that nothing is stored, so no answer is forgotten and none
 * needs confirming; the age and the deciding answers travel on in the address, and going back
 * carries them as they were. Past the last page the preview ends.
 */
export function planYouthPreviewPost(p: YouthPreviewPost): { kind: 'invalid' } | { kind: 'go'; to: string } {
  const before = { ...p.answers, age_band: p.age };
  // The address carries on what it carried, with the deciding answers these values give (youthPreviewAnswers reads them back).
  const address = (stepId: string, values: Record<string, unknown>) => {
    const deciding = p.youth.items.filter((item) => youthItemDecides(p.youth, item)).map((item) => [youthField(item), youthChosen(item, values)]);
    return youthPreviewPath(p.consultationId, stepId, youthAgeBandOf(values.age_band), { ...p.answers, ...Object.fromEntries(deciding) });
  };
  const plan = planYouthStepPost({
    def: p.youth,
    position: p.position,
    before,
    posted: p.posted,
    valid: p.valid,
    goingBack: p.goingBack,
    // Nothing is stored, so no answer is forgotten and there is nothing to confirm.
    confirmed: true,
    returnToCheck: false,
    ages: safeguardingAges(),
  });
  switch (plan.kind) {
    case 'back':
      return { kind: 'go', to: plan.to ? address(plan.to.id, before) : previewPath(p.consultationId) };
    case 'next':
      return {
        kind: 'go',
        to: plan.to ? address(plan.to.id, plan.values) : `${previewPath(p.consultationId)}?finished=young`,
      };
    case 'invalid':
    case 'confirm': // never: confirmed above
      return { kind: 'invalid' };
  }
}
