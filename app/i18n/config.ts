// Languages the interface is complete in. English is the source; content falls back to it.
export const LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'ur', name: 'اردو', dir: 'rtl' },
] as const;

export type Locale = (typeof LANGUAGES)[number]['code'];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALES: Locale[] = LANGUAGES.map((l) => l.code);
export const NAMESPACES = ['common', 'survey', 'about', 'youth'] as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as string[]).includes(value);
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === locale)?.dir ?? 'ltr';
}

/** The query parameter and cookie that carry a chosen language. */
export const LANGUAGE_PARAM = 'lng';
