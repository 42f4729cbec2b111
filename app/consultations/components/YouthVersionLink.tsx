import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { youthPath } from '~/consultations/versions/youth-paths';

/** The way in for young people, wherever an open consultation with a young people's version is shown. */
export function YouthVersionLink({ slug, title }: { slug: string; title: string }) {
  const { t } = useTranslation('youth');
  return (
    <div className="youth-link">
      <p>
        {/* The name starts with the words shown, then says which consultation (WCAG 2.5.3). */}
        <Link to={youthPath(slug)} aria-label={`${t('versionLink')}: ${title}`}>
          {t('versionLink')}
        </Link>
      </p>
      <p className="hint">{t('versionHint')}</p>
    </div>
  );
}
