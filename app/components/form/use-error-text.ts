import { useTranslation } from 'react-i18next';

/** Turns a validation code ("tooMany|3") into words in the reader's language. */
export function useErrorText(): (code: string) => string {
  const { t } = useTranslation('survey');
  return (code) => {
    const [key, count] = code.split('|');
    return t(`errors.${key}`, count ? { count: Number(count) } : {});
  };
}
