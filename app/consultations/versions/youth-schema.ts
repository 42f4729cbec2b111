import { z } from 'zod';
import { YOUTH_KINDS } from '#db/schema';

// The forms of the young people's version, checked the same way in the browser and on the server.
// Whether an answer maps onto an option of the right question is checked on the server (youth.server.ts).

export const YOUTH_CODE_PATTERN = /^[a-z0-9]{3,30}$/;

export const youthCodeSchema = z.object({
  intent: z.literal('code'),
  code: z.string().trim().toLowerCase().regex(YOUTH_CODE_PATTERN, 'versions:codeFormat').optional(),
});

export const youthItemActionSchema = z.discriminatedUnion('intent', [
  youthCodeSchema,
  z.object({ intent: z.enum(['up', 'down', 'remove']), itemId: z.number().int() }),
]);

export const youthItemSchema = z.object({
  questionId: z.number({ error: 'versions:questionMissing' }).int(),
  kind: z.enum(YOUTH_KINDS, { error: 'versions:kindMissing' }),
  text: z.string({ error: 'versions:textMissing' }).trim().min(1, 'versions:textMissing').max(300, 'versions:textTooLong'),
  hint: z.string().trim().max(500, 'versions:hintTooLong').optional(),
  required: z.boolean().optional(),
  options: z
    .array(
      z.object({
        id: z.number().int().optional(),
        label: z.string().trim().max(150, 'versions:labelTooLong').optional(),
        picture: z.string().trim().max(200, 'versions:pictureTooLong').optional(),
        optionId: z.number().int().optional(),
      }),
    )
    .optional(),
});
export type YouthItemInput = z.infer<typeof youthItemSchema>;

/** Youth kinds whose answers are chosen from options. */
export const YOUTH_CHOICE_KINDS: readonly string[] = ['single_choice', 'multiple_choice', 'yes_no', 'agree_scale'];

/** An item's routing: shown only when earlier answers match, and where each of its answers sends young people. */
export const youthRoutingSchema = z.object({
  intent: z.literal('routing'),
  /** Earlier answers that show this item, each "itemKey:optionKey". */
  when: z.array(z.string()).optional(),
  match: z.enum(['all', 'any']).optional(),
  routes: z.array(z.object({ option: z.string(), goesTo: z.string().optional() })).optional(),
  exitText: z.string().trim().max(2000, 'versions:exitTextTooLong').optional(),
});
export type YouthRoutingInput = z.infer<typeof youthRoutingSchema>;
