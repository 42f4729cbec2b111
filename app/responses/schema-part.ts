import type { z } from 'zod';

// A piece of a form's schema: the fields it adds and the cross-field rule it brings. The survey's
// forms are merged from parts (form-schema.ts), the honeypot among them (moderation/honeypot.ts),
// so the type sits apart from both.

export type Shape = Record<string, z.ZodType>;
export type Refinement = (values: Record<string, unknown>, ctx: z.RefinementCtx) => void;

export interface SchemaPart {
  shape: Shape;
  refine?: Refinement;
}
