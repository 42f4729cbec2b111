import cluster from 'node:cluster';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import { openDatabase } from './db/connection';
import { prepareDatabase } from './db/prepare';
import { createRateLimits, purgeExpiredLimits } from './app/auth/rate-limit.server';
import { purgeExpiredSessions } from './app/auth/sessions.server';
import { indexesOnWorkers } from './app/analysis/index-task.server';
import { buildIndexesWith, pruneChangeLog, snapshotIndexesWith, warmAnalysisIndexes } from './app/analysis/indexes.server';
import { env } from './app/platform/env.server';
import { unsharedSecretsWarning } from './app/platform/secrets.server';
import type { RequestState } from './app/platform/http/context';
import { createExpressApp } from './app/platform/http/express-app.server';
import { PageCache } from './app/platform/http/page-cache.server';
import { startChangeFeed } from './app/platform/change-log.server';
import { createHeavyWork } from './app/platform/workers/pool.server';
import { purgeExpiredDrafts } from './app/responses/drafts.server';
import { purgeOldExportJobs, workExportJobs } from './app/exports/jobs.server';
import { openJobQueue } from './app/platform/jobs/open.server';
import { retentionDefaults } from './app/retention/defaults.server';
import { queueDailyRetention, workRetentionJobs } from './app/retention/schedule.server';

// After each full collection V8 lets the heap grow by a factor it picks (up to 4x when collecting
// is fast), although what a request leaves behind is garbage by the next one: a worker serving
// the hub and submissions peaked at 318 to 323 MB. Growing by 40% each time holds it near 200 MB;
// 15% held 190 MB but the extra full collections cost cached pages 60% more CPU, 40% about 10%.
// V8 reads the flag whenever it sizes the heap, so setting it here, in the process itself, works
// for `npm run serve`'s workers and a bare `node server.js` alike.
setFlagsFromString('--heap-growing-percent=40');

/** Responses from which a summary index is built on a worker thread (see buildIndexesWith). */
const INDEX_ON_WORKER_FROM = 20_000;

// Starts Heard: migrates the database, fills it on first start, and serves the app.
async function main() {
  const config = env();
  const db = openDatabase(config.DATABASE_URL, { busySeconds: config.DATABASE_BUSY_SECONDS });
  // Under `npm run serve` the supervisor (supervisor.ts) has done both, once, before forking us.
  if (cluster.isPrimary) await prepareDatabase(db, { demo: config.SEED_DEMO });

  const production = config.NODE_ENV === 'production';
  const unshared = unsharedSecretsWarning(config);
  if (unshared) console.warn(`Warning: ${unshared}`);
  const limits = createRateLimits(db, { submissionsPerHour: config.SUBMISSIONS_PER_HOUR });
  const heavy = createHeavyWork({ threads: config.HEAVY_WORK_THREADS, queue: config.HEAVY_WORK_QUEUE, databaseUrl: config.DATABASE_URL });
  // Background work shared with every other process on the database: starting touches no job of
  // theirs; a job a stopped or dead process held is retried by whichever worker claims it next.
  const jobs = await openJobQueue(db, config.DATABASE_URL, { leaseSeconds: config.JOB_LEASE_SECONDS });
  await workExportJobs(jobs, db, { threshold: config.DISCLOSURE_THRESHOLD }, heavy);
  // Responses past their consultation's retention date are anonymised once a day (issue 18).
  await workRetentionJobs(jobs, db, retentionDefaults(config));
  // Big summary indexes are built on a worker thread too (an in-memory database stays in this one).
  const onWorkers = indexesOnWorkers(heavy);
  if (onWorkers) buildIndexesWith(db, onWorkers, { fromResponses: INDEX_ON_WORKER_FROM });
  // Saved to the database, so the next process to start loads them instead of building them.
  snapshotIndexesWith(db, { fromResponses: INDEX_ON_WORKER_FROM });
  const pageCache = new PageCache(production ? config.PAGE_CACHE_SECONDS * 1000 : 0);
  // Other processes on the same database: their changes reach this one's indexes and caches.
  const unsharePages = pageCache.share(db);
  const feed = startChangeFeed(db, { databaseUrl: config.DATABASE_URL });
  const shared = {
    pageCache,
    loadContext: (request: RequestState, cspNonce: string): AppLoadContext => ({ db, pageCache, limits, heavy, jobs, request, cspNonce }),
    trustProxy: config.TRUST_PROXY,
  };
  let app;
  if (production) {
    const build = (await import(pathToFileURL(resolve('build/server/index.js')).href)) as ServerBuild;
    app = createExpressApp({ ...shared, build, mode: 'production', clientDir: resolve('build/client') });
  } else {
    const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }));
    const build = () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
    app = createExpressApp({ ...shared, build, mode: 'development', vite });
  }

  // Unsent answers are personal data: drafts nobody has touched for a week are deleted, and
  // ended sessions with them; so are background export files after EXPORT_KEEP_HOURS, and the
  // rate limits' rows once they can no longer decide anything.
  const purge = () =>
    void Promise.all([
      purgeExpiredDrafts(db, new Date()),
      purgeExpiredSessions(db, new Date()),
      purgeOldExportJobs(db, config.EXPORT_KEEP_HOURS),
      purgeExpiredLimits(db),
      pruneChangeLog(db),
      queueDailyRetention(db, jobs),
    ]).catch((error: unknown) => console.error(error));
  purge();
  const purgeTimer = setInterval(purge, 60 * 60 * 1000).unref();

  const server = app.listen(config.PORT, config.HOST, () => {
    console.log(`Heard is listening on http://localhost:${config.PORT}`);
    if (!config.WARM_SUMMARY_INDEXES) return;
    // In the background, so the server answers at once; a summary asked for meanwhile waits for its own.
    const warming = Date.now();
    void warmAnalysisIndexes(db).then(() => console.log(`Summary indexes ready in ${Date.now() - warming} ms`));
  });
  const stop = () => {
    clearInterval(purgeTimer);
    unsharePages();
    // Exports in hand get a few seconds to finish, then go back to the queue for another process.
    server.close(
      () => void jobs.stop({ timeoutMs: 10_000 }).then(() => Promise.all([heavy.close(), feed.stop()]).then(() => db.destroy().then(() => process.exit(0)))),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
