import heavyWork from './worker';
import type { HeavyTask } from './tasks';

// The real worker with two extra tasks for pool.server.test.ts: one that takes a while (to fill
// the queue) and one that ends its thread the way a crash would.
type TestTask = HeavyTask | { kind: 'sleep'; ms: number } | { kind: 'exit' };

export default async function testWork(task: TestTask) {
  if (task.kind === 'sleep') return new Promise((done) => setTimeout(() => done(null), task.ms));
  if (task.kind === 'exit') process.exit(3);
  return heavyWork(task);
}
