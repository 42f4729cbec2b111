import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import type { AreaQuestion } from '~/analysis/area-figures';
import { loadPublicFigures } from '~/analysis/public-figures.server';
import { env } from '~/platform/env.server';
import type { Locale } from '~/platform/i18n/config';

// The public results by area committee and ward, one question a page (so a page stays small
// however many wards there are), from the same jointly protected figures as the results page.

export interface PublicAreaResults {
  slug: string;
  title: string;
  threshold: number;
  questions: { key: string; text: string }[];
  /** The question shown; null when there is nothing by area to show. */
  question: AreaQuestion | null;
}

/** `questionKey` null is the first question; a key that is not one of them is "not found". */
export async function loadPublicAreaResults(
  db: Db,
  consultation: Consultation,
  locale: Locale,
  questionKey: string | null,
  threshold = env().DISCLOSURE_THRESHOLD,
): Promise<PublicAreaResults | null> {
  const { model, areas } = await loadPublicFigures(db, consultation, locale, threshold);
  const question = questionKey === null ? (areas[0] ?? null) : areas.find((q) => q.key === questionKey);
  if (question === undefined) return null;
  return {
    slug: consultation.slug,
    title: model?.consultation.title ?? consultation.title,
    threshold,
    questions: areas.map((q) => ({ key: q.key, text: q.text })),
    question,
  };
}
