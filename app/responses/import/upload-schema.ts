import { z } from 'zod';

/** The import form: one file. (An empty file input arrives as nothing, so "choose a file" covers it.) */
export const uploadSchema = z.object({
  csrf: z.string().optional(),
  file: z.file({ error: 'intake:chooseFile' }),
});
