import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import type { Locale } from '~/platform/i18n/config';
import { protectAreas, type AreaQuestion } from './area-figures';
import { analysisIndex } from './indexes.server';
import { groupLabeller } from './labels.server';
import { loadResults } from './results.server';
import type { ResultsModel } from './results-model';
import { summarise } from './summarise';

// The figures the public results pages show: everyone's, and the same questions by area
// committee and by ward, protected together so that no page, read beside another, gives away
// what either hides. Both public pages read this, never loadResults on its own.

export interface PublicFigures {
  model: ResultsModel | null;
  areas: AreaQuestion[];
}

export async function loadPublicFigures(db: Db, consultation: Consultation, locale: Locale, threshold: number): Promise<PublicFigures> {
  const [outcome, index, label] = await Promise.all([
    // No parameters: everyone, no breakdown, no filter.
    loadResults(db, consultation, locale, new URLSearchParams(), threshold),
    analysisIndex(db, consultation.id),
    groupLabeller(db, locale),
  ]);
  if (!outcome.ok) return { model: null, areas: [] };
  const byWard = summarise(index, { breakdown: 'ward' });
  return protectAreas({
    model: outcome.model,
    byWard,
    committeeOf: (ward) => (ward === null ? null : (index.coder.areaOfWard.get(ward) ?? null)),
    label,
  });
}
