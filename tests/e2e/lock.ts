import { spawn } from 'node:child_process';
import { ROOT } from './harness';

// Another process holding SQLite's write lock, as `npm run import` of a big file, a backup or
// the sqlite3 shell's BEGIN IMMEDIATE would: a plain node with better-sqlite3, so the server
// under test gets no help from sharing a process with it.

const HOLDER = `
const SQLite = require('better-sqlite3');
const db = new SQLite(process.argv[1]);
db.exec('begin immediate');
process.stdout.write('locked\\n');
process.stdin.once('data', () => { db.exec('commit'); db.close(); process.stdout.write('released\\n'); process.exit(0); });
`;

export interface WriteLock {
  /** Commits and ends the holder; resolves once the lock is gone. */
  release(): Promise<void>;
}

/** Takes the write lock on `databasePath` from another process and holds it until `release`. */
export async function holdWriteLock(databasePath: string): Promise<WriteLock> {
  const child = spawn(process.execPath, ['-e', HOLDER, databasePath], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  const saw = (word: string) =>
    new Promise<void>((done, fail) => {
      const check = () => output.includes(word) && done();
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        check();
      });
      child.once('exit', (code) => (output.includes(word) ? done() : fail(new Error(`The lock holder exited (${code}) before "${word}"`))));
      check();
    });
  await saw('locked');
  return {
    async release() {
      child.stdin.write('release\n');
      await saw('released');
    },
  };
}
