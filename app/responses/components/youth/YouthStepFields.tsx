import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { listOf } from '~/responses/components/QuestionField';
import { YOUTH_AGE_BANDS } from '~/responses/youth/ages';
import type { YouthStep } from '~/responses/youth/steps';
import { YouthChoices } from './YouthChoices';
import { YouthMoreFields } from './YouthMoreFields';
import { YouthQuestion } from './YouthQuestion';

type Fields = Pick<ComponentProps<typeof YouthMoreFields>, 'values' | 'errors'>;

/** What one screen of the young people's form asks: the same for a young person and for a preview. */
export function YouthStepFields({ step, values, errors }: Fields & { step: YouthStep }) {
  const { t } = useTranslation('youth');
  if (step.kind === 'age') {
    return (
      <YouthChoices
        name="age_band"
        type="radio"
        legend={t('age.question')}
        hint={t('age.hint')}
        choices={YOUTH_AGE_BANDS.map((band) => ({ value: band, label: t(`age.${band}`) }))}
        defaultValue={listOf(values.age_band)}
        error={errors.age_band}
      />
    );
  }
  if (step.kind === 'item') return <YouthQuestion item={step.item} values={values} errors={errors} />;
  return <YouthMoreFields values={values} errors={errors} />;
}
