/**
 * Another process (an import, a backup, the sqlite3 shell) or a PostgreSQL lock kept the
 * database from us for longer than we were willing to wait. Nothing was written: the caller
 * can say "busy, try again" and keep what the person typed.
 */
export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError';
  constructor(options?: { cause?: unknown }) {
    super('The database stayed busy (locked by someone else) past the deadline', options);
  }
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY, …). */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

// PostgreSQL's lock_not_available, raised when lock_timeout passes.
const PG_LOCK_NOT_AVAILABLE = '55P03';

/** Whether a failed query failed only because the database was busy, on either dialect. */
export function isDatabaseBusy(error: unknown): boolean {
  // By name, not instanceof: the server (tsx) and the app's build each have a copy of this class.
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return name === 'DatabaseBusyError' || code === PG_LOCK_NOT_AVAILABLE;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs a synchronous SQLite call, and while the database is locked by someone else tries again
 * later rather than wait inside SQLite (which would stop the whole event loop): 1, 2, 4 … then
 * every 50 ms, so a lock that clears is noticed within a few tens of milliseconds.
 */
export async function retryWhileBusy<T>(run: () => T, deadline: number): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return run();
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      const wait = Math.min(2 ** attempt, 50);
      if (Date.now() + wait > deadline) throw new DatabaseBusyError({ cause: error });
      await sleep(wait);
    }
  }
}

/**
 * One holder at a time, the others in line in the order they came; one who would wait past
 * their deadline leaves the line with DatabaseBusyError instead.
 */
export class Gate {
  #held = false;
  readonly #line: Array<() => void> = [];

  enter(deadline: number): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const admit = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(
        () => {
          this.#line.splice(this.#line.indexOf(admit), 1);
          reject(new DatabaseBusyError());
        },
        Math.max(0, deadline - Date.now()),
      );
      this.#line.push(admit);
    });
  }

  leave(): void {
    const next = this.#line.shift();
    if (next) next();
    else this.#held = false;
  }
}
