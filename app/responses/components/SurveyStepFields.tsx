import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { Prose } from '~/ui/Prose';
import type { Step } from '~/responses/steps';
import { AboutYouFields, SensitiveFields } from './AboutYouFields';
import { groupByGrid } from '~/consultations/grids/group';
import { GridQuestion } from './GridQuestion';
import { QuestionField } from './QuestionField';
import { YourWordsFields } from './YourWordsFields';

type Fields = Pick<ComponentProps<typeof AboutYouFields>, 'values' | 'errors' | 'wards'>;

/** What one page of the resident form asks: the same for a resident and for an officer's preview. */
export function SurveyStepFields({ step, values, errors, wards }: Fields & { step: Step }) {
  const { t } = useTranslation('about');
  if (step.kind === 'section') {
    return (
      <>
        <Prose text={step.section.intro} />
        {/* Only the questions this person's route asks (steps.ts); a grid's consecutive statements together. */}
        {groupByGrid(step.section.questions).map((g) =>
          g.kind === 'grid' ? (
            <GridQuestion key={g.grid.key} grid={g.grid} questions={g.questions} values={values} errors={errors} />
          ) : (
            <QuestionField key={g.question.key} question={g.question} values={values} errors={errors} />
          ),
        )}
      </>
    );
  }
  if (step.kind === 'exit') return <Prose text={step.exitText} />;
  if (step.kind === 'about-you') {
    return (
      <>
        <p>{t('intro')}</p>
        <AboutYouFields values={values} errors={errors} wards={wards} />
      </>
    );
  }
  if (step.kind === 'about-you-more') {
    return (
      <>
        <p>{t('more.intro')}</p>
        <SensitiveFields values={values} errors={errors} />
      </>
    );
  }
  return <YourWordsFields values={values} errors={errors} credit={step.credit} />;
}
