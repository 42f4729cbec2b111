import type { Db } from '#db/connection';
import type { ResponseStatus } from '#db/schema';
import { buildConsultationIndex } from './index/build.server';
import type { AnswerSource } from './index/columns';
import { appendResponse, reviveIndex, setResponseStatus, StaleIndexError, type ConsultationIndex, type IndexedResponse } from './index/consultation-index';
import { DIMENSION_COLUMNS } from './index/dimensions';
import { onResponseChange } from '~/responses/changes.server';

export type { ConsultationIndex } from './index/consultation-index';

// Which index serves which consultation, in this process: built on first use (or warmed at
// start), then kept current from the changes responses announces after each transaction has
// committed (responses/changes.server.ts), so the index never holds a response the database
// rolled back.
//
// A change that arrives while an index is being built is queued and applied once the build is
// done. Both operations are idempotent (a response already in the index is not added again; a
// status is set, not toggled), so a change the build also read is harmless.

type Change =
  | { kind: 'stored'; response: IndexedResponse & { answers: readonly AnswerSource[] } }
  | { kind: 'status'; responseId: number; status: ResponseStatus }
  | { kind: 'reload'; responseIds: readonly number[] };

interface Entry {
  /** The questions and options the index was built for (see definitionStamp). */
  stamp: string;
  ready: Promise<ConsultationIndex>;
  index?: ConsultationIndex;
  pending: Change[];
}

/** Builds a consultation's index somewhere other than the thread that answers requests. */
export type IndexBuilder = (consultationId: number) => Promise<ConsultationIndex>;
interface Elsewhere {
  builder: IndexBuilder;
  fromResponses: number;
}

// Per database, so tests with their own databases never see each other's indexes. Kept on
// globalThis: in production this module is bundled twice, into the Remix build the routes use
// and into server.js that warms the indexes at start, and both copies must share one registry.
const shared = ((globalThis as { [key: symbol]: unknown })[Symbol.for('heard.analysisIndexes')] ??= {
  registries: new WeakMap<Db, Map<number, Entry>>(),
  builders: new WeakMap<Db, Elsewhere>(),
}) as { registries: WeakMap<Db, Map<number, Entry>>; builders: WeakMap<Db, Elsewhere> };
const { registries, builders } = shared;

/**
 * From now on this database's indexes of `fromResponses` responses or more are built by `builder`
 * (server.ts: on a worker thread with its own connection), so a build of a million responses never
 * holds up a request. Smaller ones, and every one without a builder (tests on an in-memory
 * database), are built here, stepping aside between pages of 2,500: a thread of its own would cost
 * more memory (some 60 MB of libraries) than a few short pages cost time.
 */
export function buildIndexesWith(db: Db, builder: IndexBuilder, { fromResponses = 0 }: { fromResponses?: number } = {}): void {
  builders.set(db, { builder, fromResponses });
}

async function build(db: Db, consultationId: number): Promise<ConsultationIndex> {
  const elsewhere = builders.get(db);
  if (elsewhere && elsewhere.fromResponses > 0) {
    const { n } = await db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('consultation_id', '=', consultationId)
      .executeTakeFirstOrThrow();
    if (Number(n) < elsewhere.fromResponses) return buildConsultationIndex(db, consultationId);
  }
  return elsewhere ? reviveIndex(await elsewhere.builder(consultationId)) : buildConsultationIndex(db, consultationId);
}

function entriesOf(db: Db): Map<number, Entry> {
  let entries = registries.get(db);
  if (!entries) registries.set(db, (entries = new Map()));
  return entries;
}

/**
 * What an index's columns depend on: the consultation's questions (kind, scale, ranking length)
 * and options. Two small indexed reads, so every summary can check its index still fits the
 * questions: one added or changed in the builder makes it rebuild, even before anyone answers it.
 */
async function definitionStamp(db: Db, consultationId: number): Promise<string> {
  const [questions, options] = await Promise.all([
    db.selectFrom('questions').select(['id', 'kind', 'rating_max', 'rank_count']).where('consultation_id', '=', consultationId).orderBy('id').execute(),
    db
      .selectFrom('options')
      .innerJoin('questions', 'questions.id', 'options.question_id')
      .select('options.id')
      .where('questions.consultation_id', '=', consultationId)
      .orderBy('options.id')
      .execute(),
  ]);
  return `${questions.map((q) => `${q.id}:${q.kind}:${q.rating_max ?? ''}:${q.rank_count ?? ''}`).join(',')}|${options.map((o) => o.id).join(',')}`;
}

