import heavyWork, { type WorkerTask } from './entry.worker';

// The real worker with two extra tasks for entry.worker.test.ts: one that takes a while (to fill
// the queue) and one that ends its thread the way a crash would.
type TestTask = WorkerTask | { kind: 'sleep'; ms: number } | { kind: 'exit' };

export default async function testWork(task: TestTask) {
  if (task.kind === 'sleep') return new Promise((done) => setTimeout(() => done(null), task.ms));
  if (task.kind === 'exit') process.exit(3);
  return heavyWork(task);
}
