import { env } from '~/platform/env.server';
import type { SafeguardingAges } from './safeguarding';

/** The installation's safeguarding ages (SAFEGUARDING_CREDIT_MIN_AGE, SAFEGUARDING_SENSITIVE_MIN_AGE). */
export function safeguardingAges(): SafeguardingAges {
  const settings = env();
  return { creditMinAge: settings.SAFEGUARDING_CREDIT_MIN_AGE, sensitiveMinAge: settings.SAFEGUARDING_SENSITIVE_MIN_AGE };
}
