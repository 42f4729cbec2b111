import type { EntryContext } from '@remix-run/node';
import { DEFAULT_LOCALE, isLocale, type Locale } from './config';

/** The locale the root loader settled on, read back when rendering the document. */
export function localeFromContext(context: EntryContext): Locale {
  const root = context.staticHandlerContext.loaderData.root as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}
