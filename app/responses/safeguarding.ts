// Safeguarding children, whichever form they use (issue 14). A child may answer the adult form
// ("Under 16") as well as the young people's one, so the same two ages decide, for both:
// - the sensitive "About you" questions (gender identity, sexual orientation; the census asks them
//   from 16 only) are asked only of someone whose age band shows they are old enough;
// - nobody whose age band may hold someone younger than the credit age is credited by name, age or
//   area (they are "a young person" or anonymous, and never_attribute is set).
// The ages are installation settings (SAFEGUARDING_*_MIN_AGE, read in safeguarding.server.ts).

export interface SafeguardingAges {
  /** Below this age nobody is credited in a way that could identify them. */
  creditMinAge: number;
  /** Below this age (or with no age given) the sensitive questions are not asked. */
  sensitiveMinAge: number;
}

export const DEFAULT_SAFEGUARDING_AGES: SafeguardingAges = Object.freeze({ creditMinAge: 13, sensitiveMinAge: 16 });

/** What one respondent may be asked, from the age they gave. */
export interface MayAsk {
  sensitive: boolean;
  credit: boolean;
}

/** An officer's preview shows every page. */
export const ASK_EVERYTHING: MayAsk = Object.freeze({ sensitive: true, credit: true });

export const SENSITIVE_FIELDS = ['gender_identity', 'sexual_orientation'] as const;
/** How to be credited; consent itself may still be given (the words are then quoted anonymously). */
export const CREDIT_FIELDS = ['quote_credit', 'quote_name'] as const;

/** The youngest age in each band, adult and young people's; "under" bands may hold anyone. */
const YOUNGEST_AGE: Record<string, number> = {
  under_11: 0,
  '11_12': 11,
  '13_15': 13,
  under_16: 0,
  '16_17': 16,
  '18_24': 18,
  '25_34': 25,
  '35_44': 35,
  '45_54': 45,
  '55_64': 55,
  '65_74': 65,
  '75_84': 75,
  '85_plus': 85,
};

/** The youngest age a band holds, or null when no age was given (or "prefer not to say"). */
export function youngestAgeOf(band: unknown): number | null {
  return typeof band === 'string' && band in YOUNGEST_AGE ? YOUNGEST_AGE[band]! : null;
}

/**
 * What someone who gave this age band may be asked. The sensitive questions need an age known to be
 * old enough; a credit is refused only when the band may hold someone too young (an adult who skips
 * the age question can still be credited).
 */
export function mayAsk(band: unknown, ages: SafeguardingAges): MayAsk {
  const youngest = youngestAgeOf(band);
  return { sensitive: youngest !== null && youngest >= ages.sensitiveMinAge, credit: youngest === null || youngest >= ages.creditMinAge };
}

/** The fields someone may not be asked, so a draft forgets them and a post carrying them is refused. */
export function fieldsNotAsked(may: MayAsk): string[] {
  return [...(may.sensitive ? [] : SENSITIVE_FIELDS), ...(may.credit ? [] : CREDIT_FIELDS)];
}

/** Values without what this person may not be asked (a draft saved before their age was given). */
export function withoutFieldsNotAsked<T extends Record<string, unknown>>(values: T, ages: SafeguardingAges): T {
  const copy: Record<string, unknown> = { ...values };
  for (const field of fieldsNotAsked(mayAsk(values.age_band, ages))) delete copy[field];
  return copy as T;
}

interface StoredFields {
  age_band?: string | null;
  gender_identity?: string | null;
  sexual_orientation?: string | null;
  quote_consent?: number;
  quote_credit?: string | null;
  quote_name?: string | null;
  postcode_district?: string | null;
  never_attribute?: number;
}

/**
 * The last word before a response is stored, for every way in (the forms, an import, an officer
 * keying one in): a child's sensitive answers and identifying details are not kept. Unlike the
 * forms, it keeps sensitive answers when no age was given (an adult's paper form without an age).
 */
export function protectChild<T extends StoredFields>(fields: T, ages: SafeguardingAges): T {
  const youngest = youngestAgeOf(fields.age_band);
  if (youngest === null) return fields;
  let safe = fields;
  if (youngest < ages.sensitiveMinAge) safe = { ...safe, gender_identity: null, sexual_orientation: null };
  if (youngest < ages.creditMinAge) {
    safe = { ...safe, never_attribute: 1, quote_name: null, postcode_district: null, quote_credit: safe.quote_consent ? 'anonymous' : null };
  }
  return safe;
}
