import { useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ZodType } from 'zod';
import { useFormErrors } from './use-form-errors';
import { useSubmitAttempts } from './use-submit-attempts';

type FormOptions = NonNullable<Parameters<typeof useForm<Record<string, unknown>>>[0]>;

interface Options {
  id: string;
  schema: ZodType<Record<string, unknown>>;
  lastResult: FormOptions['lastResult'];
  defaultValue: FormOptions['defaultValue'];
}

/**
 * A survey page's form: checked in the browser with the same schema the server uses, problems
 * in the reader's words, the values to show, and the attempts to send it (for the error summary).
 */
export function useStepForm({ id, schema, lastResult, defaultValue }: Options) {
  const [form] = useForm<Record<string, unknown>>({
    id,
    lastResult,
    defaultValue,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const errors = useFormErrors(form, id);
  const submit = useSubmitAttempts(form.onSubmit);
  return { form, ...errors, submit };
}
