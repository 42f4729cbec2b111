import { useTranslation } from 'react-i18next';
import { QUESTION_KINDS } from '#db/schema';
import { CheckboxField, InputField, SelectField, TextAreaField } from '../../../ui/admin/Field';

type Values = Record<string, unknown>;

/**
 * The fields of a question. Every kind's settings are shown, each saying which kind it is for,
 * so the form needs no script; the server keeps only the settings the chosen kind uses.
 */
export function QuestionFields({
  sections,
  current,
  errors,
  lockedKind,
  isNew,
}: {
  sections: { id: number; title: string }[];
  current: Values;
  errors: Record<string, string | undefined>;
  lockedKind?: string | undefined;
  isNew: boolean;
}) {
  const { t } = useTranslation('builder');
  const value = (name: string) => (current[name] === undefined || current[name] === null ? '' : String(current[name]));
  return (
    <>
      <SelectField
        name="sectionId"
        label={t('fields.section')}
        error={errors.sectionId}
        defaultValue={value('sectionId')}
        options={sections.map((s) => ({ value: String(s.id), label: s.title }))}
      />
      {lockedKind ? (
        <>
          <input type="hidden" name="kind" value={lockedKind} />
          <p>
            <strong>{t('fields.kind')}:</strong> {t(`kinds.${lockedKind}`)} <span className="hint">{t('question.kindLocked')}</span>
          </p>
        </>
      ) : (
        <SelectField
          name="kind"
          label={t('fields.kind')}
          hint={isNew ? undefined : t('question.kindChangeHint')}
          error={errors.kind}
          defaultValue={value('kind') || 'single_choice'}
          options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
      )}
      <TextAreaField name="text" label={t('fields.questionText')} error={errors.text} defaultValue={value('text')} rows={2} />
      <TextAreaField name="hint" label={t('fields.hint')} hint={t('fields.hintHint')} error={errors.hint} defaultValue={value('hint')} rows={2} />
      <CheckboxField name="required" label={t('fields.required')} defaultChecked={value('required') === 'on'} />
      {isNew && (
        <>
          <TextAreaField
            name="options"
            label={t('fields.options')}
            hint={t('fields.optionsHint')}
            error={errors.options}
            defaultValue={value('options')}
            rows={6}
          />
          <InputField
            name="otherLabel"
            label={t('fields.otherLabel')}
            hint={t('fields.otherLabelHint')}
            error={errors.otherLabel}
            defaultValue={value('otherLabel')}
          />
        </>
      )}
      <fieldset className="builder-settings">
        <legend className="label--field">{t('fields.settings')}</legend>
        <InputField
          name="maxSelections"
          type="number"
          width="short"
          label={t('fields.maxSelections')}
          hint={t('fields.maxSelectionsHint')}
          error={errors.maxSelections}
          defaultValue={value('maxSelections')}
        />
        {lockedKind ? (
          <>
            <input type="hidden" name="rankCount" value={value('rankCount')} />
            <input type="hidden" name="ratingMax" value={value('ratingMax')} />
          </>
        ) : (
          <>
            <InputField
              name="rankCount"
              type="number"
              width="short"
              label={t('fields.rankCount')}
              hint={t('fields.rankCountHint')}
              error={errors.rankCount}
              defaultValue={value('rankCount')}
            />
            <InputField
              name="ratingMax"
              type="number"
              width="short"
              label={t('fields.ratingMax')}
              hint={t('fields.ratingMaxHint')}
              error={errors.ratingMax}
              defaultValue={value('ratingMax')}
            />
          </>
        )}
        <InputField
          name="maxLength"
          type="number"
          width="short"
          label={t('fields.maxLength')}
          hint={t('fields.maxLengthHint')}
          error={errors.maxLength}
          defaultValue={value('maxLength')}
        />
      </fieldset>
    </>
  );
}
