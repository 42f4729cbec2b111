import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShape } from '../../bench/shape';
import { ID_PLACEHOLDER, submissionBodyTemplate } from '../../bench/submission';
import { countResponses, openDb, ROOT } from './harness';

// What `npm run serve` starts (build/node/supervisor.js, run `npm run build` first): the primary
// keeps the server running through `kill -9` of its worker, keeps what was stored, stops every
// worker on SIGTERM, and gives up (non-zero) on a worker that can never start.

const SLUG = 'one-stockport-conversation';

interface Supervised {
  child: ChildProcess;
  url: string;
  databasePath: string;
  output: () => string;
  exit: Promise<number | null>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

function startSupervisor(dir: string, port: number, seedDemo: boolean, workers = 1, extraEnv: Record<string, string> = {}): Supervised {
  const databasePath = join(dir, `heard-${port}.sqlite`);
  const child = spawn(process.execPath, ['--enable-source-maps', 'build/node/supervisor.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databasePath,
      SEED_DEMO: String(seedDemo),
      WORKERS: String(workers),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, url: `http://127.0.0.1:${port}`, databasePath, output: () => output, exit };
}

const listeningPids = (output: string) => [...output.matchAll(/worker (\d+) listening/g)].map((m) => Number(m[1]));
const startedPids = (output: string) => [...output.matchAll(/worker (\d+) started/g)].map((m) => Number(m[1]));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `check` holds, at most `tries` times 100 ms apart. */
async function until(what: string, check: () => boolean | Promise<boolean>, tries = 600, log = () => ''): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Gave up waiting for ${what}. Output:\n${log().slice(-3000)}`);
}

async function answersHome(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/`)).status === 200;
  } catch {
    return false;
  }
}

