import { useTranslation } from 'react-i18next';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import type { Retention } from '../record.server';
import { Facts } from './Facts';

/** The retention policy that applies, its date, and whether it has been carried out. */
export function RetentionFacts({ retention }: { retention: Retention }) {
  const { t } = useTranslation('records');
  const locale = usePageLocale();
  const period = `${t('detail.retention.months', { count: retention.months })} (${retention.monthsFromDefault ? t('detail.retention.fromDefault') : t('detail.retention.own')})`;
  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">{t('detail.retention.title')}</h2>
      <Facts
        testId="retention"
        rows={[
          { label: t('detail.retention.period'), value: period },
          { label: t('detail.retention.freeText'), value: t(`detail.retention.freeTextActions.${retention.freeText}`) },
          { label: t('detail.retention.aboutYou'), value: t(`detail.retention.aboutYouActions.${retention.aboutYou}`) },
          { label: t('detail.retention.date'), value: retention.date ? formatDate(retention.date, locale) : t('noDate') },
          { label: t('detail.retention.anonymised'), value: retention.anonymisedAt ? formatDate(retention.anonymisedAt, locale) : t('notYet') },
        ]}
      />
    </section>
  );
}
