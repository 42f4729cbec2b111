import { spawnSync } from 'node:child_process';

// The data layer's tests again, against PostgreSQL, when TEST_DATABASE_URL names a server
// (.ci/run sets it; the machine runs PostgreSQL on 127.0.0.1:5432). SQLite stays the default.
const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('TEST_DATABASE_URL is not set: the PostgreSQL run of the data-layer tests is skipped.');
  process.exit(0);
}
console.log(`Data-layer tests against PostgreSQL (${url.replace(/\/\/[^@]*@/, '//***@')})`);
const result = spawnSync('npx', ['vitest', 'run', 'app', 'db'], { stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
