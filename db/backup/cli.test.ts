import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#db/connection';
import { migrateToLatest } from '#db/migrate';
import { redactUrl, splitPassword } from './postgres';

// The commands as an operator meets them: help, what they print, and exit code 1 with a message
// that says why when they refuse. On SQLite files of their own (the PostgreSQL side of backup
// and restore is backup.test.ts under npm run test:postgres).

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'heard-backup-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: 'backup' | 'restore', args: string[]) {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [`db/cli/${script}.ts`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: join(dir, 'unset.sqlite') },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run db:backup and db:restore', () => {
  it('explain themselves with --help, and exit 1 when a required argument is missing', () => {
    expect(run('backup', ['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('npm run db:backup -- --out FILE [--database PATH|URL]') });
    expect(run('restore', ['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('into an EMPTY database') });
    expect(run('backup', [])).toMatchObject({ code: 1, err: expect.stringContaining('Name the backup file with --out FILE.') });
    expect(run('restore', [])).toMatchObject({ code: 1, err: expect.stringContaining('Name one backup file to restore.') });
  }, 30_000);

  it('back up, restore into a new file, and refuse a second restore onto it and a damaged file, each with exit code 1', async () => {
    const source = join(dir, 'source.sqlite');
    const db = openDatabase(source);
    await migrateToLatest(db);
    await db.destroy();
    const file = join(dir, 'heard.backup');
    const backup = run('backup', ['--out', file, '--database', source]);
    expect(backup.out).toMatch(/^Backed up .*source\.sqlite to .*heard\.backup in [\d.]+ s\n {2}database {5}SQLite, taken /);
    expect(backup.out).toMatch(/schema {7}\d{8}_\d{4}_\w+ \(\d+ migrations\)/);
    expect(backup.code).toBe(0);

    const target = join(dir, 'restored.sqlite');
    expect(run('restore', [file, '--database', target])).toMatchObject({
      code: 0,
      out: expect.stringContaining("every table's rows match the backup's manifest"),
    });
    expect(run('restore', [file, '--database', target])).toMatchObject({
      code: 1,
      err: expect.stringContaining('already holds a database: restore only goes into a new (or empty) file'),
    });
    expect(run('backup', ['--out', file, '--database', source])).toMatchObject({
      code: 1,
      err: expect.stringContaining('already exists: a backup never overwrites a file'),
    });

    const damaged = join(dir, 'damaged.backup');
    writeFileSync(damaged, 'HEARD-BACKUP 1 0000\n{"format":"heard-backup"}\n');
    expect(run('restore', [damaged, '--database', join(dir, 'other.sqlite')])).toMatchObject({
      code: 1,
      err: expect.stringContaining('manifest does not match its checksum: the file is damaged; nothing was restored'),
    });
  }, 60_000);
});

describe('PostgreSQL passwords', () => {
  it('go to pg_dump and pg_restore in PGPASSWORD, never in their arguments, and are never printed', () => {
    expect(splitPassword('postgres://heard:s%40cret%2Fx@db.internal:5432/heard?sslmode=require')).toEqual({
      url: 'postgres://heard@db.internal:5432/heard?sslmode=require',
      env: { PGPASSWORD: 's@cret/x' },
    });
    expect(splitPassword('postgres://heard@127.0.0.1/heard')).toEqual({ url: 'postgres://heard@127.0.0.1/heard', env: {} });
    expect(redactUrl('postgres://heard:s%40cret@db.internal/heard')).toBe('postgres://heard:***@db.internal/heard');
  });
});
