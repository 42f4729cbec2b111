import type { SubmissionResult } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import type { EffectiveStatus } from '~/consultations/status';
import { AdminForm } from '../../../ui/admin/AdminForm';
import { InputField } from '../../../ui/admin/Field';
import { useErrorText } from '../../../ui/form/use-error-text';

interface Check {
  code: string;
  ok: boolean;
  advisory?: boolean;
  params?: Record<string, string | number>;
}

/** What publishing needs, each item done or still to do, in words. */
export function Checklist({ checks }: { checks: Check[] }) {
  const { t } = useTranslation('builder');
  return (
    <>
      <h2>{t('overview.checklist')}</h2>
      <ul className="checklist">
        {checks.map((c, i) => (
          <li key={`${c.code}-${i}`} className={c.ok ? 'checklist__item checklist__item--done' : 'checklist__item'}>
            <strong className={c.ok ? 'tag tag--open' : 'tag tag--excluded'}>
              {c.ok ? t('overview.checkDone') : c.advisory ? t('overview.checkAdvised') : t('overview.checkTodo')}
            </strong>{' '}
            {t(`checks.${c.code}`, c.params ?? {})}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The actions that move a consultation through its life, for the status it has now. */
export function LifecycleActions({ status, reply }: { status: EffectiveStatus; reply: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation('builder');
  const errorText = useErrorText();
  const typed = (reply?.initialValue ?? {}) as Record<string, unknown>;
  const reopenError = reply?.error?.closesDate?.[0] ?? reply?.error?.closesTime?.[0];
  return (
    <>
      <h2>{t('overview.actions')}</h2>
      {status === 'draft' && (
        <AdminForm>
          <p>{t('overview.publishHint')}</p>
          <button type="submit" className="button" name="intent" value="publish">
            {t('overview.publish')}
          </button>
        </AdminForm>
      )}
      {status === 'upcoming' && (
        <AdminForm>
          <p>{t('overview.scheduledHint')}</p>
          <button type="submit" className="button button--secondary" name="intent" value="unschedule">
            {t('overview.unschedule')}
          </button>
        </AdminForm>
      )}
      {status === 'open' && (
        <AdminForm>
          <p>{t('overview.closeHint')}</p>
          <button type="submit" className="button button--warning" name="intent" value="close">
            {t('overview.close')}
          </button>
        </AdminForm>
      )}
      {status === 'closed' && (
        <AdminForm>
          <p>{t('overview.reopenHint')}</p>
          <InputField
            type="date"
            name="closesDate"
            label={t('overview.reopenDate')}
            width="short"
            error={reopenError ? errorText(reopenError) : undefined}
            defaultValue={String(typed.closesDate ?? '')}
          />
          <InputField name="closesTime" label={t('fields.time')} hint={t('fields.timeHint')} width="short" defaultValue={String(typed.closesTime ?? '23:59')} />
          <button type="submit" className="button" name="intent" value="reopen">
            {t('overview.reopen')}
          </button>
        </AdminForm>
      )}
      {status === 'results_published' && <p>{t('overview.resultsPublished')}</p>}
    </>
  );
}
