import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResult, ResultsForm, ResultsModel, ResultsRequestError } from '~/analysis/results-model';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useErrorText } from '~/ui/form/use-error-text';
import { directionOf } from '~/platform/i18n/config';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { QuestionResults } from './QuestionResults';
import { ResultsFilters } from './ResultsFilters';
import { useFigures, type Figures } from './use-figures';

// The "What we heard" page body: the form, what the figures cover, how they were worked out,
// and the three parts (main questions, the young people's own statements, coded themes).
// Rendered from the protected model only.

export interface ResultsViewProps {
  model: ResultsModel | null;
  form: ResultsForm;
  errors: ResultsRequestError[];
  /** The same figures as JSON. */
  jsonHref: string;
  threshold: number;
  /** Said under the heading (the workspace: when the responses were anonymised). */
  notice?: ReactNode;
  /** Shown instead of every question's figures (the workspace's breakdown: one question at a time). */
  children?: ReactNode;
}

/** The summary export of the same figures (app/exports): the JSON address with its query. */
const exportHref = (jsonHref: string, format: 'csv' | 'xlsx' | 'json') => jsonHref.replace('/results.json', `/export/summary.${format}`);

function Coverage({ model, figures }: { model: ResultsModel; figures: Figures }) {
  const { t } = useTranslation('analysis');
  return (
    <div className="results-coverage" role="status">
      <p className="lead" data-testid="responses">
        {model.responses.suppressed
          ? t('coverage.fewer', { fewer: figures.fewer })
          : t(model.filter.length > 0 ? 'coverage.filtered' : 'coverage.all', {
              count: model.responses.value,
              responses: figures.count(model.responses.value),
            })}
      </p>
      {model.filter.length > 0 && (
        <ul className="results-applied" aria-label={t('coverage.filterLabel')}>
          {model.filter.map((f) => (
            <li key={f.dimension}>
              <strong>{f.label}:</strong> {f.values.map((v) => v.label).join(t('coverage.or'))}
            </li>
          ))}
        </ul>
      )}
      {model.breakdown && <p>{t('coverage.breakdown', { dimension: model.breakdown.label })}</p>}
    </div>
  );
}

function Methods({ model, figures }: { model: ResultsModel; figures: Figures }) {
  const { t } = useTranslation('analysis');
  return (
    <details className="results-about">
      <summary>{t('about.heading')}</summary>
      <p>{t('about.base')}</p>
      <p>{t('about.baseResponses')}</p>
      <p>{t('about.interval', { method: t('method.wilson-interval') })}</p>
      <p>{t('about.hidden', { fewer: figures.fewer })}</p>
      {/* A filtered page is protected with its complement and the unfiltered figures (complement.ts), not with other filters. */}
      {model.filter.length > 0 && <p>{t('about.hiddenFiltered')}</p>}
      {model.breakdown && (
        <p>{t('about.tests', { chiSquare: t('method.chi-square-independence'), z: t('method.two-proportion-z'), fisher: t('method.fisher-exact') })}</p>
      )}
    </details>
  );
}

function Part({
  id,
  title,
  intro,
  questions,
  figures,
  rtl,
}: {
  id: string;
  title: string;
  intro?: string;
  questions: QuestionResult[];
  figures: Figures;
  rtl: boolean;
}) {
  return (
    <section className="results-part" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro && <p>{intro}</p>}
      {questions.map((q) => (
        <QuestionResults key={q.key} q={q} id={`${id}-${q.key}`} figures={figures} rtl={rtl} />
      ))}
    </section>
  );
}

export function ResultsView({ model, form, errors, jsonHref, threshold, notice, children }: ResultsViewProps) {
  const { t } = useTranslation('analysis');
  const errorText = useErrorText();
  const figures = useFigures(threshold);
  const rtl = directionOf(usePageLocale()) === 'rtl';
  const fieldErrors = Object.fromEntries(errors.map((e) => [e.field, errorText(e.code)]));
  const parts = model
    ? [
        { id: 'main', title: t('parts.main'), intro: model.youth.length > 0 ? t('parts.mainYouth') : undefined, questions: model.questions },
        ...(model.youth.length > 0 ? [{ id: 'youth', title: t('parts.youth'), intro: t('parts.youthIntro'), questions: model.youth }] : []),
      ]
    : [];
  return (
    <>
      <h1>{t('title')}</h1>
      {notice}
      <ErrorSummary errors={errors.map((e) => ({ fieldId: e.field, message: errorText(e.code) }))} />
      <ResultsFilters form={form} errors={fieldErrors} folded={Boolean(children) && errors.length === 0} />
      {model && (
        <>
          <Coverage model={model} figures={figures} />
          <p>
            <a href={jsonHref}>{t('json')}</a>
          </p>
          <p id="results-download">{t('download.title')}</p>
          <ul aria-labelledby="results-download">
            <li>
              <a href={exportHref(jsonHref, 'csv')}>{t('download.csv')}</a>
            </li>
            <li>
              <a href={exportHref(jsonHref, 'xlsx')}>{t('download.xlsx')}</a>
            </li>
            <li>
              <a href={exportHref(jsonHref, 'json')}>{t('download.json')}</a>
            </li>
          </ul>
          <Methods model={model} figures={figures} />
          {!model.responses.suppressed && children}
          {!model.responses.suppressed && !children && (
            <>
              <nav className="results-contents" aria-label={t('contents')}>
                <ol>
                  {parts
                    .flatMap((p) => p.questions.map((q) => ({ id: `${p.id}-${q.key}`, text: q.text })))
                    .map((q) => (
                      <li key={q.id}>
                        <a href={`#${q.id}`}>{q.text}</a>
                      </li>
                    ))}
                  <li>
                    <a href="#themes">{t('parts.themes')}</a>
                  </li>
                </ol>
              </nav>
              {parts.map((p) => (
                <Part key={p.id} {...p} figures={figures} rtl={rtl} />
              ))}
              {model.themes.length > 0 ? (
                <Part id="themes" title={t('parts.themes')} intro={t('parts.themesIntro')} questions={model.themes} figures={figures} rtl={rtl} />
              ) : (
                <section className="results-part" aria-labelledby="themes">
                  <h2 id="themes">{t('parts.themes')}</h2>
                  <p>{t('parts.noThemes')}</p>
                </section>
              )}
            </>
          )}
        </>
      )}
      <svg className="results-defs" width="0" height="0" aria-hidden="true" focusable="false">
        <defs>
          <pattern id="results-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#505a5f" strokeWidth="3" />
          </pattern>
        </defs>
      </svg>
    </>
  );
}
