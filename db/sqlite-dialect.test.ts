import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { Kysely, sql, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseBusyError } from './busy';
import { BusyTolerantSqliteDialect } from './sqlite-dialect';

interface Schema {
  note: { id: Generated<number>; text: string };
  part: { id: Generated<number>; note_id: number };
}

let dir: string;
let path: string;
let db: Kysely<Schema>;
// Another connection, as another process (an import, the sqlite3 shell) would have.
let other: SQLite.Database;

function open(busySeconds: number) {
  return new Kysely<Schema>({ dialect: new BusyTolerantSqliteDialect({ path, busySeconds }) });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'heard-busy-'));
  path = join(dir, 'test.sqlite');
  db = open(10);
  await sql`create table note (id integer primary key, text text not null)`.execute(db);
  await sql`create table part (id integer primary key, note_id integer not null references note (id))`.execute(db);
  await db.insertInto('note').values({ text: 'before' }).execute();
  other = new SQLite(path);
});

afterEach(async () => {
  if (other.inTransaction) other.exec('rollback');
  other.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** Holds the write lock from the other connection until the returned release is called. */
function holdWriteLock(): () => void {
  other.exec('begin immediate');
  other.prepare('insert into note (text) values (?)').run('from the other connection');
  return () => other.exec('commit');
}

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('BusyTolerantSqliteDialect on a file another connection has locked', () => {
  it('answers reads while the lock is held, and the write waits for it without stopping the event loop', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const release = holdWriteLock();
    const events: string[] = [];

    const write = db
      .insertInto('note')
      .values({ text: 'ours' })
      .execute()
      .then(() => events.push('write stored'));
    const read = db
      .selectFrom('note')
      .select('text')
      .execute()
      .then((rows) => events.push(`read ${rows.map((row) => row.text).join(',')}`));
    await read;
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    await later(1000);
    clearInterval(ticker);
    events.push('lock released');
    release();
    await write;
    delay.disable();

    // The read saw the committed data at once; the write stored after the release, not lost.
    expect(events).toEqual(['read before', 'lock released', 'write stored']);
    // About 50 ticks on a quiet machine. A loop stopped by a waiting write ticks once or not at
    // all and is held for the whole second, so these bounds still catch it with room for a
    // heavily loaded machine (load average 14 once gave 25 ticks).
    expect(ticks).toBeGreaterThan(10);
    expect(delay.max / 1e6).toBeLessThan(500);
    const texts = await db.selectFrom('note').select('text').orderBy('id').execute();
    expect(texts.map((row) => row.text)).toEqual(['before', 'from the other connection', 'ours']);
  });

  it('begins transactions IMMEDIATE: a transaction waits for the lock whole and commits whole', async () => {
    const release = holdWriteLock();
    const events: string[] = [];
    const transaction = db.transaction().execute(async (trx) => {
      const { id } = await trx.insertInto('note').values({ text: 'parent' }).returning('id').executeTakeFirstOrThrow();
      await later(20);
      await trx.insertInto('part').values({ note_id: id }).execute();
      events.push('transaction done');
    });
    await later(300);
    events.push('lock released');
    release();
    await transaction;
    expect(events).toEqual(['lock released', 'transaction done']);
    const parts = await db.selectFrom('part').innerJoin('note', 'note.id', 'part.note_id').select('note.text').execute();
    expect(parts).toEqual([{ text: 'parent' }]);
  });

  it('fails with DatabaseBusyError past the deadline, having written nothing, and works again after', async () => {
    const impatient = open(0.3);
    const release = holdWriteLock();
    await expect(impatient.insertInto('note').values({ text: 'too late' }).execute()).rejects.toBeInstanceOf(DatabaseBusyError);
    await expect(impatient.transaction().execute((trx) => trx.insertInto('note').values({ text: 'too late' }).execute())).rejects.toBeInstanceOf(
      DatabaseBusyError,
    );
    release();
    await impatient.insertInto('note').values({ text: 'in time' }).execute();
    const texts = await impatient.selectFrom('note').select('text').orderBy('id').execute();
    expect(texts.map((row) => row.text)).toEqual(['before', 'from the other connection', 'in time']);
    await impatient.destroy();
  });

  it("takes turns with another process writing at the same time: neither waits for all of the other's writers", async () => {
    // Two dialects on one file, as two app servers have. The first holds the lock while the
    // second's writers line up, so each finds the other holding it and both take turns.
    const second = open(10);
    const hold = await new Promise<() => void>((held) => {
      void db.transaction().execute(async (trx) => {
        await trx.insertInto('note').values({ text: 'a0' }).execute();
        await new Promise<void>((release) => held(release));
      });
    });
    const writes = (from: Kysely<Schema>, name: string, count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, n) =>
          from.transaction().execute((trx) =>
            trx
              .insertInto('note')
              .values({ text: `${name}${n + 1}` })
              .execute(),
          ),
        ),
      );
    const queued = writes(second, 'b', 300);
    await later(20);
    hold();
    await later(5);
    // The first server's next writer arrives while the second's 300 are under way.
    await writes(db, 'a', 1);
    await queued;
    const texts = (await db.selectFrom('note').select('text').orderBy('id').execute()).map((row) => row.text);
    expect(texts).toHaveLength(1 + 1 + 300 + 1);
    expect(new Set(texts).size).toBe(texts.length);
    // Stored before the second server's last writer, not after all of them.
    expect(texts.indexOf('a1')).toBeLessThan(texts.indexOf('b300'));
    await second.destroy();
  });

  it('rolls back a failed transaction whole and lets the next writer in', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('note').values({ text: 'half' }).execute();
        await trx.insertInto('part').values({ note_id: 999 }).execute(); // foreign key fails
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    await Promise.all(
      [1, 2, 3].map((n) =>
        db.transaction().execute((trx) =>
          trx
            .insertInto('note')
            .values({ text: `t${n}` })
            .execute(),
        ),
      ),
    );
    const texts = await db.selectFrom('note').select('text').orderBy('id').execute();
    expect(texts.map((row) => row.text)).toEqual(['before', 't1', 't2', 't3']);
  });

  it('streams rows while plain queries run beside the stream', async () => {
    await db
      .insertInto('note')
      .values([{ text: 'a' }, { text: 'b' }])
      .execute();
    const streamed: string[] = [];
    for await (const row of db.selectFrom('note').select('text').orderBy('id').stream()) {
      streamed.push(row.text);
      // A plain read and a write while the stream holds its reader connection.
      await db.selectFrom('note').select('id').execute();
      if (row.text === 'a') await db.insertInto('note').values({ text: 'during' }).execute();
    }
    expect(streamed).toEqual(['before', 'a', 'b']);
  });
});
