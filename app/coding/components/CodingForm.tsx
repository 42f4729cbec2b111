import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import { AdminForm } from '~/ui/admin/AdminForm';
import { ErrorSummary, FieldError } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { codingSchema } from '~/coding/schemas';

export interface ThemeChoice {
  id: number;
  name: string;
  description: string;
}

interface Props {
  answerId: number;
  themes: ThemeChoice[];
  /** Theme id -> the answer's words that matched its keywords. */
  suggested: Record<number, string[]>;
  ticked: number[];
  none: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
  /** One by one: "Save and go to the next" as the main button. */
  withNext: boolean;
  legend: string;
  /** Tells this answer's Save button from the others on a list, for screen readers: "answer 12". */
  buttonContext?: string;
  /** On a list: themes side by side, so twenty answers fit on a page. */
  compact?: boolean;
}

/** The first checkbox's id, for the error summary's link. */
export const themesFieldId = (answerId: number) => `coding-${answerId}-themes`;

const asList = (value: unknown) => (Array.isArray(value) ? value : value == null ? [] : [value]).map(String);

/**
 * The themes of one answer as checkboxes, plus "no theme fits": a plain form that works without
 * JavaScript. A suggested theme says so under its name; nothing is ticked for the officer.
 */
export function CodingForm({ answerId, themes, suggested, ticked, none, lastResult, withNext, legend, buttonContext, compact = false }: Props) {
  const { t } = useTranslation('coding');
  const id = `coding-${answerId}`;
  const { form, fieldErrors, summary, current, submit } = useStepForm({
    id,
    schema: codingSchema,
    lastResult,
    defaultValue: { answerId: String(answerId), themes: ticked.map(String), none: none ? 'on' : '' } as unknown as Record<string, string>,
  });
  const checked = new Set(asList(current.themes));
  const error = fieldErrors.themes;
  // The summary sits with the form it belongs to: on a list of twenty answers, the one that could not be saved.
  const problems = summary.map((e) => ({ ...e, fieldId: e.fieldId ? themesFieldId(answerId) : null }));
  return (
    <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit} preventScrollReset className={`coding-form${compact ? ' coding-form--compact' : ''}`}>
      <ErrorSummary errors={problems} attempt={submit.attempts} reply={lastResult} />
      <input type="hidden" name="answerId" value={answerId} />
      <div className={`form-group${error ? ' form-group--error' : ''}`}>
        <fieldset className="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
          <legend className="fieldset__legend">{legend}</legend>
          <FieldError id={`${id}-error`} message={error} />
          {themes.length === 0 && <p>{t('form.noThemes')}</p>}
          <div className="choices choices--stacked coding-themes">
            {themes.map((theme, i) => {
              const inputId = i === 0 ? themesFieldId(answerId) : `${id}-theme-${theme.id}`;
              const matched = suggested[theme.id];
              return (
                <div className="choice" key={theme.id}>
                  <input
                    className="choice__input choice__input--checkbox"
                    id={inputId}
                    type="checkbox"
                    name="themes"
                    value={theme.id}
                    defaultChecked={checked.has(String(theme.id))}
                    aria-describedby={matched ? `${inputId}-hint` : undefined}
                  />
                  <label className="choice__label" htmlFor={inputId}>
                    {theme.name}
                  </label>
                  {matched && (
                    <p className="hint coding-suggested" id={`${inputId}-hint`}>
                      <strong className="tag tag--suggested">{t('form.suggestedTag')}</strong>{' '}
                      {t('form.matched', { words: matched.map((w) => `‘${w}’`).join(', ') })}
                    </p>
                  )}
                </div>
              );
            })}
            <p className="choices__divider">{t('form.or')}</p>
            <div className="choice">
              <input
                className="choice__input choice__input--checkbox"
                id={`${id}-none`}
                type="checkbox"
                name="none"
                value="on"
                defaultChecked={asList(current.none).includes('on')}
              />
              <label className="choice__label" htmlFor={`${id}-none`}>
                {t('form.none')}
              </label>
            </div>
          </div>
        </fieldset>
      </div>
      <div className="button-group">
        {withNext && (
          <button type="submit" name="intent" value="saveNext" className="button">
            {t('form.saveNext')}
          </button>
        )}
        <button type="submit" name="intent" value="save" className={withNext ? 'button button--secondary' : 'button'}>
          {t('form.save')}
          {buttonContext && <span className="visually-hidden"> {buttonContext}</span>}
        </button>
      </div>
    </AdminForm>
  );
}
