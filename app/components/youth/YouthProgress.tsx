import { useTranslation } from 'react-i18next';

/** "Question 3 of 8", with a bar for those who read pictures first. */
export function YouthProgress({ number, total }: { number: number; total: number }) {
  const { t } = useTranslation('youth');
  return (
    <div className="youth-progress">
      <p className="youth-progress__text">{t('progress', { number, total })}</p>
      <div className="youth-progress__bar" aria-hidden="true">
        <div className="youth-progress__done" style={{ inlineSize: `${Math.round((number / total) * 100)}%` }} />
      </div>
    </div>
  );
}
