import type { Db } from '../db/connection';
import type { ConsultationStatus, QuestionKind } from '../db/schema';
import { STANDARD_OPTIONS } from '../app/consultations/question-kinds';

export interface QuestionSpec {
  key: string;
  kind: QuestionKind;
  text?: string;
  required?: boolean;
  options?: string[];
  otherOption?: string;
  maxSelections?: number;
  rankCount?: number;
  maxLength?: number;
  ratingMax?: number;
}

export interface ConsultationSpec {
  slug?: string;
  status?: ConsultationStatus;
  opensAt?: string | null;
  closesAt?: string | null;
  askAboutYou?: boolean;
  sections?: { key: string; title?: string; questions: QuestionSpec[] }[];
  translations?: { locale: string; title: string };
}

const day = 24 * 60 * 60 * 1000;

/** A consultation with real rows, built the way an officer would: for tests that need their own content. */
export async function createConsultation(db: Db, spec: ConsultationSpec = {}): Promise<number> {
  const now = new Date();
  const { id } = await db
    .insertInto('consultations')
    .values({
      slug: spec.slug ?? `test-${Math.random().toString(36).slice(2, 10)}`,
      title: 'Test consultation',
      summary: 'A consultation made by a test.',
      why_asking: 'Because a test asked.',
      what_happens_next: 'The test checks the answers.',
      status: spec.status ?? 'open',
      opens_at: spec.opensAt === undefined ? new Date(now.getTime() - 10 * day).toISOString() : spec.opensAt,
      closes_at: spec.closesAt === undefined ? new Date(now.getTime() + 10 * day).toISOString() : spec.closesAt,
      ask_about_you: spec.askAboutYou === false ? 0 : 1,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (spec.translations) {
    await db
      .insertInto('translations')
      .values({ entity_type: 'consultation', entity_id: id, field: 'title', locale: spec.translations.locale, value: spec.translations.title })
      .execute();
  }
  let questionPosition = 0;
  for (const [s, section] of (spec.sections ?? []).entries()) {
    const { id: sectionId } = await db
      .insertInto('sections')
      .values({ consultation_id: id, key: section.key, position: s + 1, title: section.title ?? `Section ${s + 1}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const q of section.questions) {
      const { id: questionId } = await db
        .insertInto('questions')
        .values({
          consultation_id: id,
          section_id: sectionId,
          key: q.key,
          position: ++questionPosition,
          kind: q.kind,
          text: q.text ?? `Question ${q.key}?`,
          required: q.required ? 1 : 0,
          max_selections: q.maxSelections ?? null,
          rank_count: q.rankCount ?? null,
          max_length: q.maxLength ?? null,
          rating_max: q.ratingMax ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const keys = [...(STANDARD_OPTIONS[q.kind] ?? q.options ?? [])];
      const rows = keys.map((key, i) => ({ question_id: questionId, key, position: i + 1, label: `Label ${key}`, is_other: 0 as 0 | 1 }));
      if (q.otherOption) rows.push({ question_id: questionId, key: q.otherOption, position: rows.length + 1, label: 'Other', is_other: 1 });
      if (rows.length) await db.insertInto('options').values(rows).execute();
    }
  }
  return id;
}
