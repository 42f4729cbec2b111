import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * One real database opened by several `Db`s, as several processes would open it: a SQLite file
 * in a temporary folder, or a brand-new PostgreSQL database when TEST_DATABASE_URL names a server.
 */
export async function createSharedTestDb(): Promise<{ url: string; dialect: 'sqlite' | 'postgres'; open: () => Db; destroy: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const opened: Db[] = [];
  const open = () => {
    const db = openDatabase(url);
    opened.push(db);
    return db;
  };
  let url: string;
  let drop: () => Promise<void>;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'heard-shared-'));
    url = join(dir, 'heard.sqlite');
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `heard_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const named = new URL(serverUrl);
    named.pathname = `/${name}`;
    url = named.toString();
    drop = async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }
  await migrateToLatest(open());
  return {
    url,
    dialect: serverUrl ? 'postgres' : 'sqlite',
    open,
    destroy: async () => {
      await Promise.all(opened.map((db) => db.destroy()));
      await drop();
    },
  };
}

/**
 * One freshly migrated database opened twice, as two app processes (or servers) on one database
 * see it (issue 16): each `Db` has its own connections, indexes, caches and, on SQLite, writer.
 */
export async function createTwoProcesses(): Promise<{ a: Db; b: Db; url: string; dialect: 'sqlite' | 'postgres'; destroy: () => Promise<void> }> {
  const shared = await createSharedTestDb();
  return { a: shared.open(), b: shared.open(), url: shared.url, dialect: shared.dialect, destroy: shared.destroy };
}
