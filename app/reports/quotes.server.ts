import type { Db } from '#db/connection';
import type { ConsultationIndex } from '~/analysis/indexes.server';
import { responseFilter, type Filter } from '~/analysis/summarise';
import type { Locale } from '~/platform/i18n/config';
import { tFor } from '~/platform/i18n/i18n.server';
import { creditText } from '~/publishing/quotes/credit';
import { listShownQuotes } from '~/publishing/quotes/queries.server';
import { creditLine } from './document';

// The quotes a report gives for each theme: those officers picked for the theme, shown as the
// quotes pages show them (consent and credit rules applied), and only from responses inside the
// report's filters, tested with the index's own filter so they match the figures' people.

export interface ReportQuote {
  text: string;
  credit: string;
}

/** Quotes per codebook theme key, in the order they were picked. */
export async function quotesByTheme(
  db: Db,
  consultationId: number,
  locale: Locale,
  index: ConsultationIndex,
  filter: Filter,
): Promise<Map<string, ReportQuote[]>> {
  const [quotes, sources, themes] = await Promise.all([
    listShownQuotes(db, { consultationId }, locale),
    db
      .selectFrom('quotes')
      .innerJoin('answers', 'answers.id', 'quotes.answer_id')
      .select(['quotes.id', 'answers.response_id'])
      .where('quotes.consultation_id', '=', consultationId)
      .execute(),
    db.selectFrom('codebook_themes').select(['id', 'key']).where('consultation_id', '=', consultationId).execute(),
  ]);
  const responseOf = new Map(sources.map((s) => [s.id, s.response_id]));
  const keyOf = new Map(themes.map((t) => [t.id, t.key]));
  const inSelection = responseFilter(index, filter);
  const t = tFor(locale, 'quotes');
  const byTheme = new Map<string, ReportQuote[]>();
  for (const quote of quotes) {
    const key = quote.theme ? keyOf.get(quote.theme.id) : undefined;
    if (!key || !inSelection(responseOf.get(quote.id) ?? -1)) continue;
    byTheme.set(key, [...(byTheme.get(key) ?? []), { text: quote.text, credit: creditLine(creditText(quote.credit, t), locale) }]);
  }
  return byTheme;
}
