import { useTranslation } from 'react-i18next';
import { QUOTE_CREDITS } from '~/responses/codes';
import { ChoiceGroup } from '../../ui/form/ChoiceGroup';
import { listOf, textOf, type Values } from './QuestionField';
import { TextField } from '../../ui/form/TextField';
import { QUOTE_NAME_MAX } from '~/responses/form-schema';

/** Consent to be quoted, separate from the answers, and how the person wants to be credited. */
export function YourWordsFields({ values, errors, credit }: { values: Values; errors: Record<string, string | undefined>; credit: boolean }) {
  const { t } = useTranslation('survey');
  // Someone who may be too young to be credited (safeguarding.ts) is only asked whether we may quote them.
  return (
    <>
      <p>{t('words.intro')}</p>
      <ChoiceGroup
        name="quote_consent"
        type="radio"
        legend={<span className="question-text">{t('words.consentQuestion')}</span>}
        hint={t(credit ? 'words.consentHint' : 'words.consentHintYoung')}
        choices={[
          { value: 'yes', label: t('words.consentYes') },
          { value: 'no', label: t('words.consentNo') },
        ]}
        defaultValue={listOf(values.quote_consent)}
        error={errors.quote_consent}
      />
      {credit && (
        <div className="conditional-on-consent">
          <ChoiceGroup
            name="quote_credit"
            type="radio"
            legend={<span className="question-text">{t('words.creditQuestion')}</span>}
            choices={QUOTE_CREDITS.map((c) => ({ value: c, label: t(`words.credit.${c}`) }))}
            defaultValue={listOf(values.quote_credit)}
            error={errors.quote_credit}
          />
          <TextField
            name="quote_name"
            label={t('words.firstName')}
            hint={t('words.firstNameHint')}
            defaultValue={textOf(values.quote_name)}
            error={errors.quote_name}
            multiline={false}
            maxLength={QUOTE_NAME_MAX}
            autoComplete="given-name"
          />
        </div>
      )}
    </>
  );
}
