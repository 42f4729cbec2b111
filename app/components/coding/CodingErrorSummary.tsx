import type { SubmissionResult } from '@conform-to/react';
import { ErrorSummary } from '~/components/form/ErrorSummary';
import { useErrorText } from '~/components/form/use-error-text';
import { themesFieldId } from './CodingForm';

/** The error summary at the top of a coding page, linking to the themes of the answer that could not be saved. */
export function CodingErrorSummary({ answerId, result }: { answerId: number | undefined; result: SubmissionResult<string[]> | undefined }) {
  const errorText = useErrorText();
  const codes = Object.values(result?.error ?? {}).flatMap((list) => list ?? []);
  const first = codes[0];
  if (!answerId || !first) return null;
  return <ErrorSummary errors={[{ fieldId: themesFieldId(answerId), message: errorText(first) }]} reply={result} />;
}
