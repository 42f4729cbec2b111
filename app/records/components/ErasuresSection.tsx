import { useTranslation } from 'react-i18next';
import type { Locale } from '~/platform/i18n/config';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import type { ErasureMonth, ErasureTotals } from '../erasures.server';
import { Facts } from './Facts';

const TAGS: Record<Locale, string> = { en: 'en-GB', pl: 'pl-PL', ur: 'ur-PK' };

/** "2027-01" as the page's language writes a month: "January 2027". */
function monthName(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(TAGS[locale], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** How many responses were erased, why and when: never what they said. */
export function ErasuresSection({ totals, months }: { totals: ErasureTotals; months: readonly ErasureMonth[] }) {
  const { t } = useTranslation('records');
  const locale = usePageLocale();
  return (
    <section aria-labelledby="erasures-title">
      <h2 id="erasures-title">{t('detail.erasures.title')}</h2>
      <p>{t('detail.erasures.intro')}</p>
      {totals.total === 0 ? (
        <p>{t('detail.erasures.none')}</p>
      ) : (
        <>
          <Facts
            testId="erasures"
            rows={[
              { label: t('detail.erasures.total'), value: totals.total },
              { label: t('detail.erasures.request'), value: totals.byReason.request },
              { label: t('detail.erasures.officer'), value: totals.byReason.officer },
              { label: t('detail.erasures.latest'), value: totals.latest ? formatDate(totals.latest, locale) : '' },
            ]}
          />
          <div className="table-wrapper" role="region" aria-labelledby="erasures-caption" tabIndex={0}>
            <table className="table">
              <caption id="erasures-caption">{t('detail.erasures.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('detail.erasures.month')}</th>
                  <th scope="col">{t('detail.erasures.request')}</th>
                  <th scope="col">{t('detail.erasures.officer')}</th>
                  <th scope="col">{t('detail.erasures.total')}</th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{monthName(m.month, locale)}</th>
                    <td>{m.byReason.request}</td>
                    <td>{m.byReason.officer}</td>
                    <td>{m.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
