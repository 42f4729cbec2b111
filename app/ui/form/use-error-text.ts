import { useTranslation } from 'react-i18next';

/**
 * Turns a validation code into words in the reader's language: "tooMany|3" is survey's
 * errors.tooMany with a count of 3; "youth:pickOne" is the young people's wording;
 * 'builder:routing.notEarlier|{"question":"…"}' fills the message with words the officer wrote.
 */
export function useErrorText(): (code: string) => string {
  const { t } = useTranslation(['survey', 'youth']);
  return (code) => {
    const bar = code.indexOf('|');
    const name = bar < 0 ? code : code.slice(0, bar);
    const rest = bar < 0 ? '' : code.slice(bar + 1);
    const [ns, key] = name.includes(':') ? name.split(':') : ['survey', name];
    return t(`${ns}:errors.${key}`, rest.startsWith('{') ? paramsOf(rest) : rest ? { count: Number(rest) } : {});
  };
}

function paramsOf(json: string): Record<string, string> {
  try {
    return JSON.parse(json) as Record<string, string>;
  } catch {
    return {};
  }
}
