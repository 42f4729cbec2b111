import { QUOTE_CREDITS, RESPONDENT_GROUPS, type QuoteCredit } from '~/responses/codes';

// How a quoted respondent is credited: the ONE set of rules, for the officers' quotes pages, the
// "what we heard" views, public pages and reports. It is worked out from the response each time a
// quote is shown (never stored with the quote), so a withdrawn consent or a correction to the
// response is honoured everywhere at once.
//
// - No consent: the words cannot be quoted at all (creditFor gives null).
// - Under-13s (never_attribute) are never credited by name, age or area, whatever they chose:
//   "a young person", or "anonymous" if that is what they asked for.
// - Otherwise as the respondent chose: name, age and area ("Millie, aged 16 to 17, Reddish North"),
//   age and area ("a resident of Marple, aged 35 to 44"), area ("a resident of Marple"), or
//   "anonymous". A part they gave no answer to is left out, never guessed.

/** What a response says about being quoted, as stored on the day. */
export interface CreditSource {
  quoteConsent: number | boolean;
  quoteCredit: string | null;
  quoteName: string | null;
  ageBand: string | null;
  /** The ward's name, or for young people the first part of their postcode; null when unknown. */
  area: string | null;
  /** The respondent group (resident, young_person, business...). */
  group: string;
  neverAttribute: number | boolean;
}

export type Credit =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'credited'; readonly name: string | null; readonly ageBand: string | null; readonly area: string | null; readonly group: CreditGroup };

/** The groups a credit can name; anyone else is "someone". */
export type CreditGroup = (typeof RESPONDENT_GROUPS)[number] | 'other';

/** Age bands a credit can name: the adult census bands and the young people's bands. */
export const CREDIT_AGE_BANDS = [
  'under_11',
  '11_12',
  '13_15',
  'under_16',
  '16_17',
  '18_24',
  '25_34',
  '35_44',
  '45_54',
  '55_64',
  '65_74',
  '75_84',
  '85_plus',
] as const;

const ANONYMOUS: Credit = Object.freeze({ kind: 'anonymous' });
const YOUNG_PERSON: Credit = Object.freeze({ kind: 'credited', name: null, ageBand: null, area: null, group: 'young_person' });

const yes = (flag: number | boolean) => flag === true || flag === 1;
const present = (text: string | null) => (text && text.trim() !== '' ? text.trim() : null);

/** Whether the respondent agreed to be quoted at all. */
export function isQuotable(source: Pick<CreditSource, 'quoteConsent'>): boolean {
  return yes(source.quoteConsent);
}

/** The credit a quote carries, or null when the respondent did not agree to be quoted. */
export function creditFor(source: CreditSource): Credit | null {
  if (!isQuotable(source)) return null;
  const choice: QuoteCredit = (QUOTE_CREDITS as readonly string[]).includes(source.quoteCredit ?? '') ? (source.quoteCredit as QuoteCredit) : 'anonymous';
  if (choice === 'anonymous') return ANONYMOUS;
  if (yes(source.neverAttribute)) return YOUNG_PERSON;
  const group: CreditGroup = (RESPONDENT_GROUPS as readonly string[]).includes(source.group) ? (source.group as CreditGroup) : 'other';
  const ageBand = (CREDIT_AGE_BANDS as readonly string[]).includes(source.ageBand ?? '') ? source.ageBand : null;
  const area = present(source.area);
  switch (choice) {
    case 'area':
      return { kind: 'credited', name: null, ageBand: null, area, group };
    case 'age_area':
      return { kind: 'credited', name: null, ageBand, area, group };
    case 'name_age_area':
      return { kind: 'credited', name: present(source.quoteName), ageBand, area, group };
  }
}

/** A translate function for the quotes namespace (react-i18next's t or tFor(locale, 'quotes')). */
export type Translate = (key: string, options?: Record<string, string>) => string;

/** The credit in words, in the reader's language. */
export function creditText(credit: Credit, t: Translate): string {
  if (credit.kind === 'anonymous') return t('credit.anonymous');
  const age = credit.ageBand ? t(`credit.age.${credit.ageBand}`) : null;
  if (credit.name) {
    const vars = { name: credit.name, age: age ?? '', area: credit.area ?? '' };
    if (age && credit.area) return t('credit.nameAgeArea', vars);
    if (age) return t('credit.nameAge', vars);
    if (credit.area) return t('credit.nameArea', vars);
    return t('credit.name', vars);
  }
  const who = credit.area ? t(`credit.group.${credit.group}.from`, { area: credit.area }) : t(`credit.group.${credit.group}.alone`);
  return age ? t('credit.whoAge', { who, age }) : who;
}
