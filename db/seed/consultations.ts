import { STANDARD_OPTIONS } from '../../app/consultations/question-kinds';
import { canStandFor } from '../../app/consultations/versions/youth-compatibility';
import { checkRouting, serialiseShowIf } from '../../app/consultations/routing';
import { inTransaction, type Db, type Trx } from '../connection';
import type { ConsultationStatus, QuestionKind } from '../schema';
import { STANDARD_LABELS, type DemoConsultation, type DemoOption, type DemoQuestion, type DemoYouthVersion } from './demo-dsl';
import { demoPages, demoYouthPages } from './demo-routes';
import { climateFriendlyStockport } from './demo/climate';
import { covidImpactSurvey } from './demo/covid-impact';
import { libraryOpeningHours } from './demo/library';
import { oneStockportConversation } from './demo/one-stockport';
import { parksAndGreenSpaces } from './demo/parks';
import { TranslationBatch } from './translations';

/** The demo consultations, one in each status, written as data in ./demo. */
export const DEMO_CONSULTATIONS: readonly DemoConsultation[] = [
  oneStockportConversation,
  climateFriendlyStockport,
  covidImpactSurvey,
  parksAndGreenSpaces,
  libraryOpeningHours,
];

export function findDemoConsultation(slug: string): DemoConsultation | undefined {
  return DEMO_CONSULTATIONS.find((consultation) => consultation.slug === slug);
}

const DAY = 24 * 60 * 60 * 1000;

function startOfUtcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** Opening at 09:00 and closing at 23:59:59 UTC on days counted from today, as councils publish them. */
export function consultationDates(consultation: DemoConsultation, today: Date) {
  const day = startOfUtcDay(today);
  const opens = consultation.opensInDays === null ? null : day + consultation.opensInDays * DAY + 9 * 60 * 60 * 1000;
  const closes = consultation.closesInDays === null ? null : day + (consultation.closesInDays + 1) * DAY - 1000;
  const created = Math.min(opens ?? day, day - 12 * DAY) - 16 * DAY;
  const updatedByStatus: Record<ConsultationStatus, number> = {
    draft: day - 2 * DAY,
    open: (opens ?? day) - DAY,
    closed: (closes ?? day) + DAY,
    results_published: (closes ?? day) + 45 * DAY,
  };
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    opens_at: iso(opens),
    closes_at: iso(closes),
    created_at: new Date(created).toISOString(),
    updated_at: new Date(Math.min(updatedByStatus[consultation.status], today.getTime())).toISOString(),
  };
}

function optionsOf(question: DemoQuestion): DemoOption[] {
  if (question.kind === 'yes_no' || question.kind === 'agree_scale') {
    return (STANDARD_OPTIONS[question.kind] ?? []).map((key) => {
      const label = STANDARD_LABELS[key];
      if (!label) throw new Error(`No label for standard option ${key}`);
      return { key, label, weight: question.weights[key] ?? 0 };
    });
  }
  if ('options' in question) return question.options;
  return [];
}

function limitsOf(question: DemoQuestion) {
  return {
    max_selections: question.kind === 'multiple_choice' ? question.maxSelections : null,
    rank_count: question.kind === 'ranking' ? question.rankCount : null,
    max_length: question.kind === 'short_text' || question.kind === 'long_text' ? (question.maxLength ?? null) : null,
    rating_max: question.kind === 'rating' ? question.ratingMax : null,
  };
}

