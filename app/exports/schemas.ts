import { z } from 'zod';
import { DIMENSIONS } from '~/analysis/dimensions';
import { EXPORT_FORMATS, EXPORT_KINDS } from './kinds';

// The Exports page's form: which export, in which format, broken down by which field.

export const exportRequestSchema = z.object({
  kind: z.enum(EXPORT_KINDS),
  format: z.enum(EXPORT_FORMATS).default('csv'),
  by: z.enum(DIMENSIONS).optional(),
});

export type ExportRequestInput = z.infer<typeof exportRequestSchema>;
