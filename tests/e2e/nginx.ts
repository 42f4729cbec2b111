import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness';

// A real nginx (Debian's package) in front of app servers, as deploy/nginx/heard.conf puts it in
// production: the same heard-locations.conf (proxy headers, body limits, timeouts, cached
// /assets), included into a server of the test's own on a free loopback port, with its own
// prefix, pid, logs and cache in a temporary folder. Not a daemon: it stops with the test.

export const NGINX_PATH = '/usr/sbin/nginx';
export const LOCATIONS_CONF = join(ROOT, 'deploy/nginx/heard-locations.conf');

/** Installs Debian's nginx-light when nginx is missing (as root); does nothing when it is there. */
export function ensureNginx(): void {
  if (existsSync(NGINX_PATH)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `nginx is not installed at ${NGINX_PATH}, and installing it needs root. Run \`sudo apt-get update && sudo apt-get install -y nginx-light\`.`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'nginx-light']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with exit code ${result.status}`);
  }
  if (!existsSync(NGINX_PATH)) throw new Error(`apt-get installed nginx-light, but ${NGINX_PATH} is still missing.`);
}

export interface RunningNginx {
  url: string;
  port: number;
  /** nginx's error log so far, for a failure's message. */
  errors(): Promise<string>;
  stop(): Promise<void>;
}

export interface NginxOptions {
  port: number;
  /** The `server host:port …;` lines and balancing directives of `upstream heard`. */
  upstream: string[];
  /** Directives added to the server block (e.g. a header naming the app server that answered). */
  serverExtra?: string[];
}

/** Starts nginx in the foreground and waits until it answers on its port. */
export async function startNginx({ port, upstream, serverExtra = [] }: NginxOptions): Promise<RunningNginx> {
  const prefix = await mkdtemp(join(tmpdir(), 'heard-nginx-'));
  for (const dir of ['logs', 'temp', 'cache']) await mkdir(join(prefix, dir));
  const conf = join(prefix, 'nginx.conf');
  const errorLog = join(prefix, 'logs/error.log');
  await writeFile(
    conf,
    [
      'daemon off;',
      'master_process on;',
      'worker_processes 1;',
      // As root nginx would switch its workers to `nobody`, who cannot write this folder.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${errorLog} warn;`,
      'events { worker_connections 512; }',
      'http {',
      '  default_type application/octet-stream;',
      `  access_log ${join(prefix, 'logs/access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(prefix, 'temp', kind)};`),
      `  proxy_cache_path ${join(prefix, 'cache')} levels=1:2 keys_zone=heard_assets:1m max_size=64m inactive=1h use_temp_path=off;`,
      '  upstream heard {',
      ...upstream.map((line) => `    ${line}`),
      '  }',
      '  server {',
      `    listen 127.0.0.1:${port};`,
      '    server_name localhost;',
      ...serverExtra.map((line) => `    ${line}`),
      `    include ${LOCATIONS_CONF};`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(NGINX_PATH, ['-p', prefix, '-c', conf, '-e', errorLog], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const errors = async () => output + (await readFile(errorLog, 'utf8').catch(() => ''));
  const url = `http://127.0.0.1:${port}`;

  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode} before answering:\n${await errors()}`);
    const answered = await fetch(`${url}/nginx-probe`, { signal: AbortSignal.timeout(2_000) }).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (tries >= 100) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not answer on port ${port} within 10 s:\n${await errors()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    port,
    errors,
    async stop() {
      // SIGQUIT: finish open requests, then stop (SIGTERM would drop them).
      if (child.exitCode === null) child.kill('SIGQUIT');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
      process.off('exit', killOnExit);
      await rm(prefix, { recursive: true, force: true });
    },
  };
}

export const SITE_CONF = join(ROOT, 'deploy/nginx/heard.conf');

/**
 * `nginx -t` of the production site, deploy/nginx/heard.conf, as written: only the paths of
 * the machine it is copied to (the snippet, certificates, cache and logs) point into a temporary
 * folder, with a throwaway self-signed certificate. The exit code and what nginx said.
 */
export async function testSiteConfig(): Promise<{ status: number | null; output: string }> {
  const prefix = await mkdtemp(join(tmpdir(), 'heard-nginx-t-'));
  try {
    for (const dir of ['logs', 'cache']) await mkdir(join(prefix, dir));
    const [cert, key] = [join(prefix, 'cert.pem'), join(prefix, 'key.pem')];
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], {
      encoding: 'utf8',
    });
    if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
    const site = (await readFile(SITE_CONF, 'utf8'))
      .replaceAll('/etc/nginx/snippets/heard-locations.conf', LOCATIONS_CONF)
      .replace(/\/etc\/letsencrypt\/live\/[^/]+\/fullchain\.pem/g, cert)
      .replace(/\/etc\/letsencrypt\/live\/[^/]+\/privkey\.pem/g, key)
      .replaceAll('/var/cache/nginx/heard', join(prefix, 'cache'))
      .replaceAll('/var/log/nginx/', `${join(prefix, 'logs')}/`);
    await writeFile(join(prefix, 'site.conf'), site);
    const errorLog = join(prefix, 'logs/error.log');
    const conf = join(prefix, 'nginx.conf');
    await writeFile(
      conf,
      [`pid ${join(prefix, 'nginx.pid')};`, `error_log ${errorLog};`, 'events {}', 'http {', `  include ${join(prefix, 'site.conf')};`, '}', ''].join('\n'),
    );
    const result = spawnSync(NGINX_PATH, ['-t', '-p', prefix, '-c', conf, '-e', errorLog], { encoding: 'utf8' });
    return { status: result.status, output: result.stdout + result.stderr };
  } finally {
    await rm(prefix, { recursive: true, force: true });
  }
}
