import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminForm } from '~/ui/admin/AdminForm';
import { SelectField, TextAreaField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import type { QuoteTargets } from '~/publishing/quotes/queries.server';
import { pickQuoteSchema } from '~/publishing/quotes/schemas';

interface Props {
  answerText: string;
  targets: QuoteTargets;
  lastResult: SubmissionResult<string[]> | undefined;
  /** The heading and the answer, shown under the error summary and above the fields. */
  children: ReactNode;
}

const FIELD_ORDER = ['themeId', 'priorityId', 'excerpt'];

/** What to pick the answer for (a codebook theme, a priority or both) and the words to quote. */
export function PickQuoteForm({ answerText, targets, lastResult, children }: Props) {
  const { t } = useTranslation('quotes');
  const schema = useMemo(() => pickQuoteSchema(answerText), [answerText]);
  const { form, fieldErrors, summary, current, submit } = useStepForm({ id: 'pick-quote', schema, lastResult, defaultValue: { excerpt: answerText } });
  // The consultation's own priorities first: the likeliest choice.
  const priorities = [...targets.priorities.filter((p) => p.linked), ...targets.priorities.filter((p) => !p.linked)];
  return (
    <>
      <ErrorSummary
        errors={[...summary].sort((a, b) => FIELD_ORDER.indexOf(a.fieldId ?? '') - FIELD_ORDER.indexOf(b.fieldId ?? ''))}
        attempt={submit.attempts}
        reply={lastResult}
      />
      {children}
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <SelectField
          name="themeId"
          label={t('pick.theme')}
          hint={targets.themes.length > 0 ? t('pick.themeHint') : t('pick.noThemes')}
          error={fieldErrors.themeId}
          defaultValue={String(current.themeId ?? '')}
          options={[{ value: '', label: t('pick.noTheme') }, ...targets.themes.map((theme) => ({ value: String(theme.id), label: theme.name }))]}
        />
        <SelectField
          name="priorityId"
          label={t('pick.priority')}
          hint={t('pick.priorityHint')}
          error={fieldErrors.priorityId}
          defaultValue={String(current.priorityId ?? '')}
          options={[
            { value: '', label: t('pick.noPriority') },
            ...priorities.map((p) => ({ value: String(p.id), label: t('pick.priorityOption', { name: p.name, theme: p.themeName }) })),
          ]}
        />
        <TextAreaField
          name="excerpt"
          label={t('pick.excerpt')}
          hint={t('pick.excerptHint')}
          error={fieldErrors.excerpt}
          defaultValue={String(current.excerpt ?? '')}
          rows={6}
        />
        <button type="submit" name="intent" value="pick" className="button">
          {t('pick.submit')}
        </button>
      </AdminForm>
    </>
  );
}
