import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import { AdminForm } from '~/ui/admin/AdminForm';
import { TextAreaField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { summarySchema } from '~/publishing/schemas';

/** The officer's opening words for "you said": plain paragraphs, shown first on the public page. */
export function SummaryForm({ defaultValue, lastResult }: { defaultValue: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation('publishing');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'summary-form',
    schema: summarySchema,
    lastResult,
    defaultValue: { summary: defaultValue },
  });
  return (
    <section aria-labelledby="summary-heading">
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={lastResult} />
      <h2 id="summary-heading">{t('admin.summaryHeading')}</h2>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <TextAreaField
          name="summary"
          label={t('admin.summaryLabel')}
          hint={t('admin.summaryHint')}
          error={fieldErrors.summary}
          defaultValue={String(current.summary ?? '')}
          rows={8}
        />
        <button type="submit" name="intent" value="summary" className="button button--secondary">
          {t('admin.saveSummary')}
        </button>
      </AdminForm>
    </section>
  );
}
