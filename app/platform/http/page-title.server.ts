import type { AppLoadContext } from '@remix-run/node';
import type { Locale } from '~/platform/i18n/config';
import { tFor } from '~/platform/i18n/i18n.server';

/** A form page's title, starting "Error:" when this request's submission came back with problems. */
export function formPageTitle(context: AppLoadContext, locale: Locale, title: string): string {
  return context.request.submissionFailed ? `${tFor(locale)('errorPrefix')} ${title}` : title;
}

/** A workspace page's title: "Users – Heard workspace", with "Error:" first after a failed form. */
export function workspacePageTitle(context: AppLoadContext, locale: Locale, title: string): string {
  return formPageTitle(context, locale, `${title} – ${tFor(locale, 'admin')('site')}`);
}
