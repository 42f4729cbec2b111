import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../db/connection';
import { migrateToLatest } from '../db/migrate';

/**
 * One freshly migrated database opened twice, as two app processes on one database see it (issue
 * 16): each `Db` has its own connections, indexes and caches. A SQLite file by default, or a
 * brand-new PostgreSQL database when TEST_DATABASE_URL names a server (as tests/db.ts does).
 */
export async function createTwoProcesses(): Promise<{ a: Db; b: Db; url: string; dialect: 'sqlite' | 'postgres'; destroy: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'heard-two-'));
    const url = join(dir, 'heard.sqlite');
    const a = openDatabase(url);
    await migrateToLatest(a);
    const b = openDatabase(url);
    return {
      a,
      b,
      url,
      dialect: 'sqlite',
      destroy: async () => {
        await Promise.all([a.destroy(), b.destroy()]);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `heard_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const address = new URL(serverUrl);
  address.pathname = `/${name}`;
  const url = address.toString();
  const a = openDatabase(url);
  await migrateToLatest(a);
  const b = openDatabase(url);
  return {
    a,
    b,
    url,
    dialect: 'postgres',
    destroy: async () => {
      await Promise.all([a.destroy(), b.destroy()]);
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
