import { z } from 'zod';
import type { SchemaPart } from '~/responses/schema-part';

/**
 * The honeypot: a field people never see and scripts fill in. Named like a field a form-filling
 * script expects; a person's browser does not fill it (autocomplete off, off-screen, no tab stop).
 */
export const HONEYPOT_FIELD = 'website';

/** The final forms' schemas accept the field (they are strict), whatever it holds: the action decides. */
export function honeypotPart(): SchemaPart {
  return { shape: { [HONEYPOT_FIELD]: z.string().optional() } };
}
