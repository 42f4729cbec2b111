import { ABOUT_YOU_FIELD_NAMES, type AboutYouField } from '~/responses/demographics';

// The kinds of personal data a consultation's responses can hold, in the order the record of
// processing lists them. Special category data (UK GDPR Article 9) is marked: ethnic origin,
// religious belief, health (disability) and sexual orientation need an Article 9 condition and
// extra care, so an information governance officer looks for them first.

const SPECIAL: readonly AboutYouField[] = ['ethnicity', 'disability', 'religion', 'sexual_orientation'];

export function isSpecialCategory(category: Category): boolean {
  return (SPECIAL as readonly Category[]).includes(category);
}

/** Personal data held beside "about you": where a person lives, how to credit them, what they wrote. */
export const OTHER_CATEGORIES = ['ward', 'postcode_district', 'quote_name', 'free_text', 'notes'] as const;
export type OtherCategory = (typeof OTHER_CATEGORIES)[number];

export type Category = AboutYouField | OtherCategory;

export const CATEGORIES: readonly Category[] = [...ABOUT_YOU_FIELD_NAMES, ...OTHER_CATEGORIES];

/** Contact details found inside free-text answers, by kind (app/exports/redact.ts finds them). */
export const CONTACT_KINDS = ['email', 'phone', 'postcode'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
