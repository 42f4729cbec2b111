import type { Database as SqliteDatabase } from 'better-sqlite3';

// A consultation's questions as the resident form asks them (not the young people's own),
// read with plain SQL (no app code), for the bare
// baseline server and for building the submission body. Kept free of Kysely on purpose.

export type Kind = 'single_choice' | 'multiple_choice' | 'yes_no' | 'agree_scale' | 'rating' | 'ranking' | 'short_text' | 'long_text';

export interface ShapeOption {
  id: number;
  key: string;
  isOther: boolean;
  /** Routing (issue 17): a later section's key or 'exit'. */
  goesTo: string | null;
}

export interface ShapeQuestion {
  id: number;
  key: string;
  sectionKey: string;
  /** The question's own show-if rule, as stored (JSON). */
  showIf: string | null;
  kind: Kind;
  required: boolean;
  maxSelections: number | null;
  rankCount: number | null;
  maxLength: number | null;
  ratingMax: number | null;
  /** In display order. */
  options: ShapeOption[];
  /** key → option, for the inserts. */
  optionsByKey: Map<string, ShapeOption>;
}

export interface ConsultationShape {
  id: number;
  slug: string;
  askAboutYou: boolean;
  /** Section order, then question order: the order the survey asks them in. */
  questions: ShapeQuestion[];
  /** The resident form's sections in order, with their show-if rules as stored (JSON). */
  sections: { key: string; showIf: string | null }[];
  wardCodes: string[];
}

interface QuestionRow {
  id: number;
  key: string;
  section_key: string;
  show_if: string | null;
  kind: Kind;
  required: number;
  max_selections: number | null;
  rank_count: number | null;
  max_length: number | null;
  rating_max: number | null;
}

export function loadShape(db: SqliteDatabase, slug: string): ConsultationShape {
  const consultation = db.prepare('select id, slug, ask_about_you from consultations where slug = ?').get(slug) as
    { id: number; slug: string; ask_about_you: number } | undefined;
  if (!consultation) throw new Error(`No consultation with slug ${slug}`);
  const rows = db
    .prepare(
      `select q.id, q.key, s.key as section_key, q.show_if, q.kind, q.required, q.max_selections, q.rank_count, q.max_length, q.rating_max
       from questions q join sections s on s.id = q.section_id
       where q.consultation_id = ? and s.audience = 'everyone' order by s.position, q.position`,
    )
    .all(consultation.id) as QuestionRow[];
  const optionRows = db
    .prepare(
      `select o.id, o.question_id, o.key, o.is_other, o.goes_to from options o
       join questions q on q.id = o.question_id where q.consultation_id = ? order by o.question_id, o.position`,
    )
    .all(consultation.id) as { id: number; question_id: number; key: string; is_other: number; goes_to: string | null }[];
  const questions = rows.map((r): ShapeQuestion => {
    const options = optionRows.filter((o) => o.question_id === r.id).map((o) => ({ id: o.id, key: o.key, isOther: o.is_other === 1, goesTo: o.goes_to }));
    return {
      id: r.id,
      key: r.key,
      sectionKey: r.section_key,
      showIf: r.show_if,
      kind: r.kind,
      required: r.required === 1,
      maxSelections: r.max_selections,
      rankCount: r.rank_count,
      maxLength: r.max_length,
      ratingMax: r.rating_max,
      options,
      optionsByKey: new Map(options.map((o) => [o.key, o])),
    };
  });
  const sections = db
    .prepare(`select key, show_if as showIf from sections where consultation_id = ? and audience = 'everyone' order by position`)
    .all(consultation.id) as { key: string; showIf: string | null }[];
  const wardCodes = (db.prepare('select code from wards order by position').all() as { code: string }[]).map((w) => w.code);
  return { id: consultation.id, slug: consultation.slug, askAboutYou: consultation.ask_about_you === 1, questions, sections, wardCodes };
}
