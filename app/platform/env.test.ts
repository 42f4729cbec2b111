import { describe, expect, it } from 'vitest';
import { readEnv, serveWorkers } from './env.server';

// How many server processes `npm run serve` runs: WORKERS, else the old name WEB_WORKERS, else one per core.
describe('WORKERS', () => {
  const workers = (source: Record<string, string>, cores = 4) => serveWorkers(readEnv(source), cores);

  it('is one per core when unset, or set empty as in an environment file', () => {
    expect(workers({})).toBe(4);
    expect(workers({ WORKERS: '' }, 2)).toBe(2);
  });

  it('takes WORKERS over the deprecated WEB_WORKERS, and WEB_WORKERS alone still works', () => {
    expect(workers({ WORKERS: '3' })).toBe(3);
    expect(workers({ WORKERS: '3', WEB_WORKERS: '1' })).toBe(3);
    expect(workers({ WEB_WORKERS: '1' })).toBe(1);
  });

  it('refuses a count that is not a whole number from 1 to 64, naming it', () => {
    expect(() => readEnv({ WORKERS: '0' })).toThrow(/WORKERS/);
    expect(() => readEnv({ WORKERS: 'two' })).toThrow(/WORKERS/);
    expect(() => readEnv({ WEB_WORKERS: '65' })).toThrow(/WEB_WORKERS/);
  });
});
