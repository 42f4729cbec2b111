import type { Db } from '#db/connection';
import { listAnswersOfResponse } from '~/responses/queries.server';
import type { QuestionKind, ResponseStatus } from '#db/schema';
import { ABOUT_YOU_FIELD_NAMES, type AboutYouField } from '~/responses/demographics';
import { CONNECTIONS, type Connection } from '~/responses/codes';

export interface AnswerView {
  questionId: number;
  key: string;
  text: string;
  kind: QuestionKind;
  /** What the person gave, in order: option labels (a ranking in its ranked order), a number, or their words. */
  items: { label: string | null; rank: number | null; number: number | null; text: string | null }[];
}

export interface ResponseView {
  id: number;
  reference: string;
  submittedAt: string;
  channel: string;
  group: string;
  locale: string;
  status: ResponseStatus;
  statusReason: string | null;
  statusChangedAt: string | null;
  statusChangedBy: string | null;
  facilitator: string | null;
  notes: string | null;
  about: { field: AboutYouField | 'ward' | 'postcode_district'; code: string; wardName?: string }[];
  connections: Connection[];
  quote: { consent: boolean; credit: string | null; name: string | null };
  answers: AnswerView[];
}

const CONNECTION_COLUMNS: Record<Connection, 'lives_in_area' | 'works_in_area' | 'studies_in_area' | 'runs_business' | 'represents_group'> = {
  live: 'lives_in_area',
  work: 'works_in_area',
  study: 'studies_in_area',
  business: 'runs_business',
  group: 'represents_group',
};

async function answersOf(db: Db, responseId: number): Promise<AnswerView[]> {
  const rows = await listAnswersOfResponse(db, responseId);
  const byQuestion = new Map<number, AnswerView>();
  for (const row of rows) {
    let view = byQuestion.get(row.questionId);
    if (!view) byQuestion.set(row.questionId, (view = { questionId: row.questionId, key: row.key, text: row.questionText, kind: row.kind, items: [] }));
    view.items.push({ label: row.label, rank: row.rank, number: row.value_number, text: row.value_text });
  }
  return [...byQuestion.values()];
}

/** One response as an officer reviews it: every answer as given, who it came from, and its status. */
export async function findResponseForReview(db: Db, consultationId: number, responseId: number): Promise<ResponseView | null> {
  const row = await db
    .selectFrom('responses')
    .leftJoin('users', 'users.id', 'responses.status_changed_by')
    .leftJoin('wards', 'wards.code', 'responses.ward_code')
    .selectAll('responses')
    .select(['users.email as changedByEmail', 'users.name as changedByName', 'wards.name as wardName'])
    .where('responses.id', '=', responseId)
    .where('responses.consultation_id', '=', consultationId)
    .executeTakeFirst();
  if (!row) return null;
  const about: ResponseView['about'] = [];
  if (row.ward_code) about.push({ field: 'ward', code: row.ward_code, wardName: row.wardName ?? undefined });
  for (const field of ABOUT_YOU_FIELD_NAMES) {
    const code = row[field];
    if (code) about.push({ field, code });
  }
  if (row.postcode_district) about.push({ field: 'postcode_district', code: row.postcode_district });
  return {
    id: row.id,
    reference: row.reference,
    submittedAt: row.submitted_at,
    channel: row.channel,
    group: row.respondent_group,
    locale: row.locale,
    status: row.status,
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at,
    statusChangedBy: row.changedByName || row.changedByEmail || null,
    facilitator: row.facilitator,
    notes: row.notes,
    about,
    connections: CONNECTIONS.filter((c) => row[CONNECTION_COLUMNS[c]] === 1),
    quote: { consent: row.quote_consent === 1, credit: row.quote_credit, name: row.quote_name },
    answers: await answersOf(db, row.id),
  };
}
