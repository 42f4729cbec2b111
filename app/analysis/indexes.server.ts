import type { Db } from '#db/connection';
import { lastChangeSeq, onLoggedChanges, pruneChanges } from '~/platform/change-log.server';
import { isResponseChange, onResponseChange } from '~/responses/changes.server';
import { buildConsultationIndex } from './index/build.server';
import { applyErasure, applyStatus, catchUpIndex, isCounted, type LogPosition } from './index/catch-up.server';
import { appendResponse, reviveIndex, StaleIndexError, type ConsultationIndex } from './index/consultation-index';
import { discardSnapshot, loadSnapshot, oldestSnapshotSeq, saveSnapshot, takeSnapshot } from './index/snapshot.server';

export type { ConsultationIndex } from './index/consultation-index';

// Which index serves which consultation, in this process: built on first use (or warmed at
// start), then kept current from the change log every process writes (issue 16): before it
// answers, analysisIndex applies what was logged after the position the index covers, so a page
// on this process counts a response another process has just acknowledged. Between answers it is
// kept current without being asked: this process's own changes are applied as soon as they
// commit (announced by responses/changes.server.ts, with the answers in hand), and the change
// feed (platform/change-log.server.ts) tells it of other processes' changes within a moment.
//
// A build notes the log's position before it reads, then catches up from there: a change the
// build also read is harmless, as applying a change is idempotent (index/catch-up.server.ts).

interface Entry extends LogPosition {
  /** The questions and options the index was built for (see definitionStamp). */
  stamp: string;
  ready: Promise<ConsultationIndex>;
  index?: ConsultationIndex;
  /** The catch-up running, and the one waiting behind it (shared by everyone who asks meanwhile). */
  running: Promise<void>;
  queued: Promise<void> | null;
  /** The log position of the snapshot in the database this process knows of, and when it last wrote or read one. */
  snapshotSeq: number;
  snapshotAt: number;
  /** Erased responses the saved snapshot knows of: one erased since is saved without waiting (below). */
  snapshotErased: number;
}

/** Builds a consultation's index somewhere other than the thread that answers requests. */
export type IndexBuilder = (consultationId: number) => Promise<ConsultationIndex>;
interface Elsewhere {
  builder: IndexBuilder;
  fromResponses: number;
}
interface SnapshotPolicy {
  fromResponses: number;
  everyMs: number;
}

// Per database, so tests with their own databases never see each other's indexes. Kept on
// globalThis: in production this module is bundled twice, into the Remix build the routes use
// and into server.js that warms the indexes at start, and both copies must share one registry.
const shared = ((globalThis as { [key: symbol]: unknown })[Symbol.for('heard.analysisIndexes')] ??= {
  registries: new WeakMap<Db, Map<number, Entry>>(),
  builders: new WeakMap<Db, Elsewhere>(),
  snapshots: new WeakMap<Db, SnapshotPolicy>(),
}) as { registries: WeakMap<Db, Map<number, Entry>>; builders: WeakMap<Db, Elsewhere>; snapshots: WeakMap<Db, SnapshotPolicy> };
const { registries, builders, snapshots } = shared;

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

/**
 * From now on this process writes a snapshot of each index of `fromResponses` responses or more
 * to the database (index/snapshot.server.ts): once built, then at most every `everyMs` while the
 * log moves. Any process starting later loads the newest and replays the log after it. Without
 * this (tests, small installs) snapshots are still read, never written.
 */
export function snapshotIndexesWith(db: Db, { fromResponses = 20_000, everyMs = 10 * 60_000 }: Partial<SnapshotPolicy> = {}): void {
  snapshots.set(db, { fromResponses, everyMs });
}

function maybeSnapshot(db: Db, consultationId: number, entry: Entry): void {
  const policy = snapshots.get(db);
  const { index } = entry;
  if (!policy || !index || index.size < policy.fromResponses) return;
  // A response erased since the last save (issue 18) is not left in the saved copy until the next
  // regular one: the index holds its row blanked, the snapshot its answers and groups.
  const erasedSince = index.erased.size > entry.snapshotErased;
  if (entry.seq <= entry.snapshotSeq || (!erasedSince && Date.now() - entry.snapshotAt < policy.everyMs)) return;
  entry.snapshotAt = Date.now();
  entry.snapshotErased = index.erased.size;
  // Taken now, in one piece: this moment's index and the position it covers.
  const taken = { bytes: takeSnapshot(index), seq: entry.seq };
  saveSnapshot(db, consultationId, taken.bytes, { seq: taken.seq, stamp: entry.stamp }).then(
    () => (entry.snapshotSeq = Math.max(entry.snapshotSeq, taken.seq)),
    (error: unknown) => console.error(`Could not save the summary index of consultation ${consultationId}:`, error),
  );
}

/**
 * Deletes change log entries no process needs: older than `keepHours` (every running process has
 * long caught up) and before every snapshot's position (a process starting replays from there).
 */
