import type { Db } from '#db/connection';
import type { DataRequestKind, DataRequestStatus } from '#db/schema';
import type { Locale } from '~/platform/i18n/config';
import { OPEN_STATUSES, type ListFilter, type PublicRequest } from './schemas';

// Residents' requests as they arrive and as officers find them. Receiving one never tells the
// sender whether their reference exists: the row is stored either way (matched or not) and the
// page says the same words, so the form cannot be used to find out which references are real.

export async function receiveDataRequest(db: Db, request: PublicRequest, locale: Locale, now = new Date()): Promise<number> {
  const matched = await db.selectFrom('responses').select(['id', 'consultation_id']).where('reference', '=', request.reference).executeTakeFirst();
  const { id } = await db
    .insertInto('data_requests')
    .values({
      kind: request.kind,
      reference: request.reference,
      response_id: matched?.id ?? null,
      consultation_id: matched?.consultation_id ?? null,
      contact_email: request.email ?? null,
      message: request.message ?? null,
      locale,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface DataRequestRow {
  id: number;
  kind: DataRequestKind;
  status: DataRequestStatus;
  reference: string | null;
  matched: boolean;
  consultationTitle: string | null;
  createdAt: string;
}

/** The requests under a filter, oldest first (the one waiting longest is the one to do next). */
export async function listDataRequests(db: Db, filter: ListFilter): Promise<DataRequestRow[]> {
  let query = db
    .selectFrom('data_requests')
    .leftJoin('consultations', 'consultations.id', 'data_requests.consultation_id')
    .select([
      'data_requests.id',
      'data_requests.kind',
      'data_requests.status',
      'data_requests.reference',
      'data_requests.response_id',
      'data_requests.created_at',
      'consultations.title',
    ]);
  if (filter === 'open') query = query.where('data_requests.status', 'in', OPEN_STATUSES);
  else if (filter !== 'all') query = query.where('data_requests.status', '=', filter);
  const rows = await query.orderBy('data_requests.created_at').orderBy('data_requests.id').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    reference: r.reference,
    matched: r.response_id !== null,
    consultationTitle: r.title,
    createdAt: r.created_at,
  }));
}

export interface MatchedResponse {
  id: number;
  reference: string;
  consultationId: number;
  consultationTitle: string;
  channel: string;
  locale: string;
  submittedAt: string;
  /** Whether the email the request gave appears in the response's own words (null: no email given). */
  emailInAnswers: boolean | null;
}

export interface DataRequestView {
  id: number;
  kind: DataRequestKind;
  status: DataRequestStatus;
  reference: string | null;
  contactEmail: string | null;
  message: string | null;
  note: string | null;
  locale: string;
  createdAt: string;
  verifiedBy: string | null;
  verifiedAt: string | null;
  completedBy: string | null;
  completedAt: string | null;
  /** The response the reference matched, while it is still stored. */
  response: MatchedResponse | null;
  /** The request matched a response that has since been erased. */
  erased: boolean;
}

const userName = (name: string | null, email: string | null) => name || email || null;

/** One request as an officer handles it, with the response its reference matched. */
export async function findDataRequest(db: Db, id: number): Promise<DataRequestView | undefined> {
  const row = await db
    .selectFrom('data_requests')
    .leftJoin('users as verifier', 'verifier.id', 'data_requests.verified_by')
    .leftJoin('users as completer', 'completer.id', 'data_requests.completed_by')
    .selectAll('data_requests')
    .select(['verifier.name as verifierName', 'verifier.email as verifierEmail', 'completer.name as completerName', 'completer.email as completerEmail'])
    .where('data_requests.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const response = row.response_id === null ? null : await findMatchedResponse(db, row.response_id, row.contact_email);
  const erased =
    row.response_id !== null &&
    response === null &&
    (await db.selectFrom('erasures').select('id').where('response_id', '=', row.response_id).executeTakeFirst()) !== undefined;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    reference: row.reference,
    contactEmail: row.contact_email,
    message: row.message,
    note: row.note,
    locale: row.locale,
    createdAt: row.created_at,
    verifiedBy: userName(row.verifierName, row.verifierEmail),
    verifiedAt: row.verified_at,
    completedBy: userName(row.completerName, row.completerEmail),
    completedAt: row.completed_at,
    response,
    erased,
  };
}

async function findMatchedResponse(db: Db, responseId: number, email: string | null): Promise<MatchedResponse | null> {
  const row = await db
    .selectFrom('responses')
    .innerJoin('consultations', 'consultations.id', 'responses.consultation_id')
    .select([
      'responses.id',
      'responses.reference',
      'responses.consultation_id',
      'consultations.title',
      'responses.channel',
      'responses.locale',
      'responses.submitted_at',
    ])
    .where('responses.id', '=', responseId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    reference: row.reference,
    consultationId: row.consultation_id,
    consultationTitle: row.title,
    channel: row.channel,
    locale: row.locale,
    submittedAt: row.submitted_at,
    emailInAnswers: email ? await emailAppearsInAnswers(db, responseId, email) : null,
  };
}

/**
 * "Where they gave one, their email": whether the address the request gave is in the response's
 * own free text, compared without case. Read in the app, not with LIKE, so a % or _ in an
 * address means itself on both databases.
 */
export async function emailAppearsInAnswers(db: Db, responseId: number, email: string): Promise<boolean> {
  const texts = await db.selectFrom('answers').select('value_text').where('response_id', '=', responseId).where('value_text', 'is not', null).execute();
  const wanted = email.trim().toLowerCase();
  return texts.some((t) => (t.value_text ?? '').toLowerCase().includes(wanted));
}
