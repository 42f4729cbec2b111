import { randomUUID } from 'node:crypto';
import type { Db } from '#db/connection';
import type { Selectable } from 'kysely';
import type { JobQueueTable } from '#db/schema';
import { queueDefaults, withDefaults, type JobHandler, type JobPolicy, type JobQueue, type QueueOptions } from './queue';

// The job queue on SQLite (job_queue), with pg-boss's semantics: a claim is a compare-and-set
// (UPDATE … WHERE state = 'created' … RETURNING), so of two workers one gets the job; the claim
// carries a token and a lease the worker renews while it works; a lease left to expire (the
// process died or hangs) hands the job to the next worker while tries are left. Any process may
// sweep expired leases, and nothing else ever fails another process's job.

type Row = Selectable<JobQueueTable>;

const iso = (ms: number) => new Date(ms).toISOString();

/** Claims the oldest job of `name` that is due; undefined when none is, or another worker won each race. */
async function claim(db: Db, name: string, token: string): Promise<Row | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const now = Date.now();
    const next = await db
      .selectFrom('job_queue')
      .select(['id', 'lease_seconds'])
      .where('name', '=', name)
      .where('state', '=', 'created')
      .where('start_after', '<=', iso(now))
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!next) return undefined;
    const claimed = await db
      .updateTable('job_queue')
      .set({ state: 'active', lease_token: token, lease_until: iso(now + next.lease_seconds * 1000), started_at: iso(now) })
      .where('id', '=', next.id)
      .where('state', '=', 'created')
      .returningAll()
      .executeTakeFirst();
    if (claimed) return claimed;
  }
  return undefined;
}

/** Jobs whose lease ran out: tried again while tries are left, failed after. Returns how many. */
export async function expireLeases(db: Db, now = Date.now()): Promise<number> {
  const expired = () => db.updateTable('job_queue').where('state', '=', 'active').where('lease_until', '<', iso(now));
  const failed = await expired()
    .where((eb) => eb('retry_count', '>=', eb.ref('retry_limit')))
    .set({ state: 'failed', lease_token: null, error: 'lease expired', finished_at: iso(now) })
    .executeTakeFirst();
  const retried = await expired()
    .where((eb) => eb('retry_count', '<', eb.ref('retry_limit')))
    .set((eb) => ({ state: 'created', lease_token: null, error: 'lease expired', start_after: iso(now), retry_count: eb('retry_count', '+', 1) }))
    .executeTakeFirst();
  return Number(failed.numUpdatedRows) + Number(retried.numUpdatedRows);
}

/** A failed try, or one handed back: again after its delay while tries are left. Only the claim's holder may. */
async function release(db: Db, job: Row, token: string, error: string) {
  const retry = job.retry_count < job.retry_limit;
  await db
    .updateTable('job_queue')
    .set(
      retry
        ? { state: 'created', lease_token: null, error, retry_count: job.retry_count + 1, start_after: iso(Date.now() + job.retry_delay_seconds * 1000) }
        : { state: 'failed', lease_token: null, error, finished_at: iso(Date.now()) },
    )
    .where('id', '=', job.id)
    .where('lease_token', '=', token)
    .where('state', '=', 'active')
    .execute();
}

export function tableQueue(db: Db, options: QueueOptions = {}): JobQueue {
  const { leaseSeconds: defaultLease, heartbeatSeconds, pollSeconds, sweepSeconds } = queueDefaults(options);
  const running = new Map<string, { job: Row; done: Promise<void> }>();
  const heartbeats = new Set<NodeJS.Timeout>();
  const loops: Promise<void>[] = [];
  const waiters = new Set<() => void>();
  let stopping = false;
  let lastSweep = 0;

  const wake = () => [...waiters].forEach((w) => w());
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiters.add(done);
    });

  async function sweep() {
    if (Date.now() - lastSweep < sweepSeconds * 1000) return;
    lastSweep = Date.now();
    await expireLeases(db);
  }

  async function runOne<T>(job: Row, token: string, handler: JobHandler<T>) {
    const renew = setInterval(() => {
      void db
        .updateTable('job_queue')
        .set({ lease_until: iso(Date.now() + job.lease_seconds * 1000) })
        .where('id', '=', job.id)
        .where('lease_token', '=', token)
        .where('state', '=', 'active')
        .execute()
        .catch((error: unknown) => console.error('Job lease not renewed', error));
    }, heartbeatSeconds * 1000).unref();
    heartbeats.add(renew);
    try {
      await handler({ id: String(job.id), name: job.name, data: JSON.parse(job.data) as T, retryCount: job.retry_count, retryLimit: job.retry_limit });
      await db
        .updateTable('job_queue')
        .set({ state: 'completed', lease_token: null, finished_at: iso(Date.now()) })
        .where('id', '=', job.id)
        .where('lease_token', '=', token)
        .where('state', '=', 'active')
        .execute();
    } catch (error) {
      await release(db, job, token, error instanceof Error ? error.message : String(error));
    } finally {
      clearInterval(renew);
      heartbeats.delete(renew);
    }
  }

  async function loop<T>(name: string, handler: JobHandler<T>) {
    while (!stopping) {
      try {
        await sweep();
        const token = randomUUID();
        const job = await claim(db, name, token);
        if (!job) {
          await nap(pollSeconds * 1000);
          continue;
        }
        // Claimed as the queue was stopping: back at once, for a process that stays.
        if (stopping) {
          await release(db, job, token, 'stopped before starting');
          break;
        }
        const done = runOne(job, token, handler);
        running.set(token, { job, done });
        await done.finally(() => running.delete(token));
      } catch (error) {
        // A busy or lost database: look again after a pause rather than end the worker.
        console.error('Job queue', error);
        await nap(pollSeconds * 1000);
      }
    }
  }

  return {
    backend: 'table',
    async send(name, data, policy?: Partial<JobPolicy>) {
      const { retryLimit, retryDelaySeconds, leaseSeconds } = withDefaults(policy, defaultLease);
      const now = iso(Date.now());
      const row = await db
        .insertInto('job_queue')
        .values({
          name,
          data: JSON.stringify(data),
          retry_limit: retryLimit,
          retry_delay_seconds: retryDelaySeconds,
          lease_seconds: leaseSeconds,
          start_after: now,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      wake();
      return String(row.id);
    },
    async work(name, { concurrency }, handler) {
      for (let i = 0; i < concurrency; i++) loops.push(loop(name, handler));
    },
    async stop({ timeoutMs = 30_000 } = {}) {
      stopping = true;
      wake();
      const inHand = [...running.values()];
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(inHand.map((r) => r.done)), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      heartbeats.forEach((timer) => clearInterval(timer));
      for (const [token, { job }] of running) await release(db, job, token, 'stopped before finishing');
    },
  };
}
