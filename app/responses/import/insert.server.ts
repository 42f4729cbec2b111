import { insertMany } from '#db/bulk';
import type { Trx } from '#db/connection';
import { newReference } from '~/responses/reference.server';
import { protectResponse, type ResponseToStore, type SubmitMeta } from '~/responses/submit.server';

// An import's rows stored together: the same rows insertResponse writes one at a time, in a few
// statements for the whole file (db/bulk.ts), so a file of thousands of rows is not thousands of
// round trips to PostgreSQL inside the import's one transaction.

export interface ResponseToImport {
  response: ResponseToStore;
  meta: Pick<SubmitMeta, 'idempotencyKey' | 'locale' | 'channel' | 'now'>;
}

/** Stores every response and its answers; returns their ids in the order given. */
export async function insertResponses(trx: Trx, toImport: readonly ResponseToImport[]): Promise<number[]> {
  const stored = await insertMany<object, { id: number; idempotency_key: string }>(
    trx,
    'responses',
    toImport.map(({ response, meta }) => ({
      // Every row names the same columns (one statement): a child's row sets never_attribute.
      never_attribute: 0,
      ...protectResponse(response).fields,
      consultation_id: response.consultationId,
      reference: newReference(),
      idempotency_key: meta.idempotencyKey,
      channel: meta.channel,
      locale: meta.locale,
      submitted_at: meta.now.toISOString(),
    })),
    ['id', 'idempotency_key'],
  );
  // RETURNING promises no order: the key, unique within the consultation, says which row is which.
  const idByKey = new Map(stored.map((row) => [row.idempotency_key, Number(row.id)]));
  const ids = toImport.map(({ meta }) => {
    const id = idByKey.get(meta.idempotencyKey);
    if (id === undefined) throw new Error(`The import stored no response for ${meta.idempotencyKey}`);
    return id;
  });
  await insertMany(
    trx,
    'answers',
    toImport.flatMap(({ response }, i) => response.answers.map((answer) => ({ ...answer, response_id: ids[i]! }))),
  );
  await insertMany(
    trx,
    'not_asked',
    toImport.flatMap(({ response }, i) => (response.notAsked ?? []).map((question_id) => ({ question_id, response_id: ids[i]! }))),
  );
  return ids;
}
