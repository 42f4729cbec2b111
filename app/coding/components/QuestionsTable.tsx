import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { answerPath, questionPath } from '~/coding/paths';
import { useNumbers } from './format';
import { ScrollTable } from '~/ui/ScrollRegion';

export interface QuestionProgress {
  id: number;
  text: string;
  answers: number;
  coded: number;
  /** Counted responses whose route passed the question by (routing): not blanks to code. */
  notAsked: number;
  /** The first answer nobody has coded yet, where one-by-one coding starts. */
  firstUncoded: number | null;
}

/** The open questions with how much of each is coded, and the ways into coding them. */
export function QuestionsTable({ consultationId, questions, canEdit }: { consultationId: number; questions: QuestionProgress[]; canEdit: boolean }) {
  const { t } = useTranslation('coding');
  const { whole } = useNumbers();
  if (questions.length === 0) return <p>{t('questions.none')}</p>;
  // Only a consultation that routes people past some question needs the column.
  const routed = questions.some((q) => q.notAsked > 0);
  return (
    <ScrollTable caption={t('questions.caption')} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t('questions.question')}</th>
          <th scope="col" className="numeric">
            {t('questions.answers')}
          </th>
          <th scope="col" className="numeric">
            {t('questions.coded')}
          </th>
          {routed && (
            <th scope="col" className="numeric">
              {t('questions.notAsked')}
            </th>
          )}
          {canEdit && <th scope="col">{t('questions.code')}</th>}
        </tr>
      </thead>
      <tbody>
        {questions.map((q) => (
          <tr key={q.id}>
            <th scope="row">{q.text}</th>
            <td className="numeric">{whole(q.answers)}</td>
            <td className="numeric">{whole(q.coded)}</td>
            {routed && <td className="numeric">{whole(q.notAsked)}</td>}
            {canEdit && (
              <td>
                <div className="coding-actions">
                  <Link to={questionPath(consultationId, q.id)}>
                    {t('questions.list')}
                    <span className="visually-hidden"> {q.text}</span>
                  </Link>
                  {q.firstUncoded !== null ? (
                    <Link to={answerPath(consultationId, q.id, q.firstUncoded)}>
                      {t('questions.oneByOne')}
                      <span className="visually-hidden"> {q.text}</span>
                    </Link>
                  ) : (
                    q.answers > 0 && <span>{t('questions.allCoded')}</span>
                  )}
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
