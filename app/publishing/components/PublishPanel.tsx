import { useTranslation } from 'react-i18next';
import { AdminForm } from '~/ui/admin/AdminForm';
import type { EffectiveStatus } from '~/consultations/status';
import { formatDateTime } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';

interface Props {
  consultation: { slug: string; status: EffectiveStatus; publishedAt: string | null };
}

/** Where the public results page stands, and the one button that moves it on (publish or take down). */
export function PublishPanel({ consultation }: Props) {
  const { t } = useTranslation('publishing');
  const locale = usePageLocale();
  const published = consultation.status === 'results_published';
  return (
    <div className="publish-state">
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('admin.state')}</dt>
          <dd className="summary-list__value" data-testid="publish-state">
            {published && consultation.publishedAt
              ? t('admin.statePublished', { date: formatDateTime(consultation.publishedAt, locale) })
              : t('admin.stateDraft')}
          </dd>
        </div>
      </dl>
      {published ? (
        <>
          <p>
            {/* A full page load, so the results page's own texts (publishing, analysis) come with it. */}
            <a href={`/consultations/${consultation.slug}/results`}>{t('admin.viewPublic')}</a>
          </p>
          <AdminForm>
            <p className="hint">{t('admin.unpublishHint')}</p>
            <button type="submit" name="intent" value="unpublish" className="button button--secondary">
              {t('admin.unpublish')}
            </button>
          </AdminForm>
        </>
      ) : consultation.status === 'closed' ? (
        <AdminForm>
          <button type="submit" name="intent" value="publish" className="button">
            {t('admin.publish')}
          </button>
        </AdminForm>
      ) : (
        <p className="notice">{t('admin.stateOpen')}</p>
      )}
    </div>
  );
}
