// Languages the interface is complete in. English is the source; content falls back to it.
export const LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'ur', name: 'اردو', dir: 'rtl' },
] as const;

export type Locale = (typeof LANGUAGES)[number]['code'];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALES: Locale[] = LANGUAGES.map((l) => l.code);
/** What residents' pages use: the only text a resident's browser downloads. */
export const PUBLIC_NAMESPACES = ['common', 'survey', 'about', 'youth'] as const;
/** A consultation's public results ("We asked, you said, we did") also draws the charts and tables of "what we heard". */
export const RESULTS_NAMESPACES = [...PUBLIC_NAMESPACES, 'publishing', 'analysis'] as const;
/** The officers' workspace under /admin. */
export const WORKSPACE_NAMESPACES = [
  'admin',
  'framework',
  'builder',
  'versions',
  'intake',
  'moderation',
  'analysis',
  'coding',
  'quotes',
  'population',
  'publishing',
  'exports',
  'reports',
  'records',
  'requests',
] as const;
export const NAMESPACES = [...PUBLIC_NAMESPACES, ...WORKSPACE_NAMESPACES] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** A resident asking for a copy of their answers, or for them to be erased (/your-data). */
export const DATA_REQUEST_NAMESPACES = [...PUBLIC_NAMESPACES, 'requests'] as const;

export function namespacesFor(pathname: string): readonly Namespace[] {
  if (/^\/admin(\/|$)/.test(pathname)) return NAMESPACES;
  // Links to /your-data load the whole document (reloadDocument), so its texts arrive with it.
  if (/^\/your-data(\/|$)/.test(pathname)) return DATA_REQUEST_NAMESPACES;
  // Links into a results page load the whole document (reloadDocument), so its texts arrive with it.
  return /^\/consultations\/[^/]+\/results(\/|$)/.test(pathname) ? RESULTS_NAMESPACES : PUBLIC_NAMESPACES;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as string[]).includes(value);
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === locale)?.dir ?? 'ltr';
}

/** The query parameter and cookie that carry a chosen language. */
export const LANGUAGE_PARAM = 'lng';
