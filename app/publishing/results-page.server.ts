import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import type { QuestionResult } from '~/analysis/results-model';
import { loadPublicFigures } from '~/analysis/public-figures.server';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';
import { env } from '~/platform/env.server';
import type { Locale } from '~/platform/i18n/config';
import { tFor } from '~/platform/i18n/i18n.server';
import { creditText } from '~/publishing/quotes/credit';
import { listShownQuotes } from '~/publishing/quotes/queries.server';
import { listActions, type ActionView } from './actions.server';
import { loadParticipation, type Participation } from './participation.server';

// The public "We asked, you said, we did" page as one plain model: what was asked (in the
// reader's language), who took part, the headline figures and themes (the protected results
// model: overall only, no breakdown, no filters), the quotes picked for each theme with their
// credit in words, and the officers' actions with their history.

export interface PublicQuote {
  id: number;
  text: string;
  credit: string;
  question: string;
}

export interface ThemeResult {
  result: QuestionResult;
  /** Quotes picked for each codebook theme, by the theme's key. */
  quotes: Record<string, PublicQuote[]>;
}

export interface PublicResults {
  consultation: {
    slug: string;
    title: string;
    summary: string;
    whyAsking: string;
    opensAt: string | null;
    closesAt: string | null;
    publishedAt: string | null;
    /** The officer's opening words, in the reader's language where translated. */
    resultsSummary: string;
  };
  asked: { title: string; questions: string[] }[];
  participation: Participation;
  threshold: number;
  /** Closed questions, overall figures only. */
  figures: QuestionResult[];
  /** Statements only young people were asked. */
  youthFigures: QuestionResult[];
  themes: ThemeResult[];
  /** Quotes picked for a priority rather than a theme. */
  otherQuotes: PublicQuote[];
  /** Whether the page of results by area committee and ward has figures. */
  hasAreas: boolean;
  actions: ActionView[];
}

/** Themes catch-alls ("other", "no theme fits") that belong at the end of the list whatever their size. */
const LAST: ReadonlySet<string> = new Set(['other', 'none', 'no_theme']);

/**
 * The themes largest first (ties by name), hidden counts after the shown ones (by name, since
 * their size is not for telling), and the catch-alls last.
 */
export function sortedThemes(result: QuestionResult): QuestionResult {
  const size = (cell: QuestionResult['rows'][number]['cells'][number] | undefined) => (!cell || cell.suppressed ? -1 : cell.count);
  const rank = (key: string) => (LAST.has(key) ? 1 : 0);
  const rows = [...result.rows].sort((a, b) => rank(a.key) - rank(b.key) || size(b.cells[0]) - size(a.cells[0]) || a.label.localeCompare(b.label));
  return { ...result, rows };
}

export async function loadPublicResults(db: Db, consultation: Consultation, locale: Locale, threshold = env().DISCLOSURE_THRESHOLD): Promise<PublicResults> {
  const [def, published, participation, quotes, actions, codebook, own] = await Promise.all([
    loadConsultationDefinition(db, consultation, locale),
    // Everyone's figures, protected together with the public figures by ward and area committee.
    loadPublicFigures(db, consultation, locale, threshold),
    loadParticipation(db, consultation.id, locale, threshold),
    listShownQuotes(db, { consultationId: consultation.id }, locale),
    listActions(db, consultation.id, locale),
    db.selectFrom('codebook_themes').select(['id', 'key']).where('consultation_id', '=', consultation.id).execute(),
    loadTranslations(db, locale, [{ type: 'consultation', ids: [consultation.id] }]),
  ]);
  const model = published.model;
  const quotesT = tFor(locale, 'quotes');
  const shown = quotes.map((q) => ({
    themeId: q.theme?.id ?? null,
    quote: { id: q.id, text: q.text, credit: creditText(q.credit, (key, options) => quotesT(key, options ?? {})), question: q.questionText },
  }));
  const keyOf = new Map(codebook.map((t) => [t.id, t.key]));
  const themes = (model?.themes ?? []).map((result) => {
    const byKey: Record<string, PublicQuote[]> = {};
    for (const { themeId, quote } of shown) {
      const key = themeId === null ? undefined : keyOf.get(themeId);
      if (key && result.rows.some((r) => r.key === key) && quote.question === result.text) (byKey[key] ??= []).push(quote);
    }
    return { result: sortedThemes(result), quotes: byKey };
  });
  const placed = new Set(
    themes.flatMap((t) =>
      Object.values(t.quotes)
        .flat()
        .map((q) => q.id),
    ),
  );
  return {
    consultation: {
      slug: def.slug,
      title: def.title,
      summary: def.summary,
      whyAsking: def.whyAsking,
      opensAt: def.opensAt,
      closesAt: def.closesAt,
      publishedAt: consultation.results_published_at,
      resultsSummary: translated(own, 'consultation', consultation.id, 'results_summary', consultation.results_summary),
    },
    asked: def.sections.map((s) => ({ title: s.title, questions: s.questions.map((q) => q.text) })),
    participation,
    threshold,
    figures: model?.questions ?? [],
    youthFigures: model?.youth ?? [],
    themes,
    otherQuotes: shown.filter((s) => !placed.has(s.quote.id)).map((s) => s.quote),
    hasAreas: published.areas.length > 0,
    actions,
  };
}
