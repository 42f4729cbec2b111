import { useTranslation } from 'react-i18next';
import type { AreaQuestion } from '~/analysis/area-figures';
import { ResultsTable } from '~/analysis/components/ResultsTable';
import type { Figures } from '~/analysis/components/use-figures';
import { FIGURES_HELP } from './FiguresHelp';

// One question by area committee, then by ward within each committee: each table the
// committee's (or everyone's) figures first, then its parts, hidden figures as "fewer than 10".

export function AreaResults({ question, figures }: { question: AreaQuestion; figures: Figures }) {
  const { t } = useTranslation(['publishing', 'analysis']);
  return (
    <section aria-labelledby="area-question" className="results-section results-areas">
      <h2 id="area-question">{question.text}</h2>
      {question.several && <p className="hint">{t('analysis:kind.several')}</p>}
      <p className="results-help-link">
        <a href={`#${FIGURES_HELP}`}>{t('help.link')}</a>
      </p>
      <h3>{t('areas.byCommittee')}</h3>
      <ResultsTable
        id="by-committee"
        caption={t('areas.committeeCaption', { question: question.text })}
        columns={question.committees.columns}
        rows={question.committees.rows}
        figures={figures}
      />
      <h3>{t('areas.byWard')}</h3>
      {question.wards.map((committee, i) => (
        <section key={committee.key} aria-labelledby={`committee-${i}`} className="results-question">
          <h4 id={`committee-${i}`}>{committee.label}</h4>
          <ResultsTable
            id={`committee-${i}-wards`}
            caption={t('areas.wardCaption', { question: question.text, committee: committee.label })}
            columns={committee.columns}
            rows={committee.rows}
            figures={figures}
          />
        </section>
      ))}
    </section>
  );
}