describe('npm run serve under its supervisor', () => {
  let dir = '';
  let app: Supervised | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'heard-supervisor-'));
  });

  afterAll(async () => {
    if (app && app.child.exitCode === null) app.child.kill('SIGKILL');
    for (const pid of app ? startedPids(app.output()) : []) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('serves again after each kill -9 of its worker, keeps every stored response, and SIGTERM stops it all', async () => {
    app = startSupervisor(dir, await freePort(), true);
    const running = app;
    await until('the first worker', () => listeningPids(running.output()).length === 1, 900, running.output);
    await until('the home page', () => answersHome(running.url), 600, running.output);

    const reader = new SQLite(running.databasePath, { readonly: true });
    const template = submissionBodyTemplate(loadShape(reader, SLUG), 'supervised-');
    reader.close();
    const submit = async (key: string) => {
      const response = await fetch(`${running.url}/consultations/${SLUG}/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: template.replace(ID_PLACEHOLDER, key),
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
    };
    await submit('before-any-kill');

    for (let round = 1; round <= 3; round += 1) {
      const victim = listeningPids(running.output()).at(-1)!;
      process.kill(victim, 'SIGKILL');
      await until(`worker ${victim} to die`, () => !alive(victim), 100, running.output);
      await until(`a worker after kill ${round}`, () => listeningPids(running.output()).length === round + 1, 900, running.output);
      await until(`the home page after kill ${round}`, () => answersHome(running.url), 600, running.output);
      expect(listeningPids(running.output()).at(-1)).not.toBe(victim);
      expect(running.output()).toContain(`worker ${victim} exited (signal SIGKILL)`);
      await submit(`after-kill-${round}`);
    }

    const db = openDb(running.databasePath);
    try {
      for (const key of ['before-any-kill', 'after-kill-1', 'after-kill-2', 'after-kill-3'])
        expect(await countResponses(db, { slug: SLUG, idempotencyKey: `supervised-${key}` })).toBe(1);
    } finally {
      await db.destroy();
    }
    // The primary never answered a request itself and is still the same process.
    expect(alive(running.child.pid!)).toBe(true);

    const workers = startedPids(running.output());
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
    for (const pid of workers) expect(alive(pid)).toBe(false);
    expect(running.output()).toMatch(/worker \d+ stopped \(code 0\)/);
    expect(await answersHome(running.url)).toBe(false);
  });

  it('with two workers, keeps answering while one is killed and restarted', async () => {
    app = startSupervisor(dir, await freePort(), false, 2);
    const running = app;
    await until('two workers', () => listeningPids(running.output()).length === 2, 900, running.output);
    const [victim, survivor] = listeningPids(running.output());
    process.kill(victim!, 'SIGKILL');
    // Asked at once, while the primary may not yet know: the kernel gives every one to the live worker.
    const statuses = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await fetch(`${running.url}/`, { signal: AbortSignal.timeout(10_000) })).status);
    expect(statuses).toEqual(Array(10).fill(200));
    await until('a third worker', () => listeningPids(running.output()).length === 3, 900, running.output);
    expect(alive(survivor!)).toBe(true);
    const workers = startedPids(running.output());
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
    for (const pid of workers) expect(alive(pid)).toBe(false);
  });

  // The limit is counted in the database, by a client hash whose key the primary hands to every
  // worker: a worker that never saw the first two (the one started after the kill) still refuses the third.
  it('with two workers, counts the submission limit across them, and across a worker killed and replaced', async () => {
    app = startSupervisor(dir, await freePort(), true, 2, { SUBMISSIONS_PER_HOUR: '2', CLIENT_HASH_SECRET: '', DEVICE_COOKIE_SECRET: '' });
    const running = app;
    await until('two workers', () => listeningPids(running.output()).length === 2, 900, running.output);
    await until('the home page', () => answersHome(running.url), 600, running.output);
    expect(running.output()).toContain('CLIENT_HASH_SECRET and DEVICE_COOKIE_SECRET not set: made for this start');
    const reader = new SQLite(running.databasePath, { readonly: true });
    const template = submissionBodyTemplate(loadShape(reader, SLUG), 'limited-');
    reader.close();
    const submit = (key: string) =>
      fetch(`${running.url}/consultations/${SLUG}/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: template.replace(ID_PLACEHOLDER, key),
        redirect: 'manual',
      });
    expect([(await submit('first')).status, (await submit('second')).status]).toEqual([303, 303]);

    const [victim] = listeningPids(running.output());
    process.kill(victim!, 'SIGKILL');
    await until(`worker ${victim} to die`, () => !alive(victim!), 100, running.output);
    await until('a third worker', () => listeningPids(running.output()).length === 3, 900, running.output);
    for (const key of ['third', 'fourth']) {
      const refused = await submit(key);
      expect(refused.status).toBe(429);
      expect(await refused.text()).toMatch(/Too many responses have been sent from your connection in the last hour\. Wait 60 minutes/);
    }
    const db = openDb(running.databasePath);
    try {
      expect(await countResponses(db, { slug: SLUG, idempotencyKey: 'limited-third' })).toBe(0);
    } finally {
      await db.destroy();
    }
    const workers = startedPids(running.output());
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
    for (const pid of workers) expect(alive(pid)).toBe(false);
  });

  it('gives up, non-zero and saying why, on a worker that dies before it listens', async () => {
    // Another program holds the port: every worker dies at start the same way.
    const squatter: Server = createServer();
    const port = await freePort();
    await new Promise<void>((done) => squatter.listen(port, '127.0.0.1', () => done()));
    try {
      app = startSupervisor(dir, port, false);
      const code = await Promise.race([app.exit, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 100_000))]);
      expect(code).toBe(1);
      expect(app.output()).toContain('EADDRINUSE');
      expect(app.output()).toMatch(/before listening, 5 times in a row: giving up/);
      const workers = startedPids(app.output());
      expect(workers).toHaveLength(5);
      for (const pid of workers) expect(alive(pid)).toBe(false);
    } finally {
      squatter.close();
    }
  });
});
