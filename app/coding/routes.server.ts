import type { Params } from '@remix-run/react';
import type { Db } from '#db/connection';
import { idParam, notFound } from '~/platform/http/not-found.server';
import { findCodebookTheme, findOpenQuestion } from './codebook.server';
import { findSample } from './samples.server';

// What the coding pages share: the open question, theme or sample their address names, or a 404
// (the consultation itself: requireConsultationTitle in ~/consultations/find.server).

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
