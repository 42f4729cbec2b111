import { useTranslation } from 'react-i18next';
import type { RequestTotals } from '../requests.server';
import { Facts } from './Facts';

/** Residents' requests about this consultation's responses: how many, of which kind, where they stand. */
export function RequestsSection({ totals }: { totals: RequestTotals }) {
  const { t } = useTranslation('records');
  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">{t('detail.requests.title')}</h2>
      <p>{t('detail.requests.intro')}</p>
      {totals.access + totals.erasure === 0 ? (
        <p>{t('detail.requests.none')}</p>
      ) : (
        <Facts
          testId="requests"
          rows={[
            { label: t('detail.requests.access'), value: totals.access },
            { label: t('detail.requests.erasure'), value: totals.erasure },
            { label: t('detail.requests.open'), value: totals.open },
            { label: t('detail.requests.completed'), value: totals.completed },
            { label: t('detail.requests.refused'), value: totals.refused },
          ]}
        />
      )}
    </section>
  );
}
