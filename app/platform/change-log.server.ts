import type { Insertable } from 'kysely';
import { inTransaction, type Db, type Trx } from '#db/connection';
import { isPostgres, listenForChanges, notifyChangeLog, orderChangeLog, type ChangeListener } from '#db/change-order';
import { prepared } from '#db/prepared';
import type { ChangeKind, ChangeLogTable } from '#db/schema';

// The change log several app processes on one database keep their memory current from (issue 16).
// Whatever changes state a process holds in memory (the summary indexes' counts, the public page
// cache, the framework names in cached definitions) appends an entry in the same transaction as
// the change, so the entry exists exactly when the change does, numbered in commit order
// (db/change-order.ts). Two ways to hear of entries:
// - a reader that must be exact reads the entries after the position it remembers before it
//   answers (the summary indexes: analysis/indexes.server.ts);
// - every process also runs a feed (startChangeFeed, from server.ts) that is told promptly, by
//   PostgreSQL's LISTEN/NOTIFY or by polling SQLite, and passes new entries to its listeners
//   (clear the page cache, move the framework revision, bring indexes up to date unasked).
// What an entry means belongs to whoever writes it; this module only stores and delivers them.

export interface LoggedChange {
  seq: number;
  consultationId: number | null;
  kind: ChangeKind;
  responseId: number | null;
  /** Parsed JSON, as the writer gave it. */
  detail: unknown;
}

export interface NewChange {
  kind: ChangeKind;
  consultationId?: number | null;
  responseId?: number | null;
  detail?: unknown;
}

/**
 * Appends an entry in the caller's transaction and returns its sequence number. Call it last in
 * the transaction: on PostgreSQL it holds the log's order lock until the commit.
 */
export async function appendChange(trx: Trx, change: NewChange, now = new Date()): Promise<number> {
  await orderChangeLog(trx);
  const [inserted] = (
    await insertChange(trx, {
      row: {
        kind: change.kind,
        consultation_id: change.consultationId ?? null,
        response_id: change.responseId ?? null,
        detail: change.detail === undefined ? null : JSON.stringify(change.detail),
        created_at: now.toISOString(),
      },
    })
  ).rows;
  await notifyChangeLog(trx);
  return Number(inserted!.seq);
}

// Prepared (#db/prepared): every stored response appends one.
const insertChange = prepared((trx: Db | Trx, v: { row: Insertable<ChangeLogTable> }) => trx.insertInto('change_log').values(v.row).returning('seq'));

/** An entry that needs no transaction of its own caller (the page cache after a workspace change). */
export function logChange(db: Db, change: NewChange): Promise<number> {
  return inTransaction(db, (trx) => appendChange(trx, change));
}

/** The newest entry's number (0 for an empty log): what a reader starting now has seen. */
export async function lastChangeSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Entries after `after`, oldest first: every consultation's, or one consultation's (an index on (consultation_id, seq)). */
export async function readChanges(
  db: Db,
  after: number,
  { consultationId, limit = 1_000 }: { consultationId?: number; limit?: number } = {},
): Promise<LoggedChange[]> {
  let query = db.selectFrom('change_log').select(['seq', 'consultation_id', 'kind', 'response_id', 'detail']).where('seq', '>', after);
  if (consultationId !== undefined) query = query.where('consultation_id', '=', consultationId);
  const rows = await query.orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    consultationId: r.consultation_id,
    kind: r.kind,
    responseId: r.response_id,
    detail: r.detail == null ? null : (JSON.parse(r.detail) as unknown),
  }));
}

/** Deletes entries before `seq` and older than `olderThan`: no process needs them (see pruneChangeLog's caller). */
export async function pruneChanges(db: Db, { before, olderThan }: { before: number; olderThan: Date }): Promise<number> {
  const result = await db.deleteFrom('change_log').where('seq', '<', before).where('created_at', '<', olderThan.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type ChangesListener = (db: Db, changes: readonly LoggedChange[]) => void;

interface Feed {
  /** The newest entry delivered to the listeners; null until the feed has started. */
  seen: number | null;
  running: Promise<void>;
  queued: Promise<void> | null;
}

// Kept on globalThis: this module is bundled twice in production (the Remix build, whose modules
// listen, and server.js, which starts the feed), and both copies must share one set.
const shared = ((globalThis as { [key: symbol]: unknown })[Symbol.for('heard.changeLog')] ??= {
  listeners: new Set<ChangesListener>(),
  feeds: new WeakMap<Db, Feed>(),
}) as { listeners: Set<ChangesListener>; feeds: WeakMap<Db, Feed> };

/** Hears every batch of new entries any process wrote (this one's too), once a feed runs; the function returned stops it. */
export function onLoggedChanges(listener: ChangesListener): () => void {
  shared.listeners.add(listener);
  return () => shared.listeners.delete(listener);
}

async function deliver(db: Db, feed: Feed): Promise<void> {
  feed.seen ??= await lastChangeSeq(db);
  for (;;) {
    const changes = await readChanges(db, feed.seen);
    if (changes.length === 0) return;
    feed.seen = changes[changes.length - 1]!.seq;
    for (const listener of shared.listeners) {
      try {
        listener(db, changes);
      } catch (error) {
        console.error('A change log listener failed:', error);
      }
    }
  }
}

/**
 * Reads and delivers what is new. Calls while one read runs share the next one, so a burst of
 * notices costs two reads, not one each.
 */
export function catchUpChanges(db: Db): Promise<void> {
  let feed = shared.feeds.get(db);
  if (!feed) shared.feeds.set(db, (feed = { seen: null, running: Promise.resolve(), queued: null }));
  const f = feed;
  if (f.queued) return f.queued;
  const run = f.running.then(() => {
    f.queued = null;
    return deliver(db, f);
  });
  f.queued = run;
  f.running = run.catch((error: unknown) => console.error('Could not read the change log:', error));
  return run;
}

export interface ChangeFeed {
  stop(): Promise<void>;
}

export interface FeedOptions {
  /** postgres://…: listen for notices on a connection of its own. Otherwise the feed polls. */
  databaseUrl?: string;
  /** How often SQLite is polled (an indexed read of nothing, mostly). */
  pollMs?: number;
  /** How often PostgreSQL is polled as well, in case a notice was lost. */
  safetyPollMs?: number;
}

/** Starts delivering entries written from now on (server.ts, one per process); stop() on shutdown. */
export function startChangeFeed(db: Db, { databaseUrl, pollMs = 200, safetyPollMs = 10_000 }: FeedOptions = {}): ChangeFeed {
  const tick = () => void catchUpChanges(db).catch(() => {});
  tick(); // from here on: entries already there are history
  let listener: ChangeListener | undefined;
  if (isPostgres(db) && databaseUrl) listener = listenForChanges(databaseUrl, tick, tick);
  const timer = setInterval(tick, listener ? safetyPollMs : pollMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await listener?.stop();
      await shared.feeds.get(db)?.running;
    },
  };
}
