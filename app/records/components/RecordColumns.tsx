import { useTranslation } from 'react-i18next';
import { RECORD_COLUMN_NAMES } from '../columns';

/** What each column of the download means, from the same list the file is written from. */
export function RecordColumns() {
  const { t } = useTranslation('records');
  return (
    <details className="record-columns">
      <summary>{t('download.columns')}</summary>
      <dl>
        {RECORD_COLUMN_NAMES.map((name) => (
          <div key={name}>
            <dt>
              <code>{name}</code>
            </dt>
            <dd>{t(`columns.${name}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
