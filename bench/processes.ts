import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

// Child processes of the benchmark: started, waited for, and always stopped again.

export interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  /** Everything it printed, kept for error messages. */
  output: () => string;
  exited: Promise<number | null>;
}

const running = new Set<Child>();

export interface StartOptions {
  name: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** Resolves when a line of its output matches. */
  ready: RegExp;
  logFile: string;
  timeoutMs?: number;
}

/** Starts `node <args>` (one process, so its pid is the server's) and waits until it is ready. */
export async function startNode({
  name,
  args,
  env,
  cwd,
  ready,
  logFile,
  timeoutMs = 60_000,
}: StartOptions): Promise<{ child: Child; match: RegExpMatchArray }> {
  const proc = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (proc.pid === undefined) throw new Error(`Could not start ${name}`);
  const log = createWriteStream(logFile);
  let output = '';
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const child: Child = { name, proc, pid: proc.pid, output: () => output, exited };
  running.add(child);
  void exited.then(() => running.delete(child));

  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} was not ready after ${timeoutMs} ms:\n${output.slice(-3000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      log.write(chunk);
      const found = ready.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready:\n${output.slice(-3000)}`));
    });
  });
  return { child, match };
}

/** SIGTERM, then SIGKILL if it has not gone after graceMs. */
export async function stop(child: Child, graceMs = 5000): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((c) => stop(c)));
}

/** Kills what is left without waiting: for process exit handlers. */
export function killAllNow(): void {
  for (const child of running) {
    if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill('SIGKILL');
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
