import type { Db } from '#db/connection';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';
import { effectiveStatus } from '~/consultations/status';
import type { Locale } from '~/platform/i18n/config';
import { whereCounted } from '~/responses/counted.server';
import { protectConsultation, type ConsultationCounts, type ProtectedConsultation } from './heard-figures';
import { listShownQuotes, type ShownQuote } from '~/publishing/quotes/queries.server';

// Everything heard about some of the council's priorities (one priority, or a theme's priorities
// together), across every consultation linked to them, in date order: how many took part, and
// how often the coded free-text answers raised the consultation's themes linked to them.
// A coded answer mentions a theme when any coder gave it that theme.

/** The raw counts, before disclosure control: for the page through heardAbout, and for tests. */
export async function countHeardAbout(db: Db, priorityIds: readonly number[], now = new Date()): Promise<ConsultationCounts[]> {
  if (priorityIds.length === 0) return [];
  const ids = [...priorityIds];
  const consultations = await db
    .selectFrom('consultations')
    .select(['id', 'title', 'status', 'opens_at', 'closes_at', 'created_at'])
    .where('status', '!=', 'draft')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('consultation_priorities')
          .select('consultation_priorities.consultation_id')
          .whereRef('consultation_priorities.consultation_id', '=', 'consultations.id')
          .where('consultation_priorities.priority_id', 'in', ids),
      ),
    )
    .execute();
  if (consultations.length === 0) return [];
  const consultationIds = consultations.map((c) => c.id);

  const [responses, coded, themes] = await Promise.all([
    whereCounted(db.selectFrom('responses').where('responses.consultation_id', 'in', consultationIds))
      .select((eb) => ['responses.consultation_id', eb.fn.countAll<number>().as('n')])
      .groupBy('responses.consultation_id')
      .execute(),
    whereCounted(db.selectFrom('codings').innerJoin('answers', 'answers.id', 'codings.answer_id').innerJoin('responses', 'responses.id', 'answers.response_id'))
      .where('codings.consultation_id', 'in', consultationIds)
      .select((eb) => ['codings.consultation_id', eb.fn.count<number>('codings.answer_id').distinct().as('n')])
      .groupBy('codings.consultation_id')
      .execute(),
    db
      .selectFrom('codebook_themes')
      .select(['id', 'consultation_id', 'name', 'priority_id', 'position'])
      .where('consultation_id', 'in', consultationIds)
      .where('priority_id', 'in', ids)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  const mentions =
    themes.length === 0
      ? []
      : await whereCounted(
          db
            .selectFrom('coding_themes')
            .innerJoin('answers', 'answers.id', 'coding_themes.answer_id')
            .innerJoin('responses', 'responses.id', 'answers.response_id'),
        )
          .where(
            'coding_themes.theme_id',
            'in',
            themes.map((t) => t.id),
          )
          .select((eb) => ['coding_themes.theme_id', eb.fn.count<number>('coding_themes.answer_id').distinct().as('n')])
          .groupBy('coding_themes.theme_id')
          .execute();

  const countOf = <K extends string>(rows: ({ n: number | string | bigint } & Record<K, number>)[], key: K, id: number) =>
    Number(rows.find((r) => r[key] === id)?.n ?? 0);
  const date = (c: (typeof consultations)[number]) => c.opens_at ?? c.created_at;
  return consultations
    .sort((a, b) => date(a).localeCompare(date(b)) || a.id - b.id)
    .map((c) => ({
      id: c.id,
      title: c.title,
      status: effectiveStatus(c, now),
      opensAt: c.opens_at,
      closesAt: c.closes_at,
      responses: countOf(responses, 'consultation_id', c.id),
      codedAnswers: countOf(coded, 'consultation_id', c.id),
      themes: themes
        .filter((t) => t.consultation_id === c.id)
        .map((t) => ({ id: t.id, name: t.name, priorityId: t.priority_id ?? 0, mentions: countOf(mentions, 'theme_id', t.id) })),
    }));
}

export interface HeardAbout {
  consultations: ProtectedConsultation[];
  quotes: ShownQuote[];
}

/** The protected figures and the quotes about some priorities, in the reader's language. */
export async function heardAbout(db: Db, priorityIds: readonly number[], locale: Locale, threshold: number, now = new Date()): Promise<HeardAbout> {
  const [counts, quotes] = await Promise.all([countHeardAbout(db, priorityIds, now), listShownQuotes(db, { priorityIds }, locale)]);
  const tr = await loadTranslations(db, locale, [{ type: 'consultation', ids: counts.map((c) => c.id) }]);
  return {
    consultations: counts.map((c) => protectConsultation({ ...c, title: translated(tr, 'consultation', c.id, 'title', c.title) }, threshold)),
    quotes,
  };
}