/** The consultation's index, built when nothing has asked for it before or its questions have changed since. */
export async function analysisIndex(db: Db, consultationId: number): Promise<ConsultationIndex> {
  const stamp = await definitionStamp(db, consultationId);
  const entries = entriesOf(db);
  const existing = entries.get(consultationId);
  if (existing?.stamp === stamp) return existing.ready;
  const pending: Change[] = [];
  const forget = () => {
    if (entries.get(consultationId) === entry) entries.delete(consultationId);
  };
  const ready = build(db, consultationId).then(
    async (index): Promise<ConsultationIndex> => {
      try {
        // Changes may keep arriving while earlier ones are read back: drain until none is left.
        while (pending.length > 0) for (const change of pending.splice(0)) await apply(db, index, change);
      } catch (error) {
        forget();
        // A response that does not fit: the questions changed during the build, so build again.
        if (error instanceof StaleIndexError) return analysisIndex(db, consultationId);
        throw error;
      }
      entry.index = index;
      return index;
    },
    (error: unknown) => {
      forget();
      throw error;
    },
  );
  const entry: Entry = { stamp, pending, ready };
  entries.set(consultationId, entry);
  return ready;
}

/** Whether an index is built or being built: for tests and the benchmark. */
export function hasAnalysisIndex(db: Db, consultationId: number): boolean {
  return entriesOf(db).has(consultationId);
}

/** Forgets a consultation's index (its questions or options changed); the next use rebuilds it. */
export function dropAnalysisIndex(db: Db, consultationId: number): void {
  entriesOf(db).delete(consultationId);
}

async function apply(db: Db, index: ConsultationIndex, change: Change): Promise<void> {
  switch (change.kind) {
    case 'stored':
      appendResponse(index, change.response);
      return;
    case 'status':
      setResponseStatus(index, change.responseId, change.status);
      return;
    case 'reload':
      for (const response of await readResponses(db, index.consultationId, change.responseIds)) appendResponse(index, response);
  }
}

function record(db: Db, consultationId: number, change: Change): void {
  const entries = entriesOf(db);
  const entry = entries.get(consultationId);
  if (!entry) return; // nobody has asked for this consultation's figures yet: the first build reads it all
  if (!entry.index) {
    entry.pending.push(change);
    return;
  }
  // Stored and status changes apply synchronously (apply awaits only for a reload), so the
  // officer's next page already counts them.
  apply(db, entry.index, change).catch((error: unknown) => {
    // A response the index cannot hold (a question or option added since it was built), or a
    // failed read: drop the index, and the next use rebuilds it from the database.
    if (entries.get(consultationId) === entry) entries.delete(consultationId);
    if (!(error instanceof StaleIndexError)) console.error(`Summary index of consultation ${consultationId} dropped:`, error);
  });
}

// Every index in this process hears every change to responses: a stored response with the
// rows stored for it; responses an import stored (not held in memory), read back from the
// database; a response excluded from the counts or restored to them.
onResponseChange((db, change) => {
  switch (change.kind) {
    case 'stored':
      record(db, change.consultationId, { kind: 'stored', response: change.response });
      return;
    case 'imported':
      if (change.responseIds.length > 0) record(db, change.consultationId, { kind: 'reload', responseIds: change.responseIds });
      return;
    case 'status':
      record(db, change.consultationId, { kind: 'status', responseId: change.responseId, status: change.status });
  }
});

async function readResponses(db: Db, consultationId: number, ids: readonly number[]) {
  const responses: (IndexedResponse & { answers: AnswerSource[] })[] = [];
  // Chunks keep the statement within every database's limit on bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom('responses')
      .select(['id', 'status', ...DIMENSION_COLUMNS])
      .where('consultation_id', '=', consultationId)
      .where('id', 'in', chunk)
      .execute();
    const answers = await db
      .selectFrom('answers')
      .select(['response_id', 'question_id', 'option_id', 'rank', 'value_number'])
      .where('response_id', 'in', chunk)
      .execute();
    const byResponse = new Map<number, AnswerSource[]>();
    for (const a of answers) {
      const list = byResponse.get(a.response_id);
      if (list) list.push(a);
      else byResponse.set(a.response_id, [a]);
    }
    for (const row of rows) responses.push({ ...row, answers: byResponse.get(row.id) ?? [] });
  }
  return responses;
}

/**
 * Builds the indexes of every consultation that has responses, one after another, so the first
 * officer to open a summary does not wait for it. Failures are logged, not fatal: the page
 * builds the index itself when asked.
 */
export async function warmAnalysisIndexes(db: Db): Promise<void> {
  const consultations = await db.selectFrom('consultations').select('id').where('status', '!=', 'draft').orderBy('id').execute();
  for (const { id } of consultations) {
    try {
      await analysisIndex(db, id);
    } catch (error) {
      console.error(`Could not build the summary index of consultation ${id}:`, error);
    }
  }
}
