import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { deflateRaw, inflateRaw } from 'node:zlib';
import { inTransaction, type Db } from '#db/connection';
import { reviveIndex, type ConsultationIndex } from './consultation-index';

// A consultation's index kept in the database (issue 16), so a process that starts loads it and
// replays the change log after the position it covers instead of reading a million responses
// (22 s on SQLite). The index is serialised as the worker threads already send it (v8's
// structured clone: typed arrays, maps and sets survive, the dictionaries get their class back
// from reviveIndex), compressed (about a quarter of the size: the columns are small integers,
// and PostgreSQL sends bytea as hex, which made reading it the slow part) on libuv's threads, not
// the one answering requests, in chunks that stay well within both databases' limits on one value.
//
// A snapshot holds everything up to its `seq` and perhaps a little after (this process's own
// changes applied ahead of the log): replaying the log after `seq` is idempotent, so both are
// fine. It is used only for the questions and options it was made for (`stamp`).

const CHUNK_BYTES = 8 * 1024 * 1024;
const compress = promisify(deflateRaw);
const decompress = promisify(inflateRaw);

export interface Snapshot {
  index: ConsultationIndex;
  seq: number;
}

/** Serialises the index now (synchronously, so it is one moment's state), to be written by saveSnapshot. */
export function takeSnapshot(index: ConsultationIndex): Buffer {
  return serialize(index);
}

/** Replaces the consultation's snapshot, unless one for the same questions as new or newer is there already (another process wrote it). */
export async function saveSnapshot(
  db: Db,
  consultationId: number,
  bytes: Buffer,
  { seq, stamp, chunkBytes = CHUNK_BYTES }: { seq: number; stamp: string; chunkBytes?: number },
  now = new Date(),
): Promise<boolean> {
  const compressed = await compress(bytes, { level: 1 });
  return inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('index_snapshots')
      .select(['seq', 'stamp'])
      .where('consultation_id', '=', consultationId)
      .where('chunk', '=', 0)
      .executeTakeFirst();
    if (existing && existing.stamp === stamp && Number(existing.seq) >= seq) return false;
    await trx.deleteFrom('index_snapshots').where('consultation_id', '=', consultationId).execute();
    for (let chunk = 0, at = 0; at < compressed.length || chunk === 0; chunk++, at += chunkBytes) {
      await trx
        .insertInto('index_snapshots')
        .values({ consultation_id: consultationId, chunk, seq, stamp, data: compressed.subarray(at, at + chunkBytes), created_at: now.toISOString() })
        .execute();
    }
    return true;
  });
}

/** The consultation's snapshot for these questions and options, or null. */
export async function loadSnapshot(db: Db, consultationId: number, stamp: string): Promise<Snapshot | null> {
  const head = await db
    .selectFrom('index_snapshots')
    .select(['seq', 'stamp'])
    .where('consultation_id', '=', consultationId)
    .where('chunk', '=', 0)
    .executeTakeFirst();
  if (!head || head.stamp !== stamp) return null;
  const rows = await db.selectFrom('index_snapshots').select(['chunk', 'seq', 'data']).where('consultation_id', '=', consultationId).orderBy('chunk').execute();
  // Replaced meanwhile by another process: its chunks and ours do not belong together.
  if (rows.some((r) => Number(r.seq) !== Number(head.seq)) || rows.some((r, i) => r.chunk !== i)) return null;
  const index = reviveIndex(deserialize(await decompress(Buffer.concat(rows.map((r) => r.data)))) as ConsultationIndex);
  return index.consultationId === consultationId ? { index, seq: Number(head.seq) } : null;
}

/** Deletes a snapshot found not to count every response, so the index built instead can take its place. */
export async function discardSnapshot(db: Db, consultationId: number, seq: number): Promise<void> {
  await db.deleteFrom('index_snapshots').where('consultation_id', '=', consultationId).where('seq', '=', seq).execute();
}

/** The oldest log position any snapshot still needs replayed from (null: no snapshots). */
export async function oldestSnapshotSeq(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('index_snapshots')
    .select((eb) => eb.fn.min('seq').as('seq'))
    .executeTakeFirst();
  return row?.seq == null ? null : Number(row.seq);
}
