import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isDatabaseBusy } from './busy';
import { openDatabase } from './connection';

// On PostgreSQL a lock wait does not hold up the event loop, but a request waiting forever behind
// someone's table lock is no better: past busySeconds it fails as "busy", for a 503 not a 500.
describe.skipIf(!process.env.TEST_DATABASE_URL)('a PostgreSQL lock held past busySeconds', () => {
  it('fails the waiting query as busy (lock_timeout), and the query runs once the lock is gone', async () => {
    const server = process.env.TEST_DATABASE_URL!;
    const name = `heard_busy_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const db = openDatabase(url.toString(), { busySeconds: 0.5 });
    const holder = new pg.Client({ connectionString: url.toString() });
    try {
      await sql`create table note (id serial primary key, text text not null)`.execute(db);
      await holder.connect();
      await holder.query('begin');
      await holder.query('lock table note in access exclusive mode');

      const failure = await sql`insert into note (text) values ('waits')`.execute(db).catch((error: unknown) => error);
      expect(isDatabaseBusy(failure)).toBe(true);

      await holder.query('commit');
      await sql`insert into note (text) values ('in time')`.execute(db);
      const { rows } = await sql<{ text: string }>`select text from note`.execute(db);
      expect(rows).toEqual([{ text: 'in time' }]);
    } finally {
      await holder.end();
      await db.destroy();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
