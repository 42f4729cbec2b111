import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import { AdminForm } from '~/ui/admin/AdminForm';
import { InputField, SelectField, TextAreaField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { themeSchema } from '~/coding/schemas';

export interface ThemeValues {
  name: string;
  description: string;
  priorityId: string;
  keywords: string;
}

interface Props {
  defaultValue: ThemeValues;
  priorities: { id: number; name: string; theme: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}

/** Adding or editing a codebook theme: its name, what it covers, a priority it speaks to, and its keywords. */
export function ThemeForm({ defaultValue, priorities, lastResult, submitLabel }: Props) {
  const { t } = useTranslation('coding');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'codebook-theme',
    schema: themeSchema,
    lastResult,
    defaultValue: { ...defaultValue },
  });
  const value = (field: keyof ThemeValues) => String(current[field] ?? '');
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={lastResult} />
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <InputField name="name" label={t('theme.name')} error={fieldErrors.name} defaultValue={value('name')} />
        <TextAreaField
          name="description"
          label={t('theme.description')}
          hint={t('theme.descriptionHint')}
          error={fieldErrors.description}
          defaultValue={value('description')}
          rows={3}
        />
        <SelectField
          name="priorityId"
          label={t('theme.priority')}
          hint={t('theme.priorityHint')}
          error={fieldErrors.priorityId}
          defaultValue={value('priorityId')}
          options={[{ value: '', label: t('theme.noPriority') }, ...priorities.map((p) => ({ value: String(p.id), label: `${p.name} (${p.theme})` }))]}
        />
        <TextAreaField
          name="keywords"
          label={t('theme.keywords')}
          hint={t('theme.keywordsHint')}
          error={fieldErrors.keywords}
          defaultValue={value('keywords')}
          rows={6}
        />
        <button type="submit" name="intent" value="save" className="button">
          {submitLabel}
        </button>
      </AdminForm>
    </>
  );
}
