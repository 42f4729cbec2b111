import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { seedDemo, seedReference } from './db/seed/index';
import { env } from './app/env.server';
import { runSupervisor } from './app/platform/supervisor.server';

// `npm run serve`: migrates and seeds the database once, here in the primary, then keeps
// WEB_WORKERS copies of server.js running (server.js skips both when it runs as a cluster worker,
// so workers never race to migrate). Bundled beside server.js as build/node/supervisor.js.
async function main() {
  const config = env();
  const db = openDatabase(config.DATABASE_URL);
  try {
    const applied = await migrateToLatest(db);
    if (applied.length) console.log(`Migrated: ${applied.join(', ')}`);
    await seedReference(db);
    if (config.SEED_DEMO) {
      const started = Date.now();
      const summary = await seedDemo(db);
      if (!summary.skipped) console.log(`Demo content added in ${Date.now() - started} ms`);
    }
  } finally {
    await db.destroy();
  }
  runSupervisor({ exec: join(dirname(fileURLToPath(import.meta.url)), 'server.js'), execArgv: ['--enable-source-maps'], workers: config.WEB_WORKERS });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
