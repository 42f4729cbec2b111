import { useTranslation } from 'react-i18next';

/**
 * Turns a validation code into words in the reader's language: "tooMany|3" is survey's
 * errors.tooMany with a count of 3; "youth:pickOne" is the young people's wording.
 */
export function useErrorText(): (code: string) => string {
  const { t } = useTranslation(['survey', 'youth']);
  return (code) => {
    const [name = '', count] = code.split('|');
    const [ns, key] = name.includes(':') ? name.split(':') : ['survey', name];
    return t(`${ns}:errors.${key}`, count ? { count: Number(count) } : {});
  };
}
