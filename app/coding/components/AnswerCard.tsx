import type { SubmissionResult } from '@conform-to/react';
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { answerPath } from '~/coding/paths';
import { useWrittenText } from '~/responses/components/useWrittenText';
import { CodingForm, type ThemeChoice } from './CodingForm';
import { CodingHistory, type ShownCoding } from './CodingHistory';

export interface CardAnswer {
  id: number;
  text: string;
  reference: string;
  responseId: number;
  locale: string;
  suggested: Record<number, string[]>;
  codings: ShownCoding[];
  ticked: number[];
  none: boolean;
}

interface Props {
  consultationId: number;
  questionId: number;
  answer: CardAnswer;
  heading: string;
  themes: ThemeChoice[];
  themeNames: Record<number, string>;
  saved: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}

/** One answer on the list: its words, who coded it, and its own form to tick themes and save. */
export function AnswerCard({ consultationId, questionId, answer, heading, themes, themeNames, saved, lastResult }: Props) {
  const { t } = useTranslation('coding');
  const written = useWrittenText();
  const headingId = `answer-${answer.id}-heading`;
  return (
    <section className="coding-card" id={`answer-${answer.id}`} aria-labelledby={headingId}>
      <h2 className="coding-card__heading" id={headingId}>
        {heading}
      </h2>
      <blockquote className="coding-answer" lang={answer.locale}>
        {written(answer.text)}
      </blockquote>
      <p className="coding-meta">
        {t('answer.from', { reference: answer.reference })} ·{' '}
        <Link to={answerPath(consultationId, questionId, answer.id)}>
          {t('answer.open')}
          <span className="visually-hidden"> {heading}</span>
        </Link>
      </p>
      {saved && (
        <p className="notice notice--success" role="status">
          {t('answer.saved')}
        </p>
      )}
      <CodingHistory codings={answer.codings} themeNames={themeNames} compact />
      <CodingForm
        answerId={answer.id}
        themes={themes}
        suggested={answer.suggested}
        ticked={answer.ticked}
        none={answer.none}
        lastResult={lastResult}
        withNext={false}
        legend={t('form.legend')}
        buttonContext={heading}
        compact
      />
    </section>
  );
}
