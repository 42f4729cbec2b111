import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './db/connection';
import { prepareDatabase } from './db/prepare';
import { env, serveWorkers } from './app/platform/env.server';
import { secretsForWorkers } from './app/platform/secrets.server';
import { runSupervisor } from './app/platform/supervisor.server';

// `npm run serve`: migrates and seeds the database once, here in the primary, then keeps
// WORKERS copies of server.js running, one per core unless set (server.js skips both when it
// runs as a cluster worker, so workers never race to migrate). Bundled beside server.js as build/node/supervisor.js.
async function main() {
  const config = env();
  const db = openDatabase(config.DATABASE_URL);
  try {
    await prepareDatabase(db, { demo: config.SEED_DEMO });
  } finally {
    await db.destroy();
  }
  if (config.WORKERS === undefined && config.WEB_WORKERS !== undefined) console.log('[supervisor] WEB_WORKERS is deprecated: set WORKERS instead.');
  // Secrets not configured are made here, once, so every worker (and every restarted one) agrees.
  const secrets = secretsForWorkers(config);
  const made = Object.keys(secrets);
  if (made.length) console.log(`[supervisor] ${made.join(' and ')} not set: made for this start; set them when several machines serve Heard`);
  runSupervisor({
    exec: join(dirname(fileURLToPath(import.meta.url)), 'server.js'),
    execArgv: ['--enable-source-maps'],
    workers: serveWorkers(config),
    env: secrets,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
