import { usePageLocale } from '~/platform/i18n/use-locale';
import type { Locale } from '~/platform/i18n/config';

const TAGS: Record<Locale, string> = { en: 'en-GB', pl: 'pl-PL', ur: 'ur-PK' };

/** Whole numbers and kappas as the reader writes them: "3,402", "0.62" (or "0,62" in Polish). */
export function useNumbers() {
  const locale = usePageLocale();
  const whole = new Intl.NumberFormat(TAGS[locale]);
  const kappa = new Intl.NumberFormat(TAGS[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return { whole: (n: number) => whole.format(n), kappa: (k: number) => kappa.format(k) };
}
