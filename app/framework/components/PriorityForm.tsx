import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import { AdminForm } from '~/ui/admin/AdminForm';
import { SelectField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { prioritySchema } from '~/framework/schemas';
import { TranslatedField } from './TranslatedField';

export interface PriorityValues {
  themeId: string;
  name: string;
  ambition: string;
  pl?: { name?: string; ambition?: string };
  ur?: { name?: string; ambition?: string };
}

// useStepForm's type allows flat values only; conform itself takes the nested translations.
type FormDefault = Record<string, string>;
type Current = Partial<PriorityValues>;

interface Props {
  themes: { id: number; name: string }[];
  defaultValue: PriorityValues;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}

export function PriorityForm({ themes, defaultValue, lastResult, submitLabel }: Props) {
  const { t } = useTranslation('framework');
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id: 'priority',
    schema: prioritySchema,
    lastResult,
    defaultValue: defaultValue as unknown as FormDefault,
  });
  const values = current as Current;
  const of = (field: 'name' | 'ambition') => ({ en: values[field], pl: values.pl?.[field], ur: values.ur?.[field] });
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={lastResult} />
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <SelectField
          name="themeId"
          label={t('theme')}
          error={fieldErrors.themeId}
          defaultValue={String(values.themeId ?? '')}
          options={themes.map((theme) => ({ value: String(theme.id), label: theme.name }))}
        />
        <TranslatedField field="name" legend={t('priorityName')} values={of('name')} errors={fieldErrors} />
        <TranslatedField field="ambition" legend={t('ambition')} hint={t('ambitionHint')} multiline values={of('ambition')} errors={fieldErrors} />
        <button type="submit" name="intent" value="save" className="button">
          {submitLabel}
        </button>
      </AdminForm>
    </>
  );
}
