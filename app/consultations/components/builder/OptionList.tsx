import { useTranslation } from 'react-i18next';
import { AdminForm } from '../../../ui/admin/AdminForm';
import { CheckboxField, InputField } from '../../../ui/admin/Field';
import { RowActions } from './RowActions';

interface OptionRow {
  id: number;
  key: string;
  label: string;
  isOther: boolean;
  hidden: boolean;
}

/**
 * A question's own options: reword, move, and delete (before any response) or hide with a
 * reason (after). Each option is its own small form; what was typed comes back after a refusal.
 */
export function OptionList({
  options,
  locked,
  typed,
  errors,
}: {
  options: OptionRow[];
  locked: boolean;
  typed: Record<string, unknown>;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation('builder');
  const mine = (id: number) => String(typed.optionId ?? '') === String(id);
  return (
    <>
      <h2>{t('options.title')}</h2>
      {locked && <p className="hint">{t('options.lockedHint')}</p>}
      <ol>
        {options.map((o, i) => (
          <li key={o.id} className="builder-section">
            <p>
              <strong>{o.label}</strong> <code>{o.key}</code> {o.isOther && <span className="tag">{t('options.other')}</span>}{' '}
              {o.hidden && <span className="tag tag--excluded">{t('questions.hidden')}</span>}
            </p>
            <RowActions intent="Option" target={o.id} name={o.label} first={i === 0} last={i === options.length - 1} canDelete={!locked} />
            <details open={mine(o.id)}>
              <summary>{t('options.change', { label: o.label })}</summary>
              <AdminForm>
                <input type="hidden" name="optionId" value={o.id} />
                <InputField
                  id={`label-${o.id}`}
                  name="label"
                  label={t('fields.optionLabel')}
                  defaultValue={mine(o.id) ? String(typed.label ?? '') : o.label}
                  error={mine(o.id) ? errors.label : undefined}
                />
                {locked ? (
                  <input type="hidden" name="isOther" value={o.isOther ? 'on' : ''} />
                ) : (
                  <CheckboxField id={`other-${o.id}`} name="isOther" label={t('fields.isOther')} defaultChecked={o.isOther} />
                )}
                {locked && (
                  <InputField
                    id={`reason-${o.id}`}
                    name="reason"
                    label={t('fields.reason')}
                    hint={t('fields.rewordReasonHint')}
                    defaultValue={mine(o.id) ? String(typed.reason ?? '') : ''}
                    error={mine(o.id) ? errors.reason : undefined}
                  />
                )}
                <button type="submit" className="button button--secondary" name="intent" value="saveOption">
                  {t('options.save')}
                </button>
              </AdminForm>
              {locked && (
                <AdminForm>
                  <input type="hidden" name="optionId" value={o.id} />
                  <InputField
                    id={`hide-reason-${o.id}`}
                    name="reason"
                    label={o.hidden ? t('fields.showReason') : t('fields.hideReason')}
                    hint={t('options.hideHint')}
                  />
                  <button type="submit" className="button button--secondary" name="intent" value={o.hidden ? 'showOption' : 'hideOption'}>
                    {o.hidden ? t('options.show') : t('options.hide')}
                  </button>
                </AdminForm>
              )}
            </details>
          </li>
        ))}
      </ol>
      <h3>{t('options.add')}</h3>
      <AdminForm>
        <InputField
          id="new-label"
          name="label"
          label={t('fields.optionLabel')}
          defaultValue={typed.intent === 'addOption' ? String(typed.label ?? '') : ''}
          error={typed.intent === 'addOption' ? errors.label : undefined}
        />
        <CheckboxField id="new-other" name="isOther" label={t('fields.isOther')} />
        <button type="submit" className="button button--secondary" name="intent" value="addOption">
          {t('options.add')}
        </button>
      </AdminForm>
    </>
  );
}
