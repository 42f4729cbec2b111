import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '#db/connection';
import { latestMigrationName, migrateDown } from '#db/migrate';
import { SCHEMA_COLUMNS } from '#db/schema';
import { createRandom } from '#db/seed/random';
import { seedWards } from '#db/seed/wards';
import { createConsultation } from '../../tests/factories';
import { createSharedTestDb } from '../../tests/db';
import { storeRandomResponses } from '../../tests/random-responses';
import { takeBackup } from './backup';
import type { BackupManifest } from './manifest';
import { restoreBackup } from './restore';

// Backup and restore against real databases: a SQLite file, or PostgreSQL when TEST_DATABASE_URL
// names a server (npm run test:postgres). What is restored is compared row by row, table by table.

const serverUrl = process.env.TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'heard-backup-test-'));
const made: string[] = [];
const opened: Db[] = [];
let source: Awaited<ReturnType<typeof createSharedTestDb>>;
let db: Db;

/** A new, empty place to restore into: a SQLite path with nothing there, or a new PostgreSQL database. */
async function emptyTarget(): Promise<string> {
  // In a folder not made yet, as data/ on a new machine.
  if (!serverUrl) return join(dir, `restored-${randomBytes(4).toString('hex')}`, 'heard.sqlite');
  const name = `heard_restore_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  made.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function open(url: string): Db {
  const opening = openDatabase(url);
  opened.push(opening);
  return opening;
}

/** Every row of every table (the app's and Kysely's migrations), each table's rows in a stable order. */
async function everyRow(target: Db): Promise<Record<string, string[]>> {
  const tables = [...Object.keys(SCHEMA_COLUMNS), 'kysely_migration'].sort();
  const rows: Record<string, string[]> = {};
  for (const table of tables) {
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(target);
    rows[table] = result.rows.map((row) => JSON.stringify(row, (_, value: unknown) => (value instanceof Date ? value.toISOString() : value))).sort();
  }
  return rows;
}

async function tableCount(target: Db): Promise<number> {
  const result = serverUrl
    ? await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = 'public'`.execute(target)
    : await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table'`.execute(target);
  return Number(result.rows[0]!.n);
}

async function backupOf(url: string): Promise<{ file: string; manifest: BackupManifest }> {
  const file = join(dir, `backup-${randomBytes(4).toString('hex')}.heard`);
  return { file, manifest: await takeBackup({ database: url, out: file }) };
}

beforeAll(async () => {
  source = await createSharedTestDb();
  db = source.open();
  await seedWards(db);
  const id = await createConsultation(db, {
    sections: [
      {
        key: 'main',
        questions: [
          { key: 'pick', kind: 'single_choice', options: ['a', 'b', 'c'] },
          { key: 'many', kind: 'multiple_choice', options: ['m1', 'm2', 'm3', 'm4'] },
          { key: 'rank', kind: 'ranking', options: ['r1', 'r2', 'r3'], rankCount: 2 },
          { key: 'say', kind: 'long_text' },
        ],
      },
    ],
  });
  await storeRandomResponses(db, id, 120, createRandom(18));
}, 60_000);

afterAll(async () => {
  await Promise.all(opened.map((o) => o.destroy()));
  await source?.destroy();
  if (serverUrl && made.length > 0) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (const name of made) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore (${serverUrl ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('restores into an empty database every row of every table, and the manifest counts them', async () => {
    const { file, manifest } = await backupOf(source.url);
    expect(manifest.database).toBe(serverUrl ? 'postgres' : 'sqlite');
    expect(manifest.tables.responses).toBe(120);
    expect(manifest.tables.answers).toBeGreaterThan(120);
    expect(manifest.schema.latest).toBe(manifest.schema.migrations.at(-1));

    const target = await emptyTarget();
    const restored = await restoreBackup({ file, database: target });
    expect(restored.payload.sha256).toBe(manifest.payload.sha256);
    const copy = open(target);
    expect(await everyRow(copy)).toEqual(await everyRow(db));
  });

  it('refuses a file that is damaged, truncated or not a backup, and leaves the target untouched', async () => {
    const { file } = await backupOf(source.url);
    const bytes = readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 100] = flipped[bytes.length - 100]! ^ 0xff;
    const cases: [string, Buffer, RegExp][] = [
      ['a flipped byte', flipped, /is damaged: its payload's SHA-256 is [0-9a-f]{64}, the manifest says/],
      ['the end cut off', bytes.subarray(0, bytes.length - 4096), /is truncated: its payload has \d+ of \d+ bytes/],
      ['the manifest cut', bytes.subarray(0, 200), /cut short inside its manifest/],
      [
        'an edited manifest',
        Buffer.from(bytes.toString('latin1').replace('"responses":120', '"responses":121'), 'latin1'),
        /manifest does not match its checksum/,
      ],
      ['something else', Buffer.from('SQLite format 3\0'), /is not a Heard backup/],
    ];
    for (const [what, content, message] of cases) {
      const broken = join(dir, `broken-${randomBytes(4).toString('hex')}.heard`);
      writeFileSync(broken, content);
      const target = await emptyTarget();
      await expect(restoreBackup({ file: broken, database: target }), what).rejects.toThrow(message);
      if (serverUrl) expect(await tableCount(open(target)), what).toBe(0);
      else expect(existsSync(target), what).toBe(false);
    }
  });

  it('refuses a target that already holds a database, and changes nothing in it', async () => {
    const { file } = await backupOf(source.url);
    const before = await everyRow(db);
    await expect(restoreBackup({ file, database: source.url })).rejects.toThrow(/already holds a database|is not empty/);
    expect(await everyRow(db)).toEqual(before);
  });

  it('refuses a backup of another schema version, naming both', async () => {
    const older = await createSharedTestDb();
    try {
      const olderDb = older.open();
      const [undone] = await migrateDown(olderDb);
      const { file, manifest } = await backupOf(older.url);
      const current = latestMigrationName();
      expect(undone).toBe(`Down ${current}`);
      expect(manifest.schema.latest).not.toBe(current);
      const target = await emptyTarget();
      await expect(restoreBackup({ file, database: target })).rejects.toThrow(
        `The backup's schema version is ${manifest.schema.latest}, but this version of Heard expects ${current}.`,
      );
      if (!serverUrl) expect(existsSync(target)).toBe(false);
    } finally {
      await older.destroy();
    }
  });

  it('never overwrites a file with a backup', async () => {
    const { file } = await backupOf(source.url);
    const before = readFileSync(file);
    await expect(takeBackup({ database: source.url, out: file })).rejects.toThrow(/already exists: a backup never overwrites a file/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
