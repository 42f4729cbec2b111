import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { load, uniqueId, type LoadResult } from './load';
import { killAllNow, freePort, startNode, stop, stopAll, type Child } from './processes';
import { newestProfile, summariseProfile, type ProfileSummary } from './profile';
import { fixed, ratio, table } from './report';
import { readCpuMs, readRssKb, RssSampler } from './rss';
import { idsOf, prepareBareDatabase, readShape, storedCheck, storedResponse, type StoredCheck } from './databases';
import { answeredQuestionCount, ID_PLACEHOLDER, submissionBodyTemplate } from './submission';
import { analysisReport, benchAnalysisAt, type SizeResult } from './analysis';
import { benchExportsAt, exportsReport, type ExportResult } from './exports';
import { benchContention, CONTENTION_SCENARIOS, contentionReport, type ContentionResult } from './contention';
import { benchCluster, clusterReport, type ClusterResult } from './cluster';
import { benchRouting, routingReport, type RoutingResult } from './routing';
import { benchDisclosure, DEMO_RESPONSES, disclosureReport, type DisclosureResult } from './disclosure';

// The benchmark: the built app against a bare node:http + better-sqlite3 server doing the same
// work, on loopback, one scenario at a time. See bench/README.md. `npm run bench` builds first.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'bench', 'out');
const SLUG = 'one-stockport-conversation';

const SCENARIOS = ['static', 'hub', 'consultation', 'bare-submit', 'submit'] as const;
type ScenarioName = (typeof SCENARIOS)[number];

interface Scenario {
  name: ScenarioName;
  label: string;
  server: 'app' | 'bare';
  method: 'GET' | 'POST';
  path: string;
  /** The scenario this one is compared with, and the ratio it should reach. */
  baseline?: { name: ScenarioName; target: number };
}

const SCENARIO_LIST: Scenario[] = [
  { name: 'static', label: 'bare GET /static (hub bytes)', server: 'bare', method: 'GET', path: '/static' },
  { name: 'hub', label: 'app GET / (hub)', server: 'app', method: 'GET', path: '/', baseline: { name: 'static', target: 0.1 } },
  {
    name: 'consultation',
    label: `app GET /consultations/${SLUG}`,
    server: 'app',
    method: 'GET',
    path: `/consultations/${SLUG}`,
    baseline: { name: 'static', target: 0.1 },
  },
  { name: 'bare-submit', label: 'bare POST /submit', server: 'bare', method: 'POST', path: '/submit' },
  {
    name: 'submit',
    label: `app POST /consultations/${SLUG}/check`,
    server: 'app',
    method: 'POST',
    path: `/consultations/${SLUG}/check`,
    baseline: { name: 'bare-submit', target: 0.3 },
  },
];

const APP_RSS_LIMIT_MB = 250;
/**
 * submit / bare-submit on main before issue 12's request limits (bench/README.md, 7 December 2026).
 * The limits may cost at most 5% of it: the ratio is of the same run's baseline, so a busy machine
 * moves both sides.
 */
const SUBMIT_RATIO_BEFORE_LIMITS = 0.131;
/** The same as CPU time: bare-submit's CPU ms per request over submit's (steadier on a busy machine). */
const SUBMIT_CPU_RATIO_BEFORE_LIMITS = 0.102;
const LIMITS_BUDGET = 0.95;
/** The full summary broken down by one dimension, and one filtered by three fields (the results page's query). */
const SUMMARY_QUERY = 'breakdown=ward';
const FILTERED_QUERY = 'respondentGroup=resident&channel=online&ageBand=25_34';

