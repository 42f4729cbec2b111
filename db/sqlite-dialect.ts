import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { Gate, retryWhileBusy } from './busy';

export interface SqliteOptions {
  path: string;
  /** How long a query may wait for someone else's lock before DatabaseBusyError. */
  busySeconds: number;
  /** Reader connections at most (each stream holds one while it runs). */
  readers?: number;
}

/**
 * SQLite without stopping the event loop. better-sqlite3 is synchronous, so a busy timeout
 * inside SQLite would freeze every request while another process (an import, a backup, the
 * sqlite3 shell) holds the write lock. Here SQLite never waits (busy_timeout 0): a locked
 * database is tried again later with setTimeout, up to `busySeconds`, then DatabaseBusyError.
 *
 * Writes and transactions go through one writer connection, one at a time in this process (a
 * Gate, so they queue rather than spin against each other); transactions begin IMMEDIATE, so
 * one never fails halfway when it turns from reading to writing. Plain reads go to reader
 * connections, which in WAL mode never wait for a writer. `:memory:` is one database per
 * connection, so there everything shares the writer, as Kysely's own SqliteDriver does.
 */
export class BusyTolerantSqliteDialect implements Dialect {
  constructor(readonly options: SqliteOptions) {}
  createAdapter = () => new SqliteAdapter();
  createDriver = () => new BusyTolerantSqliteDriver(this.options);
  createQueryCompiler = () => new SqliteQueryCompiler();
  createIntrospector = (db: Kysely<unknown>) => new SqliteIntrospector(db);
}

/** A connection with its own statement cache. */
class Handle {
  readonly statements = new Map<string, SQLite.Statement>();
  streaming = false;
  constructor(readonly sqlite: SQLite.Database) {}

  /**
   * Kysely prepares every statement anew; preparing costs about as much as running a small
   * query, and a submission runs several. Statements are kept by their SQL and reused: a
   * handle runs one statement at a time, and SQLite re-prepares a kept one after a schema change.
   */
  prepare(sql: string, max = 500): SQLite.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      if (this.statements.size >= max) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  run({ sql, parameters }: CompiledQuery): QueryResult<unknown> {
    const statement = this.prepare(sql);
    if (statement.reader) return { rows: statement.all(parameters as unknown[]) };
    const { changes, lastInsertRowid } = statement.run(parameters as unknown[]);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }
}

