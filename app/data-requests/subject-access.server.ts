import type { Db } from '#db/connection';
import { listAnswersOfResponse } from '~/responses/queries.server';
import type { QuestionKind, ResponseStatus } from '#db/schema';
import { DEFAULT_LOCALE, isLocale, type Locale } from '~/platform/i18n/config';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';
import { CONNECTIONS, type Connection } from '~/responses/codes';
import { ABOUT_YOU_FIELD_NAMES, type AboutYouField } from '~/responses/demographics';

// A subject-access copy: everything Heard stores about the one person behind a reference, as a
// readable page and as a file for the officer to send. One object feeds both, so the page and
// the file cannot differ. The file's shape is versioned (SCHEMA): a field is added under a new
// version, never renamed or removed under the same one.

export const SUBJECT_ACCESS_SCHEMA = 'heard-subject-access/1';

export interface CopiedAnswer {
  questionId: number;
  questionKey: string;
  /** In the request's language, falling back to English. */
  question: string;
  kind: QuestionKind;
  /** What the person gave, in order: an option's label, a rank, a number, their words. */
  items: { option: string | null; rank: number | null; number: number | null; text: string | null }[];
  /** The codebook themes officers coded this answer with. */
  themes: string[];
}

export interface SubjectAccessCopy {
  schema: typeof SUBJECT_ACCESS_SCHEMA;
  generatedAt: string;
  requestId: number;
  reference: string;
  consultation: { id: number; title: string };
  response: {
    channel: string;
    respondentGroup: string;
    language: string;
    submittedAt: string;
    status: ResponseStatus;
    statusReason: string | null;
    aboutYou: Record<AboutYouField, string | null>;
    ward: { code: string; name: string | null } | null;
    postcodeDistrict: string | null;
    connections: Connection[];
    quote: { consent: boolean; credit: string | null; name: string | null; neverAttribute: boolean };
    /** Keyed in from a workshop, forum or paper: who facilitated, and the notes they wrote. */
    facilitator: string | null;
    notes: string | null;
  };
  answers: CopiedAnswer[];
  /** The questions this person's own earlier answers routed them past (stored as "not asked"). */
  notAsked: { questionKey: string; question: string }[];
  quotes: { question: string; text: string; theme: string | null; pickedAt: string }[];
}

const CONNECTION_COLUMNS = {
  live: 'lives_in_area',
  work: 'works_in_area',
  study: 'studies_in_area',
  business: 'runs_business',
  group: 'represents_group',
} as const satisfies Record<Connection, string>;

/** The copy for one request's response, or undefined when the response is no longer stored. */
export async function buildSubjectAccessCopy(
  db: Db,
  request: { id: number; responseId: number; locale: string },
  now = new Date(),
): Promise<SubjectAccessCopy | undefined> {
  const row = await db
    .selectFrom('responses')
    .innerJoin('consultations', 'consultations.id', 'responses.consultation_id')
    .leftJoin('wards', 'wards.code', 'responses.ward_code')
    .selectAll('responses')
    .select(['consultations.title as consultationTitle', 'wards.name as wardName'])
    .where('responses.id', '=', request.responseId)
    .executeTakeFirst();
  if (!row) return undefined;
  const locale = isLocale(request.locale) ? request.locale : DEFAULT_LOCALE;
  const answers = await copiedAnswers(db, row.id, locale);
  const titles = await loadTranslations(db, locale, [{ type: 'consultation', ids: [row.consultation_id] }]);
  return {
    schema: SUBJECT_ACCESS_SCHEMA,
    generatedAt: now.toISOString(),
    requestId: request.id,
    reference: row.reference,
    consultation: { id: row.consultation_id, title: translated(titles, 'consultation', row.consultation_id, 'title', row.consultationTitle) },
    response: {
      channel: row.channel,
      respondentGroup: row.respondent_group,
      language: row.locale,
      submittedAt: row.submitted_at,
      status: row.status,
      statusReason: row.status_reason,
      aboutYou: Object.fromEntries(ABOUT_YOU_FIELD_NAMES.map((field) => [field, row[field]])) as Record<AboutYouField, string | null>,
      ward: row.ward_code ? { code: row.ward_code, name: row.wardName } : null,
      postcodeDistrict: row.postcode_district,
      connections: CONNECTIONS.filter((c) => row[CONNECTION_COLUMNS[c]] === 1),
      quote: { consent: row.quote_consent === 1, credit: row.quote_credit, name: row.quote_name, neverAttribute: row.never_attribute === 1 },
      facilitator: row.facilitator,
      notes: row.notes,
    },
    answers,
    notAsked: await copiedNotAsked(db, row.id, locale),
    quotes: await copiedQuotes(db, row.id, answers),
  };
}

