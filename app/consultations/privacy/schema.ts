import { z } from 'zod';
import { LAWFUL_BASES, SPECIAL_CATEGORY_CONDITIONS } from '#db/schema';

// The builder's privacy notice form, for the server and (through conform) the browser. Every
// text may be left empty: the notice then says what the installation says, and the overview's
// checklist asks for a purpose and a contact.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `builder:tooLong|${max}` })
    .default('');

export const privacyNoticeSchema = z.object({
  purpose: optionalText(4000),
  purposeYoung: optionalText(1000),
  lawfulBasis: z.enum(LAWFUL_BASES, { error: 'builder:privacyChoiceInvalid' }).default('public_task'),
  specialCategoryCondition: z.enum(SPECIAL_CATEGORY_CONDITIONS, { error: 'builder:privacyChoiceInvalid' }).default('substantial_public_interest'),
  controller: optionalText(200),
  contact: optionalText(500),
  sharedWith: optionalText(2000),
});

export type PrivacyNoticeInput = z.infer<typeof privacyNoticeSchema>;
