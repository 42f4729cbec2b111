import { Form, Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '~/ui/PageHeading';

/**
 * Before a changed answer removes others: the questions the new route no longer asks, and the
 * choice to go on (the same answers are posted again, confirmed) or keep the answer as it was
 * (the page again, as saved). A plain form, so it works without JavaScript.
 */
export function ConfirmDrop({
  title,
  dropped,
  entries,
  intent,
}: {
  title: string;
  dropped: { key: string; text: string }[];
  entries: [string, string][];
  intent: string;
}) {
  const { t } = useTranslation('survey');
  const location = useLocation();
  return (
    <div className="narrow">
      <p className="caption">{title}</p>
      <PageHeading>{t('drop.title')}</PageHeading>
      <p>{t('drop.lead', { count: dropped.length })}</p>
      <ul>
        {dropped.map((q) => (
          <li key={q.key}>{q.text}</li>
        ))}
      </ul>
      <p>{t('drop.after')}</p>
      <Form method="post" noValidate>
        {entries.map(([name, value], i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirm" value="drop" />
        <div className="button-group">
          <button type="submit" className="button" name="intent" value={intent}>
            {t('drop.continue')}
          </button>
          <Link to={`${location.pathname}${location.search}`} className="button button--secondary">
            {t('drop.keep')}
          </Link>
        </div>
      </Form>
    </div>
  );
}
