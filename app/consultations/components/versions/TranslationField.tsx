import { useTranslation } from 'react-i18next';
import { FieldError } from '~/ui/form/ErrorSummary';

interface Text {
  name: string;
  entityType: string;
  field: string;
  english: string;
  translation: string;
}

/** One text to translate: what it is, its English beside it, and the translation in its own language and direction. */
export function TranslationField({ text, locale, dir, value, error }: { text: Text; locale: string; dir: 'ltr' | 'rtl'; value: string; error?: string }) {
  const { t } = useTranslation('versions');
  const missing = text.translation.trim() === '';
  const long = text.english.length > 80 || text.english.includes('\n');
  const describedBy = [`${text.name}-english`, error ? `${text.name}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`form-group translation${error ? ' form-group--error' : ''}`}>
      <label className="label label--field" htmlFor={text.name}>
        {t(`fields.${text.entityType}.${text.field}`)}
        {missing && (
          <>
            {' '}
            <span className="tag tag--missing">{t('translate.missingTag')}</span>
          </>
        )}
      </label>
      <p className="hint translation__english" id={`${text.name}-english`}>
        <span className="visually-hidden">{t('translate.englishPrefix')} </span>
        <span lang="en" dir="ltr">
          {text.english}
        </span>
      </p>
      <FieldError id={`${text.name}-error`} message={error} />
      {long ? (
        <textarea
          className={`textarea textarea--short${error ? ' textarea--error' : ''}`}
          id={text.name}
          name={text.name}
          rows={3}
          lang={locale}
          dir={dir}
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      ) : (
        <input
          className={`input${error ? ' input--error' : ''}`}
          id={text.name}
          name={text.name}
          type="text"
          lang={locale}
          dir={dir}
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </div>
  );
}
