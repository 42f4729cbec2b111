import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { createSharedTestDb } from '../../../tests/db';
import { openJobQueue } from './open.server';
import { PG_BOSS_SCHEMA } from './pg-boss-queue.server';
import type { JobQueue, QueueOptions, QueuedJob } from './queue';

// Two processes on one database, each with its own connection and queue: a job is done once by
// one of the two, a worker that stops mid-job or stops renewing its lease (its process died)
// loses the job to the other, which finishes it, and a process starting never fails a job
// another is working on. pg-boss on PostgreSQL, the job_queue table on SQLite.

let shared: Awaited<ReturnType<typeof createSharedTestDb>>;
const queues: JobQueue[] = [];
// Fast clocks so a test needs seconds, not minutes; the semantics are those of production.
const fast: QueueOptions = { heartbeatSeconds: 0.2, pollSeconds: 0.5, sweepSeconds: 1 };

beforeAll(async () => (shared = await createSharedTestDb()), 60_000);
afterAll(() => shared.destroy());
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop({ timeoutMs: 1_000 })));
});

/** A process: its own connection and its own queue on the shared database. */
async function startProcess(options: QueueOptions = fast): Promise<{ db: Db; queue: JobQueue }> {
  const db = shared.open();
  const queue = await openJobQueue(db, shared.url, options);
  queues.push(queue);
  return { db, queue };
}

async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`Never happened: ${what}`);
}

/** A job's state as the queue stores it. */
async function stateOf(db: Db, id: string): Promise<string | undefined> {
  if (shared.dialect === 'postgres') {
    const result = await sql<{ state: string }>`select state from ${sql.table(`${PG_BOSS_SCHEMA}.job`)} where id = ${id}`.execute(db);
    return result.rows[0]?.state;
  }
  const row = await db.selectFrom('job_queue').select('state').where('id', '=', Number(id)).executeTakeFirst();
  return row?.state;
}

/** A handler that holds each job until released, as a long export would. */
function holding() {
  const held: { job: QueuedJob<{ n: number }>; release: () => void }[] = [];
  const handler = (job: QueuedJob<{ n: number }>) => new Promise<void>((release) => held.push({ job, release }));
  return { held, handler };
}

describe('the job queue, two processes on one database', () => {
  it('does each job sent on one process once, claimed by one of the two workers', async () => {
    const a = await startProcess();
    const b = await startProcess();
    const done: { worker: string; n: number }[] = [];
    const record = (worker: string) => async (job: QueuedJob<{ n: number }>) => void done.push({ worker, n: job.data.n });
    await a.queue.work('count', { concurrency: 2 }, record('a'));
    await b.queue.work('count', { concurrency: 2 }, record('b'));
    for (let n = 0; n < 20; n++) await a.queue.send('count', { n });
    await until(() => done.length >= 20, '20 jobs done');
    // Both stop (each waits for what it holds), so a job done twice would show now.
    await Promise.all([a.queue.stop(), b.queue.stop()]);
    expect(done.map((d) => d.n).sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
  }, 60_000);

  it('hands back a job its worker stopped before finishing; the other process finishes it', async () => {
    const a = await startProcess();
    const slow = holding();
    await a.queue.work('export', { concurrency: 1 }, slow.handler);
    const id = await a.queue.send('export', { n: 1 }, { retryDelaySeconds: 0 });
    await until(() => slow.held.length === 1, 'a holds the job');
    await a.queue.stop({ timeoutMs: 1_000 });

    const b = await startProcess();
    const finished: QueuedJob<{ n: number }>[] = [];
    await b.queue.work<{ n: number }>('export', { concurrency: 1 }, async (job) => void finished.push(job));
    await until(async () => (await stateOf(b.db, id)) === 'completed', 'b finishes the job');
    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({ id, data: { n: 1 }, retryCount: 1 });
    slow.held[0]!.release();
  }, 60_000);

  it('retries on the other process a job whose worker stopped renewing its lease (its process died)', async () => {
    // A renews once an hour: as good as dead to a lease of a second.
    const a = await startProcess({ ...fast, heartbeatSeconds: 3_600 });
    const stuck = holding();
    await a.queue.work('export', { concurrency: 1 }, stuck.handler);
    const id = await a.queue.send('export', { n: 2 }, { leaseSeconds: 1, retryDelaySeconds: 0 });
    await until(() => stuck.held.length === 1, 'a holds the job');

    const b = await startProcess();
    const finished: QueuedJob<{ n: number }>[] = [];
    await b.queue.work<{ n: number }>('export', { concurrency: 1 }, async (job) => void finished.push(job));
    await until(async () => (await stateOf(b.db, id)) === 'completed', 'b finishes the job');
    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({ id, retryCount: 1 });
    // A finishing late changes nothing: the job is b's, done once.
    stuck.held[0]!.release();
    await a.queue.stop();
    expect(await stateOf(b.db, id)).toBe('completed');
    expect(finished).toHaveLength(1);
  }, 60_000);

  it('fails a job after its last try', async () => {
    const a = await startProcess();
    let tries = 0;
    await a.queue.work('doomed', { concurrency: 1 }, async () => {
      tries++;
      throw new Error('cannot');
    });
    const id = await a.queue.send('doomed', {}, { retryLimit: 2, retryDelaySeconds: 0 });
    await until(async () => (await stateOf(a.db, id)) === 'failed', 'the job fails');
    expect(tries).toBe(3);
  }, 60_000);

  it("never fails another process's running job when a process starts, nor while its heartbeat renews the lease", async () => {
    const a = await startProcess();
    const slow = holding();
    await a.queue.work('export', { concurrency: 1 }, slow.handler);
    // A lease of a second: the heartbeat keeps the job a's while it works for longer.
    const id = await a.queue.send('export', { n: 3 }, { leaseSeconds: 1 });
    await until(() => slow.held.length === 1, 'a holds the job');

    // Another process starts, and works the same kind of job.
    const c = await startProcess();
    const taken: QueuedJob<{ n: number }>[] = [];
    await c.queue.work<{ n: number }>('export', { concurrency: 1 }, async (job) => void taken.push(job));
    expect(await stateOf(c.db, id)).toBe('active');
    await sleep(2_500);
    expect(await stateOf(c.db, id)).toBe('active');

    slow.held[0]!.release();
    await until(async () => (await stateOf(c.db, id)) === 'completed', 'a finishes its job');
    expect(slow.held[0]!.job.retryCount).toBe(0);
    expect(taken).toHaveLength(0);
  }, 60_000);
});
