import { existsSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import SQLite from 'better-sqlite3';
import { BackupError } from './manifest';

// SQLite through its online backup API (better-sqlite3's db.backup): a copy of one consistent
// moment while the app keeps serving and writing. The copy is made in a single step, which in WAL
// mode holds a read snapshot that writers do not wait for, so it never restarts under a stream
// of writes as a page-by-page copy would.

/** All remaining pages in one step (sqlite3_backup_step's page count, as big as it goes). */
const ALL_PAGES = 0x7fffffff;

export interface SqliteContents {
  migrations: string[];
  tables: Record<string, number>;
}

/** The applied migrations and every table's rows of an open SQLite database. */
function readContents(db: SQLite.Database): SqliteContents {
  const names = (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as { name: string }[]).map(
    (r) => r.name,
  );
  const tables: Record<string, number> = {};
  for (const name of names) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    tables[name] = (db.prepare(`select count(*) as n from ${quoted}`).get() as { n: number }).n;
  }
  const migrations = names.includes('kysely_migration')
    ? (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name)
    : [];
  return { migrations, tables };
}

/**
 * Copies the SQLite database at `source` to the new file `copy`, self-contained (its journal out
 * of WAL mode, so the one file is the whole database), and says what the copy holds.
 */
export async function backupSqlite(source: string, copy: string): Promise<SqliteContents> {
  if (!existsSync(source) || statSync(source).size === 0) throw new BackupError(`There is no SQLite database at ${source}.`);
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 15000');
    await db.backup(copy, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  const copied = new SQLite(copy, { fileMustExist: true });
  try {
    copied.pragma('journal_mode = DELETE');
    return readContents(copied);
  } finally {
    copied.close();
  }
}

/**
 * Checks that `target` may be restored into: no file there, or an empty one, and no write-ahead
 * log beside it (a database that is in use).
 */
export function checkSqliteTargetEmpty(target: string): void {
  if (target === ':memory:') throw new BackupError('Restore needs a file to restore into, not :memory:.');
  if (existsSync(target) && statSync(target).size > 0)
    throw new BackupError(`${target} already holds a database: restore only goes into a new (or empty) file. Name another file, or move this one away first.`);
  for (const side of [`${target}-wal`, `${target}-journal`])
    if (existsSync(side) && statSync(side).size > 0)
      throw new BackupError(`${side} exists: a database at ${target} is (or was) in use. Restore only goes into a new file.`);
}

/**
 * Puts the SQLite file `restored` (the payload, written beside the target) in place as `target`
 * once `check` accepts what it holds; otherwise deletes it (check's error says why).
 */
export async function installSqlite(restored: string, target: string, check: (contents: SqliteContents) => void): Promise<SqliteContents> {
  try {
    const db = new SQLite(restored, { fileMustExist: true });
    let contents: SqliteContents;
    try {
      contents = readContents(db);
    } finally {
      db.close();
    }
    check(contents);
    checkSqliteTargetEmpty(target);
    await rename(restored, target);
    return contents;
  } catch (error) {
    await rm(restored, { force: true });
    throw error;
  }
}
