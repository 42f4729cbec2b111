import { useTranslation } from 'react-i18next';
import { measureOf } from '~/analysis/compare';
import type { QuestionResult } from '~/analysis/results-model';
import type { Figures } from './use-figures';

// What the tests of difference between groups found, and which tests they were, in plain words.

export function TestNote({ q, figures }: { q: QuestionResult; figures: Figures }) {
  const { t } = useTranslation('analysis');
  const test = q.test;
  if (!test) return null;
  if (test.groupsTested < 2) {
    return <p className="results-test">{t('test.notEnoughGroups')}</p>;
  }
  const { overall } = test;
  const methods = test.methods.map((m) => t(`method.${m}`)).join(t('test.or'));
  return (
    <div className="results-test">
      {overall && (
        <p>
          {!overall.reliable
            ? t('test.unreliable', { method: t('method.chi-square-independence') })
            : t(overall.notable ? 'test.differs' : 'test.noDifference', {
                method: t('method.chi-square-independence'),
                count: overall.groups,
                p: figures.pValue(overall.pValue),
              })}
        </p>
      )}
      {test.groupsLeftOut > 0 && <p className="hint">{t('test.leftOut', { count: test.groupsLeftOut })}</p>}
      {test.comparisons > 0 && (
        <>
          <p>
            {q.notable.length > 0 ? t('test.notableIntro', { methods }) : t('test.noneNotable', { methods })}{' '}
            {t('method.holm-correction', { count: test.comparisons })}
          </p>
          {q.notable.length > 0 && (
            <ul className="results-notable">
              {q.notable.map((n) => (
                <li key={`${n.optionKey}-${n.groupKey}`}>
                  {t(`test.notable.${measureOf(q)}.${n.direction}`, {
                    group: n.group,
                    option: n.option,
                    percent: figures.percent(n.percent),
                    rest: figures.percent(n.restPercent),
                  })}{' '}
                  <span className="hint">({figures.pValue(n.pValue)})</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
