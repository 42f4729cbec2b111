import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** Says plainly, on every preview page, that nothing typed here is sent. */
export function PreviewBanner({ consultationId, audience }: { consultationId: number; audience: 'residents' | 'young' }) {
  const { t } = useTranslation('versions');
  return (
    <div className="notice preview-banner" role="note" aria-label={t('preview.bannerLabel')}>
      <p>
        <strong>{t('preview.banner')}</strong> {t(audience === 'young' ? 'preview.showingYoung' : 'preview.showingResidents')}
      </p>
      <p>
        <Link to={`/admin/consultations/${consultationId}/preview`}>{t('preview.backToPreview')}</Link>
      </p>
    </div>
  );
}
