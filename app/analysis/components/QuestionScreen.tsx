import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { QuestionResult } from '~/analysis/results-model';
import { screenHref, type ResultsScreen } from '~/analysis/results-screen';
import { ComparisonView } from './ComparisonView';
import { ResultsTable } from './ResultsTable';
import { TestNote } from './TestNote';
import type { Figures } from './use-figures';

// One question of a breakdown on its own page: where it sits among the others, its groups
// compared on one answer, what the tests found, the full table one link away, and the previous
// and next questions.

type QuestionScreenData = Extract<ResultsScreen, { kind: 'question' }>;

/** Every group and every answer: for a ranking, its four measures one table each. */
function FullTable({ q, figures }: { q: QuestionResult; figures: Figures }) {
  const { t } = useTranslation('analysis');
  const id = `table-${q.key}`;
  if (!q.ranking) {
    return <ResultsTable id={id} caption={t('table.caption', { question: q.text })} columns={q.columns} rows={q.rows} figures={figures} />;
  }
  const ranking = q.ranking;
  const measures = [
    { key: 'first', caption: t('table.rankFirst', { question: q.text }), rows: ranking.map((r) => ({ key: r.key, label: r.label, cells: r.first })) },
    { key: 'top3', caption: t('table.rankTop3', { question: q.text }), rows: ranking.map((r) => ({ key: r.key, label: r.label, cells: r.top3 })) },
    { key: 'mean', caption: t('table.meanRank', { question: q.text }), rows: ranking.map((r) => ({ key: r.key, label: r.label, cells: r.meanRank })) },
    { key: 'ranked', caption: t('table.ranked', { question: q.text }), rows: q.rows },
  ];
  return (
    <>
      {measures.map((m, i) => (
        <ResultsTable key={m.key} id={`${id}-${m.key}`} caption={m.caption} columns={q.columns} rows={m.rows} figures={figures} totals={i === 0} />
      ))}
    </>
  );
}

export function QuestionScreen({
  screen,
  breakdown,
  query,
  figures,
  rtl,
}: {
  screen: QuestionScreenData;
  breakdown: string;
  query: string;
  figures: Figures;
  rtl: boolean;
}) {
  const { t } = useTranslation('analysis');
  const { question: q, comparison, previous, next } = screen;
  const option = comparison?.option.key;
  return (
    <>
      <section id="question" className="results-question results-question--alone" aria-labelledby="question-heading" data-question={q.key}>
        <p className="results-back">
          <Link to={`${screenHref(query)}#outline-heading`}>{t('outline.back')}</Link>
        </p>
        <p className="caption">
          {t('outline.position', { position: figures.count(screen.position), total: figures.count(screen.count) })}
          {screen.part !== 'questions' && <span className="caption__step">{t(`parts.${screen.part}`)}</span>}
        </p>
        <h2 id="question-heading" className="results-question__heading">
          {q.text}
        </h2>
        {q.hidden && <p className="hint">{t('hiddenQuestion')}</p>}
        {q.kind === 'multiple_choice' && <p className="hint">{t('kind.several')}</p>}
        {q.kind === 'coded' && <p className="hint">{t('parts.themesIntro')}</p>}
        {comparison ? (
          <ComparisonView comparison={comparison} questionKey={q.key} breakdown={breakdown} query={query} figures={figures} rtl={rtl} />
        ) : (
          <p>{t('compare.noGroups')}</p>
        )}
        <TestNote q={q} figures={figures} />
        <h3 id="full-table">{t('compare.table.heading')}</h3>
        {screen.table ? (
          <>
            <p>
              <Link to={`${screenHref(query, { question: q.key, option })}#full-table`}>{t('compare.table.hide')}</Link>
            </p>
            <FullTable q={q} figures={figures} />
          </>
        ) : (
          <p>
            <Link to={`${screenHref(query, { question: q.key, option, table: true })}#full-table`}>{t('compare.table.show')}</Link>
          </p>
        )}
      </section>
      <nav className="pagination results-pages" aria-label={t('outline.pages')}>
        <ul className="button-group">
          {previous && (
            <li>
              <Link to={`${screenHref(query, { question: previous.key })}#question`} rel="prev">
                <span className="results-pages__direction">{t('outline.previous')}</span>
                <span className="visually-hidden">: </span>
                <span className="results-pages__question">{previous.text}</span>
              </Link>
            </li>
          )}
          {next && (
            <li>
              <Link to={`${screenHref(query, { question: next.key })}#question`} rel="next">
                <span className="results-pages__direction">{t('outline.next')}</span>
                <span className="visually-hidden">: </span>
                <span className="results-pages__question">{next.text}</span>
              </Link>
            </li>
          )}
        </ul>
      </nav>
    </>
  );
}
