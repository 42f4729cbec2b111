import type { TFunction } from 'i18next';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { STANDARD_OPTIONS } from '~/consultations/question-kinds';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';
import { LANGUAGES, type Locale } from '~/platform/i18n/config';
import { tFor } from '~/platform/i18n/i18n.server';
import { listWards } from '~/framework/places/wards.server';
import { PREFER_NOT, WARD_UNKNOWN } from '~/responses/demographics';
import type { QuestionLabel } from './results';

// The words around the figures, in the reader's language: every question and option the
// index counts (hidden ones and the young people's own statements included, unlike the survey's
// definition, which holds only what is still asked of everyone), and the names of the groups.

const caches = new WeakMap<Db, Map<string, QuestionLabel[]>>();

/** Every question of a consultation with its option labels, in the order of the form. */
export async function loadQuestionLabels(db: Db, consultation: Consultation, locale: Locale): Promise<QuestionLabel[]> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const cacheKey = `${consultation.id}:${locale}:${consultation.updated_at}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;

  const questions = await db
    .selectFrom('questions')
    .innerJoin('sections', 'sections.id', 'questions.section_id')
    .select(['questions.id', 'questions.key', 'questions.kind', 'questions.text', 'questions.hidden', 'sections.audience'])
    .where('questions.consultation_id', '=', consultation.id)
    .orderBy('sections.position')
    .orderBy('questions.position')
    .orderBy('questions.id')
    .execute();
  const options = questions.length
    ? await db
        .selectFrom('options')
        .select(['id', 'question_id', 'key', 'label'])
        .where(
          'question_id',
          'in',
          questions.map((q) => q.id),
        )
        .execute()
    : [];
  const tr = await loadTranslations(db, locale, [
    { type: 'question', ids: questions.map((q) => q.id) },
    { type: 'option', ids: options.map((o) => o.id) },
  ]);
  const survey = tFor(locale, 'survey');
  const labels = questions.map((q): QuestionLabel => {
    const standard = STANDARD_OPTIONS[q.kind] !== undefined;
    const own = options.filter((o) => o.question_id === q.id);
    return {
      id: q.id,
      key: q.key,
      kind: q.kind,
      text: translated(tr, 'question', q.id, 'text', q.text),
      hidden: q.hidden === 1,
      youthOnly: q.audience === 'young_people',
      // Yes/no and agree/disagree options are worded by the interface, as on the form.
      options: new Map(own.map((o) => [o.id, standard ? survey(`${q.kind}.${o.key}`) : translated(tr, 'option', o.id, 'label', o.label)])),
    };
  });
  if (cache.size >= 200) cache.clear();
  cache.set(cacheKey, labels);
  return labels;
}

/** Names of the groups of every dimension, from the wording residents answered in. */
export async function groupLabeller(db: Db, locale: Locale) {
  const wards = new Map((await listWards(db)).map((w) => [w.code, w.name]));
  const about = tFor(locale, 'about');
  const moderation = tFor(locale, 'moderation');
  const analysis = tFor(locale, 'analysis');
  const word = (t: TFunction, key: string, value: string) => t(key, { defaultValue: value });
  return (dimension: string, value: string | null): string => {
    if (value === null) return analysis('notStated');
    if (value === PREFER_NOT) return about('preferNot');
    switch (dimension) {
      case 'ageBand':
        return word(about, `age_band.${value}`, value);
      case 'sex':
        return word(about, `sex.${value}`, value);
      case 'ethnicity':
        return word(about, `ethnicity.${value}`, value);
      case 'ethnicGroup':
        return word(about, `ethnicity.groups.${value}`, value);
      case 'disability':
        return word(about, `disability.${value}`, value);
      case 'carer':
        return word(about, `carer.${value}`, value);
      case 'ward':
        return value === WARD_UNKNOWN ? about('ward.unknown') : (wards.get(value) ?? value);
      case 'respondentGroup':
        return word(moderation, `group.${value}`, value);
      case 'channel':
        return word(moderation, `channel.${value}`, value);
      case 'locale':
        return LANGUAGES.find((l) => l.code === value)?.name ?? value;
      default:
        // Area committees are named in the wards table, as the council names them.
        return value;
    }
  };
}
