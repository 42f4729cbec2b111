import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { listOf } from '~/responses/components/QuestionField';
import { YOUTH_AGE_BANDS } from '~/responses/youth/ages';
import type { YouthStep } from '~/responses/youth/steps';
import { YouthChoices } from './YouthChoices';
import { YouthMoreFields } from './YouthMoreFields';
import { YouthQuestion } from './YouthQuestion';
import { PageHeading } from '~/ui/PageHeading';

type Fields = Pick<ComponentProps<typeof YouthMoreFields>, 'values' | 'errors'>;

/** The end of the form for someone whose answer sends them there: the officer's words, then check and send. */
function YouthExit({ text }: { text: string }) {
  const { t } = useTranslation('youth');
  return (
    <>
      <PageHeading className="youth-question">{t('exit.title')}</PageHeading>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i} className={i === 0 ? 'lead' : undefined}>
            {p}
          </p>
        ))}
      <p>{t('exit.send')}</p>
    </>
  );
}

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
  if (step.kind === 'exit') return <YouthExit text={step.item.exitText ?? ''} />;
  return <YouthMoreFields values={values} errors={errors} />;
}
