import { existsSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

// The heavy-work pool: a few worker threads (app/entry.worker.ts) that draw reports, write
// spreadsheets, build summary indexes and run background exports, so a committee report never
// stops the server answering a resident. The queue is bounded: when it is full the work is
// refused at once (BusyError, a 503 "try again in a moment") rather than kept waiting behind work
// nobody may still want. The pool knows no task: each capability names its own (reports,
// exports, analysis), and the worker's entry runs them.

/**
 * What the main thread asks a worker thread to do: plain data only (it is copied between
 * threads), named by its kind; the answer is bytes, plain data or nothing.
 */
export interface HeavyTask {
  kind: string;
  /** Handed over to the worker (not copied), for a task that streams its answer (port-stream.ts). */
  port?: MessagePort;
  /** Long work (an export of every response) runs on threads of its own: see createHeavyWork. */
  long?: boolean;
}

export class BusyError extends Error {
  constructor() {
    super('The heavy-work queue is full');
    this.name = 'BusyError';
  }
}

export interface HeavyWorkOptions {
  /** Worker threads at most, for files and again for export jobs (1 on a 2-core machine: the request thread needs a core too). */
  threads: number;
  /** Tasks that may wait for a thread; one more is refused with BusyError. */
  queue: number;
  /** The database the server uses, for the export jobs a worker runs on its own connection. */
  databaseUrl: string;
  /** The worker's file; the default is worker.js beside the bundled server, or app/entry.worker.ts through tsx. */
  filename?: string;
  /** A thread with nothing to do ends after this many milliseconds (memory back), and starts again when needed. */
  idleTimeout?: number;
}

export interface HeavyWork {
  run<Task extends HeavyTask>(task: Task): Promise<unknown>;
  /** Whether work on the database can run on a worker: an in-memory test database is this thread's alone. */
  readonly databaseUrl: string | null;
  /** Stops every thread now. */
  close(): Promise<void>;
}

/** build/node/worker.js when this code is bundled into build/node/server.js; else the source (app/entry.worker.ts) through tsx. */
function workerFile(): { filename: string; execArgv: string[] } {
  const bundled = fileURLToPath(new URL(['.', 'worker.js'].join('/'), import.meta.url));
  if (existsSync(bundled)) return { filename: bundled, execArgv: [] };
  return { filename: fileURLToPath(new URL(['..', '..', 'entry.worker.ts'].join('/'), import.meta.url)), execArgv: ['--import', 'tsx'] };
}

const isMemory = (url: string) => /^(file:|sqlite:)?(\/\/)?:memory:$/.test(url);

export function createHeavyWork(options: HeavyWorkOptions): HeavyWork {
  const found = options.filename ? { filename: options.filename, execArgv: options.filename.endsWith('.ts') ? ['--import', 'tsx'] : [] } : workerFile();
  const pool = () =>
    new Piscina<HeavyTask, unknown>({
      ...found,
      minThreads: 0,
      maxThreads: Math.max(1, options.threads),
      maxQueue: Math.max(0, options.queue),
      idleTimeout: options.idleTimeout ?? 10_000,
      // A worker thread's memory is bounded too: a runaway report ends that thread, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
  // Long tasks (exports of the responses: background jobs and streamed downloads) have threads of their own:
  // a million rows take minutes, a slow download holds its thread, and a report asked for
  // meanwhile must not wait behind them.
  // No thread is kept waiting: each loads every library a task may need (pdfkit, docx, exceljs,
  // the database), some 60 MB, so a thread starts with the first task (about a quarter of a
  // second) and ends after `idleTimeout` with nothing to do.
  const files = pool();
  const jobs = pool();
  // Piscina starts a thread for a new task, but not for tasks a crashed thread leaves queued:
  // a task that does nothing starts one, and it takes the queue on.
  const restartAfterCrash = (target: Piscina<HeavyTask, unknown>, error: unknown) => {
    if (error instanceof Error && error.message.startsWith('worker exited') && target.queueSize > 0) target.run({ kind: 'ping' }).catch(() => undefined);
  };
  const databaseUrl = isMemory(options.databaseUrl) ? null : options.databaseUrl;
  const heavy: HeavyWork = {
    databaseUrl,
    async run(task) {
      try {
        const transferList = task.port ? [task.port] : undefined;
        const target = task.long ? jobs : files;
        return await target.run(task, { transferList }).catch((error: unknown) => {
          restartAfterCrash(target, error);
          throw error;
        });
      } catch (error) {
        if (error instanceof Error && error.message === 'Task queue is at limit') throw new BusyError();
        throw error;
      }
    },
    // At shutdown the server has answered its requests and the job queue has handed back any
    // background export still running (another process, or this one restarted, makes it again).
    close: () => Promise.all([files.destroy(), jobs.destroy()]).then(() => undefined),
  };
  return heavy;
}
