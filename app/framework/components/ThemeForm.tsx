import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import { AdminForm } from '~/ui/admin/AdminForm';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { themeSchema } from '~/framework/schemas';
import { TranslatedField } from './TranslatedField';

export interface ThemeValues {
  name: string;
  description: string;
  pl?: { name?: string; description?: string };
  ur?: { name?: string; description?: string };
}

// useStepForm's type allows flat values only; conform itself takes the nested translations.
type FormDefault = Record<string, string>;
type Current = Partial<ThemeValues>;

export function ThemeForm({
  defaultValue,
  lastResult,
  submitLabel,
}: {
  defaultValue: ThemeValues;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const { t } = useTranslation('framework');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'theme',
    schema: themeSchema,
    lastResult,
    defaultValue: defaultValue as unknown as FormDefault,
  });
  const values = current as Current;
  const of = (field: 'name' | 'description') => ({ en: values[field], pl: values.pl?.[field], ur: values.ur?.[field] });
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={lastResult} />
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <TranslatedField field="name" legend={t('themeName')} values={of('name')} errors={fieldErrors} />
        <TranslatedField field="description" legend={t('description')} hint={t('descriptionHint')} multiline values={of('description')} errors={fieldErrors} />
        <button type="submit" name="intent" value="save" className="button">
          {submitLabel}
        </button>
      </AdminForm>
    </>
  );
}
