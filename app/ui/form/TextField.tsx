import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from './ErrorSummary';
import { PageHeading } from '../PageHeading';

interface Props {
  name: string;
  label: ReactNode;
  hint?: string;
  defaultValue: string;
  error?: string;
  multiline: boolean;
  maxLength: number;
  autoComplete?: string;
  /** One question a page: the question is the page's heading. */
  pageHeading?: boolean;
  /** Whose words count the characters: the resident form's or the young people's. */
  ns?: 'survey' | 'youth';
}

/**
 * A text answer. Long answers show their limit; with JavaScript a live count follows typing,
 * without it the limit is stated and checked when the form is sent. Text over the limit is
 * never cut off: the person sees the problem and decides what to remove.
 */
export function TextField({ name, label, hint, defaultValue, error, multiline, maxLength, autoComplete, pageHeading, ns = 'survey' }: Props) {
  const { t } = useTranslation(ns);
  const [length, setLength] = useState<number | null>(null);
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const countId = `${name}-count`;
  const describedBy = [hint ? hintId : null, error ? errorId : null, multiline ? countId : null].filter(Boolean).join(' ') || undefined;
  const remaining = length === null ? null : maxLength - length;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      {pageHeading ? (
        <PageHeading className="youth-question">
          <label htmlFor={name}>{label}</label>
        </PageHeading>
      ) : (
        <label className="label label--question" htmlFor={name}>
          {label}
        </label>
      )}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
      {multiline ? (
        <textarea
          className={`textarea${error ? ' textarea--error' : ''}`}
          id={name}
          name={name}
          rows={6}
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          onChange={(e) => setLength(e.currentTarget.value.length)}
        />
      ) : (
        <input
          className={`input${error ? ' input--error' : ''}`}
          id={name}
          name={name}
          type="text"
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          autoComplete={autoComplete ?? 'off'}
        />
      )}
      {multiline && (
        <p id={countId} className={`hint character-count${remaining !== null && remaining < 0 ? ' character-count--over' : ''}`} aria-live="polite">
          {remaining === null
            ? t('charactersLimit', { count: maxLength })
            : remaining >= 0
              ? t('charactersRemaining', { count: remaining })
              : t('charactersOver', { count: -remaining })}
        </p>
      )}
    </div>
  );
}
