import { getFormProps } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField, CheckboxField, TextAreaField } from '~/ui/admin/Field';
import { AdminForm } from '~/ui/admin/AdminForm';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { YOUTH_CHOICE_KINDS, youthItemSchema } from '~/consultations/versions/youth-schema';
import { ScrollRegion } from '~/ui/ScrollRegion';

interface Question {
  id: number;
  key: string;
  kind: string;
  text: string;
  options: { id: number; label: string }[];
}

interface Props {
  question: Question;
  /** The youth kinds that can stand for this question. */
  kinds: readonly string[];
  defaultValue: Record<string, unknown>;
  lastResult: Parameters<typeof useStepForm>[0]['lastResult'];
  submitLabel: string;
}

// The form library types defaults as flat strings; nested answer rows are what it reads back.
type DefaultValue = Parameters<typeof useStepForm>[0]['defaultValue'];

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** A young people's question: its kind, its words, and for choices each answer mapped onto one of the main question's options. */
export function YouthItemForm({ question, kinds, defaultValue, lastResult, submitLabel }: Props) {
  const { t } = useTranslation('versions');
  const { form, summary, fieldErrors, current, submit } = useStepForm({
    id: `youth-item-${question.id}`,
    schema: youthItemSchema,
    lastResult,
    defaultValue: defaultValue as DefaultValue,
  });
  // Blank rows come back from the form library as holes; they are still rows to fill in.
  const rows = (Array.isArray(current.options) ? (current.options as unknown[]) : []).map((r) =>
    r && typeof r === 'object' ? (r as Record<string, unknown>) : {},
  );
  const hasOptions = question.options.length > 0 && kinds.some((k) => YOUTH_CHOICE_KINDS.includes(k));
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={lastResult} />
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('youth.mainQuestion')}</dt>
          <dd className="summary-list__value">
            {question.text} <span className="tag">{t(`kinds.${question.kind}`)}</span>
          </dd>
        </div>
      </dl>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit} noValidate>
        <input type="hidden" name="questionId" value={question.id} />
        <SelectField
          name="kind"
          label={t('youth.kind')}
          hint={t('youth.kindHint')}
          options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          defaultValue={str(current.kind)}
          error={fieldErrors.kind}
        />
        <TextAreaField name="text" label={t('youth.text')} hint={t('youth.textHint')} rows={2} defaultValue={str(current.text)} error={fieldErrors.text} />
        <InputField name="hint" label={t('youth.hint')} defaultValue={str(current.hint)} error={fieldErrors.hint} />
        <CheckboxField name="required" label={t('youth.required')} defaultChecked={current.required === 'on' || current.required === true} />
        {hasOptions && (
          <fieldset className="fieldset">
            <legend className="fieldset__legend" id="youth-answers">
              {t('youth.answers')}
            </legend>
            <p className="hint">{t('youth.answersHint')}</p>
            <ScrollRegion labelledBy="youth-answers">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('youth.answerLabel')}</th>
                    <th scope="col">{t('youth.answerPicture')}</th>
                    <th scope="col">{t('youth.answerMapsTo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <AnswerRow key={i} index={i} row={row} question={question} errors={fieldErrors} />
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </fieldset>
        )}
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </AdminForm>
    </>
  );
}

function AnswerRow({
  index,
  row,
  question,
  errors,
}: {
  index: number;
  row: Record<string, unknown>;
  question: Question;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation('versions');
  const name = (field: string) => `options[${index}].${field}`;
  const labelError = errors[name('label')];
  const mapError = errors[name('optionId')];
  return (
    <tr>
      <td>
        {row.id !== undefined && row.id !== '' && <input type="hidden" name={name('id')} value={str(row.id)} />}
        <label className="visually-hidden" htmlFor={name('label')}>
          {t('youth.answerNumber', { number: index + 1 })}
        </label>
        {labelError && (
          <p className="error-message" id={`${name('label')}-error`}>
            {labelError}
          </p>
        )}
        <input
          className={`input${labelError ? ' input--error' : ''}`}
          id={name('label')}
          name={name('label')}
          defaultValue={str(row.label)}
          aria-invalid={labelError ? true : undefined}
          aria-describedby={labelError ? `${name('label')}-error` : undefined}
        />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={name('picture')}>
          {t('youth.pictureNumber', { number: index + 1 })}
        </label>
        <input className="input input--short" id={name('picture')} name={name('picture')} defaultValue={str(row.picture)} />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={name('optionId')}>
          {t('youth.mapsToNumber', { number: index + 1 })}
        </label>
        {mapError && (
          <p className="error-message" id={`${name('optionId')}-error`}>
            {mapError}
          </p>
        )}
        <select
          className={`select${mapError ? ' input--error' : ''}`}
          id={name('optionId')}
          name={name('optionId')}
          defaultValue={str(row.optionId)}
          aria-invalid={mapError ? true : undefined}
          aria-describedby={mapError ? `${name('optionId')}-error` : undefined}
        >
          <option value="">{t('youth.notUsed')}</option>
          {question.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}
