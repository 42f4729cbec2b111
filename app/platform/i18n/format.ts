import type { Locale } from './config';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}${withTime ? ' time' : ''}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale === 'ur' ? 'ur-PK' : locale === 'pl' ? 'pl-PL' : 'en-GB', {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'Europe/London',
    });
    formatters.set(key, found);
  }
  return found;
}

/** A date as people in Stockport read it, in their language: "21 January 2027". */
export function formatDate(iso: string, locale: Locale): string {
  return formatter(locale, false).format(new Date(iso));
}

/** A moment, in Stockport's time: "21 January 2027 at 14:05". */
export function formatDateTime(iso: string, locale: Locale): string {
  return formatter(locale, true).format(new Date(iso));
}