interface ScenarioResult {
  name: ScenarioName;
  label: string;
  server: 'app' | 'bare';
  url: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number | null;
  /** Server CPU time (all threads) per completed request during the measured run. */
  cpuMsPerRequest: number | null;
  /** Server CPU time over wall time: 1.0 is one core kept busy. */
  serverCpuShare: number | null;
  baseline: ScenarioName | null;
  ratio: number | null;
  load: LoadResult;
  warmup: LoadResult;
  stored?: { warmup: StoredCheck; measured: StoredCheck };
}

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      only: { type: 'string' },
      profile: { type: 'boolean', default: false },
      sizes: { type: 'string', default: '100000,1000000' },
      'export-sizes': { type: 'string', default: '1000000' },
      rate: { type: 'string', default: '20' },
      'cluster-sizes': { type: 'string', default: '1000000' },
      routing: { type: 'string', default: 'yes' },
      disclosure: { type: 'string', default: 'yes' },
      'disclosure-responses': { type: 'string', default: String(DEMO_RESPONSES) },
      postgres: { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(`npm run bench -- [--duration 10] [--connections 10] [--warmup 2] [--only ${[...SCENARIOS, ...CONTENTION_SCENARIOS].join(',')}] [--profile]
  --duration     seconds of measured load per scenario
  --connections  concurrent autocannon connections
  --warmup       seconds of unmeasured load before each scenario
  --only         run only these scenarios (ratios need their baseline scenario too)
  --profile      run both servers under node --cpu-prof (bench/out/profiles) and summarise where their CPU time went
  --sizes        demo database sizes for the "what we heard" scenarios (default 100000,1000000; "none" skips them).
                 Databases are seeded once and kept in bench/out/cache/
  --export-sizes demo database sizes for the responses export (default 1000000; "none" skips it)
  --rate         public GETs per second in during-heavy and during-lock (default 20)
  --routing      "no" skips routed against unrouted submissions (issue 17)
  --disclosure   "no" skips what disclosure control hides and leaves recoverable (issue 15; alone: npx tsx bench/disclosure-loss.ts)
  --disclosure-responses demo size it audits (default ${DEMO_RESPONSES}, the demo's own)
  --cluster-sizes demo database sizes for several processes on one database (default 1000000; "none" skips them)
  --postgres     the PostgreSQL server for them (default $BENCH_POSTGRES_URL or postgres://postgres@127.0.0.1:5432/postgres; "none": SQLite only)`);
    process.exit(0);
  }
  const number = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number >= ${min}`);
    return n;
  };
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SCENARIOS, ...CONTENTION_SCENARIOS];
  for (const name of only) if (![...SCENARIOS, ...CONTENTION_SCENARIOS].includes(name as never)) throw new Error(`Unknown scenario ${name}`);
  const sizes = values.sizes === 'none' ? [] : values.sizes.split(',').map((s) => Math.round(number('sizes', s.trim(), 1)));
  const clusterSizes =
    values['cluster-sizes'] === 'none' ? [] : values['cluster-sizes'].split(',').map((s) => Math.round(number('cluster-sizes', s.trim(), 1)));
  const exportSizes = values['export-sizes'] === 'none' ? [] : values['export-sizes'].split(',').map((s) => Math.round(number('export-sizes', s.trim(), 1)));
  return {
    routing: values.routing !== 'no',
    disclosure: values.disclosure !== 'no',
    disclosureResponses: Math.round(number('disclosure-responses', values['disclosure-responses'], 1)),
    sizes,
    exportSizes,
    clusterSizes,
    postgresUrl: values.postgres === 'none' ? null : values.postgres,
    duration: number('duration', values.duration, 1),
    connections: Math.round(number('connections', values.connections, 1)),
    warmup: number('warmup', values.warmup, 0),
    only: new Set(only as ScenarioName[]),
    contention: new Set(only.filter((n) => (CONTENTION_SCENARIOS as readonly string[]).includes(n))),
    rate: number('rate', values.rate, 1),
    profile: values.profile,
  };
}

async function verifySubmission(url: string, body: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  if (response.status !== 303) {
    const errors = [...text.matchAll(/<a href="#[^"]*">([^<]+)<\/a>/g)].map((m) => m[1]).slice(0, 10);
    throw new Error(`POST ${url} answered ${response.status}, not 303. ${errors.length ? `Errors: ${errors.join('; ')}` : text.slice(0, 500)}`);
  }
  return response.headers.get('location') ?? '';
}

async function main(): Promise<void> {
  const opts = options();
  const started = Date.now();
  if (!existsSync(join(ROOT, 'build', 'server', 'index.js'))) throw new Error('No build: run `npm run build` (or `npm run bench`, which builds first)');

  const tmp = mkdtempSync(join(tmpdir(), 'heard-bench-'));
  const cleanupTmp = () => rmSync(tmp, { recursive: true, force: true });
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping the servers and removing ${tmp}`);
    void stopAll().finally(() => {
      cleanupTmp();
      process.exit(130);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', () => {
    killAllNow();
    cleanupTmp();
  });

  mkdirSync(OUT_DIR, { recursive: true });
  const profileDir = join(OUT_DIR, 'profiles', 'app');
  const bareProfileDir = join(OUT_DIR, 'profiles', 'bare');
  if (opts.profile) {
    rmSync(join(OUT_DIR, 'profiles'), { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
    mkdirSync(bareProfileDir, { recursive: true });
  }

  console.log(
    `Heard benchmark: ${opts.duration} s per scenario after ${opts.warmup} s warm-up, ${opts.connections} connections, ` +
      `${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );

  let app: Child | undefined;
  let bare: Child | undefined;
  try {
    // 1. The app on a fresh database, and the baseline's database prepared alongside.
    const appDb = join(tmp, 'app.sqlite');
    const bareDb = join(tmp, 'bare.sqlite');
    const appPort = await freePort();
    // The same entry `npm run serve` runs: the bundled server, on node alone.
    const appArgs = [...(opts.profile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), join('build', 'node', 'server.js')];
    const [appStarted] = await Promise.all([
      startNode({
        name: 'app',
        args: appArgs,
        cwd: ROOT,
        // All the load comes from one client: the public forms' per-client limit would turn
        // the submissions away after the first 60, so it is raised out of the way.
        env: { NODE_ENV: 'production', PORT: String(appPort), HOST: '127.0.0.1', DATABASE_URL: appDb, SEED_DEMO: 'true', SUBMISSIONS_PER_HOUR: '100000000' },
        ready: /Heard is listening on/,
        logFile: join(tmp, 'app.log'),
      }),
      prepareBareDatabase(bareDb),
    ]);
    app = appStarted.child;
    const appUrl = `http://127.0.0.1:${appPort}`;
    console.log(`App (pid ${app.pid}) on ${appUrl}, database ${appDb}`);

    // 2. The hub page bytes, handed to the bare server.
    const hub = await fetch(`${appUrl}/`);
    if (hub.status !== 200) throw new Error(`GET / answered ${hub.status}`);
    const hubBytes = Buffer.from(await hub.arrayBuffer());
    const hubFile = join(tmp, 'hub.html');
    writeFileSync(hubFile, hubBytes);

    const bareStarted = await startNode({
      name: 'bare server',
      args: [...(opts.profile ? ['--cpu-prof', '--cpu-prof-dir', bareProfileDir] : []), '--import', 'tsx', join('bench', 'bare-server.ts')],
      cwd: ROOT,
      env: { BENCH_DB: bareDb, BENCH_HTML: hubFile, BENCH_SLUG: SLUG },
      ready: /listening on (http:\/\/\S+)/,
      logFile: join(tmp, 'bare.log'),
    });
    bare = bareStarted.child;
    const bareUrl = bareStarted.match[1]!;
    console.log(`Bare server (pid ${bare.pid}) on ${bareUrl}, database ${bareDb}`);

    const idleRssMb = { app: (readRssKb(app.pid) ?? 0) / 1024, bare: (readRssKb(bare.pid) ?? 0) / 1024 };
    console.log(`RSS before any load: app ${fixed(idleRssMb.app, 1)} MB, bare server ${fixed(idleRssMb.bare, 1)} MB`);
    const staticBytes = Buffer.from(await (await fetch(`${bareUrl}/static`)).arrayBuffer());
    if (!staticBytes.equals(hubBytes)) throw new Error('The bare server does not send the hub page bytes');
    console.log(`Hub page: ${hubBytes.length} bytes, served identically by both`);

    // 3. The submission body, from the seeded questions, checked once against both servers.
    const shape = readShape(bareDb, SLUG);
    if (idsOf(shape) !== idsOf(readShape(appDb, SLUG))) throw new Error('Question and option ids differ between the two databases');
    const count = answeredQuestionCount(shape);
    const template = (prefix: string) => submissionBodyTemplate(shape, prefix);
    const verifyKey = `verify-${uniqueId()}`;
    const verifyBody = template('').replace(ID_PLACEHOLDER, verifyKey);
    const appLocation = await verifySubmission(`${appUrl}/consultations/${SLUG}/check`, verifyBody);
    const bareLocation = await verifySubmission(`${bareUrl}/submit`, verifyBody);
    const appStored = storedResponse(appDb, verifyKey);
    const bareStored = storedResponse(bareDb, verifyKey);
    if (!appStored || !bareStored) throw new Error('The verification response was not stored');
    const same = JSON.stringify(appStored) === JSON.stringify(bareStored);
    const answersPerResponse = appStored.answers.length;
    console.log(
      `Submission: ${count.answered}/${count.questions} questions answered, About you and quote consent, ${Buffer.byteLength(verifyBody)} bytes; ` +
        `stored as 1 response + ${answersPerResponse} answer rows (app ${appLocation.split('/').pop()}, bare ${bareLocation.split('/').pop()}); ` +
        `rows identical in both databases: ${same ? 'yes' : 'NO'}`,
    );
    if (!same) {
      console.log('  app: ', JSON.stringify(appStored));
      console.log('  bare:', JSON.stringify(bareStored));
    }

    // 4. Load, one scenario at a time, sampling the loaded server's memory.
    const results: ScenarioResult[] = [];
    for (const scenario of SCENARIO_LIST.filter((s) => opts.only.has(s.name))) {
      const server = scenario.server === 'app' ? app : bare;
      const url = `${scenario.server === 'app' ? appUrl : bareUrl}${scenario.path}`;
      const post = scenario.method === 'POST';
      process.stdout.write(`Running ${scenario.label} ... `);
      const sampler = new RssSampler(server.pid).start();
      const warmup = await load({
        url,
        connections: opts.connections,
        duration: opts.warmup,
        method: scenario.method,
        bodyTemplate: post ? template('warm-') : undefined,
      });
      const cpuBefore = readCpuMs(server.pid);
      const measured = await load({
        url,
        connections: opts.connections,
        duration: opts.duration,
        method: scenario.method,
        bodyTemplate: post ? template('bench-') : undefined,
      });
      const cpuAfter = readCpuMs(server.pid);
      const { peakMb } = sampler.stop();
      const cpuMs = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
      const result: ScenarioResult = {
        name: scenario.name,
        label: scenario.label,
        server: scenario.server,
        url,
        reqPerSec: measured.reqPerSec,
        p50Ms: measured.p50Ms,
        p99Ms: measured.p99Ms,
        peakRssMb: peakMb,
        cpuMsPerRequest: cpuMs !== null && measured.requests > 0 ? cpuMs / measured.requests : null,
        serverCpuShare: cpuMs !== null ? cpuMs / 1000 / measured.durationS : null,
        baseline: scenario.baseline?.name ?? null,
        ratio: null,
        load: measured,
        warmup,
      };
      if (post) {
        await new Promise((r) => setTimeout(r, 500)); // let requests still in flight finish
        const db = scenario.server === 'app' ? appDb : bareDb;
        result.stored = {
          warmup: storedCheck(db, 'warm-', warmup, answersPerResponse, opts.connections),
          measured: storedCheck(db, 'bench-', measured, answersPerResponse, opts.connections),
        };
      }
      results.push(result);
      console.log(
        `${fixed(measured.reqPerSec)} req/s, ${measured.requests} requests, non-2xx/3xx ${measured.bad} (warm-up ${warmup.bad})` +
          (result.stored
            ? `; stored ${result.stored.measured.responses} responses / ${result.stored.measured.answers} answers for ${measured.status3xx} redirects`
            : ''),
      );
    }
    for (const r of results) {
      const base = r.baseline ? results.find((b) => b.name === r.baseline) : undefined;
      r.ratio = base && base.reqPerSec > 0 ? r.reqPerSec / base.reqPerSec : null;
    }

    // 5. Stop the servers (the app writes its CPU profile as it exits).
    await stop(app, 15_000);
    await stop(bare);
    const profiles: { server: 'app' | 'bare'; summary: ProfileSummary }[] = [];
    if (opts.profile) {
      for (const [server, dir, pid] of [
        ['app', profileDir, app.pid],
        ['bare', bareProfileDir, bare.pid],
      ] as const) {
        const file = newestProfile(dir, pid);
        if (file) profiles.push({ server, summary: summariseProfile(file, ROOT) });
      }
    }

    // 5b. Routed against unrouted submissions (issue 17), one server at a time.
    let routing: RoutingResult | undefined;
    if (opts.routing) {
      console.log('\nRouted against unrouted submissions');
      routing = await benchRouting({ root: ROOT, tmp, duration: opts.duration, warmup: opts.warmup, connections: opts.connections });
    }
    const routingReported = routingReport(routing);

    // 5c. What disclosure control hides, and what the published tables leave recoverable (issue 15).
    let disclosure: DisclosureResult | undefined;
    if (opts.disclosure) {
      console.log('\nDisclosure control on the demo');
      disclosure = await benchDisclosure({ cacheDir: join(OUT_DIR, 'cache'), tmp, responses: opts.disclosureResponses });
    }
    const disclosureReported = disclosureReport(disclosure);

    // 6. "What we heard" at 100,000 and 1,000,000 responses, one database at a time.
    const analysis: SizeResult[] = [];
    if (opts.sizes.length) console.log('\nWhat we heard at scale');
    for (const size of opts.sizes) {
      analysis.push(
        await benchAnalysisAt(
          size,
          { root: ROOT, tmp, cacheDir: join(OUT_DIR, 'cache'), sizes: opts.sizes, duration: opts.duration, warmup: opts.warmup, connections: opts.connections },
          {
            summary: (id) => `/admin/consultations/${id}/results.json?${SUMMARY_QUERY}`,
            filtered: (id) => `/admin/consultations/${id}/results.json?${FILTERED_QUERY}`,
          },
        ),
      );
    }
    const analysisReported = analysisReport(analysis, table);

    // 7. The responses export at a million: our exporter against a bare loop, and the download's first byte.
    const exportResults: ExportResult[] = [];
    if (opts.exportSizes.length) console.log('\nThe responses export at scale');
    for (const size of opts.exportSizes) exportResults.push(await benchExportsAt(size, { root: ROOT, tmp, cacheDir: join(OUT_DIR, 'cache') }));
    const exportsReported = exportsReport(exportResults, table);

    // 8. Public pages while a report and an export are made, and while another process holds the write lock.
    let contention: ContentionResult | undefined;
    if (opts.contention.size) {
      console.log('\nPublic pages while something else is busy');
      contention = await benchContention({ root: ROOT, tmp, cacheDir: join(OUT_DIR, 'cache'), only: opts.contention, rate: opts.rate, connections: 2 });
    }
    const contentionReported = contentionReport(contention, table);

    // 9. Several processes on one database, on SQLite and on PostgreSQL (issue 16).
    let cluster: ClusterResult[] = [];
    if (opts.clusterSizes.length) {
      console.log('\nSeveral processes on one database');
      cluster = await benchCluster({
        root: ROOT,
        tmp,
        cacheDir: join(OUT_DIR, 'cache'),
        sizes: opts.clusterSizes,
        postgresUrl: opts.postgresUrl,
        duration: opts.duration,
        warmup: opts.warmup,
        connections: opts.connections,
      });
    }
    const clusterReported = clusterReport(cluster, table);

    // 10. Report.
    console.log('\nResults\n');
    console.log(
      table(
        ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'peak RSS MB', 'ratio', 'vs', 'requests', 'non-2xx/3xx', 'CPU ms/req', 'cores'],
        results.map((r) => [
          r.label,
          fixed(r.reqPerSec),
          fixed(r.p50Ms, 1),
          fixed(r.p99Ms, 1),
          fixed(r.peakRssMb, 1),
          r.baseline ? ratio(r.ratio) : '(baseline)',
          r.baseline ?? '',
          r.load.requests,
          r.load.bad + r.warmup.bad,
          fixed(r.cpuMsPerRequest, 3),
          fixed(r.serverCpuShare, 2),
        ]),
        [false, true, true, true, true, true, false, true, true, true, true],
      ),
    );

    const stored = results.filter((r) => r.stored);
    if (stored.length) {
      console.log('\nStored rows (responses whose idempotency key has the run prefix)\n');
      console.log(
        table(
          ['scenario', 'phase', '303s', 'responses', 'answers', 'expected answers', 'check'],
          stored.flatMap((r) =>
            (['warmup', 'measured'] as const).map((phase) => {
              const s = r.stored![phase];
              return [r.label, phase, s.redirects, s.responses, s.answers, s.expectedAnswers, `${s.ok ? 'OK' : 'FAIL'}: ${s.note}`];
            }),
          ),
          [false, false, true, true, true, true, false],
        ),
      );
    }

    const appPeak = Math.max(0, ...results.filter((r) => r.server === 'app').map((r) => r.peakRssMb ?? 0));
    const targets = [
      ...results
        .filter((r) => r.ratio !== null)
        .map((r) => {
          const target = SCENARIO_LIST.find((s) => s.name === r.name)!.baseline!.target;
          return {
            target: `${r.name} >= ${target}x ${r.baseline}`,
            measured: ratio(r.ratio),
            pass: r.ratio !== null && r.ratio >= target,
          };
        }),
      ...results
        .filter((r) => r.name === 'submit' && r.ratio !== null)
        .map((r) => ({
          target: `submit >= ${LIMITS_BUDGET} x ${SUBMIT_RATIO_BEFORE_LIMITS.toFixed(3)}x (the ratio before issue 12's limits: a 5% budget)`,
          measured: ratio(r.ratio),
          pass: r.ratio! >= LIMITS_BUDGET * SUBMIT_RATIO_BEFORE_LIMITS,
        })),
      ...results
        .filter((r) => r.name === 'submit' && r.cpuMsPerRequest)
        .flatMap((r) => {
          const bareCpu = results.find((b) => b.name === 'bare-submit')?.cpuMsPerRequest;
          if (!bareCpu) return [];
          const cpuRatio = bareCpu / r.cpuMsPerRequest!;
          return [
            {
              target:
                `submit CPU ms/req: bare-submit's / submit's >= ${LIMITS_BUDGET} x ${SUBMIT_CPU_RATIO_BEFORE_LIMITS.toFixed(3)} ` +
                '(the same budget in CPU time)',
              measured: `${cpuRatio.toFixed(3)} (${r.cpuMsPerRequest!.toFixed(2)} ms against ${bareCpu.toFixed(2)} ms)`,
              pass: cpuRatio >= LIMITS_BUDGET * SUBMIT_CPU_RATIO_BEFORE_LIMITS,
            },
          ];
        }),
      ...(results.some((r) => r.server === 'app')
        ? [{ target: `app peak RSS < ${APP_RSS_LIMIT_MB} MB`, measured: `${fixed(appPeak, 1)} MB`, pass: appPeak > 0 && appPeak < APP_RSS_LIMIT_MB }]
        : []),
      {
        target: 'no non-2xx/3xx responses',
        measured: String(results.reduce((n, r) => n + r.load.bad + r.warmup.bad, 0)),
        pass: results.every((r) => r.load.bad + r.warmup.bad === 0),
      },
      ...(stored.length
        ? [
            {
              target: 'every 303 stored exactly one response',
              measured: stored.map((r) => `${r.name}: ${r.stored!.measured.responses}/${r.stored!.measured.redirects}`).join(', '),
              pass: stored.every((r) => r.stored!.warmup.ok && r.stored!.measured.ok),
            },
          ]
        : []),
    ];
    if (routingReported.text) console.log(`\n${routingReported.text}`);
    targets.push(...routingReported.targets);
    if (disclosureReported.text) console.log(`\n${disclosureReported.text}`);
    targets.push(...disclosureReported.targets);
    if (analysis.length) console.log(`\n${analysisReported.text}`);
    targets.push(...analysisReported.targets);
    if (exportResults.length) console.log(`\n${exportsReported.text}`);
    targets.push(...exportsReported.targets);
    if (contentionReported.text) console.log(`\n${contentionReported.text}`);
    targets.push(...contentionReported.targets);
    if (clusterReported.text) console.log(`\n${clusterReported.text}`);
    targets.push(...clusterReported.targets);
    console.log('\nTargets\n');
    console.log(
      table(
        ['', 'target', 'measured'],
        targets.map((t) => [t.pass ? 'PASS' : 'FAIL', t.target, t.measured]),
      ),
    );

    for (const { server, summary: profile } of profiles) {
      console.log(`\n${server === 'app' ? 'App' : 'Bare server'} CPU profile (main thread, whole run): ${profile.file}`);
      console.log(`${profile.busyMs} ms busy, ${profile.idleMs} ms idle. Self time by area:\n`);
      console.log(
        table(
          ['area', 'self ms', 'share'],
          profile.areas.map((a) => [a.area, a.selfMs, `${(a.share * 100).toFixed(1)}%`]),
          [false, true, true],
        ),
      );
      console.log('\nSelf time by function:\n');
      console.log(
        table(
          ['function', 'self ms', 'share'],
          profile.functions.map((f) => [f.name, f.selfMs, `${(f.share * 100).toFixed(1)}%`]),
          [false, true, true],
        ),
      );
    }

    const outFile = join(OUT_DIR, 'results.json');
    writeFileSync(
      outFile,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: {
            cpus: cpus().length,
            cpuModel: cpus()[0]?.model ?? null,
            memoryMb: Math.round(totalmem() / 2 ** 20),
            node: process.version,
            loadAverageAtStart: loadavg(),
          },
          options: { durationS: opts.duration, warmupS: opts.warmup, connections: opts.connections, profile: opts.profile },
          submission: { bytes: Buffer.byteLength(verifyBody), answerRowsPerResponse: answersPerResponse, ...count, rowsIdenticalInBothDatabases: same },
          scenarios: results,
          routing,
          disclosure,
          analysis,
          exports: exportResults,
          contention,
          cluster,
          idleRssMb,
          appPeakRssMb: appPeak,
          targets,
          profiles,
          elapsedS: Math.round((Date.now() - started) / 1000),
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nWrote ${outFile} (${Math.round((Date.now() - started) / 1000)} s). Targets are measurements: the exit code is 0 either way.`);
  } finally {
    await stopAll();
    cleanupTmp();
  }
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
});
