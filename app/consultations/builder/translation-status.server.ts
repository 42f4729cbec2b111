import type { Db } from '#db/connection';
import { TRANSLATABLE, type TranslatableEntity } from '#db/schema';
import { STANDARD_OPTIONS } from '~/consultations/question-kinds';

export interface MissingTranslation {
  entityType: TranslatableEntity;
  entityId: number;
  field: string;
  /** The English text that needs translating. */
  english: string;
}

type ContentEntity = Exclude<TranslatableEntity, 'theme' | 'priority'>;

interface Text {
  entityType: ContentEntity;
  entityId: number;
  field: string;
  english: string;
}

/**
 * Every non-empty text of a consultation that residents or young people are shown, in the order
 * they meet it. Hidden questions and options are no longer asked, so they need no translation.
 * Youth items are listed after the main form's questions.
 */
export async function consultationTexts(db: Db, consultationId: number): Promise<Text[]> {
  const consultation = await db
    .selectFrom('consultations')
    .select(['id', 'title', 'summary', 'why_asking', 'what_happens_next', 'results_summary'])
    .where('id', '=', consultationId)
    .executeTakeFirst();
  if (!consultation) return [];
  const sections = await db
    .selectFrom('sections')
    .select(['id', 'title', 'intro'])
    .where('consultation_id', '=', consultationId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const questions = await db
    .selectFrom('questions as q')
    .innerJoin('sections as s', 's.id', 'q.section_id')
    .select(['q.id', 'q.kind', 'q.text', 'q.hint'])
    .where('q.consultation_id', '=', consultationId)
    .where('q.hidden', '=', 0)
    .orderBy('s.position')
    .orderBy('q.position')
    .orderBy('q.id')
    .execute();
  const questionIds = questions.map((q) => q.id);
  const options = questionIds.length
    ? await db
        .selectFrom('options')
        .select(['id', 'question_id', 'label'])
        .where('question_id', 'in', questionIds)
        .where('hidden', '=', 0)
        .orderBy('position')
        .orderBy('id')
        .execute()
    : [];
  const items = questionIds.length
    ? await db
        .selectFrom('youth_items')
        .select(['id', 'text', 'hint', 'exit_text'])
        .where('consultation_id', '=', consultationId)
        .where('question_id', 'in', questionIds)
        .orderBy('position')
        .orderBy('id')
        .execute()
    : [];
  const visibleOptionIds = new Set(options.map((o) => o.id));
  const youthOptions = items.length
    ? (
        await db
          .selectFrom('youth_options')
          .select(['id', 'label', 'option_id'])
          .where(
            'youth_item_id',
            'in',
            items.map((i) => i.id),
          )
          .orderBy('youth_item_id')
          .orderBy('position')
          .execute()
      ).filter((o) => visibleOptionIds.has(o.option_id))
    : [];

  const texts: Text[] = [];
  const add = <E extends ContentEntity>(entityType: E, row: { id: number } & Record<string, unknown>) => {
    for (const field of TRANSLATABLE[entityType]) {
      const english = row[field];
      if (typeof english === 'string' && english.trim() !== '') texts.push({ entityType, entityId: row.id, field, english });
    }
  };
  add('consultation', consultation);
  // Its privacy notice, linked from the first page (the notice's id is the consultation's).
  const notice = await db
    .selectFrom('privacy_notices')
    .select(['consultation_id as id', 'purpose', 'purpose_young', 'shared_with'])
    .where('consultation_id', '=', consultationId)
    .executeTakeFirst();
  if (notice) add('privacy_notice', notice);
  for (const s of sections) add('section', s);
  const optionsByQuestion = groupBy(options, (o) => o.question_id);
  for (const q of questions) {
    add('question', q);
    // Yes/no and agree/disagree answers are worded by the interface's own translations.
    if (STANDARD_OPTIONS[q.kind]) continue;
    for (const o of optionsByQuestion.get(q.id) ?? []) add('option', o);
  }
  for (const i of items) add('youth_item', i);
  for (const o of youthOptions) add('youth_option', o);
  // "What we did", once results are written: residents read it in their own language too.
  const actions = await db
    .selectFrom('actions')
    .select(['id', 'title', 'description'])
    .where('consultation_id', '=', consultationId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  for (const a of actions) add('action', a);
  return texts;
}

/** The texts of a consultation that have no (non-blank) translation into `locale` yet. */
export async function missingTranslations(db: Db, consultationId: number, locale: string): Promise<MissingTranslation[]> {
  const texts = await consultationTexts(db, consultationId);
  if (texts.length === 0) return [];
  const byType = groupBy(texts, (t) => t.entityType);
  const rows = await db
    .selectFrom('translations')
    .select(['entity_type', 'entity_id', 'field', 'value'])
    .where('locale', '=', locale)
    .where((eb) =>
      eb.or(
        [...byType].map(([type, list]) =>
          eb.and([
            eb('entity_type', '=', type),
            eb(
              'entity_id',
              'in',
              list.map((t) => t.entityId),
            ),
          ]),
        ),
      ),
    )
    .execute();
  const done = new Set(rows.filter((r) => r.value.trim() !== '').map((r) => `${r.entity_type}:${r.entity_id}:${r.field}`));
  return texts.filter((t) => !done.has(`${t.entityType}:${t.entityId}:${t.field}`));
}

// Map.groupBy arrives in Node 21; the app runs on Node 20.
function groupBy<T, K>(list: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of list) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
