import { useTranslation } from 'react-i18next';
import type { WardOption } from '~/framework/places/ward';
import { CONNECTIONS } from '~/responses/codes';
import { ABOUT_YOU_FIELDS, ETHNIC_GROUPS, PREFER_NOT, WARD_UNKNOWN, type AboutYouField } from '~/responses/demographics';
import { SENSITIVE_FIELDS } from '~/responses/safeguarding';
import { ChoiceGroup } from '../../ui/form/ChoiceGroup';
import { FieldError } from '../../ui/form/ErrorSummary';
import { listOf, textOf, type Values } from './QuestionField';

interface Props {
  values: Values;
  errors: Record<string, string | undefined>;
  wards: WardOption[];
}

const HINTS: Partial<Record<AboutYouField, string>> = { disability: 'disability.hint', carer: 'carer.hint' };

/** A long list as a select with groups (ethnic group, ward), so it stays usable on a phone. */
function GroupedSelect(props: {
  name: string;
  label: string;
  hint?: string;
  placeholder: string;
  groups: { label: string; options: { value: string; label: string }[] }[];
  extra: { value: string; label: string }[];
  defaultValue: string;
  error?: string;
}) {
  const { name, label, hint, placeholder, groups, extra, defaultValue, error } = props;
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label label--question" htmlFor={name}>
        {label}
      </label>
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${name}-error`} message={error} />
      <select className="select select--wide" id={name} name={name} defaultValue={defaultValue} aria-describedby={describedBy}>
        <option value="">{placeholder}</option>
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
        {extra.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function CensusRadios({ field, values, errors }: Pick<Props, 'values' | 'errors'> & { field: AboutYouField }) {
  const { t } = useTranslation('about');
  return (
    <ChoiceGroup
      name={field}
      type="radio"
      legend={<span className="question-text">{t(`${field}.question`)}</span>}
      hint={HINTS[field] ? t(HINTS[field]) : undefined}
      choices={[...ABOUT_YOU_FIELDS[field].map((code) => ({ value: code, label: t(`${field}.${code}`) })), { value: PREFER_NOT, label: t('preferNot') }]}
      defaultValue={listOf(values[field])}
      error={errors[field]}
    />
  );
}

/** "More about you": gender identity and sexual orientation, asked only from the age safeguarding.ts sets. */
export function SensitiveFields({ values, errors }: Pick<Props, 'values' | 'errors'>) {
  return (
    <>
      {SENSITIVE_FIELDS.map((field) => (
        <CensusRadios key={field} field={field} values={values} errors={errors} />
      ))}
    </>
  );
}

/** "About you" without the sensitive questions, which come on a page of their own once the age is known. */
export function AboutYouFields({ values, errors, wards }: Props) {
  const { t } = useTranslation('about');
  const preferNot = { value: PREFER_NOT, label: t('preferNot') };
  const committees = [...new Set(wards.map((w) => w.areaCommittee))];
  const radios = (field: AboutYouField) => <CensusRadios key={field} field={field} values={values} errors={errors} />;
  return (
    <>
      <ChoiceGroup
        name="connections"
        type="checkbox"
        legend={<span className="question-text">{t('connections.question')}</span>}
        hint={t('connections.hint')}
        choices={CONNECTIONS.map((c) => ({ value: c, label: t(`connections.${c}`) }))}
        defaultValue={listOf(values.connections)}
        error={errors.connections}
      />
      <GroupedSelect
        name="ward"
        label={t('ward.question')}
        hint={t('ward.hint')}
        placeholder={t('ward.choose')}
        groups={committees.map((committee) => ({
          label: committee,
          options: wards.filter((w) => w.areaCommittee === committee).map((w) => ({ value: w.code, label: w.name })),
        }))}
        extra={[{ value: WARD_UNKNOWN, label: t('ward.unknown') }, preferNot]}
        defaultValue={textOf(values.ward)}
        error={errors.ward}
      />
      {radios('age_band')}
      {radios('sex')}
      <GroupedSelect
        name="ethnicity"
        label={t('ethnicity.question')}
        placeholder={t('ethnicity.choose')}
        groups={Object.entries(ETHNIC_GROUPS).map(([group, codes]) => ({
          label: t(`ethnicity.groups.${group}`),
          options: codes.map((code) => ({ value: code, label: t(`ethnicity.${code}`) })),
        }))}
        extra={[preferNot]}
        defaultValue={textOf(values.ethnicity)}
        error={errors.ethnicity}
      />
      {radios('disability')}
      {radios('carer')}
      {radios('religion')}
    </>
  );
}
