// What a backup file says about itself (the manifest at its head, see file.ts): enough to refuse
// a wrong restore before anything is touched, and to prove a finished one complete.

export const FORMAT_VERSION = 1;

export type DatabaseKind = 'sqlite' | 'postgres';

export interface BackupManifest {
  format: 'heard-backup';
  formatVersion: typeof FORMAT_VERSION;
  /** The kind of database it came from, and so the only kind it restores into. */
  database: DatabaseKind;
  createdAt: string;
  /** Kysely's migration table in the copy: the newest applied migration and every applied one. */
  schema: { latest: string; migrations: string[] };
  /** Rows in every table of the copy (PostgreSQL: `schema.table` outside public), counted in the snapshot the copy is. */
  tables: Record<string, number>;
  /** The copy itself: a SQLite database file, or pg_dump's custom format (what pg_restore reads). */
  payload: { kind: 'sqlite-file' | 'pg_dump-custom'; bytes: number; sha256: string };
}

/** Refusals and failures a person can act on: the message is the whole explanation. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export const KEY_TABLES = ['responses', 'answers'] as const;

/** The newest of the applied migration names (they sort by their timestamp prefix), or "none". */
export function newestMigration(names: string[]): string {
  return [...names].sort().at(-1) ?? 'none';
}

/** Tables whose row counts differ between the manifest and a restored database, as readable lines. */
export function countDifferences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names
    .filter((name) => expected[name] !== actual[name])
    .map((name) => `${name}: ${expected[name] ?? 'no such table'} in the backup, ${actual[name] ?? 'no such table'} restored`);
}

/** A short account of a backup for people: schema version and the key tables' rows. */
export function describeManifest(manifest: BackupManifest): string[] {
  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
  const key = KEY_TABLES.map((t) => `${t} ${(manifest.tables[t] ?? 0).toLocaleString('en-GB')}`).join(', ');
  return [
    `  database     ${manifest.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, taken ${manifest.createdAt}`,
    `  schema       ${manifest.schema.latest} (${manifest.schema.migrations.length} migrations)`,
    `  rows         ${key} (${Object.keys(manifest.tables).length} tables, ${rows.toLocaleString('en-GB')} rows in all)`,
    `  payload      ${manifest.payload.kind}, ${manifest.payload.bytes.toLocaleString('en-GB')} bytes, SHA-256 ${manifest.payload.sha256}`,
  ];
}
