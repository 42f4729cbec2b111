import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';
import type { Locale } from '~/platform/i18n/config';
import { parseShowIf } from '../routing';
import type { YouthDef } from './youth-definition';

// Built once per consultation version and language, like the main definition.
const caches = new WeakMap<Db, Map<string, YouthDef>>();

/** The young people's version of a consultation, or null when it has none. */
export async function loadYouthDefinition(db: Db, consultation: Consultation, locale: Locale): Promise<YouthDef | null> {
  if (!consultation.youth_code) return null;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const cacheKey = `${consultation.id}:${locale}:${consultation.updated_at}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;

  const items = await db
    .selectFrom('youth_items as y')
    .innerJoin('questions as q', 'q.id', 'y.question_id')
    .innerJoin('sections as s', 's.id', 'q.section_id')
    .select([
      'y.id',
      'y.key',
      'y.kind',
      'y.text',
      'y.hint',
      'y.required',
      'y.max_selections',
      'y.max_length',
      'y.show_if',
      'y.exit_text',
      'y.question_id',
      'q.kind as question_kind',
      's.audience',
    ])
    .where('y.consultation_id', '=', consultation.id)
    // A hidden question is no longer asked, in either version.
    .where('q.hidden', '=', 0)
    .orderBy('y.position')
    .execute();
  const itemIds = items.map((i) => i.id);
  const options = itemIds.length
    ? await db
        .selectFrom('youth_options as yo')
        .innerJoin('options as o', 'o.id', 'yo.option_id')
        .selectAll('yo')
        .where('yo.youth_item_id', 'in', itemIds)
        // nor is an answer that stands for a hidden option
        .where('o.hidden', '=', 0)
        .orderBy('yo.position')
        .execute()
    : [];
  const tr = await loadTranslations(db, locale, [
    { type: 'consultation', ids: [consultation.id] },
    { type: 'youth_item', ids: itemIds },
    { type: 'youth_option', ids: options.map((o) => o.id) },
  ]);

  const def: YouthDef = {
    consultationId: consultation.id,
    slug: consultation.slug,
    code: consultation.youth_code,
    title: translated(tr, 'consultation', consultation.id, 'title', consultation.title),
    items: items.map((i) => ({
      id: i.id,
      key: i.key,
      kind: i.kind,
      text: translated(tr, 'youth_item', i.id, 'text', i.text),
      hint: translated(tr, 'youth_item', i.id, 'hint', i.hint),
      required: i.required === 1,
      maxSelections: i.max_selections,
      maxLength: i.max_length,
      questionId: i.question_id,
      questionKind: i.question_kind,
      mapped: i.audience === 'everyone',
      showIf: parseShowIf(i.show_if),
      exitText: translated(tr, 'youth_item', i.id, 'exit_text', i.exit_text),
      options: options
        .filter((o) => o.youth_item_id === i.id)
        .map((o) => ({
          key: o.key,
          label: translated(tr, 'youth_option', o.id, 'label', o.label),
          picture: o.picture,
          optionId: o.option_id,
          goesTo: o.goes_to,
        })),
    })),
  };
  if (cache.size >= 200) cache.clear();
  cache.set(cacheKey, def);
  return def;
}