export async function pruneChangeLog(db: Db, { keepHours = 6, now = new Date() }: { keepHours?: number; now?: Date } = {}): Promise<number> {
  const before = (await oldestSnapshotSeq(db)) ?? (await lastChangeSeq(db)) + 1;
  return pruneChanges(db, { before, olderThan: new Date(now.getTime() - keepHours * 3_600_000) });
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

/** Applies what was logged since the index's position; concurrent callers share one read. */
function catchUp(db: Db, entry: Entry): Promise<void> {
  if (entry.queued) return entry.queued;
  const run = entry.running.then(() => {
    entry.queued = null;
    return entry.index ? catchUpIndex(db, entry.index, entry) : undefined;
  });
  entry.queued = run;
  entry.running = run.catch(() => {});
  return run;
}

/**
 * The consultation's index, current with every change logged before the call: built when nothing
 * has asked for it before or its questions have changed since.
 */
export async function analysisIndex(db: Db, consultationId: number): Promise<ConsultationIndex> {
  const stamp = await definitionStamp(db, consultationId);
  const entries = entriesOf(db);
  let entry = entries.get(consultationId);
  if (entry?.stamp !== stamp) {
    const fresh = {
      stamp,
      seq: 0,
      statusSeq: new Map<number, number>(),
      running: Promise.resolve(),
      queued: null,
      snapshotSeq: -1,
      snapshotAt: 0,
      snapshotErased: 0,
    };
    entry = Object.assign(fresh, { ready: start(db, consultationId, fresh) });
    entries.set(consultationId, entry);
  }
  const current = entry;
  try {
    const index = await current.ready;
    await catchUp(db, current);
    maybeSnapshot(db, consultationId, current);
    return index;
  } catch (error) {
    if (entries.get(consultationId) === current) entries.delete(consultationId);
    // A response that does not fit: the questions changed meanwhile, so build again.
    if (error instanceof StaleIndexError) return analysisIndex(db, consultationId);
    throw error;
  }
}

async function start(db: Db, consultationId: number, entry: Omit<Entry, 'ready'>): Promise<ConsultationIndex> {
  const restored = await restore(db, consultationId, entry).catch((error: unknown) => {
    console.error(`Could not load the saved summary index of consultation ${consultationId}; building it:`, error);
    return null;
  });
  if (restored) return restored;
  // Noted before the build reads anything: whatever committed later is caught up afterwards.
  entry.seq = await lastChangeSeq(db);
  entry.statusSeq.clear();
  const index = await build(db, consultationId);
  entry.index = index;
  return index;
}

/**
 * The saved snapshot, brought up to date from the log, when it counts every response the
 * database holds (a response stored without a log entry, by a seed or before the log existed,
 * or log entries pruned past it, would otherwise go missing: then the index is built afresh).
 */
async function restore(db: Db, consultationId: number, entry: Omit<Entry, 'ready'>): Promise<ConsultationIndex | null> {
  const snapshot = await loadSnapshot(db, consultationId, entry.stamp);
  if (!snapshot) return null;
  const at = { seq: snapshot.seq, statusSeq: new Map<number, number>() };
  const savedErased = snapshot.index.erased.size;
  for (let attempt = 0; attempt < 2; attempt++) {
    await catchUpIndex(db, snapshot.index, at);
    // Every response the database holds, and the rows of the erased ones (kept, blanked, whose rows are gone).
    const { n } = await db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('consultation_id', '=', consultationId)
      .executeTakeFirstOrThrow();
    if (Number(n) + snapshot.index.erased.size === snapshot.index.size) {
      const known = { snapshotSeq: snapshot.seq, snapshotAt: Date.now(), snapshotErased: savedErased };
      Object.assign(entry, { seq: at.seq, statusSeq: at.statusSeq, index: snapshot.index, ...known });
      return snapshot.index;
    }
    // Else perhaps a response committed between the catch-up and the count: once more.
  }
  await discardSnapshot(db, consultationId, snapshot.seq);
  return null;
}

/** Whether an index is built or being built: for tests and the benchmark. */
export function hasAnalysisIndex(db: Db, consultationId: number): boolean {
  return entriesOf(db).has(consultationId);
}

/** Forgets a consultation's index (its questions or options changed); the next use rebuilds it. */
export function dropAnalysisIndex(db: Db, consultationId: number): void {
  entriesOf(db).delete(consultationId);
}

function drop(db: Db, consultationId: number, entry: Entry, error: unknown): void {
  // A response the index cannot hold (a question or option added since it was built), or a
  // failed read: drop the index, and the next use rebuilds it from the database.
  const entries = entriesOf(db);
  if (entries.get(consultationId) === entry) entries.delete(consultationId);
  if (!(error instanceof StaleIndexError)) console.error(`Summary index of consultation ${consultationId} dropped:`, error);
}

// This process's own changes, applied as soon as they commit so the officer's next page counts
// them without a read; a change arriving while the index is being built is left to the catch-up
// that follows the build.
onResponseChange((db, change, seq) => {
  const entry = entriesOf(db).get(change.consultationId);
  const index = entry?.index;
  if (!entry || !index) return;
  try {
    switch (change.kind) {
      case 'stored':
        appendResponse(index, change.response);
        return;
      case 'imported':
        // Not held in memory: read back from the database, now rather than at the next page.
        void catchUp(db, entry).catch((error: unknown) => drop(db, change.consultationId, entry, error));
        return;
      case 'status':
        applyStatus(index, entry, change.responseId, isCounted(change.status), seq);
        return;
      case 'erased':
        applyErasure(index, entry, change.responseId, seq);
        // Read to here from the log, so a snapshot without the response can be saved at a position past its erasure.
        void catchUp(db, entry).then(
          () => maybeSnapshot(db, change.consultationId, entry),
          (error: unknown) => drop(db, change.consultationId, entry, error),
        );
    }
  } catch (error) {
    drop(db, change.consultationId, entry, error);
  }
});

// Other processes' changes, as the feed delivers them: caught up at once, so the next page has
// nothing to read.
onLoggedChanges((db, changes) => {
  const entries = entriesOf(db);
  const consultations = new Set(changes.filter(isResponseChange).map((c) => c.consultationId!));
  for (const consultationId of consultations) {
    const entry = entries.get(consultationId);
    if (entry?.index)
      void catchUp(db, entry).then(
        () => maybeSnapshot(db, consultationId, entry),
        (error: unknown) => drop(db, consultationId, entry, error),
      );
  }
});

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
