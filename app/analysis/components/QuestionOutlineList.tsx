import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { QuestionOutline, Standing } from '~/analysis/compare';
import { screenHref } from '~/analysis/results-screen';
import type { Figures } from './use-figures';

// The questions of a breakdown, to scan for where the groups differ: those with notable
// differences first (the most, then the surest), each with its most notable difference in words,
// then those where the groups answered alike, then those whose groups could not be compared.
// Each is a link to the question on its own page.

const STANDINGS: readonly Standing[] = ['differs', 'alike', 'notCompared'];

function Summary({ outline, figures }: { outline: QuestionOutline; figures: Figures }) {
  const { t } = useTranslation('analysis');
  const { top } = outline;
  if (outline.standing === 'differs' && top) {
    return (
      <p className="results-outline__summary">
        {t('outline.notable', { count: outline.notable, number: figures.count(outline.notable) })}{' '}
        {t(`test.notable.${outline.measure}.${top.direction}`, {
          group: top.group,
          option: top.option,
          percent: figures.percent(top.percent),
          rest: figures.percent(top.restPercent),
        })}
      </p>
    );
  }
  if (outline.standing === 'alike') {
    return <p className="results-outline__summary">{t('outline.alike', { count: outline.compared, number: figures.count(outline.compared) })}</p>;
  }
  return <p className="results-outline__summary">{t('test.notEnoughGroups')}</p>;
}

export function QuestionOutlineList({
  questions,
  breakdown,
  query,
  figures,
}: {
  questions: QuestionOutline[];
  breakdown: string;
  query: string;
  figures: Figures;
}) {
  const { t } = useTranslation('analysis');
  return (
    <section className="results-outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t('outline.heading')}</h2>
      <p>{t('outline.intro', { dimension: breakdown })}</p>
      {STANDINGS.map((standing) => {
        const list = questions.filter((q) => q.standing === standing);
        if (list.length === 0) return null;
        return (
          <section key={standing} aria-labelledby={`outline-${standing}`}>
            <h3 id={`outline-${standing}`}>{t(`outline.standing.${standing}`, { count: list.length, number: figures.count(list.length) })}</h3>
            <ol className="results-outline__list">
              {list.map((q) => (
                <li key={q.key} data-question={q.key}>
                  <Link to={`${screenHref(query, { question: q.key })}#question`}>{q.text}</Link>
                  {q.part !== 'questions' && <span className="hint"> ({t(`parts.${q.part}`)})</span>}
                  <Summary outline={q} figures={figures} />
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </section>
  );
}
