import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db } from '../db/connection';
import { migrateToLatest } from '../db/migrate';

/**
 * A real, freshly migrated database for one test file: in-memory SQLite by default, or a
 * brand-new PostgreSQL database when TEST_DATABASE_URL names a server. Never a mock.
 */
export async function createTestDb(): Promise<{ db: Db; destroy: () => Promise<void>; dialect: 'sqlite' | 'postgres' }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = openDatabase(':memory:');
    await migrateToLatest(db);
    return { db, dialect: 'sqlite', destroy: () => db.destroy() };
  }
  const name = `heard_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openDatabase(url.toString());
  await migrateToLatest(db);
  return {
    db,
    dialect: 'postgres',
    destroy: async () => {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
