import type { Db } from '#db/connection';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';
import type { Locale } from '~/platform/i18n/config';
import { creditFor, type Credit } from './credit';
import { CREDIT_COLUMNS, creditSourceOf, quotableAnswers } from './sources.server';

// Quotes as they are shown: only while their response is counted and its respondent's consent
// stands (filtered as they are read), with the credit worked out afresh each time.

export interface ShownQuote {
  id: number;
  consultationId: number;
  consultationTitle: string;
  questionText: string;
  text: string;
  theme: { id: number; name: string; priorityId: number | null } | null;
  priority: { id: number; name: string } | null;
  credit: Credit;
  pickedAt: string;
}

type Scope = { consultationId: number } | { priorityIds: readonly number[] };

/** Quotes of one consultation, or about some priorities (picked for them or for a codebook theme linked to them). */
export async function listShownQuotes(db: Db, scope: Scope, locale: Locale): Promise<ShownQuote[]> {
  let query = quotableAnswers(db)
    .innerJoin('quotes', 'quotes.answer_id', 'answers.id')
    .innerJoin('consultations', 'consultations.id', 'quotes.consultation_id')
    .leftJoin('codebook_themes', 'codebook_themes.id', 'quotes.theme_id')
    .leftJoin('priorities', 'priorities.id', 'quotes.priority_id');
  if ('consultationId' in scope) {
    query = query.where('quotes.consultation_id', '=', scope.consultationId);
  } else {
    if (scope.priorityIds.length === 0) return [];
    const ids = [...scope.priorityIds];
    query = query.where((eb) => eb.or([eb('quotes.priority_id', 'in', ids), eb('codebook_themes.priority_id', 'in', ids)]));
  }
  const rows = await query
    .select([
      'quotes.id',
      'quotes.consultation_id',
      'quotes.text',
      'quotes.picked_at',
      'quotes.theme_id',
      'quotes.priority_id',
      'consultations.title as consultation_title',
      'questions.id as question_id',
      'questions.text as question_text',
      'codebook_themes.name as theme_name',
      'codebook_themes.priority_id as theme_priority_id',
      'priorities.name as priority_name',
      ...CREDIT_COLUMNS,
    ])
    .orderBy('consultations.opens_at')
    .orderBy('quotes.id')
    .execute();
  const tr = await loadTranslations(db, locale, [
    { type: 'consultation', ids: rows.map((r) => r.consultation_id) },
    { type: 'question', ids: rows.map((r) => r.question_id) },
    { type: 'priority', ids: rows.flatMap((r) => (r.priority_id ? [r.priority_id] : [])) },
  ]);
  return rows.flatMap((row) => {
    const credit = creditFor(creditSourceOf(row));
    if (!credit) return [];
    return [
      {
        id: row.id,
        consultationId: row.consultation_id,
        consultationTitle: translated(tr, 'consultation', row.consultation_id, 'title', row.consultation_title),
        questionText: translated(tr, 'question', row.question_id, 'text', row.question_text),
        text: row.text,
        theme: row.theme_id && row.theme_name ? { id: row.theme_id, name: row.theme_name, priorityId: row.theme_priority_id } : null,
        priority:
          row.priority_id && row.priority_name ? { id: row.priority_id, name: translated(tr, 'priority', row.priority_id, 'name', row.priority_name) } : null,
        credit,
        pickedAt: row.picked_at,
      },
    ];
  });
}

export interface QuoteTargets {
  themes: { id: number; name: string; priorityId: number | null }[];
  priorities: { id: number; name: string; themeName: string; linked: boolean }[];
}

/** What a quote can be picked for: the consultation's codebook themes and the council's priorities. */
export async function listQuoteTargets(db: Db, consultationId: number, locale: Locale): Promise<QuoteTargets> {
  const [themes, priorities, linked] = await Promise.all([
    db
      .selectFrom('codebook_themes')
      .select(['id', 'name', 'priority_id'])
      .where('consultation_id', '=', consultationId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('priorities')
      .innerJoin('themes', 'themes.id', 'priorities.theme_id')
      .select(['priorities.id', 'priorities.name', 'themes.id as theme_id', 'themes.name as theme_name'])
      .orderBy('themes.position')
      .orderBy('priorities.position')
      .execute(),
    db.selectFrom('consultation_priorities').select('priority_id').where('consultation_id', '=', consultationId).execute(),
  ]);
  const tr = await loadTranslations(db, locale, [
    { type: 'priority', ids: priorities.map((p) => p.id) },
    { type: 'theme', ids: priorities.map((p) => p.theme_id) },
  ]);
  const linkedIds = new Set(linked.map((l) => l.priority_id));
  return {
    themes: themes.map((t) => ({ id: t.id, name: t.name, priorityId: t.priority_id })),
    priorities: priorities.map((p) => ({
      id: p.id,
      name: translated(tr, 'priority', p.id, 'name', p.name),
      themeName: translated(tr, 'theme', p.theme_id, 'name', p.theme_name),
      linked: linkedIds.has(p.id),
    })),
  };
}
