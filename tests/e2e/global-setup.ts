import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../db/connection';
import { prepareDatabase } from '../../db/prepare';
import { TEMPLATES_ENV, templateFile } from './templates';

// Every e2e server used to migrate and seed its own demo on its first start. That is done here
// once, by the same code (prepareDatabase), and each server starts on a copy (startApp), so a
// server's start is the same whether one file runs or many run side by side. Both projects of vitest.e2e.config.ts name this file;
// the first to run makes the templates, the other finds them.

async function makeTemplate(path: string, demo: boolean): Promise<void> {
  const db = openDatabase(path);
  await prepareDatabase(db, { demo });
  // Everything into the main file, so copying that one file copies the whole database.
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  await db.destroy();
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env[TEMPLATES_ENV]) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'heard-e2e-templates-'));
  const started = Date.now();
  await Promise.all([makeTemplate(templateFile(dir, true), true), makeTemplate(templateFile(dir, false), false)]);
  console.log(`e2e template databases ready in ${Date.now() - started} ms (${dir})`);
  process.env[TEMPLATES_ENV] = dir;
  return async () => {
    delete process.env[TEMPLATES_ENV];
    await rm(dir, { recursive: true, force: true });
  };
}
