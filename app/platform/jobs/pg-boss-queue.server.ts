import PgBoss from 'pg-boss';
import { queueDefaults, withDefaults, type JobHandler, type JobPolicy, type JobQueue, type QueueOptions } from './queue';

// The job queue on PostgreSQL: pg-boss 10 (the last line that runs on Node 20) in its own schema,
// which it creates and migrates itself when it starts. pg-boss claims with SKIP LOCKED, retries,
// expires an active job whose expireInSeconds has passed (its maintenance, run by any process)
// and, on a stop past its timeout, fails the jobs still in hand so they are retried elsewhere.
// Version 10 has no heartbeat, so a long job would need a lease as long as the longest export
// (and a dead process's job would wait that long): the worker renews its lease itself by moving
// the job's started_on forward, the one column pg-boss's expiry reads (plans.js, failJobsByTimeout).

export const PG_BOSS_SCHEMA = 'pgboss';

/** The longest a try may run; pg-boss allows under 24 hours. */
const MAX_RUN_HOURS = 12;

/** What goes in pg-boss's job: the caller's data and the lease the sweep checks. */
interface Envelope<T> {
  data: T;
  leaseSeconds: number;
}

export async function pgBossQueue(connectionString: string, options: QueueOptions = {}): Promise<JobQueue> {
  const { leaseSeconds: defaultLease, heartbeatSeconds, pollSeconds, sweepSeconds } = queueDefaults(options);
  const boss = new PgBoss({
    connectionString,
    schema: PG_BOSS_SCHEMA,
    // A few connections of its own beside the app's pool: claims, renewals and maintenance are short.
    max: 3,
    maintenanceIntervalSeconds: sweepSeconds,
    // No cron schedules: nothing here runs on a clock.
    schedule: false,
  });
  boss.on('error', (error) => console.error('Job queue (pg-boss)', error));
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    await boss.createQueue(name);
    created.add(name);
  };
  const workerIds = new Map<string, string[]>();
  const heartbeats = new Set<NodeJS.Timeout>();

  async function sweep() {
    const { rows } = await boss.getDb().executeSql(
      `select id, name from ${PG_BOSS_SCHEMA}.job where state = 'active'
         and started_on + make_interval(secs => (data->>'leaseSeconds')::double precision) < now()`,
      [],
    );
    const expired = rows as { id: string; name: string }[];
    for (const name of new Set(expired.map((r) => r.name)))
      await boss.fail(
        name,
        expired.filter((r) => r.name === name).map((r) => r.id),
      );
  }
  const sweeper = setInterval(() => void sweep().catch((error: unknown) => console.error('Job queue sweep', error)), sweepSeconds * 1000).unref();

  const renew = (id: string) =>
    boss
      .getDb()
      .executeSql(`update ${PG_BOSS_SCHEMA}.job set started_on = now() where id = $1 and state = 'active'`, [id])
      .catch((error: unknown) => console.error('Job lease not renewed', error));

  return {
    backend: 'pg-boss',
    async send(name, data, policy?: Partial<JobPolicy>) {
      await ensureQueue(name);
      const { retryLimit, retryDelaySeconds, leaseSeconds } = withDefaults(policy, defaultLease);
      const envelope: Envelope<typeof data> = { data, leaseSeconds };
      const id = await boss.send(name, envelope, { retryLimit, retryDelay: retryDelaySeconds, expireInSeconds: MAX_RUN_HOURS * 3600 });
      if (!id) throw new Error(`Job ${name} not queued`);
      // Workers in this process look at once rather than at their next poll.
      for (const worker of workerIds.get(name) ?? []) boss.notifyWorker(worker);
      return id;
    },
    async work<T>(name: string, { concurrency }: { concurrency: number }, handler: JobHandler<T>) {
      await ensureQueue(name);
      // One pg-boss worker takes one job at a time: `concurrency` of them work side by side.
      for (let i = 0; i < concurrency; i++) {
        const id = await boss.work<Envelope<T>>(name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: pollSeconds }, async ([job]) => {
          if (!job) return;
          const timer = setInterval(() => void renew(job.id), heartbeatSeconds * 1000).unref();
          heartbeats.add(timer);
          try {
            await handler({ id: job.id, name: job.name, data: job.data.data, retryCount: job.retryCount, retryLimit: job.retryLimit });
          } finally {
            clearInterval(timer);
            heartbeats.delete(timer);
          }
        });
        workerIds.set(name, [...(workerIds.get(name) ?? []), id]);
      }
    },
    async stop({ timeoutMs = 30_000 } = {}) {
      clearInterval(sweeper);
      await boss.stop({ graceful: true, timeout: timeoutMs, wait: true, close: true });
      // A job still in hand was handed back by the stop: its lease is no longer ours to renew.
      heartbeats.forEach((timer) => clearInterval(timer));
    },
  };
}
