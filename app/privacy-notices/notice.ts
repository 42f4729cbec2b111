import type { LawfulBasis, RetentionAboutYou, RetentionFreeText, SpecialCategoryCondition } from '#db/schema';

// A consultation's privacy notice as residents and young people read it (issue 18): built on the
// server in the reader's language, rendered by the two public pages.

export interface Retention {
  /** Months after the consultation closes before its answers are anonymised. */
  months: number;
  /** The date (YYYY-MM-DD) that comes to, once the consultation has a closing date. */
  until: string | null;
  freeText: RetentionFreeText;
  aboutYou: RetentionAboutYou;
  /** When the anonymiser ran on this consultation's answers; null until it has. */
  anonymisedAt: string | null;
}

export interface PrivacyNotice {
  slug: string;
  /** The consultation's title in the reader's language. */
  title: string;
  /** Who the data controller is; empty: the council the interface names. */
  controller: string;
  /** How to reach the data protection officer; empty when neither the notice nor the installation says. */
  contact: string;
  /** Why the consultation asks, in the reader's language (English where it has no translation). */
  purpose: string;
  /** The same in young people's words. */
  purposeYoung: string;
  /** Who else sees the answers; empty: nobody, beyond what is published. */
  sharedWith: string;
  lawfulBasis: LawfulBasis;
  specialCategoryCondition: SpecialCategoryCondition;
  /** Whether the consultation asks "about you" (special-category data), so the Article 9 condition applies. */
  asksAboutYou: boolean;
  hasYouthVersion: boolean;
  retention: Retention;
  /** Figures are published only for groups at least this big. */
  disclosureThreshold: number;
}

/** Where each notice lives, for the links on the survey's first pages. */
export const privacyNoticePath = (slug: string) => `/consultations/${slug}/privacy`;
export const youngPrivacyNoticePath = (slug: string) => `/consultations/${slug}/young/privacy`;
