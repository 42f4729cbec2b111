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

/** While the lock has been held for less than this, a waiter tries again every millisecond. */
const PROMPT_MS = 50;

/**
 * Runs a synchronous SQLite call, and while the database is locked by someone else tries again
 * later rather than wait inside SQLite (which would stop the whole event loop). Another app
 * process on the database holds the lock for a transaction at a time, a millisecond or two:
 * the call is tried again every millisecond for the first PROMPT_MS, so it takes the lock as soon
 * as that process lets go. A lock held longer than that (an import, a backup, the sqlite3 shell)
 * is tried every 50 ms. `onBusy` hears of each try that found the lock taken.
 */
export async function retryWhileBusy<T>(run: () => T, deadline: number, onBusy?: () => void): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return run();
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      onBusy?.();
      const wait = Date.now() - started < PROMPT_MS ? 1 : 50;
      if (Date.now() + wait > deadline) throw new DatabaseBusyError({ cause: error });
      await sleep(wait);
    }
  }
}

/**
 * One holder at a time, the others in line in the order they came; one who would wait past
 * their deadline leaves the line with DatabaseBusyError instead. A holder may leave with a pause:
 * the next in line is let in only after it, so that meanwhile someone outside the line (another
 * process) can take what the gate guards.
 */
export class Gate {
  #held = false;
  readonly #line: Array<(fresh: boolean) => void> = [];

  /** Resolves with true when the gate was free (or paused) before this holder: a new run of holders starts. */
  enter(deadline: number): Promise<boolean> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve(true);
    }
    return new Promise<boolean>((resolve, reject) => {
      const admit = (fresh: boolean) => {
        clearTimeout(timer);
        resolve(fresh);
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

  leave(pauseMs = 0): void {
    if (pauseMs > 0 && this.#line.length > 0) setTimeout(() => this.#admit(true), pauseMs);
    else this.#admit(false);
  }

  #admit(fresh: boolean): void {
    const next = this.#line.shift();
    if (next) next(fresh);
    else this.#held = false;
  }
}
