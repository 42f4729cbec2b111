import { useTranslation } from 'react-i18next';
import type { Cell, Percentage } from '~/analysis/disclosure';
import type { Locale } from '~/platform/i18n/config';
import { usePageLocale } from '~/platform/i18n/use-locale';

// Figures in the reader's language: "1,234", "19.7%", "0.73", and "fewer than 10" for a hidden
// one (the model holds no value for it, so there is nothing else to print).

const NUMBER_LOCALES: Record<Locale, string> = { en: 'en-GB', pl: 'pl-PL', ur: 'ur-PK' };

export function usePopulationFormat(threshold: number) {
  const { t } = useTranslation('population');
  const locale = NUMBER_LOCALES[usePageLocale()];
  const whole = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const fewer = t('fewerThan', { threshold: whole.format(threshold) });
  return {
    threshold,
    fewer,
    number: (n: number) => whole.format(n),
    /** A proportion (0.197) as "19.7%". */
    percent: (p: number) => percent.format(p),
    decimal: (n: number) => decimal.format(n),
    count: (c: Cell) => (c.kind === 'shown' ? whole.format(c.value) : fewer),
    share: (p: Percentage) => (p.kind === 'shown' ? percent.format(p.proportion) : p.kind === 'suppressed' ? fewer : '–'),
    pValue: (p: number) =>
      p < 0.001 ? t('who.table.pBelow') : t('who.table.pValue', { value: new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(p) }),
  };
}

export type PopulationFormat = ReturnType<typeof usePopulationFormat>;
