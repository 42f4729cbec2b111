import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openDatabase, type Db } from '../../db/connection';
import type { TranslatableEntity } from '../../db/schema';
import { findTemplate } from './templates';

// The app as a resident meets it: the production build served by server.ts on a free port,
// against a fresh SQLite file, driven by a real Chromium. Test files run side by side, so each
// server has its own port, database and export folder.

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const STARTUP_TIMEOUT_MS = 60_000;

export interface RunningApp {
  url: string;
  /** The process group of the server (tsx and the node process it starts). */
  pid: number;
  databasePath: string;
  stop(): Promise<void>;
  /** kill -9 of the server (tsx and the node under it), leaving its database as the crash left it. */
  crash(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/**
 * Starts the built server (run `npm run build` first) with its own database, seeded with the demo content:
 * a copy of the template the e2e global setup seeded (tests/e2e/global-setup.ts), or, outside that
 * run or on a database named in `env`, seeded by the server itself on its first start.
 * `serve`: run build/node/server.js on node alone, as `npm run serve` does, rather than server.ts
 * under tsx (whose compiler alone holds some 150 MB), for tests that measure the server's memory.
 */
export async function startApp({
  seedDemo = true,
  env = {},
  databasePath: reopen,
  serve = false,
}: {
  seedDemo?: boolean;
  env?: Record<string, string>;
  /** Start again on the database a crashed run left (its folder then stays the caller's to delete). */
  databasePath?: string;
  serve?: boolean;
} = {}): Promise<RunningApp> {
  const dir = reopen ? undefined : await mkdtemp(join(tmpdir(), 'heard-e2e-'));
  const databasePath = reopen ?? join(dir!, 'heard.sqlite');
  const template = reopen || env.DATABASE_URL ? undefined : findTemplate(seedDemo);
  // The copy is what a first start with SEED_DEMO makes, so the server has nothing left to seed.
  if (template) await copyFile(template, databasePath);
  const port = await freePort();
  const [command, args] = serve ? [process.execPath, ['build/node/server.js']] : [join(ROOT, 'node_modules/.bin/tsx'), ['server.ts']];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databasePath,
      SEED_DEMO: String(template ? false : seedDemo),
      // A test's own settings, e.g. a low SUBMISSIONS_PER_HOUR.
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it also stops the node process tsx starts under it.
    detached: true,
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const killOnExit = () => signalGroup('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`The server did not start within ${STARTUP_TIMEOUT_MS} ms. Its output:\n${output}`)), STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Heard is listening on http:\/\//.test(output)) {
        clearTimeout(timer);
        done(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`The server exited (code ${code}, signal ${signal}) before listening. Its output:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    signalGroup('SIGKILL');
    process.off('exit', killOnExit);
    if (dir) await rm(dir, { recursive: true, force: true });
    throw error;
  });

  return {
    url,
    pid: child.pid ?? 0,
    databasePath,
    async stop() {
      signalGroup('SIGTERM');
      const killer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(killer);
      process.off('exit', killOnExit);
      if (dir) await rm(dir, { recursive: true, force: true });
    },
    async crash() {
      signalGroup('SIGKILL');
      await exited(child);
      process.off('exit', killOnExit);
    },
  };
}

/** The app's database, read from the test as the council would see the stored responses. */
export function openDb(path: string): Db {
  return openDatabase(path);
}

export interface StoredAnswer {
  question: string;
  option: string | null;
  rank: number | null;
  number: number | null;
  text: string | null;
}

/** Responses to one consultation, newest last. */
export async function responsesTo(db: Db, slug: string) {
  return db
    .selectFrom('responses')
    .innerJoin('consultations', 'consultations.id', 'responses.consultation_id')
    .selectAll('responses')
    .where('consultations.slug', '=', slug)
    .orderBy('responses.id')
    .execute();
}

export async function responseByReference(db: Db, reference: string) {
  return db.selectFrom('responses').selectAll().where('reference', '=', reference).executeTakeFirst();
}

export async function countResponses(db: Db, where: { slug?: string; idempotencyKey?: string } = {}): Promise<number> {
  let query = db
    .selectFrom('responses')
    .innerJoin('consultations', 'consultations.id', 'responses.consultation_id')
    .select((eb) => eb.fn.countAll<number>().as('count'));
  if (where.slug) query = query.where('consultations.slug', '=', where.slug);
  if (where.idempotencyKey) query = query.where('responses.idempotency_key', '=', where.idempotencyKey);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A response's answers by question and option key, in question order. */
export async function answersOf(db: Db, responseId: number): Promise<StoredAnswer[]> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('questions', 'questions.id', 'answers.question_id')
    .innerJoin('sections', 'sections.id', 'questions.section_id')
    .leftJoin('options', 'options.id', 'answers.option_id')
    .select(['questions.key as question', 'options.key as option', 'answers.rank as rank', 'answers.value_number as number', 'answers.value_text as text'])
    .where('answers.response_id', '=', responseId)
    .orderBy('sections.position')
    .orderBy('questions.position')
    .orderBy('answers.rank')
    .orderBy('options.position')
    .execute();
  return rows.map((r) => ({ question: r.question, option: r.option, rank: r.rank, number: r.number, text: r.text }));
}

/** A stored translation of one field of one thing (undefined in English, the source, or when missing). */
export async function storedTranslation(db: Db, entityType: TranslatableEntity, entityId: number, field: string, locale: string): Promise<string | undefined> {
  if (locale === 'en') return undefined;
  const row = await db
    .selectFrom('translations')
    .select('value')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('field', '=', field)
    .where('locale', '=', locale)
    .executeTakeFirst();
  return row?.value;
}

/** A consultation's content in another language, as stored in the translations table. */
export async function translationOf(db: Db, slug: string, field: 'title' | 'summary', locale: string): Promise<string> {
  const row = await db
    .selectFrom('translations')
    .innerJoin('consultations', 'consultations.id', 'translations.entity_id')
    .select('translations.value')
    .where('translations.entity_type', '=', 'consultation')
    .where('consultations.slug', '=', slug)
    .where('translations.field', '=', field)
    .where('translations.locale', '=', locale)
    .executeTakeFirstOrThrow();
  return row.value;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface ContextOptions {
  js: boolean;
  /** CSS pixels; a phone is 320 wide. */
  width?: number;
}

/** A fresh visitor: own cookies, JavaScript on or off. */
export function newVisitor(browser: Browser, app: RunningApp, { js, width = 1024 }: ContextOptions): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: app.url,
    javaScriptEnabled: js,
    viewport: { width, height: 800 },
    locale: 'en-GB',
  });
}

/** Waits until React has hydrated the page, so clicks go through the app rather than the browser alone. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const w = window as unknown as { __remixRouter?: { state?: { initialized?: boolean } } };
    const main = document.getElementById('main-content');
    return Boolean(w.__remixRouter?.state?.initialized && main && Object.keys(main).some((k) => k.startsWith('__reactProps')));
  });
}

/** What a test file works with: one app on a fresh database, that database, and one browser. */
export interface Suite {
  app: RunningApp;
  db: Db;
  browser: Browser;
}

export async function startSuite(options: Parameters<typeof startApp>[0] = {}): Promise<Suite> {
  const app = await startApp(options);
  return { app, db: openDb(app.databasePath), browser: await launchBrowser() };
}

export async function stopSuite({ app, db, browser }: Partial<Suite>): Promise<void> {
  await browser?.close();
  await db?.destroy();
  await app?.stop();
}
