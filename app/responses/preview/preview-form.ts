import { useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ZodType } from 'zod';
import { CSRF_FIELD } from '~/ui/admin/AdminForm';
import { useFormErrors } from '~/ui/form/use-form-errors';
import { useSubmitAttempts } from '~/ui/form/use-submit-attempts';

type FormOptions = NonNullable<Parameters<typeof useForm<Record<string, unknown>>>[0]>;

/** The posted answers without the workspace's CSRF token, which the public form's checks would take for an unasked question. */
export function answersOf(formData: FormData): FormData {
  const answers = new FormData();
  for (const [name, value] of formData) if (name !== CSRF_FIELD) answers.append(name, value);
  return answers;
}

/** useStepForm for a preview page: the same checks as the public form, on the answers alone. */
export function usePreviewForm({
  id,
  schema,
  lastResult,
  defaultValue,
}: {
  id: string;
  schema: ZodType<Record<string, unknown>>;
  lastResult: FormOptions['lastResult'];
  defaultValue?: Record<string, unknown>;
}) {
  const [form] = useForm<Record<string, unknown>>({
    id,
    lastResult,
    // Conform types a default value as one string per field; a multiple choice takes a list too.
    defaultValue: defaultValue as FormOptions['defaultValue'],
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(answersOf(formData), { schema }),
  });
  const errors = useFormErrors(form, id);
  const submit = useSubmitAttempts(form.onSubmit);
  return { form, ...errors, submit };
}
