import { spawnSync } from 'node:child_process';
import { dataLayerTestFiles } from './data-layer-tests';

// The data layer's tests again, against PostgreSQL, when TEST_DATABASE_URL names a server
// (.ci/run sets it; the machine runs PostgreSQL on 127.0.0.1:5432). SQLite stays the default.
// Only the files whose database follows TEST_DATABASE_URL (see data-layer-tests.ts): pure
// functions, components and tests on a SQLite file of their own ran in test:unit already.
const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('TEST_DATABASE_URL is not set: the PostgreSQL run of the data-layer tests is skipped.');
  process.exit(0);
}
const files = dataLayerTestFiles(process.cwd());
console.log(`Data-layer tests against PostgreSQL (${url.replace(/\/\/[^@]*@/, '//***@')}): ${files.length} files`);
// Two files at once: each waits on PostgreSQL, which works in its own processes, so one file at a
// time (vitest's default on two cores) left a core idle: 97 s against 70 s on this machine.
const result = spawnSync('npx', ['vitest', 'run', '--maxWorkers=2', ...files], { stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
