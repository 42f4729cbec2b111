import type { FormMetadata } from '@conform-to/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryError } from './ErrorSummary';
import { useErrorText } from './use-error-text';

type Form = FormMetadata<Record<string, unknown>, string[]>;

/**
 * The form's problems in the reader's words: one message per field (for inline errors) and the
 * list for the error summary, in the order the fields appear. Also the values to show: what was
 * just posted when it failed, otherwise what was saved before.
 */
export function useFormErrors(form: Form, orderKey: unknown) {
  const errorText = useErrorText();
  const { t } = useTranslation('common');
  const fieldErrors: Record<string, string | undefined> = {};
  const summary: SummaryError[] = [];
  for (const [name, codes] of Object.entries(form.allErrors)) {
    const code = codes[0];
    if (!code) continue;
    // An error on one position of a list (q-x[1]) belongs to the list's field.
    const field = name.replace(/\[\d+\]$/, '');
    const message = errorText(code);
    if (field === '') {
      summary.push({ fieldId: null, message });
    } else if (!fieldErrors[field]) {
      fieldErrors[field] = message;
      summary.push({ fieldId: field, message });
    }
  }
  const hasErrors = summary.length > 0;
  useEffect(() => {
    // Screen readers announce the title first: say there is a problem before anything else.
    const prefix = `${t('errorPrefix')} `;
    if (hasErrors && !document.title.startsWith(prefix)) document.title = prefix + document.title;
    if (!hasErrors && document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length);
  }, [hasErrors, t, orderKey]);
  const current = (form.initialValue ?? {}) as Record<string, unknown>;
  return { fieldErrors, summary, current };
}
