import { useTranslation } from 'react-i18next';
import type { QuestionResult } from '~/analysis/results-model';
import { BarChart } from '~/analysis/components/BarChart';
import { QuestionResults } from '~/analysis/components/QuestionResults';
import { ResultsTable } from '~/analysis/components/ResultsTable';
import type { Figures } from '~/analysis/components/use-figures';
import { Prose } from '~/ui/Prose';
import type { PublicResults, ThemeResult } from '~/publishing/results-page.server';
import { useOnRequest } from './FiguresHelp';
import { QuoteList, QuotesByQuestion } from './QuoteList';

// "You said": the officer's opening words, the headline figure of every closed question (the
// same server-rendered charts as the workspace, everyone together, each table on request), then
// the themes people wrote about, largest first, each with the quotes picked for it. A theme's
// quotes all answer its question, named once in its heading; other quotes are grouped under the
// question they answer.

interface Props {
  results: Pick<PublicResults, 'consultation' | 'figures' | 'youthFigures' | 'themes' | 'otherQuotes' | 'hasAreas'>;
  figures: Figures;
  rtl: boolean;
}

function Theme({ theme, index, figures, rtl }: { theme: ThemeResult; index: number; figures: Figures; rtl: boolean }) {
  const { t } = useTranslation(['publishing', 'analysis']);
  const onRequest = useOnRequest();
  const q: QuestionResult = theme.result;
  const id = `theme-${index}`;
  return (
    <section className="results-question" aria-labelledby={id} data-theme-question={q.key}>
      <h4 id={id}>{q.text}</h4>
      <BarChart
        title={q.text}
        bars={q.rows.map((r) => ({ key: r.key, label: r.label, cell: r.cells[0] ?? { suppressed: true } }))}
        figures={figures}
        rtl={rtl}
      />
      <p className="results-help-link">
        <a href={onRequest.help.href}>{onRequest.help.label}</a>
      </p>
      <details className="results-table-details">
        <summary>{onRequest.showTable}</summary>
        <ResultsTable id={`${id}-table`} caption={t('analysis:table.caption', { question: q.text })} columns={q.columns} rows={q.rows} figures={figures} />
      </details>
      {q.rows
        .filter((row) => (theme.quotes[row.key] ?? []).length > 0)
        .map((row) => (
          <div key={row.key} className="results-quotes">
            <h5>{t('said.quotes', { theme: row.label })}</h5>
            <QuoteList quotes={theme.quotes[row.key] ?? []} />
          </div>
        ))}
    </section>
  );
}

export function YouSaid({ results, figures, rtl }: Props) {
  const { t } = useTranslation('publishing');
  const onRequest = useOnRequest();
  const { consultation, figures: closed, youthFigures, themes, otherQuotes } = results;
  const nothing = closed.length === 0 && youthFigures.length === 0 && themes.length === 0;
  return (
    <section aria-labelledby="you-said" className="results-section">
      <h2 id="you-said">{t('said.heading')}</h2>
      <div className="results-summary" dir="auto">
        <Prose text={consultation.resultsSummary} />
      </div>
      {nothing && <p>{t('said.nothing')}</p>}
      {closed.length > 0 && (
        <>
          <h3>{t('said.figures')}</h3>
          <p className="hint">{t('said.figuresIntro')}</p>
          {closed.map((q, i) => (
            <div className="results-headline" key={q.key}>
              <QuestionResults q={q} id={`question-${i}`} figures={figures} rtl={rtl} onRequest={onRequest} />
            </div>
          ))}
        </>
      )}
      {results.hasAreas && (
        <div className="results-areas-link">
          <h3>{t('said.areas')}</h3>
          <p>{t('said.areasIntro')}</p>
          <p>
            <a href={`/consultations/${consultation.slug}/results/areas`}>{t('areas.heading')}</a>
          </p>
        </div>
      )}
      {youthFigures.length > 0 && (
        <>
          <h3>{t('said.youth')}</h3>
          {youthFigures.map((q, i) => (
            <div className="results-headline" key={q.key}>
              <QuestionResults q={q} id={`youth-${i}`} figures={figures} rtl={rtl} onRequest={onRequest} />
            </div>
          ))}
        </>
      )}
      {themes.length > 0 && (
        <>
          <h3>{t('said.themes')}</h3>
          <p className="hint">{t('said.themesIntro')}</p>
          {themes.map((theme, i) => (
            <Theme key={theme.result.key} theme={theme} index={i} figures={figures} rtl={rtl} />
          ))}
        </>
      )}
      {otherQuotes.length > 0 && (
        <>
          <h3>{t('said.otherQuotes')}</h3>
          <QuotesByQuestion quotes={otherQuotes} />
        </>
      )}
    </section>
  );
}
