import type { Db } from '#db/connection';
import type { Audience, Consultation } from '#db/schema';
import type { Locale } from '~/platform/i18n/config';
import { frameworkRevision, listPrioritiesOf } from '~/framework/queries.server';
import type { ConsultationDef, GridDef, QuestionDef, SectionDef } from './definition';
import { parseShowIf } from './routing';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';

// Definitions change only when an officer edits a consultation (which moves updated_at), so a
// definition is built once per language and version and then shared by every request.
const caches = new WeakMap<Db, Map<string, ConsultationDef>>();
const MAX_CACHED = 200;

/**
 * The consultation's form: the sections everyone is asked, or (`young_people`) the sections only
 * the young people's version asks, which an import of paper youth forms records too.
 */
export async function loadConsultationDefinition(
  db: Db,
  consultation: Consultation,
  locale: Locale,
  audience: Audience = 'everyone',
): Promise<ConsultationDef> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const cacheKey = `${consultation.id}:${locale}:${consultation.updated_at}:${frameworkRevision(db)}:${audience}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;

  const [sections, questions, priorities] = await Promise.all([
    // Sections only the young people's version asks are not part of the main form.
    db.selectFrom('sections').selectAll().where('consultation_id', '=', consultation.id).where('audience', '=', audience).orderBy('position').execute(),
    db
      .selectFrom('questions')
      .innerJoin('sections', 'sections.id', 'questions.section_id')
      .selectAll('questions')
      .where('questions.consultation_id', '=', consultation.id)
      .where('sections.audience', '=', audience)
      // Hidden questions keep their stored answers but are no longer asked.
      .where('questions.hidden', '=', 0)
      .orderBy('questions.position')
      .execute(),
    listPrioritiesOf(db, consultation.id, locale),
  ]);
  const questionIds = questions.map((q) => q.id);
  const options = questionIds.length
    ? await db.selectFrom('options').selectAll().where('question_id', 'in', questionIds).where('hidden', '=', 0).orderBy('position').execute()
    : [];
  const gridIds = [...new Set(questions.flatMap((q) => (q.grid_id === null ? [] : [q.grid_id])))];
  const grids = gridIds.length ? await db.selectFrom('grids').selectAll().where('id', 'in', gridIds).execute() : [];
  const tr = await loadTranslations(db, locale, [
    { type: 'grid', ids: gridIds },
    { type: 'consultation', ids: [consultation.id] },
    { type: 'section', ids: sections.map((s) => s.id) },
    { type: 'question', ids: questionIds },
    { type: 'option', ids: options.map((o) => o.id) },
  ]);

  const gridDefs = new Map<number, GridDef>(
    grids.map((g) => [g.id, { id: g.id, key: g.key, text: translated(tr, 'grid', g.id, 'text', g.text), hint: translated(tr, 'grid', g.id, 'hint', g.hint) }]),
  );
  const questionDefs = new Map<number, QuestionDef[]>();
  for (const q of questions) {
    const def: QuestionDef = {
      id: q.id,
      key: q.key,
      kind: q.kind,
      text: translated(tr, 'question', q.id, 'text', q.text),
      hint: translated(tr, 'question', q.id, 'hint', q.hint),
      required: q.required === 1,
      maxSelections: q.max_selections,
      rankCount: q.rank_count,
      maxLength: q.max_length,
      ratingMax: q.rating_max,
      options: options
        .filter((o) => o.question_id === q.id)
        .map((o) => ({
          id: o.id,
          key: o.key,
          label: translated(tr, 'option', o.id, 'label', o.label),
          isOther: o.is_other === 1,
          goesTo: o.goes_to,
        })),
      showIf: parseShowIf(q.show_if),
      exitText: translated(tr, 'question', q.id, 'exit_text', q.exit_text),
      grid: q.grid_id === null ? null : (gridDefs.get(q.grid_id) ?? null),
    };
    questionDefs.set(q.section_id, [...(questionDefs.get(q.section_id) ?? []), def]);
  }
  const sectionDefs: SectionDef[] = sections.map((s) => ({
    id: s.id,
    key: s.key,
    title: translated(tr, 'section', s.id, 'title', s.title),
    intro: translated(tr, 'section', s.id, 'intro', s.intro),
    questions: questionDefs.get(s.id) ?? [],
    showIf: parseShowIf(s.show_if),
  }));

  const c = consultation;
  const definition: ConsultationDef = {
    id: c.id,
    slug: c.slug,
    title: translated(tr, 'consultation', c.id, 'title', c.title),
    summary: translated(tr, 'consultation', c.id, 'summary', c.summary),
    whyAsking: translated(tr, 'consultation', c.id, 'why_asking', c.why_asking),
    whatHappensNext: translated(tr, 'consultation', c.id, 'what_happens_next', c.what_happens_next),
    status: c.status,
    opensAt: c.opens_at,
    closesAt: c.closes_at,
    estimatedMinutes: c.estimated_minutes,
    askAboutYou: c.ask_about_you === 1,
    updatedAt: c.updated_at,
    youthCode: c.youth_code,
    priorities,
    sections: sectionDefs,
  };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(cacheKey, definition);
  return definition;
}
