import { createCookie } from '@remix-run/node';
import { createInstance, type i18n, type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RemixI18Next } from 'remix-i18next/server';
import { DEFAULT_LOCALE, isLocale, LANGUAGE_PARAM, LOCALES, NAMESPACES, type Locale, type Namespace } from './config';
import { resources } from './resources.server';

export const languageCookie = createCookie(LANGUAGE_PARAM, {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: LOCALES,
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: languageCookie,
    searchParamKey: LANGUAGE_PARAM,
    order: ['searchParams', 'cookie', 'header'],
  },
});

/** The language of a request: ?lng=, then the cookie, then Accept-Language, then English. */
export async function detectLocale(request: Request): Promise<Locale> {
  const found = await detector.getLocale(request);
  return isLocale(found) ? found : DEFAULT_LOCALE;
}

/** The language a person has just chosen with the switcher (?lng=), if any. */
export function chosenLocale(request: Request): Locale | null {
  const value = new URL(request.url).searchParams.get(LANGUAGE_PARAM);
  return isLocale(value) ? value : null;
}

// One i18next instance per language, made once: building one per request costs ~40% of a render.
// Instances are never switched to another language, so sharing them between requests is safe.
const instances = new Map<Locale, i18n>();

export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createInstance();
    void instance.use(initReactI18next).init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: LOCALES,
      ns: [...NAMESPACES],
      defaultNS: 'common',
      resources,
      initImmediate: false,
      interpolation: { escapeValue: false },
    });
    instances.set(locale, instance);
  }
  return instance;
}

export function tFor(locale: Locale, ns: Namespace = 'common'): TFunction {
  return i18nFor(locale).getFixedT(locale, ns);
}
