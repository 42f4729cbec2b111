import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '#db/connection';

// A background export's file, kept in the database in pieces (export_file_chunks) rather than on
// one process's disk: every process of a deployment already reaches the database, so the
// download works wherever the load balancer sends it, with no shared folder to mount, back up
// or keep private, and the file goes with its job when either is purged. Written and read one
// piece at a time, so a 100 MB export holds about a megabyte of memory either way. Each try of a
// job writes under a fresh key; only the key of the try that finished is named on the job, so a
// try cut short leaves pieces nobody reads (purged with the old jobs).

const CHUNK_BYTES = 1024 * 1024;

const asBuffer = (piece: string | Uint8Array): Buffer =>
  typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);

/** Stores the body in pieces and returns its key and size. */
export async function storeFile(
  db: Db,
  body: AsyncIterable<string | Uint8Array> | string | Uint8Array,
  now = new Date(),
): Promise<{ key: string; bytes: number }> {
  const key = randomBytes(16).toString('hex');
  const createdAt = now.toISOString();
  let pending: Buffer[] = [];
  let size = 0;
  let seq = 0;
  let bytes = 0;
  const flush = async () => {
    if (size === 0) return;
    const chunk = Buffer.concat(pending, size);
    pending = [];
    size = 0;
    await db.insertInto('export_file_chunks').values({ file_key: key, seq: seq++, bytes: chunk, created_at: createdAt }).execute();
  };
  const pieces = typeof body === 'string' || body instanceof Uint8Array ? [body] : body;
  for await (const piece of pieces) {
    const buffer = asBuffer(piece);
    // A whole body handed over at once (a summary table) is cut to size too.
    for (let at = 0; at < buffer.length; at += CHUNK_BYTES) {
      const part = buffer.subarray(at, at + CHUNK_BYTES);
      pending.push(part);
      size += part.length;
      bytes += part.length;
      if (size >= CHUNK_BYTES) await flush();
    }
  }
  await flush();
  return { key, bytes };
}

/** The stored file as a stream, read a piece at a time as the download takes it. */
export function readStoredFile(db: Db, key: string): Readable {
  async function* pieces() {
    for (let seq = 0; ; seq++) {
      const row = await db.selectFrom('export_file_chunks').select('bytes').where('file_key', '=', key).where('seq', '=', seq).executeTakeFirst();
      if (!row) return;
      yield Buffer.from(row.bytes);
    }
  }
  return Readable.from(pieces(), { objectMode: false });
}

export async function hasStoredFile(db: Db, key: string): Promise<boolean> {
  return (await db.selectFrom('export_file_chunks').select('seq').where('file_key', '=', key).where('seq', '=', 0).executeTakeFirst()) !== undefined;
}

/**
 * Deletes the pieces of the files named, and pieces written before `before` that no job names
 * (a try cut short). Returns how many pieces went.
 */
export async function deleteStoredFiles(db: Db, keys: string[], before: string): Promise<number> {
  let deleted = 0;
  if (keys.length > 0) deleted += Number((await db.deleteFrom('export_file_chunks').where('file_key', 'in', keys).executeTakeFirst()).numDeletedRows);
  const orphans = await db
    .deleteFrom('export_file_chunks')
    .where('created_at', '<', before)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('export_jobs').select('export_jobs.id').whereRef('export_jobs.file_key', '=', 'export_file_chunks.file_key'))),
    )
    .executeTakeFirst();
  return deleted + Number(orphans.numDeletedRows);
}
