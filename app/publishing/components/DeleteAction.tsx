import type { SubmissionResult } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import { AdminForm } from '~/ui/admin/AdminForm';
import { ErrorSummary, FieldError } from '~/ui/form/ErrorSummary';
import { useErrorText } from '~/ui/form/use-error-text';

/** Deleting an action and its history: a box to tick first, so it cannot happen by one slip (no JavaScript dialog). */
export function DeleteAction({ title, lastResult }: { title: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation('publishing');
  const errorText = useErrorText();
  const code = lastResult?.error?.confirm?.[0];
  const error = code ? errorText(code) : undefined;
  return (
    <section aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t('form.deleteHeading')}</h2>
      {error && <ErrorSummary errors={[{ fieldId: 'confirm', message: error }]} reply={lastResult} />}
      <AdminForm>
        <div className={`form-group${error ? ' form-group--error' : ''}`}>
          <FieldError id="confirm-error" message={error} />
          <div className="choice">
            <input className="choice__input" type="checkbox" id="confirm" name="confirm" value="yes" aria-describedby={error ? 'confirm-error' : undefined} />
            <label className="choice__label" htmlFor="confirm">
              {t('form.deleteConfirm', { title })}
            </label>
          </div>
        </div>
        <button type="submit" name="intent" value="delete" className="button button--warning">
          {t('form.delete')}
        </button>
      </AdminForm>
    </section>
  );
}
