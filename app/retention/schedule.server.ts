import type { Db } from '#db/connection';
import { COMMAND_LINE, type Actor } from '~/platform/audit.server';
import type { JobQueue } from '~/platform/jobs/queue';
import { runRetention, type RetentionRun } from './anonymise.server';
import type { RetentionDefaults } from './policy';

// Retention runs once a day on the job queue (issue 18). Every process asks, hourly, for the
// day's run (server.ts, beside the purges); the one whose insert of the day's row into
// `retention_runs` succeeds queues it, so the day's run is queued once however many processes
// or machines there are, and the queue hands it to one worker (retried elsewhere if that worker
// dies). A run that finds a consultation already anonymised skips it (anonymiseConsultation
// claims each one first), so even two runs cannot anonymise twice.

export const RETENTION_QUEUE = 'retention';

/** Who the audit log names for the scheduled run. */
export const SCHEDULE: Actor = { ...COMMAND_LINE, label: 'retention schedule' };

/** Queues today's run unless a process already has; true when this call queued it. */
export async function queueDailyRetention(db: Db, queue: JobQueue, now = new Date()): Promise<boolean> {
  const day = now.toISOString().slice(0, 10);
  const inserted = await db
    .insertInto('retention_runs')
    .values({ day, queued_at: now.toISOString() })
    .onConflict((oc) => oc.column('day').doNothing())
    .returning('day')
    .executeTakeFirst();
  if (!inserted) return false;
  await queue.send(RETENTION_QUEUE, { day });
  return true;
}

/** This process works the retention jobs; `done` hears each run (tests, logs). */
export async function workRetentionJobs(queue: JobQueue, db: Db, defaults: RetentionDefaults, done?: (run: RetentionRun) => void): Promise<void> {
  await queue.work<{ day: string }>(RETENTION_QUEUE, { concurrency: 1 }, async () => {
    const run = await runRetention(db, SCHEDULE, { defaults });
    if (run.plans.length > 0) console.log(`Retention: anonymised ${run.plans.map((p) => p.slug).join(', ')}`);
    done?.(run);
  });
}
