import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { loadResults } from '~/analysis/results.server';
import type { ResultsModel } from '~/analysis/results-model';
import { listCodebook } from '~/coding/codebook.server';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';
import type { Locale } from '~/platform/i18n/config';
import { tFor } from '~/platform/i18n/i18n.server';
import { creditText } from '~/publishing/quotes/credit';
import { listShownQuotes } from '~/publishing/quotes/queries.server';
import { CONTENT_TYPES, writeTable, type ExportFormat, type TableWriter } from './files.server';
import type { ExportOutcome } from './summary.server';
import { THEMES_COLUMNS, themesRows, type ChosenQuote, type CodebookEntry, type ThemesRow } from './themes';

// The themes export for one request: the codebook, the coded figures of the same protected
// model as the results page (same query parameters: filters, breakdown) and the chosen quotes.
// Quotes are the officers' choice for the whole consultation, so a filter does not change them.

type Theme = CodebookEntry & { id: number };

/** The codebook with each theme's linked priority by name, in the reader's language. */
async function loadCodebook(db: Db, consultationId: number, locale: Locale): Promise<Theme[]> {
  const themes = await listCodebook(db, consultationId);
  const tr = await loadTranslations(db, locale, [{ type: 'priority', ids: themes.flatMap((t) => (t.priorityId ? [t.priorityId] : [])) }]);
  return themes.map((t) => ({
    id: t.id,
    key: t.key,
    name: t.name,
    description: t.description,
    priority: t.priorityId && t.priorityName ? translated(tr, 'priority', t.priorityId, 'name', t.priorityName) : null,
  }));
}

/** The quotes shown for the consultation (consent still stands), with their credit in words. */
async function loadChosenQuotes(db: Db, consultationId: number, locale: Locale, codebook: readonly Theme[]): Promise<ChosenQuote[]> {
  const [quotes, keys] = await Promise.all([
    listShownQuotes(db, { consultationId }, locale),
    db
      .selectFrom('quotes')
      .innerJoin('answers', 'answers.id', 'quotes.answer_id')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .select(['quotes.id', 'questions.key'])
      .where('quotes.consultation_id', '=', consultationId)
      .execute(),
  ]);
  const themeById = new Map(codebook.map((t) => [t.id, t]));
  const questionKey = new Map(keys.map((k) => [k.id, k.key]));
  const t = tFor(locale, 'quotes');
  return quotes.map((q) => {
    const theme = q.theme ? themeById.get(q.theme.id) : undefined;
    return {
      questionKey: questionKey.get(q.id) ?? null,
      question: q.questionText,
      themeKey: theme?.key ?? null,
      theme: theme?.name ?? null,
      priority: q.priority?.name ?? theme?.priority ?? null,
      text: q.text,
      credit: creditText(q.credit, (key, options) => t(key, options ?? {})),
    };
  });
}

/** Every line of the themes export for a model already made (the open-data files use it too). */
export async function themesRowsFor(db: Db, model: ResultsModel, locale: Locale): Promise<ThemesRow[]> {
  const codebook = await loadCodebook(db, model.consultation.id, locale);
  return themesRows(model, codebook, await loadChosenQuotes(db, model.consultation.id, locale, codebook));
}

export async function themesExport(
  db: Db,
  consultation: Consultation,
  locale: Locale,
  params: URLSearchParams,
  format: ExportFormat,
  threshold: number,
  write: TableWriter = writeTable,
): Promise<ExportOutcome> {
  const outcome = await loadResults(db, consultation, locale, params, threshold);
  if (!outcome.ok) return { ok: false, errors: outcome.errors };
  const rows = await themesRowsFor(db, outcome.model, locale);
  const by = outcome.model.breakdown ? `-by-${outcome.model.breakdown.dimension}` : '';
  const filtered = outcome.model.filter.length > 0 ? '-filtered' : '';
  return {
    ok: true,
    body: await write({ columns: THEMES_COLUMNS, rows, sheet: 'themes' }, format),
    contentType: CONTENT_TYPES[format],
    filename: `${consultation.slug}-themes${by}${filtered}.${format}`,
    rows: rows.length,
  };
}
