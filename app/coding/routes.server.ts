import type { Params } from '@remix-run/react';
import { idParam, notFound } from '~/consultations/builder/routes.server';
import type { Db } from '#db/connection';
import { requireModeratedConsultation } from '~/responses/moderation/consultation.server';
import { findCodebookTheme, findOpenQuestion } from './codebook.server';
import { findSample } from './samples.server';

// What the coding pages share: the consultation, open question, theme or sample their address
// names, or a 404.

export function requireConsultation(db: Db, params: Params) {
  return requireModeratedConsultation(db, params.id);
}

export async function requireOpenQuestion(db: Db, consultationId: number, params: Params) {
  const question = await findOpenQuestion(db, consultationId, idParam(params, 'questionId'));
  return question ?? notFound();
}

export async function requireTheme(db: Db, consultationId: number, params: Params) {
  const theme = await findCodebookTheme(db, consultationId, idParam(params, 'themeId'));
  return theme ?? notFound();
}

export async function requireSample(db: Db, consultationId: number, sampleId: number) {
  const sample = await findSample(db, consultationId, sampleId);
  return sample ?? notFound();
}