function open(path: string, first: boolean): Handle {
  const sqlite = new SQLite(path);
  if (first) {
    // Setting WAL may need the lock once, when the file is new: at start, before serving.
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 0');
  // Scratch space (INSERT ... RETURNING's rows, sorts) in memory: on disk, each submission
  // created, wrote and deleted a file in /var/tmp inside its transaction.
  sqlite.pragma('temp_store = MEMORY');
  return new Handle(sqlite);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long after finding another process holding the lock this one still takes turns with it. */
const CONTENDED_MS = 1000;
/** While taking turns: how long this process's writers may follow one another before a pause… */
const TURN_MS = 4;
/** …and the pause, longer than the other process's wait between tries (retryWhileBusy). */
const PAUSE_MS = 2;

class BusyTolerantSqliteDriver implements Driver {
  readonly #options: SqliteOptions;
  readonly #gate = new Gate();
  readonly #readers: Handle[] = [];
  readonly #memory: boolean;
  #writer!: Handle;
  /** Until when another process is known to want the write lock too. */
  #contendedUntil = 0;
  /** When this process's current run of writers took the lock. */
  #turnSince = 0;

  constructor(options: SqliteOptions) {
    this.#options = options;
    this.#memory = options.path === ':memory:' || options.path === '';
  }

  async init(): Promise<void> {
    this.#writer = open(this.#options.path, true);
  }

  deadline(): number {
    return Date.now() + this.#options.busySeconds * 1000;
  }

  /** The writer, for the caller alone until `leave`. */
  async enter(deadline: number): Promise<Handle> {
    if (await this.#gate.enter(deadline)) this.#turnSince = Date.now();
    return this.#writer;
  }

  /**
   * Another process held the write lock. SQLite keeps no queue: left alone, this process's
   * writers would follow one another straight from COMMIT to BEGIN, and a process whose writers
   * queue up would keep the lock while the other waited, its requests (and its CPU) idle behind it.
   */
  readonly busy = () => {
    const now = Date.now();
    this.#contendedUntil = now + CONTENDED_MS;
    this.#turnSince = now;
  };

  /** Lets the next writer in; while taking turns with another process, after a pause once in a while. */
  leave(): void {
    const now = Date.now();
    const turnOver = now < this.#contendedUntil && now - this.#turnSince >= TURN_MS;
    this.#gate.leave(turnOver ? PAUSE_MS : 0);
  }

  /** A reader connection free for a statement (undefined for `:memory:`: use the writer). */
  async reader(deadline: number): Promise<Handle | undefined> {
    if (this.#memory) return undefined;
    for (;;) {
      const free = this.#readers.find((handle) => !handle.streaming);
      if (free) return free;
      if (this.#readers.length < (this.#options.readers ?? 4)) {
        const handle = open(this.#options.path, false);
        this.#readers.push(handle);
        return handle;
      }
      if (Date.now() > deadline) throw new Error('Every SQLite reader connection is busy streaming');
      await sleep(5);
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Session(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Session).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Session).end('commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Session).end('rollback');
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as Session).release();
  }

  async destroy(): Promise<void> {
    for (const handle of this.#readers) handle.sqlite.close();
    this.#writer?.sqlite.close();
  }
}

/** What Kysely sees as a connection: the writer while in a transaction, otherwise per statement. */
class Session implements DatabaseConnection {
  #pinned: Handle | undefined;
  constructor(readonly driver: BusyTolerantSqliteDriver) {}

  async begin(): Promise<void> {
    const deadline = this.driver.deadline();
    const writer = await this.driver.enter(deadline);
    try {
      await retryWhileBusy(() => writer.run(CompiledQuery.raw('begin immediate')), deadline, this.driver.busy);
    } catch (error) {
      this.driver.leave();
      throw error;
    }
    this.#pinned = writer;
  }

  async end(command: 'commit' | 'rollback'): Promise<void> {
    const writer = this.#pinned!;
    try {
      // A COMMIT that finds the database busy leaves the transaction open: it can be tried again.
      if (command === 'commit') await retryWhileBusy(() => writer.run(CompiledQuery.raw('commit')), this.driver.deadline(), this.driver.busy);
      else if (writer.sqlite.inTransaction) writer.run(CompiledQuery.raw('rollback'));
    } finally {
      if (command === 'rollback' || !writer.sqlite.inTransaction) this.release();
    }
  }

  release(): void {
    if (!this.#pinned) return;
    this.#pinned = undefined;
    this.driver.leave();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Inside a transaction the lock is already ours: statements run as they are.
    if (this.#pinned) return this.#pinned.run(query) as QueryResult<R>;
    const deadline = this.driver.deadline();
    const reader = await this.driver.reader(deadline);
    if (reader && isReadOnly(reader, query)) return retryWhileBusy(() => reader.run(query), deadline) as Promise<QueryResult<R>>;
    const writer = await this.driver.enter(deadline);
    try {
      return (await retryWhileBusy(() => writer.run(query), deadline, this.driver.busy)) as QueryResult<R>;
    } finally {
      this.driver.leave();
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only select queries');
    if (this.#pinned) {
      for (const row of this.#pinned.prepare(query.sql).iterate(query.parameters as unknown[])) yield { rows: [row as R] };
      return;
    }
    const deadline = this.driver.deadline();
    const reader = await this.driver.reader(deadline);
    const handle = reader ?? (await this.driver.enter(deadline));
    handle.streaming = true;
    try {
      // A fresh statement: the cached one may be wanted by a plain query while this one iterates.
      const rows = handle.sqlite.prepare(query.sql).iterate(query.parameters as unknown[]);
      let next = await retryWhileBusy(() => rows.next(), deadline);
      for (; !next.done; next = rows.next()) yield { rows: [next.value as R] };
    } finally {
      handle.streaming = false;
      if (!reader) this.driver.leave();
    }
  }
}

/** Selects, and raw SQL that SQLite says writes nothing, may run on a reader connection. */
function isReadOnly(reader: Handle, query: CompiledQuery): boolean {
  if (SelectQueryNode.is(query.query)) return true;
  if (query.query.kind !== 'RawNode') return false;
  return reader.prepare(query.sql).readonly;
}
