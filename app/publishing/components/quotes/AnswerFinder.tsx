import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '~/ui/admin/Field';
import type { AnswerFilters, QuotableAnswer } from '~/publishing/quotes/answers.server';
import { QuoteCredit } from './QuoteCredit';

interface Props {
  consultationId: number;
  filters: AnswerFilters;
  questions: { id: number; text: string }[];
  themes: { id: number; name: string }[];
  answers: QuotableAnswer[];
  hasNext: boolean;
}

/** Search the answers of people who agreed to be quoted, and pick one. A plain GET form. */
export function AnswerFinder({ consultationId, filters, questions, themes, answers, hasNext }: Props) {
  const { t } = useTranslation('quotes');
  const base = `/admin/consultations/${consultationId}/quotes`;
  const questionText = new Map(questions.map((q) => [q.id, q.text]));
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    if (filters.text) params.set('q', filters.text);
    if (filters.questionId) params.set('question', String(filters.questionId));
    if (filters.themeId) params.set('theme', String(filters.themeId));
    if (page > 1) params.set('page', String(page));
    const query = params.toString();
    return `${base}${query ? `?${query}` : ''}#answers`;
  };
  return (
    <>
      <p>{t('find.intro')}</p>
      <Form method="get" action={`${base}#answers`} className="filters" aria-label={t('find.filters')}>
        <InputField name="q" label={t('find.search')} defaultValue={filters.text} />
        <SelectField
          name="question"
          label={t('find.question')}
          defaultValue={filters.questionId ? String(filters.questionId) : ''}
          options={[{ value: '', label: t('find.anyQuestion') }, ...questions.map((q) => ({ value: String(q.id), label: q.text }))]}
        />
        {themes.length > 0 && (
          <SelectField
            name="theme"
            label={t('find.theme')}
            hint={t('find.themeHint')}
            defaultValue={filters.themeId ? String(filters.themeId) : ''}
            options={[{ value: '', label: t('find.anyTheme') }, ...themes.map((theme) => ({ value: String(theme.id), label: theme.name }))]}
          />
        )}
        <div className="form-group">
          <button type="submit" className="button button--secondary">
            {t('find.apply')}
          </button>
        </div>
      </Form>
      {answers.length === 0 ? (
        <p data-testid="no-answers">{t('find.none')}</p>
      ) : (
        <ol className="answer-list" aria-label={t('find.results')}>
          {answers.map((answer) => (
            <li key={answer.id} className="answer-list__item" data-testid="quotable-answer">
              <p className="hint">{questionText.get(answer.questionId)}</p>
              <p className="preserve-lines" dir="auto">
                {answer.text}
              </p>
              <p className="hint">
                {t('find.creditAs')} <QuoteCredit credit={answer.credit} />
              </p>
              <Link to={`${base}/new?answer=${answer.id}`}>
                {t('find.pick')}
                <span className="visually-hidden"> {t('find.pickWhich', { reference: answer.reference })}</span>
              </Link>
            </li>
          ))}
        </ol>
      )}
      {(filters.page > 1 || hasNext) && (
        <nav aria-label={t('find.pagination')} className="pagination">
          <ul className="button-group">
            {filters.page > 1 && (
              <li>
                <Link to={pageLink(filters.page - 1)} rel="prev">
                  {t('find.previous')}
                </Link>
              </li>
            )}
            {hasNext && (
              <li>
                <Link to={pageLink(filters.page + 1)} rel="next">
                  {t('find.next')}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}
