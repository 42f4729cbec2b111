import { env, type Env } from '~/platform/env.server';
import type { RetentionDefaults } from './policy';

/** The installation's retention policy (RETENTION_MONTHS, RETENTION_FREE_TEXT, RETENTION_ABOUT_YOU). */
export function retentionDefaults(config: Pick<Env, 'RETENTION_MONTHS' | 'RETENTION_FREE_TEXT' | 'RETENTION_ABOUT_YOU'> = env()): RetentionDefaults {
  return { months: config.RETENTION_MONTHS, freeText: config.RETENTION_FREE_TEXT, aboutYou: config.RETENTION_ABOUT_YOU };
}
