import { useTranslation } from 'react-i18next';
import { QUOTE_NAME_MAX } from '~/responses/form-schema';
import { listOf, textOf, type Values } from '../QuestionField';
import { TextField } from '../../../ui/form/TextField';
import { YouthChoices } from './YouthChoices';
import { PageHeading } from '~/ui/PageHeading';

const CREDITS = ['name_age_area', 'age_area', 'area', 'anonymous'] as const;

/** Only for 13 and over: the first part of their postcode, and whether we may share their words. */
export function YouthMoreFields({ values, errors }: { values: Values; errors: Record<string, string | undefined> }) {
  const { t } = useTranslation('youth');
  return (
    <>
      <PageHeading className="youth-question">{t('more.title')}</PageHeading>
      <TextField
        name="postcode_district"
        label={t('more.postcode')}
        hint={t('more.postcodeHint')}
        defaultValue={textOf(values.postcode_district)}
        error={errors.postcode_district}
        multiline={false}
        maxLength={4}
        autoComplete="off"
        ns="youth"
      />
      <YouthChoices
        name="quote_consent"
        type="radio"
        legend={t('more.quote')}
        hint={t('more.quoteHint')}
        choices={[
          { value: 'yes', label: t('more.quoteYes') },
          { value: 'no', label: t('more.quoteNo') },
        ]}
        defaultValue={listOf(values.quote_consent)}
        error={errors.quote_consent}
        headingLevel={2}
      />
      <YouthChoices
        name="quote_credit"
        type="radio"
        legend={t('more.credit')}
        choices={CREDITS.map((c) => ({ value: c, label: t(`more.credit_${c}`) }))}
        defaultValue={listOf(values.quote_credit)}
        error={errors.quote_credit}
        headingLevel={2}
      />
      <TextField
        name="quote_name"
        label={t('more.firstName')}
        hint={t('more.firstNameHint')}
        defaultValue={textOf(values.quote_name)}
        error={errors.quote_name}
        multiline={false}
        maxLength={QUOTE_NAME_MAX}
        autoComplete="given-name"
        ns="youth"
      />
    </>
  );
}