async function insertConsultation(trx: Trx, consultation: DemoConsultation, today: Date, translations: TranslationBatch) {
  // Routing the builder would refuse never reaches the demo (app/consultations/routing.ts).
  const problems = [...checkRouting(demoPages(consultation)), ...(consultation.youth ? checkRouting(demoYouthPages(consultation.youth)) : [])];
  if (problems.length > 0) throw new Error(`${consultation.slug}: routing problems ${JSON.stringify(problems)}`);
  const { id } = await trx
    .insertInto('consultations')
    .values({
      slug: consultation.slug,
      title: consultation.title.en,
      summary: consultation.summary.en,
      why_asking: consultation.whyAsking.en,
      what_happens_next: consultation.whatHappensNext.en,
      status: consultation.status,
      estimated_minutes: consultation.estimatedMinutes,
      ask_about_you: 1,
      youth_code: consultation.youth?.code ?? null,
      ...consultationDates(consultation, today),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  translations.add('consultation', id, 'title', consultation.title);
  translations.add('consultation', id, 'summary', consultation.summary);
  translations.add('consultation', id, 'why_asking', consultation.whyAsking);
  translations.add('consultation', id, 'what_happens_next', consultation.whatHappensNext);
  if (consultation.privacy) {
    const notice = consultation.privacy;
    await trx
      .insertInto('privacy_notices')
      .values({
        consultation_id: id,
        purpose: notice.purpose.en,
        purpose_young: notice.purposeYoung.en,
        shared_with: notice.sharedWith.en,
        contact: notice.contact,
        updated_at: today.toISOString(),
      })
      .execute();
    translations.add('privacy_notice', id, 'purpose', notice.purpose);
    translations.add('privacy_notice', id, 'purpose_young', notice.purposeYoung);
    translations.add('privacy_notice', id, 'shared_with', notice.sharedWith);
  }

  if (consultation.priorities.length > 0) {
    const priorities = await trx.selectFrom('priorities').select(['id', 'key']).where('key', 'in', consultation.priorities).execute();
    const missing = consultation.priorities.filter((key) => !priorities.some((p) => p.key === key));
    if (missing.length > 0) throw new Error(`Seed the framework first: missing priorities ${missing.join(', ')}`);
    await trx
      .insertInto('consultation_priorities')
      .values(priorities.map((priority) => ({ consultation_id: id, priority_id: priority.id })))
      .execute();
  }

  const stored = new Map<string, StoredQuestion>();
  let questionPosition = 0;
  for (const [sectionIndex, section] of consultation.sections.entries()) {
    const sectionRow = await trx
      .insertInto('sections')
      .values({
        consultation_id: id,
        key: section.key,
        position: sectionIndex + 1,
        title: section.title.en,
        intro: section.intro?.en ?? '',
        audience: section.audience ?? 'everyone',
        show_if: serialiseShowIf(section.showIf ?? null),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    translations.add('section', sectionRow.id, 'title', section.title);
    translations.add('section', sectionRow.id, 'intro', section.intro);
    const gridIds = new Map<string, number>();
    for (const grid of section.grids ?? []) {
      const gridRow = await trx
        .insertInto('grids')
        .values({ consultation_id: id, section_id: sectionRow.id, key: grid.key, text: grid.text.en, hint: grid.hint?.en ?? '' })
        .returning('id')
        .executeTakeFirstOrThrow();
      translations.add('grid', gridRow.id, 'text', grid.text);
      translations.add('grid', gridRow.id, 'hint', grid.hint);
      gridIds.set(grid.key, gridRow.id);
    }

    for (const question of section.questions) {
      // Positions run through the whole consultation so ordering by position alone is stable.
      questionPosition++;
      const questionRow = await trx
        .insertInto('questions')
        .values({
          consultation_id: id,
          section_id: sectionRow.id,
          key: question.key,
          position: questionPosition,
          kind: question.kind,
          text: question.text.en,
          hint: question.hint?.en ?? '',
          required: question.required ? 1 : 0,
          ...limitsOf(question),
          show_if: serialiseShowIf(question.showIf ?? null),
          exit_text: question.exitText?.en ?? '',
          grid_id: question.grid === undefined ? null : gridIdOf(gridIds, section.key, question.grid),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      translations.add('question', questionRow.id, 'text', question.text);
      translations.add('question', questionRow.id, 'hint', question.hint);
      translations.add('question', questionRow.id, 'exit_text', question.exitText);
      const storedQuestion: StoredQuestion = { id: questionRow.id, kind: question.kind, options: new Map() };
      stored.set(question.key, storedQuestion);

      for (const [optionIndex, option] of optionsOf(question).entries()) {
        const optionRow = await trx
          .insertInto('options')
          .values({
            question_id: questionRow.id,
            key: option.key,
            position: optionIndex + 1,
            label: option.label.en,
            is_other: option.isOther ? 1 : 0,
            goes_to: question.goesTo?.[option.key] ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        translations.add('option', optionRow.id, 'label', option.label);
        storedQuestion.options.set(option.key, optionRow.id);
      }
    }
  }
  if (consultation.youth) await insertYouthVersion(trx, id, consultation.youth, stored, translations);
  return id;
}

function gridIdOf(grids: ReadonlyMap<string, number>, section: string, key: string): number {
  const id = grids.get(key);
  if (id === undefined) throw new Error(`Section ${section} has no grid ${key}`);
  return id;
}

interface StoredQuestion {
  id: number;
  kind: QuestionKind;
  /** Option ids by key. */
  options: Map<string, number>;
}

/**
 * The young people's version: its items in order, each stored against a question of the
 * consultation, and each youth option against an option of that question. Content that would
 * store an answer where it does not belong fails here, before any response is generated.
 */
async function insertYouthVersion(
  trx: Trx,
  consultationId: number,
  youth: DemoYouthVersion,
  questions: Map<string, StoredQuestion>,
  translations: TranslationBatch,
) {
  for (const [itemIndex, item] of youth.items.entries()) {
    const question = questions.get(item.question);
    if (!question) throw new Error(`Youth item ${item.key}: no question ${item.question}`);
    if (!canStandFor(item.kind, question.kind)) {
      throw new Error(`Youth item ${item.key}: a ${item.kind} cannot stand for the ${question.kind} question ${item.question}`);
    }
    const itemRow = await trx
      .insertInto('youth_items')
      .values({
        consultation_id: consultationId,
        question_id: question.id,
        key: item.key,
        position: itemIndex + 1,
        kind: item.kind,
        text: item.text.en,
        hint: item.hint?.en ?? '',
        required: item.required ? 1 : 0,
        max_selections: item.kind === 'multiple_choice' ? item.maxSelections : null,
        max_length: item.kind === 'short_text' || item.kind === 'long_text' ? (item.maxLength ?? null) : null,
        show_if: serialiseShowIf(item.showIf ?? null),
        exit_text: item.exitText?.en ?? '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    translations.add('youth_item', itemRow.id, 'text', item.text);
    translations.add('youth_item', itemRow.id, 'hint', item.hint);
    translations.add('youth_item', itemRow.id, 'exit_text', item.exitText);

    if (!('options' in item)) continue;
    for (const [optionIndex, option] of item.options.entries()) {
      const optionId = question.options.get(option.maps);
      if (optionId === undefined) throw new Error(`Youth option ${item.key}/${option.key}: ${item.question} has no option ${option.maps}`);
      const optionRow = await trx
        .insertInto('youth_options')
        .values({
          youth_item_id: itemRow.id,
          key: option.key,
          position: optionIndex + 1,
          label: option.label.en,
          option_id: optionId,
          picture: option.picture ?? null,
          goes_to: item.goesTo?.[option.key] ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      translations.add('youth_option', optionRow.id, 'label', option.label);
    }
  }
}

/**
 * Inserts the demo consultations that are not there yet (matched by slug), with their sections,
 * questions, options, linked priorities, young people's versions and Polish and Urdu translations. Dates are relative to
 * `today`. Needs the framework (seedFramework) first. Returns the ids of those inserted, by slug.
 */
export async function seedConsultations(db: Db, today: Date): Promise<Record<string, number>> {
  return inTransaction(db, async (trx) => {
    const existing = new Set((await trx.selectFrom('consultations').select('slug').execute()).map((row) => row.slug));
    const translations = new TranslationBatch();
    const inserted: Record<string, number> = {};
    for (const consultation of DEMO_CONSULTATIONS) {
      if (existing.has(consultation.slug)) continue;
      inserted[consultation.slug] = await insertConsultation(trx, consultation, today, translations);
    }
    await translations.write(trx);
    return inserted;
  });
}
