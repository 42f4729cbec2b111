import { data, redirect } from '@remix-run/node';
import type { Db } from '#db/connection';
import { requireConsultation } from '~/consultations/find.server';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import type { Locale } from '~/platform/i18n/config';
import { listWards } from '~/framework/places/wards.server';
import { ASK_EVERYTHING } from '~/responses/safeguarding';
import { safeguardingAges } from '~/responses/safeguarding.server';
import { findStep, nearestStep } from '~/responses/steps';
import { previewPath } from './preview-paths';
import { loadYouthDefinition } from '~/consultations/versions/youth-definition.server';
import { findYouthStep, youthItemDecides } from '~/responses/youth/steps';
import { youthField } from '~/responses/youth/answers';
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
  return { consultation, youth, position, answers };
}

/** The answers a preview address carries: those of the items that decide the route, by field. */
export function youthPreviewAnswers(youth: YouthDef, query: URLSearchParams): Record<string, string[]> {
  return Object.fromEntries(
    youth.items
      .filter((item) => youthItemDecides(youth, item) && query.has(youthField(item)))
      .map((item) => [youthField(item), query.getAll(youthField(item)).filter((o) => item.options.some((x) => x.key === o))]),
  );
}
