import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryError {
  /** The id of the field to jump to, or null for a problem with the whole form. */
  fieldId: string | null;
  message: string;
}

interface Props {
  errors: SummaryError[];
  title?: string;
  /** Attempts to send the form so far, and the server's last reply: focus moves here only when one changes. */
  attempt?: number;
  reply?: unknown;
}

/**
 * GOV.UK error summary: at the top of the page, each problem linked to its field. It takes
 * focus when the page loads with problems (with or without JavaScript) or a new attempt to send
 * fails, and never while the person is correcting a field.
 */
export function ErrorSummary({ errors, title, attempt, reply }: Props) {
  const { t } = useTranslation('survey');
  const ref = useRef<HTMLDivElement>(null);
  // With no problems nothing is rendered and the ref is null, so only a summary on the page is focused.
  useEffect(() => {
    ref.current?.focus();
  }, [attempt, reply]);
  if (errors.length === 0) return null;
  return (
    // autoFocus: without JavaScript the browser itself moves focus here when the page loads with problems.
    // eslint-disable-next-line jsx-a11y/no-autofocus -- focus belongs on the summary of what went wrong (GOV.UK)
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" autoFocus>
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
