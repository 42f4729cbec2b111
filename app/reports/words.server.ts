import type { TFunction } from 'i18next';
import type { Cell, Count } from '~/analysis/results-model';
import type { Locale } from '~/platform/i18n/config';
import { tFor } from '~/platform/i18n/i18n.server';

// Figures and dates in the reader's language for the report: the same forms as the results
// page ("1,234", "46%"), and "fewer than 10" for a hidden figure, which has no value to print.

const NUMBER_LOCALES: Record<Locale, string> = { en: 'en-GB', pl: 'pl-PL', ur: 'ur-PK' };

export interface ReportWords {
  t: TFunction;
  /** "fewer than 10". */
  fewer: string;
  count: (n: number) => string;
  percent: (p: number) => string;
  ofCount: (c: Count) => string;
  /** A cell's count, or "fewer than 10". */
  cellCount: (c: Cell) => string;
  /** A cell's percentage of its base, "–" when there is none, or "fewer than 10". */
  cellPercent: (c: Cell) => string;
  /** An ISO date or timestamp as "1 December 2026". */
  date: (iso: string) => string;
}

export function reportWords(locale: Locale, threshold: number): ReportWords {
  const t = tFor(locale, 'reports');
  const counts = new Intl.NumberFormat(NUMBER_LOCALES[locale]);
  const percents = new Intl.NumberFormat(NUMBER_LOCALES[locale], { style: 'percent', maximumFractionDigits: 0 });
  const dates = new Intl.DateTimeFormat(NUMBER_LOCALES[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  const fewer = t('fewerThan', { threshold: counts.format(threshold) });
  const percent = (p: number) => percents.format(p / 100);
  return {
    t,
    fewer,
    count: (n) => counts.format(n),
    percent,
    ofCount: (c) => (c.suppressed ? fewer : counts.format(c.value)),
    cellCount: (c) => (c.suppressed ? fewer : counts.format(c.count)),
    cellPercent: (c) => (c.suppressed ? fewer : c.percent === null ? '–' : percent(c.percent)),
    date: (iso) => dates.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)),
  };
}
