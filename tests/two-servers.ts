import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../db/connection';
import { migrateToLatest } from '../db/migrate';

/**
 * One freshly migrated database opened twice, as two app servers open it: each `Db` has its own
 * connections (and, on SQLite, its own writer), so what one process keeps to itself the other
 * never sees. A SQLite file in a temporary folder by default, or a brand-new PostgreSQL database
 * when TEST_DATABASE_URL names a server.
 */
export async function openTwoServers(): Promise<{ a: Db; b: Db; dialect: 'sqlite' | 'postgres'; destroy: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'heard-two-servers-'));
    const path = join(dir, 'heard.sqlite');
    const a = openDatabase(path);
    await migrateToLatest(a);
    const b = openDatabase(path);
    return {
      a,
      b,
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
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const a = openDatabase(url.toString());
  await migrateToLatest(a);
  const b = openDatabase(url.toString());
  return {
    a,
    b,
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
