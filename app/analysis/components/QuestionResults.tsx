import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { percentBaseOf, type QuestionResult } from '~/analysis/results-model';
import { BarChart } from './BarChart';
import { ResultsTable } from './ResultsTable';
import { StackedBars } from './StackedBars';
import { TestNote } from './TestNote';
import type { Figures } from './use-figures';

// One question's figures: a chart, the same figures as a table, and what the tests of difference
// found. Closed questions, the young people's statements and coded themes all come this way.

interface Props {
  q: QuestionResult;
  id: string;
  figures: Figures;
  rtl: boolean;
  /** The public page: the chart, a link to what the figures mean, and the table only when asked for. */
  onRequest?: { showTable: string; help: { href: string; label: string } };
}

/** The table itself, or (the public page) behind a "show the table" that works without JavaScript. */
function TableOnRequest({ onRequest, children }: { onRequest: Props['onRequest']; children: ReactNode }) {
  if (!onRequest) return <>{children}</>;
  return (
    <>
      <p className="results-help-link">
        <a href={onRequest.help.href}>{onRequest.help.label}</a>
      </p>
      <details className="results-table-details">
        <summary>{onRequest.showTable}</summary>
        {children}
      </details>
    </>
  );
}

function Ranking({ q, id, figures, rtl, onRequest }: Props) {
  const { t } = useTranslation('analysis');
  const ranking = q.ranking ?? [];
  const overall = 0; // "All" is always the first column
  const byGroup = q.columns.length > 1;
  const measures = [
    { key: 'first', caption: t('table.rankFirst', { question: q.text }), rows: ranking.map((r) => ({ key: r.key, label: r.label, cells: r.first })) },
    { key: 'top3', caption: t('table.rankTop3', { question: q.text }), rows: ranking.map((r) => ({ key: r.key, label: r.label, cells: r.top3 })) },
    { key: 'mean', caption: t('table.meanRank', { question: q.text }), rows: ranking.map((r) => ({ key: r.key, label: r.label, cells: r.meanRank })) },
    { key: 'ranked', caption: t('table.ranked', { question: q.text }), rows: q.rows },
  ];
  return (
    <>
      <p className="hint">{t('kind.ranking')}</p>
      <BarChart
        title={t('chart.rankFirst', { question: q.text })}
        bars={ranking.map((r) => ({ key: r.key, label: r.label, cell: r.first[overall] ?? { suppressed: true } }))}
        figures={figures}
        rtl={rtl}
      />
      <TableOnRequest onRequest={onRequest}>
        {byGroup ? (
          measures.map((m, i) => (
            <ResultsTable key={m.key} id={`${id}-${m.key}`} caption={m.caption} columns={q.columns} rows={m.rows} figures={figures} totals={i === 0} />
          ))
        ) : (
          <ResultsTable
            id={`${id}-ranking`}
            caption={t('table.ranking', { question: q.text })}
            columns={measures.map((m) => ({ ...q.columns[0]!, key: m.key, label: t(`table.measure.${m.key}`) }))}
            rows={ranking.map((r, i) => ({ key: r.key, label: r.label, cells: [r.first[0]!, r.top3[0]!, r.meanRank[0]!, q.rows[i]!.cells[0]!] }))}
            figures={figures}
            totals={false}
          />
        )}
        {!byGroup && <TotalsLine q={q} figures={figures} />}
      </TableOnRequest>
    </>
  );
}

/** Without a breakdown, a ranking's table has measures across, so its totals are a sentence. */
function TotalsLine({ q, figures }: { q: QuestionResult; figures: Figures }) {
  const { t } = useTranslation('analysis');
  const all = q.columns[0];
  if (!all) return null;
  const routed = all.notAsked.suppressed || all.notAsked.value > 0;
  const notAsked = routed ? ` ${t('table.notAskedLine', { notAsked: figures.ofCount(all.notAsked) })}` : '';
  if (all.percentOf === 'responses') return <p>{t('table.totalsLineAll', { responses: figures.ofCount(all.responses) })}</p>;
  if (all.percentOf === 'asked') {
    return <p>{t('table.totalsLineAsked', { asked: figures.ofCount(percentBaseOf(all)), notAsked: figures.ofCount(all.notAsked) })}</p>;
  }
  return (
    <p>
      {t('table.totalsLine', { base: figures.ofCount(all.base), noAnswer: figures.ofCount(all.noAnswer), responses: figures.ofCount(all.responses) })}
      {notAsked}
    </p>
  );
}

export function QuestionResults(props: Props) {
  const { q, id, figures, rtl, onRequest } = props;
  const { t } = useTranslation('analysis');
  const stacked = q.scale && q.columns.length > 1;
  return (
    <section className="results-question" aria-labelledby={id} data-question={q.key}>
      <h3 id={id}>{q.text}</h3>
      {q.hidden && <p className="hint">{t('hiddenQuestion')}</p>}
      {q.ranking ? (
        <Ranking {...props} />
      ) : (
        <>
          {q.kind === 'multiple_choice' && <p className="hint">{t('kind.several')}</p>}
          {stacked ? (
            <StackedBars q={q} figures={figures} rtl={rtl} />
          ) : (
            <BarChart
              title={q.text}
              bars={q.rows.map((r) => ({ key: r.key, label: r.label, cell: r.cells[0] ?? { suppressed: true } }))}
              figures={figures}
              rtl={rtl}
            />
          )}
          {onRequest && <TotalsLine q={q} figures={figures} />}
          <TableOnRequest onRequest={onRequest}>
            <ResultsTable id={`${id}-table`} caption={t('table.caption', { question: q.text })} columns={q.columns} rows={q.rows} figures={figures} />
          </TableOnRequest>
        </>
      )}
      <TestNote q={q} figures={figures} />
    </section>
  );
}
