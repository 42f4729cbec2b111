import { useTranslation } from 'react-i18next';
import { BASELINE_KINDS } from '#db/schema';
import { InputField, TextAreaField } from '~/ui/admin/Field';
import { FieldError } from '~/ui/form/ErrorSummary';
import { FilesField } from './FilesField';

// The fields of a new baseline: its name, whether it is census or illustrative (radios: the
// choice is too important for a default), its source and notes, and the tables.

export function BaselineFields({ errors, current }: { errors: Record<string, string | undefined>; current: Record<string, unknown> }) {
  const { t } = useTranslation('population');
  const kind = typeof current.kind === 'string' ? current.kind : '';
  return (
    <>
      <InputField name="name" label={t('fields.name')} hint={t('fields.nameHint')} error={errors.name} defaultValue={String(current.name ?? '')} />
      <div className={`form-group${errors.kind ? ' form-group--error' : ''}`}>
        <fieldset className="fieldset" id="kind" aria-describedby={errors.kind ? 'kind-error' : undefined}>
          <legend className="fieldset__legend label--field">{t('fields.kind')}</legend>
          <FieldError id="kind-error" message={errors.kind} />
          {BASELINE_KINDS.map((k) => (
            <div className="choice" key={k}>
              <input className="choice__input" type="radio" id={`kind-${k}`} name="kind" value={k} defaultChecked={kind === k} />
              <label className="choice__label" htmlFor={`kind-${k}`}>
                {k === 'census' ? t('fields.kindCensus') : t('fields.kindIllustrative')}
              </label>
            </div>
          ))}
        </fieldset>
      </div>
      <TextAreaField name="source" label={t('fields.source')} hint={t('fields.sourceHint')} error={errors.source} defaultValue={String(current.source ?? '')} />
      <TextAreaField name="notes" label={t('fields.notes')} error={errors.notes} defaultValue={String(current.notes ?? '')} rows={3} />
      <FilesField error={errors.files} wardsApproximate={current.wardsApproximate === 'on' || current.wardsApproximate === true} />
    </>
  );
}
