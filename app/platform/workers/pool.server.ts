import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ConsultationIndex } from '~/analysis/index/consultation-index';
import type { HeavyResult, HeavyTask } from './tasks';

// The heavy-work pool: a few worker threads (worker.ts) that draw reports, write spreadsheets
// and run background exports, so a committee report never stops the server answering a
// resident. The queue is bounded: when it is full the work is refused at once (BusyError, a 503
// "try again in a moment") rather than kept waiting behind work nobody may still want.

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
  /** The worker's file; the default is worker.js beside the bundled server, or worker.ts through tsx. */
  filename?: string;
  /** A thread with nothing to do ends after this many milliseconds (memory back), and starts again when needed. */
  idleTimeout?: number;
}

export interface HeavyWork {
  run(task: HeavyTask): Promise<HeavyResult>;
  /** Whether export jobs can run on a worker: an in-memory test database is this thread's alone. */
  readonly databaseUrl: string | null;
  /**
   * A consultation's summary index built on a worker from its own connection (a million responses
   * take about 30 s of CPU), copied back as plain data: revive it (reviveIndex) before use.
   */
  buildIndex(consultationId: number): Promise<ConsultationIndex>;
  /** Stops every thread now. */
  close(): Promise<void>;
}

/** build/node/worker.js when this code is bundled into build/node/server.js; else the source through tsx. */
function workerFile(): { filename: string; execArgv: string[] } {
  const bundled = fileURLToPath(new URL(['.', 'worker.js'].join('/'), import.meta.url));
  if (existsSync(bundled)) return { filename: bundled, execArgv: [] };
  return { filename: fileURLToPath(new URL(['.', 'worker.ts'].join('/'), import.meta.url)), execArgv: ['--import', 'tsx'] };
}

const isMemory = (url: string) => /^(file:|sqlite:)?(\/\/)?:memory:$/.test(url);

export function createHeavyWork(options: HeavyWorkOptions): HeavyWork {
  const found = options.filename ? { filename: options.filename, execArgv: options.filename.endsWith('.ts') ? ['--import', 'tsx'] : [] } : workerFile();
  const pool = () =>
    new Piscina<HeavyTask, HeavyResult>({
      ...found,
      minThreads: 0,
      maxThreads: Math.max(1, options.threads),
      maxQueue: Math.max(0, options.queue),
      idleTimeout: options.idleTimeout ?? 10_000,
      // A worker thread's memory is bounded too: a runaway report ends that thread, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
  // Exports of the responses (background jobs and streamed downloads) have threads of their own:
  // a million rows take minutes, a slow download holds its thread, and a report asked for
  // meanwhile must not wait behind them.
  // No thread is kept waiting: each loads every library a task may need (pdfkit, docx, exceljs,
  // the database), some 60 MB, so a thread starts with the first task (about a quarter of a
  // second) and ends after `idleTimeout` with nothing to do.
  const files = pool();
  const jobs = pool();
  // Piscina starts a thread for a new task, but not for tasks a crashed thread leaves queued:
  // a task that does nothing starts one, and it takes the queue on.
  const restartAfterCrash = (target: Piscina<HeavyTask, HeavyResult>, error: unknown) => {
    if (error instanceof Error && error.message.startsWith('worker exited') && target.queueSize > 0) target.run({ kind: 'ping' }).catch(() => undefined);
  };
  const databaseUrl = isMemory(options.databaseUrl) ? null : options.databaseUrl;
  const heavy: HeavyWork = {
    databaseUrl,
    async buildIndex(consultationId) {
      if (!databaseUrl) throw new Error('An in-memory database cannot be read from a worker thread');
      return (await heavy.run({ kind: 'analysis-index', databaseUrl, consultationId })) as ConsultationIndex;
    },
    async run(task) {
      try {
        const transferList = task.kind === 'responses-stream' ? [task.port] : undefined;
        const target = task.kind === 'export-job' || task.kind === 'responses-stream' ? jobs : files;
        return await target.run(task, { transferList }).catch((error: unknown) => {
          restartAfterCrash(target, error);
          throw error;
        });
      } catch (error) {
        if (error instanceof Error && error.message === 'Task queue is at limit') throw new BusyError();
        throw error;
      }
    },
    // At shutdown the server has answered its requests; a background export still running is
    // stopped, and marked interrupted at the next start (failInterruptedJobs).
    close: () => Promise.all([files.destroy(), jobs.destroy()]).then(() => undefined),
  };
  return heavy;
}
