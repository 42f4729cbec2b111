import { useTranslation } from 'react-i18next';
import { REDACTED_TEXT } from '~/responses/text';

/**
 * A written answer as an officer reads it: the words the person wrote, or, once retention redacted
 * them (app/retention), a sentence in the reader's language saying so instead of the stored marker.
 */
export function useWrittenText(): (text: string) => string {
  const { t } = useTranslation('common');
  return (text) => (text === REDACTED_TEXT ? t('site.redactedAnswer') : text);
}
