import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HONEYPOT_FIELD } from '~/responses/moderation/honeypot';

/**
 * A field for scripts, not people: off-screen, hidden from assistive technology, out of the tab
 * order, never autofilled. Should anyone still reach it, its label tells them to leave it empty.
 * `reset` changes with each answer from the server, which empties it before the next try.
 */
export function Honeypot({ reset }: { reset?: unknown }) {
  const { t } = useTranslation('survey');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.value = '';
  }, [reset]);
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor={`hp-${HONEYPOT_FIELD}`}>{t('honeypot')}</label>
      <input ref={ref} id={`hp-${HONEYPOT_FIELD}`} type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
