import { getFormProps, type SubmissionResult } from '@conform-to/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES } from '#db/schema';
import { AdminForm } from '~/ui/admin/AdminForm';
import { InputField, SelectField, TextAreaField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import type { PriorityChoice } from '~/publishing/publish-page.server';
import { actionSchema } from '~/publishing/schemas';

interface Props {
  priorities: PriorityChoice[];
  /** What is stored now (editing), or nothing (a new action). */
  defaultValue?: Record<string, string>;
  lastResult: SubmissionResult<string[]> | undefined;
  /** The heading, shown under the error summary. */
  children: ReactNode;
}

const FIELD_ORDER = ['title', 'description', 'priorityId', 'status', 'dueOn', 'doneOn', 'changedOn', 'note'];

/** One action's fields: what, why, which priority, where it stands, and a note for its history. */
export function ActionForm({ priorities, defaultValue = { status: 'planned' }, lastResult, children }: Props) {
  const { t } = useTranslation('publishing');
  const { form, fieldErrors, summary, current, submit } = useStepForm({ id: 'action', schema: actionSchema, lastResult, defaultValue });
  const value = (name: string) => String(current[name] ?? '');
  return (
    <>
      <ErrorSummary
        errors={[...summary].sort((a, b) => FIELD_ORDER.indexOf(a.fieldId ?? '') - FIELD_ORDER.indexOf(b.fieldId ?? ''))}
        attempt={submit.attempts}
        reply={lastResult}
      />
      {children}
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit}>
        <InputField name="title" label={t('form.title')} hint={t('form.titleHint')} error={fieldErrors.title} defaultValue={value('title')} />
        <TextAreaField
          name="description"
          label={t('form.description')}
          hint={t('form.descriptionHint')}
          error={fieldErrors.description}
          defaultValue={value('description')}
          rows={5}
        />
        <SelectField
          name="priorityId"
          label={t('form.priority')}
          hint={t('form.priorityHint')}
          error={fieldErrors.priorityId}
          defaultValue={value('priorityId')}
          options={[
            { value: '', label: t('admin.noPriority') },
            ...priorities.map((p) => ({ value: String(p.id), label: t('form.priorityOption', { name: p.name, theme: p.theme }) })),
          ]}
        />
        <SelectField
          name="status"
          label={t('form.status')}
          error={fieldErrors.status}
          defaultValue={value('status') || 'planned'}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <InputField
          type="date"
          name="dueOn"
          label={t('form.dueOn')}
          hint={t('form.dueOnHint')}
          error={fieldErrors.dueOn}
          defaultValue={value('dueOn')}
          width="short"
        />
        <InputField
          type="date"
          name="doneOn"
          label={t('form.doneOn')}
          hint={t('form.doneOnHint')}
          error={fieldErrors.doneOn}
          defaultValue={value('doneOn')}
          width="short"
        />
        <InputField
          type="date"
          name="changedOn"
          label={t('form.changedOn')}
          hint={t('form.changedOnHint')}
          error={fieldErrors.changedOn}
          defaultValue={value('changedOn')}
          width="short"
        />
        <TextAreaField name="note" label={t('form.note')} hint={t('form.noteHint')} error={fieldErrors.note} defaultValue={value('note')} rows={2} />
        <button type="submit" name="intent" value="save" className="button">
          {t('form.save')}
        </button>
      </AdminForm>
    </>
  );
}
