import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The databases every e2e server starts from, made once per run by tests/e2e/global-setup.ts:
// one migrated and seeded with the demo, one migrated with the reference data only (seedDemo: false).

/** Set by the global setup for the test files (vitest hands its environment to the workers). */
export const TEMPLATES_ENV = 'HEARD_E2E_TEMPLATES';

export function templateFile(dir: string, seedDemo: boolean): string {
  return join(dir, seedDemo ? 'demo.sqlite' : 'empty.sqlite');
}

/** The template for a fresh server, or undefined outside the e2e run (the server then seeds itself). */
export function findTemplate(seedDemo: boolean): string | undefined {
  const dir = process.env[TEMPLATES_ENV];
  if (!dir) return undefined;
  const file = templateFile(dir, seedDemo);
  return existsSync(file) ? file : undefined;
}
