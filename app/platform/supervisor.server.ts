import cluster, { type Worker } from 'node:cluster';

// The primary process of `npm run serve`: it answers no request itself, so nothing a request does
// can take it down. It forks the server workers and starts a new one whenever one dies (a crash,
// `kill -9`, out of memory), after a delay that grows while they keep dying young. A worker that
// dies before it ever listens (a port in use, a broken build, a database it cannot open) will die
// the same way next time: after a few of those in a row the primary gives up and exits non-zero,
// so systemd (or whoever started it) shows the failure instead of a silent restart loop.

export interface SupervisorOptions {
  /** The worker's entry file (the bundled server.js). */
  exec: string;
  /** Extra node flags for the workers, e.g. --enable-source-maps. */
  execArgv?: string[];
  workers: number;
  /** Added to every worker's environment, e.g. the secrets they must share (secrets.server.ts). */
  env?: Record<string, string>;
  /** Deaths before listening, in a row, after which the primary gives up. */
  maxStartFailures?: number;
  /** The first restart delay; it doubles with each crash of a worker that lived less than stableMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  stableMs?: number;
  /** How long SIGTERM'd workers get to finish their requests before SIGKILL. */
  stopGraceMs?: number;
  log?: (line: string) => void;
}

interface Life {
  startedAt: number;
  listening: boolean;
}

export function runSupervisor(options: SupervisorOptions): void {
  const {
    exec,
    execArgv = [],
    workers,
    env,
    maxStartFailures = 5,
    baseDelayMs = 500,
    maxDelayMs = 30_000,
    stableMs = 30_000,
    stopGraceMs = 10_000,
    log = (line) => console.log(`[supervisor] ${line}`),
  } = options;
  if (!cluster.isPrimary) throw new Error('runSupervisor must run in the primary process');
  // The kernel hands connections to the workers, not the primary (round-robin): a connection the
  // primary passes to a worker at the moment it dies is never answered, where the kernel leaves it
  // queued for a live worker (or refuses it at once when none is left).
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({ exec, execArgv });

  const lives = new Map<Worker, Life>();
  let startFailures = 0;
  let recentCrashes = 0;
  let stopping = false;
  const pending = new Set<NodeJS.Timeout>();

  const fork = () => {
    const worker = cluster.fork(env);
    lives.set(worker, { startedAt: Date.now(), listening: false });
    log(`worker ${worker.process.pid} started`);
  };

  cluster.on('listening', (worker, address) => {
    const life = lives.get(worker);
    if (!life || life.listening) return;
    life.listening = true;
    startFailures = 0;
    log(`worker ${worker.process.pid} listening on port ${address.port}`);
  });

  cluster.on('exit', (worker, code, signal) => {
    const life = lives.get(worker);
    lives.delete(worker);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (stopping) {
      log(`worker ${worker.process.pid} stopped (${how})`);
      if (lives.size === 0) finish(0);
      return;
    }
    const livedMs = life ? Date.now() - life.startedAt : 0;
    if (!life?.listening) {
      startFailures += 1;
      if (startFailures >= maxStartFailures) {
        log(
          `worker ${worker.process.pid} exited (${how}) before listening, ${startFailures} times in a row: giving up. ` +
            'The cause is in the lines above (a port in use, a database that cannot be opened, a missing build?).',
        );
        stopAll(1);
        return;
      }
    }
    recentCrashes = livedMs >= stableMs ? 1 : recentCrashes + 1;
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (recentCrashes - 1));
    log(
      `worker ${worker.process.pid} exited (${how}) after ${(livedMs / 1000).toFixed(1)} s` +
        `${life?.listening ? '' : ', before listening'}; starting another in ${delay} ms`,
    );
    const timer = setTimeout(() => {
      pending.delete(timer);
      if (!stopping) fork();
    }, delay);
    pending.add(timer);
  });

  let exitCode = 0;
  const finish = (code: number) => {
    log(code === 0 ? 'stopped' : 'stopped after a failure');
    process.exit(Math.max(code, exitCode));
  };

  // SIGTERM to each worker runs server.ts's own graceful stop (finish open requests, close the database).
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const timer of pending) clearTimeout(timer);
    if (lives.size === 0) return finish(code);
    for (const worker of lives.keys()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of lives.keys()) worker.process.kill('SIGKILL');
    }, stopGraceMs).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      log(`${signal}: stopping ${lives.size} worker(s)`);
      stopAll(0);
    });
  }

  log(`primary ${process.pid} starting ${workers} worker(s)`);
  for (let i = 0; i < workers; i += 1) fork();
}
