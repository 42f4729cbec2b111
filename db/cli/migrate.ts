import { openDatabase } from '../connection';
import { migrateToLatest } from '../migrate';
import { env } from '../../app/platform/env.server';

// npm run db:migrate: brings DATABASE_URL (default data/heard.sqlite) up to the latest migration.

const url = env().DATABASE_URL;
const db = openDatabase(url);
try {
  const ran = await migrateToLatest(db);
  console.log(ran.length === 0 ? `${url}: already up to date` : `${url}:\n  ${ran.join('\n  ')}`);
} catch (error) {
  console.error(`Migration failed on ${url}:`, error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
