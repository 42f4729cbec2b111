import { rm } from 'node:fs/promises';
import type { Trx } from '#db/connection';

// What erasing one response deletes, table by table: the response and every row derived from it
// or pointing at it (issue 18). Each step returns how many rows went, so the erasure can record
// counts by kind and never the content. The answers' dependants go before the answers, whatever
// the database's foreign keys would cascade, so every count is the step's own.

/** Rows removed by kind; the erasures row and its audit entry record these numbers only. */
export interface Removed {
  responses: number;
  answers: number;
  codings: number;
  coding_themes: number;
  coding_sample_answers: number;
  quotes: number;
  drafts: number;
  export_jobs: number;
  export_file_chunks: number;
  /** Earlier audit entries about the response, its answers or its quotes, kept with their content taken out. */
  audit_entries_redacted: number;
}

export interface ErasedResponse {
  id: number;
  consultation_id: number;
  idempotency_key: string;
}

const count = (result: { numDeletedRows?: bigint; numUpdatedRows?: bigint }) => Number(result.numDeletedRows ?? result.numUpdatedRows ?? 0);

/** The response's answers, as a subquery: no list of ids to bind, however many answers it has. */
const answersOf = (trx: Trx, responseId: number) => trx.selectFrom('answers').select('answers.id').where('answers.response_id', '=', responseId);

/** Codings, their themes, double-coding sample entries and quotes of the response's answers. */
async function deleteDerivedRows(trx: Trx, responseId: number) {
  const codingThemes = await trx.deleteFrom('coding_themes').where('answer_id', 'in', answersOf(trx, responseId)).executeTakeFirst();
  const codings = await trx.deleteFrom('codings').where('answer_id', 'in', answersOf(trx, responseId)).executeTakeFirst();
  const sampleAnswers = await trx.deleteFrom('coding_sample_answers').where('answer_id', 'in', answersOf(trx, responseId)).executeTakeFirst();
  const quotes = await trx.deleteFrom('quotes').where('answer_id', 'in', answersOf(trx, responseId)).executeTakeFirst();
  return { coding_themes: count(codingThemes), codings: count(codings), coding_sample_answers: count(sampleAnswers), quotes: count(quotes) };
}

/**
 * A draft still held under the response's idempotency key (a draft is deleted when its response
 * is stored, so this is a copy left by a second tab or a race): the draft's JSON carries the key.
 */
async function deleteLinkedDrafts(trx: Trx, response: ErasedResponse): Promise<number> {
  const candidates = await trx
    .selectFrom('response_drafts')
    .select(['token', 'data'])
    .where('consultation_id', '=', response.consultation_id)
    .where('data', 'like', `%${JSON.stringify(response.idempotency_key)}%`)
    .execute();
  // LIKE may match more than it should (its _ and % wildcards): the parsed key decides.
  const linked = candidates.filter((draft) => {
    try {
      return (JSON.parse(draft.data) as { idempotencyKey?: unknown }).idempotencyKey === response.idempotency_key;
    } catch {
      return false;
    }
  });
  if (linked.length === 0) return 0;
  const tokens = linked.map((d) => d.token);
  return count(await trx.deleteFrom('response_drafts').where('token', 'in', tokens).executeTakeFirst());
}

/**
 * Every export of the consultation made so far, job and stored file: one made before the erasure
 * may hold the person, and no download may serve it again. Officers make a new one. (A job
 * running meanwhile loses its row and its file is never named, so never served.)
 */
async function deleteExports(trx: Trx, consultationId: number) {
  const jobs = await trx.selectFrom('export_jobs').select(['id', 'file_key', 'file_path']).where('consultation_id', '=', consultationId).execute();
  if (jobs.length === 0) return { export_jobs: 0, export_file_chunks: 0 };
  const keys = jobs.flatMap((job) => (job.file_key ? [job.file_key] : []));
  const chunks = keys.length ? count(await trx.deleteFrom('export_file_chunks').where('file_key', 'in', keys).executeTakeFirst()) : 0;
  const deleted = count(await trx.deleteFrom('export_jobs').where('consultation_id', '=', consultationId).executeTakeFirst());
  // Files written to local disk before exports were kept in the database (nothing serves them now).
  for (const job of jobs) if (job.file_path) await rm(job.file_path, { force: true });
  return { export_jobs: deleted, export_file_chunks: chunks };
}

export const REDACTED_SUMMARY = 'Details removed: the response was erased';

/**
 * Earlier audit entries about the response, its answers and its quotes keep who did what and
 * when, but lose what they quoted (a picked quote's words, a keyed-in response's reference, an
 * exclusion's reason): the audit log must not keep what erasure removed.
 */
async function redactAuditEntries(trx: Trx, { id: responseId, consultation_id }: ErasedResponse): Promise<number> {
  const answerIds = (await answersOf(trx, responseId).execute()).map((a) => String(a.id));
  const quoteIds = (await trx.selectFrom('quotes').select('id').where('answer_id', 'in', answersOf(trx, responseId)).execute()).map((q) => String(q.id));
  const result = await trx
    .updateTable('audit_events')
    .set({ summary: REDACTED_SUMMARY, before_json: null, after_json: null, reason: null })
    // Every entry about a response or its answers names the consultation (and is found by its index).
    .where('consultation_id', '=', consultation_id)
    .where((eb) => {
      const about = [eb.and([eb('entity_type', '=', 'response'), eb('entity_id', '=', String(responseId))])];
      if (answerIds.length) about.push(eb.and([eb('entity_type', '=', 'answer'), eb('entity_id', 'in', answerIds)]));
      if (quoteIds.length) about.push(eb.and([eb('entity_type', '=', 'quote'), eb('entity_id', 'in', quoteIds)]));
      // A quote taken off the list earlier is gone, but its entry still names its answer (and its words).
      for (const id of answerIds)
        for (const column of ['before_json', 'after_json'] as const)
          for (const end of [',', '}']) about.push(eb.and([eb('entity_type', '=', 'quote'), eb(column, 'like', `%"answer_id":${id}${end}%`)]));
      return eb.or(about);
    })
    .executeTakeFirst();
  return count(result);
}

/** Deletes the response and everything derived from it, in the caller's transaction; the counts by kind. */
export async function removeResponse(trx: Trx, response: ErasedResponse): Promise<Removed> {
  // First, while the answers and quotes are still there to say which entries are about them.
  const audit_entries_redacted = await redactAuditEntries(trx, response);
  const derived = await deleteDerivedRows(trx, response.id);
  const answers = count(await trx.deleteFrom('answers').where('response_id', '=', response.id).executeTakeFirst());
  // The questions a route passed by say what the person answered earlier: they go with the answers.
  await trx.deleteFrom('not_asked').where('response_id', '=', response.id).execute();
  const drafts = await deleteLinkedDrafts(trx, response);
  // The idempotency key is a column of the response row: it goes with it.
  const responses = count(await trx.deleteFrom('responses').where('id', '=', response.id).executeTakeFirst());
  const exports = await deleteExports(trx, response.consultation_id);
  return {
    responses,
    answers,
    codings: derived.codings,
    coding_themes: derived.coding_themes,
    coding_sample_answers: derived.coding_sample_answers,
    quotes: derived.quotes,
    drafts,
    ...exports,
    audit_entries_redacted,
  };
}
