import { useTranslation } from 'react-i18next';
import type { Cell, Count, MeanRank } from '~/analysis/results-model';
import type { Locale } from '~/platform/i18n/config';
import { usePageLocale } from '~/platform/i18n/use-locale';

// Figures as words in the reader's language: "46%", "1,234", "41% to 49%", and "fewer than 10"
// for a hidden one (the model holds no value for it, so there is nothing else to print).

const NUMBER_LOCALES: Record<Locale, string> = { en: 'en-GB', pl: 'pl-PL', ur: 'ur-PK' };
const formats = new Map<string, Intl.NumberFormat>();

function format(locale: Locale, kind: 'count' | 'percent' | 'decimal'): Intl.NumberFormat {
  const key = `${locale}:${kind}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.NumberFormatOptions =
      kind === 'percent' ? { style: 'percent', maximumFractionDigits: 0 } : kind === 'decimal' ? { minimumFractionDigits: 1, maximumFractionDigits: 1 } : {};
    formats.set(key, (f = new Intl.NumberFormat(NUMBER_LOCALES[locale], options)));
  }
  return f;
}

export function useFigures(threshold: number) {
  const { t } = useTranslation('analysis');
  const locale = usePageLocale();
  const fewer = t('fewerThan', { threshold: format(locale, 'count').format(threshold) });
  const count = (n: number) => format(locale, 'count').format(n);
  const percent = (p: number) => format(locale, 'percent').format(p / 100);
  const decimal = (n: number) => format(locale, 'decimal').format(n);
  return {
    fewer,
    count,
    percent,
    decimal,
    /** A count, or "fewer than 10". */
    ofCount: (c: Count) => (c.suppressed ? fewer : count(c.value)),
    /** A cell's percentage ("46%"), or its count when there is no base to divide by, or "fewer than 10". */
    ofCell: (c: Cell) => (c.suppressed ? fewer : c.percent === null ? count(c.count) : percent(c.percent)),
    interval: (c: Cell) => (c.suppressed || c.ciLow === null || c.ciHigh === null ? '' : t('interval', { low: percent(c.ciLow), high: percent(c.ciHigh) })),
    ofMeanRank: (m: MeanRank) => (m.suppressed ? fewer : m.value === null ? '–' : decimal(m.value)),
    pValue: (p: number) =>
      p < 0.001
        ? t('pBelow', { value: format(locale, 'count').format(0.001) })
        : t('pEquals', { value: new Intl.NumberFormat(NUMBER_LOCALES[locale], { maximumSignificantDigits: 2 }).format(p) }),
  };
}

export type Figures = ReturnType<typeof useFigures>;
