import { spawn } from 'node:child_process';
import pg from 'pg';
import { BackupError } from './manifest';

// PostgreSQL through pg_dump (custom format) and pg_restore, spawned with argument lists (no
// shell) and the password, if the URL has one, in the child's PGPASSWORD rather than on its
// command line. The whole database is dumped: the app's tables in public and pg-boss's job queue
// in its own schema (pgboss). pg_dump works in a snapshot this module exports from a transaction
// in which it also counts every table's rows, so the manifest's counts are the dump's.

/** Schemas that every PostgreSQL database has; anything else is the app's (public, pgboss) or someone's. */
const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema', 'pg_toast'];

export interface PostgresContents {
  migrations: string[];
  tables: Record<string, number>;
}

/** The URL without its password, and the password for the child's environment. */
export function splitPassword(url: string): { url: string; env: Record<string, string> } {
  const parsed = new URL(url);
  if (!parsed.password) return { url, env: {} };
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), env: { PGPASSWORD: password } };
}

/** The URL as it may be printed: any password replaced by ***. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/** Runs a PostgreSQL client program; rejects with the end of its standard error if it fails. */
function runTool(program: string, args: string[], url: string): Promise<void> {
  const { env } = splitPassword(url);
  return new Promise((done, fail) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        new BackupError(
          error.code === 'ENOENT'
            ? `${program} was not found: install PostgreSQL's client programs (the server's major version or newer).`
            : `${program} could not start: ${error.message}`,
        ),
      ),
    );
    child.once('close', (code) => (code === 0 ? done() : fail(new BackupError(`${program} failed (exit code ${code}):\n${stderr.trim()}`))));
  });
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Cannot connect to ${redactUrl(url)}: ${(error as Error).message}`);
  }
  return client;
}

/** Every table outside the system schemas, named `table` in public and `schema.table` elsewhere. */
async function listTables(client: pg.Client): Promise<{ name: string; sql: string }[]> {
  const { rows } = await client.query<{ table_schema: string; table_name: string }>(
    `select table_schema, table_name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema <> all($1::text[]) and table_schema not like 'pg_temp%'
      order by table_schema, table_name`,
    [SYSTEM_SCHEMAS],
  );
  return rows.map((r) => ({
    name: r.table_schema === 'public' ? r.table_name : `${r.table_schema}.${r.table_name}`,
    sql: `${client.escapeIdentifier(r.table_schema)}.${client.escapeIdentifier(r.table_name)}`,
  }));
}

async function readContents(client: pg.Client): Promise<PostgresContents> {
  const tables: Record<string, number> = {};
  const listed = await listTables(client);
  // `only`: a partitioned table's rows are counted in its partitions, once.
  for (const table of listed) tables[table.name] = Number((await client.query<{ n: string }>(`select count(*) as n from only ${table.sql}`)).rows[0]!.n);
  const migrations = listed.some((t) => t.name === 'kysely_migration')
    ? (await client.query<{ name: string }>('select name from kysely_migration order by name')).rows.map((r) => r.name)
    : [];
  return { migrations, tables };
}

/** pg_dump of the database at `url` into `file` (custom format), and what that dump holds. */
export async function backupPostgres(url: string, file: string): Promise<PostgresContents> {
  const client = await connect(url);
  try {
    await client.query('begin transaction isolation level repeatable read read only');
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]!.id;
    const contents = await readContents(client);
    // The snapshot lives as long as this transaction: pg_dump must finish before it ends.
    await runTool('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, '--no-password', `--file=${file}`, `--dbname=${splitPassword(url).url}`], url);
    await client.query('commit');
    return contents;
  } finally {
    await client.end();
  }
}

/** Refuses a target that holds anything: a table, or a schema of its own (pg-boss's included). */
export async function checkPostgresTargetEmpty(url: string): Promise<void> {
  const client = await connect(url);
  try {
    const tables = await listTables(client);
    const { rows: schemas } = await client.query<{ nspname: string }>(
      `select nspname from pg_namespace where nspname <> all($1::text[]) and nspname <> 'public' and nspname not like 'pg_%' order by nspname`,
      [SYSTEM_SCHEMAS],
    );
    const found = [...tables.slice(0, 5).map((t) => `table ${t.name}`), ...schemas.map((s) => `schema ${s.nspname}`)];
    if (found.length > 0)
      throw new BackupError(
        `${redactUrl(url)} is not empty (${found.join(', ')}${tables.length > 5 ? ` and ${tables.length - 5} more tables` : ''}): restore only goes into a new, empty database. Create one (createdb NAME) and name it with --database.`,
      );
  } finally {
    await client.end();
  }
}

/** pg_restore of the custom-format `file` into `url`, all or nothing, then what the database holds. */
export async function restorePostgres(file: string, url: string): Promise<PostgresContents> {
  await runTool(
    'pg_restore',
    ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', '--no-password', `--dbname=${splitPassword(url).url}`, file],
    url,
  );
  const client = await connect(url);
  try {
    return await readContents(client);
  } finally {
    await client.end();
  }
}
