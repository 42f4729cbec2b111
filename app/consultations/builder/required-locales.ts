import { LANGUAGES } from '~/platform/i18n/config';

/** The languages a consultation may require besides English. */
export const REQUIRABLE_LOCALES: string[] = LANGUAGES.map((l) => l.code).filter((c) => c !== 'en');

/** consultations.required_locales ("pl,ur") as a list of known languages. */
export function requiredLocalesOf(value: string): string[] {
  return value
    .split(',')
    .map((l) => l.trim())
    .filter((l) => REQUIRABLE_LOCALES.includes(l));
}
