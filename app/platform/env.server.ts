import { availableParallelism } from 'node:os';
import { z } from 'zod';

// The only place that reads process.env.

/** A count of processes that may be left unset, or set empty (`WORKERS=` in an environment file). */
const processCount = () => z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(64).optional());

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).default('data/heard.sqlite'),
  /**
   * How long a query waits for a lock held by someone else (an import, a backup, the sqlite3
   * shell) before the person is told "busy, try again" with nothing lost.
   */
  DATABASE_BUSY_SECONDS: z.coerce.number().min(0.1).max(600).default(15),
  SEED_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** How long a public page may be served from the in-memory cache, in seconds. */
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).default(30),
  /** A workspace session ends after this many minutes without a request. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  /**
   * Who the data controller is (empty: the council the interface names, common.json site.council),
   * and how residents reach its data protection officer (an email or postal address): what each
   * consultation's privacy notice says unless its own notice names others.
   */
  PRIVACY_CONTROLLER: z.string().trim().max(200).default(''),
  PRIVACY_CONTACT: z.string().trim().max(500).default(''),
  /** How many responses one client may send through the public forms in an hour. */
  SUBMISSIONS_PER_HOUR: z.coerce.number().int().min(1).default(60),
  /** Behind a reverse proxy: Express's "trust proxy" setting (e.g. 1, or loopback), so the client is the real one. */
  TRUST_PROXY: z.string().default(''),
  /**
   * Signs the "known device" cookie that lets the right password in during a guessing attack.
   * Empty: a new key at every start (one for all of `npm run serve`'s workers, see secrets.server.ts).
   * Every server behind one load balancer must have the same.
   */
  DEVICE_COOKIE_SECRET: z.union([z.literal(''), z.string().min(32)]).default(''),
  /**
   * Keys the hash that stands for a client's address (rate limits count by it; blocked submissions
   * record it). Empty: a new key at every start, as for DEVICE_COOKIE_SECRET. Every server behind
   * one load balancer must have the same; changing it unlinks old hashes from new ones.
   */
  CLIENT_HASH_SECRET: z.union([z.literal(''), z.string().min(32)]).default(''),
  /** Statistical disclosure control: counts (and their percentages) below this are shown as "fewer than N". */
  /** Build every consultation's summary index in the background at start (false: on first use). */
  WARM_SUMMARY_INDEXES: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  DISCLOSURE_THRESHOLD: z.coerce.number().int().min(2).max(100).default(10),
  /**
   * Safeguarding, whichever form a child uses (issue 14): below the first age nobody is credited by
   * name, age or area; below the second the sensitive "About you" questions (gender identity, sexual
   * orientation) are not asked. A council's policy may raise them; the defaults are also the floors
   * (13: the UK age of consent to online services; 16: the census asks these questions from 16).
   */
  SAFEGUARDING_CREDIT_MIN_AGE: z.coerce.number().int().min(13).max(25).default(13),
  SAFEGUARDING_SENSITIVE_MIN_AGE: z.coerce.number().int().min(16).max(25).default(16),
  /** A `responses` export of more rows than this runs in the background from the Exports page. */
  EXPORT_BACKGROUND_ROWS: z.coerce.number().int().min(0).default(50_000),
  /** How long a finished background export's file can be downloaded. */
  EXPORT_KEEP_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(24),
  /**
   * Server processes `npm run serve` keeps running (and restarts when one dies); unset: one per
   * core. Several agree because nothing that must agree lives only in one process: summary
   * indexes catch up from the database's change log, the page cache and framework caches are
   * invalidated across processes, rate limits and sign-in slow-downs are kept in the database,
   * and background exports run on a shared job queue. On SQLite the workers still take turns to
   * write (one writer at a time), but reads, pages and summaries run side by side.
   */
  WORKERS: processCount(),
  /** Deprecated: the old name of WORKERS, still read when WORKERS is unset. */
  WEB_WORKERS: processCount(),
  /**
   * How long a background job's claim holds without its worker's heartbeat: a job whose process
   * died is retried by another process this long after (plus a sweep of half as long).
   */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(60),
  /** Worker threads for reports, spreadsheets and background exports (leave a core for requests). */
  HEAVY_WORK_THREADS: z.coerce.number().int().min(1).max(16).default(1),
  /** Reports and files that may wait for a worker thread; one more is answered 503 "try again in a moment". */
  HEAVY_WORK_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  /** Months after a consultation closes before its responses are anonymised, where it sets none (issue 18). */
  RETENTION_MONTHS: z.coerce.number().int().min(0).max(1200).default(24),
  /** What anonymising does to free-text answers, for consultations created from now on: redact or keep. */
  RETENTION_FREE_TEXT: z.enum(['redact', 'keep']).default('redact'),
  /** What anonymising does to "about you", for consultations created from now on: keep, coarsen or remove. */
  RETENTION_ABOUT_YOU: z.enum(['keep', 'coarsen', 'remove']).default('coarsen'),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= readEnv(process.env);
  return cached;
}

/** The settings in `source`, or an error naming every one that is wrong. */
export function readEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** How many server processes `npm run serve` runs: WORKERS, else the deprecated WEB_WORKERS, else one per core. */
export function serveWorkers(config: Pick<Env, 'WORKERS' | 'WEB_WORKERS'>, cores = availableParallelism()): number {
  return config.WORKERS ?? config.WEB_WORKERS ?? cores;
}
