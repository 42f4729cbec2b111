import { inTransaction, type Db, type Trx } from '#db/connection';
import type { ConsultationDef } from '~/consultations/definition';
import type { Locale } from '~/platform/i18n/config';
import { prepared } from '#db/prepared';
import type { NewAnswer, NewResponse } from '#db/schema';
import { responseFields, routedAnswerRows, type FormValues, type ResponseFields } from './answers';
import { announceResponseChange, logResponseChange, type ResponseChange } from './changes.server';
import type { Channel } from './codes';
import { deleteDraft } from './drafts.server';
import { newReference } from './reference.server';
import { protectChild } from './safeguarding';
import { safeguardingAges } from './safeguarding.server';

export interface SubmitMeta {
  idempotencyKey: string;
  locale: Locale;
  channel: Channel;
  /** The draft to delete once the response is stored (its row key, see drafts.server.ts). */
  draftToken: string | null;
  now: Date;
}

export interface SubmitResult {
  reference: string;
  /** True when this key had already been submitted: nothing new was stored. */
  duplicate: boolean;
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/** A key means "the same response again" only within its own consultation. */
export function findResponseByKey(db: Db, consultationId: number, idempotencyKey: string) {
  return db
    .selectFrom('responses')
    .select(['id', 'reference'])
    .where('consultation_id', '=', consultationId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

export interface ResponseToStore {
  consultationId: number;
  fields: ResponseFields;
  answers: Omit<NewAnswer, 'response_id'>[];
  /** The questions this person's route passed by (routing.ts): stored as "not asked". */
  notAsked?: readonly number[];
}

/**
 * A resident's response from the online form; `also` as for storeResponse (the place under the
 * client's limit: screenAndStore). The route is decided again here from the answers themselves
 * (routing.ts): only the questions it asks are stored, and the rest are stored as "not asked".
 */
export function submitResponse(db: Db, def: ConsultationDef, values: FormValues, meta: SubmitMeta, also?: (trx: Trx) => Promise<void>): Promise<SubmitResult> {
  const { answers, notAsked } = routedAnswerRows(def, values);
  return storeResponse(db, { consultationId: def.id, fields: responseFields(values), answers, notAsked }, meta, also);
}

/**
 * Every way in (the forms, keyed-in responses here, imports in import/insert.server.ts) passes a
 * response through this: a child's sensitive answers and identifying details are never stored,
 * however they were sent (safeguarding.ts).
 */
export function protectResponse(toStore: ResponseToStore): ResponseToStore {
  return { ...toStore, fields: protectChild(toStore.fields, safeguardingAges()) };
}

/**
 * Inserts one response and its answers: the rows the online form stores, for whoever opened
 * the transaction (storeResponse below, or an import storing a whole file at once).
 */
export async function insertResponse(
  trx: Trx,
  { consultationId, fields, answers, notAsked = [] }: ResponseToStore,
  meta: Pick<SubmitMeta, 'idempotencyKey' | 'locale' | 'channel' | 'now'>,
): Promise<{ id: number; reference: string }> {
  const reference = newReference();
  const [inserted] = (
    await insertResponseRow(trx, {
      row: {
        ...fields,
        consultation_id: consultationId,
        reference,
        idempotency_key: meta.idempotencyKey,
        channel: meta.channel,
        locale: meta.locale,
        submitted_at: meta.now.toISOString(),
      },
    })
  ).rows;
  if (!inserted) throw new Error('The response was not stored');
  const id = Number(inserted.id);
  if (answers.length > 0) await insertAnswerRows(trx, { rows: answers.map((a) => ({ ...a, response_id: id })) });
  if (notAsked.length > 0) await insertNotAskedRows(trx, { rows: notAsked.map((question_id) => ({ question_id, response_id: id })) });
  return { id, reference };
}

// Prepared (#db/prepared): the same three statements for every response of the same shape,
// built and compiled once rather than for each submission.
const insertResponseRow = prepared((trx: Db | Trx, v: { row: NewResponse }) => trx.insertInto('responses').values(v.row).returning('id'));
const insertAnswerRows = prepared((trx: Db | Trx, v: { rows: NewAnswer[] }) => trx.insertInto('answers').values(v.rows));
const insertNotAskedRows = prepared((trx: Db | Trx, v: { rows: { question_id: number; response_id: number }[] }) => trx.insertInto('not_asked').values(v.rows));

/**
 * Stores a whole response, answers and all, in one transaction: it is there completely or not
 * at all. The same idempotency key twice (a double click, a retried request, back-and-resubmit,
 * two copies racing) stores it once and returns the first reference: the key is unique within its
 * consultation in the database, so the insert itself is the check, and a refused insert means "already stored".
 * `also` runs in the same transaction (an officer's keyed-in response writes its audit entry).
 */
export async function storeResponse(
  db: Db,
  given: ResponseToStore,
  meta: SubmitMeta,
  also?: (trx: Trx, stored: { id: number; reference: string }) => Promise<void>,
): Promise<SubmitResult> {
  const toStore = protectResponse(given);
  try {
    const { stored, change, seq } = await inTransaction(db, async (trx) => {
      const inserted = await insertResponse(trx, toStore, meta);
      await deleteDraft(trx, meta.draftToken, toStore.consultationId);
      await also?.(trx, inserted);
      const stored: ResponseChange = {
        kind: 'stored',
        consultationId: toStore.consultationId,
        response: {
          ...toStore.fields,
          id: inserted.id,
          channel: meta.channel,
          locale: meta.locale,
          answers: toStore.answers,
          notAsked: toStore.notAsked ?? [],
        },
      };
      // Last, so the log's order lock is held only for the commit (platform/change-log.server.ts).
      return { stored: inserted, change: stored, seq: await logResponseChange(trx, stored) };
    });
    // Committed: the summaries count it from now on.
    announceResponseChange(db, change, seq);
    return { reference: stored.reference, duplicate: false };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const existing = await findResponseByKey(db, toStore.consultationId, meta.idempotencyKey);
      if (existing) return { reference: existing.reference, duplicate: true };
    }
    throw error;
  }
}
