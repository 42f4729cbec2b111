import { useRouteLoaderData } from '@remix-run/react';
import { DEFAULT_LOCALE, isLocale, type Locale } from './config';

/** The page's language, as the root loader decided it. */
export function usePageLocale(): Locale {
  const root = useRouteLoaderData<{ locale: string }>('root');
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}
