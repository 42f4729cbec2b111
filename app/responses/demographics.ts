// "About you": the Office for National Statistics 2021 Census categories, so results can be set
// beside the census population. Codes are stored; labels come from locales (aboutYou.*).
// Every question offers "prefer_not_to_say" and every one is optional.

export const PREFER_NOT = 'prefer_not_to_say';

export const AGE_BANDS = ['under_16', '16_17', '18_24', '25_34', '35_44', '45_54', '55_64', '65_74', '75_84', '85_plus'] as const;

export const SEXES = ['female', 'male'] as const;

/** Census 2021: "Is the gender you identify with the same as your sex registered at birth?" */
export const GENDER_IDENTITIES = ['same', 'different'] as const;

/** The 19 Census 2021 ethnic groups, under their 5 high-level groups. */
export const ETHNIC_GROUPS = {
  asian: ['asian_indian', 'asian_pakistani', 'asian_bangladeshi', 'asian_chinese', 'asian_other'],
  black: ['black_african', 'black_caribbean', 'black_other'],
  mixed: ['mixed_white_black_caribbean', 'mixed_white_black_african', 'mixed_white_asian', 'mixed_other'],
  white: ['white_british', 'white_irish', 'white_gypsy_traveller', 'white_roma', 'white_other'],
  other: ['other_arab', 'other_any'],
} as const;
export type EthnicHighLevel = keyof typeof ETHNIC_GROUPS;
export const ETHNICITIES = Object.values(ETHNIC_GROUPS).flat();

export function ethnicHighLevel(code: string): EthnicHighLevel | null {
  for (const [group, codes] of Object.entries(ETHNIC_GROUPS) as [EthnicHighLevel, readonly string[]][]) {
    if (codes.includes(code)) return group;
  }
  return null;
}

/** Census 2021 disability (Equality Act definition). */
export const DISABILITIES = ['limited_a_lot', 'limited_a_little', 'not_limited'] as const;

/** Census 2021 unpaid care, hours a week. */
export const CARER_HOURS = ['none', '9_or_less', '10_to_19', '20_to_34', '35_to_49', '50_or_more'] as const;

export const RELIGIONS = ['none', 'christian', 'buddhist', 'hindu', 'jewish', 'muslim', 'sikh', 'other'] as const;

export const SEXUAL_ORIENTATIONS = ['straight', 'gay_lesbian', 'bisexual', 'other'] as const;

export const WARD_UNKNOWN = 'unknown';

/** The single-answer "About you" fields, in the order they are asked. */
export const ABOUT_YOU_FIELDS = {
  age_band: AGE_BANDS,
  sex: SEXES,
  gender_identity: GENDER_IDENTITIES,
  ethnicity: ETHNICITIES,
  disability: DISABILITIES,
  carer: CARER_HOURS,
  religion: RELIGIONS,
  sexual_orientation: SEXUAL_ORIENTATIONS,
} as const;
export type AboutYouField = keyof typeof ABOUT_YOU_FIELDS;
export const ABOUT_YOU_FIELD_NAMES = Object.keys(ABOUT_YOU_FIELDS) as AboutYouField[];
