import { useTranslation } from 'react-i18next';
import type { Cell, Percentage } from '~/analysis/disclosure';
import type { Locale } from '~/platform/i18n/config';
import { usePageLocale } from '~/platform/i18n/use-locale';

// Protected figures in words. A hidden figure has no value to print: it says so, nothing more.

const intlLocale = (locale: Locale) => (locale === 'ur' ? 'ur-PK' : locale === 'pl' ? 'pl-PL' : 'en-GB');

export function formatShare(proportion: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(proportion);
}

export function Count({ cell }: { cell: Cell }) {
  const { t } = useTranslation('quotes');
  const locale = usePageLocale();
  if (cell.kind === 'suppressed') return <span className="hidden-figure">{t('figures.hidden')}</span>;
  return <>{new Intl.NumberFormat(intlLocale(locale)).format(cell.value)}</>;
}

export function Share({ share }: { share: Percentage }) {
  const { t } = useTranslation('quotes');
  const locale = usePageLocale();
  if (share.kind === 'suppressed') return <span className="hidden-figure">{t('figures.hidden')}</span>;
  if (share.kind === 'no-base') return <>{t('figures.noBase')}</>;
  return (
    <>
      {formatShare(share.proportion, locale)}
      <span className="hint">
        {' '}
        {t('figures.interval', { low: formatShare(share.interval.lower, locale), high: formatShare(share.interval.upper, locale) })}
      </span>
    </>
  );
}
