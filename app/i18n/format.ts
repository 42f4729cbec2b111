import type { Locale } from './config';

const formatters = new Map<Locale, Intl.DateTimeFormat>();

/** A date as people in Stockport read it, in their language: "21 January 2027". */
export function formatDate(iso: string, locale: Locale): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'ur' ? 'ur-PK' : locale === 'pl' ? 'pl-PL' : 'en-GB', {
      dateStyle: 'long',
      timeZone: 'Europe/London',
    });
    formatters.set(locale, formatter);
  }
  return formatter.format(new Date(iso));
}
