import { useTranslation } from 'react-i18next';

/**
 * Said before a changed answer takes questions off a young person's route: which answers will be
 * forgotten, and a button to go ahead. Keeping the old answer is the page's own Back link.
 */
export function YouthDropWarning({ questions }: { questions: string[] }) {
  const { t } = useTranslation('youth');
  return (
    <div className="notice notice--warning" role="alert">
      <h2>{t('drop.title')}</h2>
      <p>{t('drop.lead', { count: questions.length })}</p>
      <ul>
        {questions.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
      <button type="submit" className="button" name="intent" value="drop">
        {t('drop.confirm')}
      </button>
    </div>
  );
}
