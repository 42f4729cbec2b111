import { RemixBrowser } from '@remix-run/react';
import i18next from 'i18next';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale, namespacesFor } from './platform/i18n/config';

// Only this page's language (and English, the fallback) is downloaded, and a resident's page
// never downloads the workspace's text.
const bundles = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', { import: 'default' });

const namespaces = namespacesFor(window.location.pathname);

async function loadLanguage(locale: string) {
  const entries = await Promise.all(namespaces.map(async (ns) => [ns, (await bundles[`../locales/${locale}/${ns}.json`]?.()) ?? {}] as const));
  return Object.fromEntries(entries);
}

async function hydrate() {
  const lang = document.documentElement.lang;
  const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const resources: Record<string, Record<string, Record<string, unknown>>> = { [locale]: await loadLanguage(locale) };
  if (locale !== DEFAULT_LOCALE) resources[DEFAULT_LOCALE] = await loadLanguage(DEFAULT_LOCALE);
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    ns: [...namespaces],
    defaultNS: 'common',
    resources,
    interpolation: { escapeValue: false },
  });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
