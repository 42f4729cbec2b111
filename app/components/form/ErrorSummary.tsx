import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryError {
  /** The id of the field to jump to, or null for a problem with the whole form. */
  fieldId: string | null;
  message: string;
}

/** GOV.UK error summary: at the top of the page, focused, each problem linked to its field. */
export function ErrorSummary({ errors, title }: { errors: SummaryError[]; title?: string }) {
  const { t } = useTranslation('survey');
  const ref = useRef<HTMLDivElement>(null);
  const count = errors.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, errors]);
  if (count === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        {title ?? t('errorSummary')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((e, i) => (
          <li key={`${e.fieldId ?? 'form'}-${i}`}>{e.fieldId ? <a href={`#${e.fieldId}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useTranslation('common');
  if (!message) return null;
  return (
    <p className="error-message" id={id}>
      <span className="visually-hidden">{t('errorPrefix')}</span> {message}
    </p>
  );
}