async function copiedAnswers(db: Db, responseId: number, locale: Locale): Promise<CopiedAnswer[]> {
  const rows = await listAnswersOfResponse(db, responseId);
  const optionIds = rows.flatMap((r) => (r.optionId === null ? [] : [r.optionId]));
  const translations = await loadTranslations(db, locale, [
    { type: 'question', ids: [...new Set(rows.map((r) => r.questionId))] },
    { type: 'option', ids: [...new Set(optionIds)] },
  ]);
  const themes = await themesByAnswer(
    db,
    rows.map((r) => r.id),
  );
  const byQuestion = new Map<number, CopiedAnswer>();
  for (const r of rows) {
    let answer = byQuestion.get(r.questionId);
    if (!answer) {
      const question = translated(translations, 'question', r.questionId, 'text', r.questionText);
      byQuestion.set(r.questionId, (answer = { questionId: r.questionId, questionKey: r.key, question, kind: r.kind, items: [], themes: [] }));
    }
    const option = r.optionId === null ? null : translated(translations, 'option', r.optionId, 'label', r.label ?? '');
    answer.items.push({ option, rank: r.rank, number: r.value_number, text: r.value_text });
    for (const theme of themes.get(r.id) ?? []) if (!answer.themes.includes(theme)) answer.themes.push(theme);
  }
  return [...byQuestion.values()];
}

async function copiedNotAsked(db: Db, responseId: number, locale: Locale): Promise<SubjectAccessCopy['notAsked']> {
  const rows = await db
    .selectFrom('not_asked')
    .innerJoin('questions', 'questions.id', 'not_asked.question_id')
    .select(['questions.id', 'questions.key', 'questions.text'])
    .where('not_asked.response_id', '=', responseId)
    .orderBy('questions.section_id')
    .orderBy('questions.position')
    .execute();
  if (rows.length === 0) return [];
  const translations = await loadTranslations(db, locale, [{ type: 'question', ids: rows.map((r) => r.id) }]);
  return rows.map((r) => ({ questionKey: r.key, question: translated(translations, 'question', r.id, 'text', r.text) }));
}

async function themesByAnswer(db: Db, answerIds: number[]): Promise<Map<number, string[]>> {
  const byAnswer = new Map<number, string[]>();
  if (answerIds.length === 0) return byAnswer;
  const rows = await db
    .selectFrom('coding_themes')
    .innerJoin('codebook_themes', 'codebook_themes.id', 'coding_themes.theme_id')
    .select(['coding_themes.answer_id', 'codebook_themes.name'])
    .where('coding_themes.answer_id', 'in', answerIds)
    .orderBy('codebook_themes.position')
    .orderBy('codebook_themes.id')
    .execute();
  for (const r of rows) {
    const names = byAnswer.get(r.answer_id) ?? [];
    if (!names.includes(r.name)) names.push(r.name);
    byAnswer.set(r.answer_id, names);
  }
  return byAnswer;
}

async function copiedQuotes(db: Db, responseId: number, answers: CopiedAnswer[]): Promise<SubjectAccessCopy['quotes']> {
  const rows = await db
    .selectFrom('quotes')
    .innerJoin('answers', 'answers.id', 'quotes.answer_id')
    .leftJoin('codebook_themes', 'codebook_themes.id', 'quotes.theme_id')
    .select(['answers.question_id', 'quotes.text', 'codebook_themes.name as theme', 'quotes.picked_at'])
    .where('answers.response_id', '=', responseId)
    .orderBy('quotes.picked_at')
    .orderBy('quotes.id')
    .execute();
  const questionText = new Map(answers.map((a) => [a.questionId, a.question]));
  return rows.map((r) => ({ question: questionText.get(r.question_id) ?? '', text: r.text, theme: r.theme, pickedAt: r.picked_at }));
}

/** The copy as the file an officer sends: pretty JSON, so a person can read it too. */
export function subjectAccessFile(copy: SubjectAccessCopy): { name: string; body: string } {
  return { name: `subject-access-${copy.reference}.json`, body: `${JSON.stringify(copy, null, 2)}\n` };
}

/**
 * The copy an access request may be answered with: only once the officer has verified who asked
 * (and after, to send it again), and only while the response is stored.
 */
export async function findAccessCopy(db: Db, requestId: number, now = new Date()): Promise<SubjectAccessCopy | undefined> {
  const request = await db.selectFrom('data_requests').select(['id', 'kind', 'status', 'response_id', 'locale']).where('id', '=', requestId).executeTakeFirst();
  if (!request || request.kind !== 'access' || request.response_id === null) return undefined;
  if (request.status !== 'verified' && request.status !== 'completed') return undefined;
  return buildSubjectAccessCopy(db, { id: request.id, responseId: request.response_id, locale: request.locale }, now);
}
