import { useTranslation } from 'react-i18next';

/** "Question 3 of 8", with a bar for those who read pictures first. */
export function YouthProgress({ number, total }: { number: number; total: number }) {
  const { t } = useTranslation('youth');
  return (
    <div className="youth-progress">
      <p className="youth-progress__text">{t('progress', { number, total })}</p>
      <svg className="youth-progress__bar" aria-hidden="true" focusable="false">
        <rect className="youth-progress__done" x="0" y="0" height="100%" width={`${Math.round((number / total) * 100)}%`} />
      </svg>
    </div>
  );
}
