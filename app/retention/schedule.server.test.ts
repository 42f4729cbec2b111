import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { loadResults } from '~/analysis/results.server';
import { openJobQueue } from '~/platform/jobs/open.server';
import type { JobQueue } from '~/platform/jobs/queue';
import { createSharedTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import type { RetentionRun } from './anonymise.server';
import { queueDailyRetention, workRetentionJobs } from './schedule.server';

// Two processes on one database, as `npm run serve` runs them: both ask for the day's retention
// run, it is queued and done once, and the process that did not run it, whose summary index was
// built before, breaks its figures down by the anonymised rows at its next page.

let shared: Awaited<ReturnType<typeof createSharedTestDb>>;
const queues: JobQueue[] = [];
const defaults = { months: 6, freeText: 'redact', aboutYou: 'coarsen' } as const;

beforeAll(async () => (shared = await createSharedTestDb()), 60_000);
afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop({ timeoutMs: 1_000 })));
  await shared.destroy();
});

async function startProcess(runs: RetentionRun[], { works }: { works: boolean }): Promise<{ db: Db; queue: JobQueue }> {
  const db = shared.open();
  const queue = await openJobQueue(db, shared.url, { heartbeatSeconds: 0.2, pollSeconds: 0.5, sweepSeconds: 1 });
  queues.push(queue);
  if (works) await workRetentionJobs(queue, db, defaults, (run) => runs.push(run));
  return { db, queue };
}

describe('the daily retention run across processes', () => {
  it('is queued once a day, done once, and every process recounts from the anonymised rows', async () => {
    const runs: RetentionRun[] = [];
    // Only a works the queue, so b's index can only hear of the anonymising from the database.
    const a = await startProcess(runs, { works: true });
    const b = await startProcess(runs, { works: false });
    const closed = new Date(Date.now() - 200 * 24 * 3_600_000).toISOString();
    const id = await createConsultation(a.db, {
      status: 'closed',
      opensAt: new Date(Date.now() - 300 * 24 * 3_600_000).toISOString(),
      closesAt: closed,
      sections: [{ key: 's', questions: [{ key: 'colour', kind: 'single_choice', options: ['red', 'blue'] }] }],
    });
    const question = await a.db.selectFrom('questions').select('id').where('consultation_id', '=', id).executeTakeFirstOrThrow();
    const red = await a.db.selectFrom('options').select('id').where('question_id', '=', question.id).where('key', '=', 'red').executeTakeFirstOrThrow();
    for (let i = 0; i < 8; i++) {
      const { id: responseId } = await a.db
        .insertInto('responses')
        .values({
          consultation_id: id,
          reference: `HRD-SCHED-${i}`,
          idempotency_key: `sched-${i}`,
          channel: 'online',
          respondent_group: 'resident',
          locale: 'en',
          submitted_at: closed,
          ethnicity: i % 2 ? 'asian_pakistani' : 'asian_indian',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await a.db.insertInto('answers').values({ response_id: responseId, question_id: question.id, option_id: red.id }).execute();
    }
    const consultation = () => b.db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const byEthnicity = new URLSearchParams({ breakdown: 'ethnicity' });
    const groupsOf = async () => {
      const outcome = await loadResults(b.db, await consultation(), 'en', byEthnicity, 2);
      if (!outcome.ok) throw new Error('no results');
      return outcome.model.questions[0]!.columns.filter((c) => !c.total)
        .map((c) => c.key)
        .sort();
    };
    expect(await groupsOf()).toEqual(['asian_indian', 'asian_pakistani']);

    const now = new Date();
    const queued = await Promise.all([queueDailyRetention(a.db, a.queue, now), queueDailyRetention(b.db, b.queue, now)]);
    expect(queued.filter(Boolean)).toHaveLength(1);
    expect(await queueDailyRetention(a.db, a.queue, now)).toBe(false);
    for (let i = 0; i < 200 && runs.length === 0; i++) await sleep(50);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.plans.map((p) => p.consultationId)).toEqual([id]);

    expect((await consultation()).anonymised_at).not.toBeNull();
    expect(await groupsOf()).toEqual(['asian']);
    await sleep(1_000);
    expect(runs).toHaveLength(1);
  }, 30_000);
});
