import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { surveyPath } from '~/responses/paths';
import type { Step } from '~/responses/steps';
import { PageHeading } from '~/ui/PageHeading';
import { Prose } from '~/ui/Prose';

/**
 * Where an answer ends the survey (an option going to 'exit'): the officer's words for it, and a
 * way back to change the answer. As on GOV.UK Forms, an exit page ends the form: nothing is sent
 * (the check page and its action send the person here instead), and the draft is kept, so
 * changing the answer carries on where they were.
 */
export function ExitPage({ slug, title, step }: { slug: string; title: string; step: Extract<Step, { kind: 'exit' }> }) {
  const { t } = useTranslation('survey');
  return (
    <div className="narrow">
      <Link to={surveyPath(slug, step.from)} className="back-link">
        {t('back')}
      </Link>
      <p className="caption">{title}</p>
      <PageHeading>{t('exit.title')}</PageHeading>
      <Prose text={step.exitText} />
      <p>{t('exit.notSent')}</p>
      <p>
        <Link to={surveyPath(slug, step.from)}>{t('exit.change', { question: step.question.text })}</Link>
      </p>
    </div>
  );
}
