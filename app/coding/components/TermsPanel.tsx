import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { Cell } from '~/analysis/disclosure';
import { adoptTermsSchema } from '~/coding/schemas';
import { AdminForm } from '~/ui/admin/AdminForm';
import { SelectField } from '~/ui/admin/Field';
import { ErrorSummary, FieldError } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { useNumbers } from './format';
import { ScrollTable } from '~/ui/ScrollRegion';

export interface ShownTerm {
  id: string;
  label: string;
  count: Cell;
  /** Themes that have it among their keywords already. */
  keywordOf: string[];
}

interface Props {
  questions: { id: number; text: string }[];
  questionId: number;
  terms: ShownTerm[];
  phrases: ShownTerm[];
  read: number;
  total: number;
  threshold: number;
  themes: { id: number; name: string }[];
  canEdit: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}

function TermTable({ caption, rows, canEdit, threshold, prefix }: { caption: string; rows: ShownTerm[]; canEdit: boolean; threshold: number; prefix: string }) {
  const { t } = useTranslation('coding');
  const { whole } = useNumbers();
  return (
    <ScrollTable className="table coding-terms" caption={caption}>
      <thead>
        <tr>
          {canEdit && (
            <th scope="col">
              <span className="visually-hidden">{t('terms.pick')}</span>
            </th>
          )}
          <th scope="col">{t('terms.term')}</th>
          <th scope="col" className="numeric">
            {t('terms.answers')}
          </th>
          <th scope="col">{t('terms.keywordOf')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.id}>
            {canEdit && (
              <td>
                <div className="choice choice--small">
                  <input className="choice__input choice__input--checkbox" type="checkbox" id={`${prefix}-${i}`} name="terms" value={row.label} />
                  <label className="choice__label" htmlFor={`${prefix}-${i}`}>
                    <span className="visually-hidden">{row.label}</span>
                  </label>
                </div>
              </td>
            )}
            <th scope="row">{row.label}</th>
            <td className="numeric">{row.count.kind === 'shown' ? whole(row.count.value) : t('terms.fewerThan', { threshold })}</td>
            <td>{row.keywordOf.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/**
 * Words and phrases many answers use, as candidate themes and keywords: never applied on their
 * own. An officer ticks some and adds them to a theme's keywords, or starts a new theme with them.
 */
export function TermsPanel({ questions, questionId, terms, phrases, read, total, threshold, themes, canEdit, lastResult }: Props) {
  const { t } = useTranslation('coding');
  const { whole } = useNumbers();
  const { form, fieldErrors, summary, submit } = useStepForm({ id: 'adopt-terms', schema: adoptTermsSchema, lastResult, defaultValue: {} });
  const tables = (
    <>
      <TermTable caption={t('terms.wordsCaption')} rows={terms} canEdit={canEdit} threshold={threshold} prefix="term" />
      <TermTable caption={t('terms.phrasesCaption')} rows={phrases} canEdit={canEdit} threshold={threshold} prefix="phrase" />
    </>
  );
  return (
    <>
      <Form method="get" className="filters" aria-label={t('terms.chooseQuestion')}>
        <SelectField
          name="question"
          label={t('terms.question')}
          defaultValue={String(questionId)}
          options={questions.map((q) => ({ value: String(q.id), label: q.text }))}
        />
        <div className="form-group">
          <button type="submit" className="button button--secondary">
            {t('terms.show')}
          </button>
        </div>
      </Form>
      <p className="hint">{read < total ? t('terms.readSome', { read: whole(read), total: whole(total) }) : t('terms.readAll', { total: whole(total) })}</p>
      {terms.length === 0 && phrases.length === 0 ? (
        <p>{t('terms.none')}</p>
      ) : canEdit ? (
        <>
          <ErrorSummary errors={summary} attempt={submit.attempts} reply={lastResult} />
          <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit} preventScrollReset>
            <input type="hidden" name="questionId" value={questionId} />
            <div className={`form-group${fieldErrors.terms ? ' form-group--error' : ''}`} id="terms">
              <FieldError id="terms-error" message={fieldErrors.terms} />
              {tables}
            </div>
            <SelectField
              name="target"
              label={t('terms.target')}
              error={fieldErrors.target}
              defaultValue="new"
              options={[
                { value: 'new', label: t('terms.newTheme') },
                ...themes.map((th) => ({ value: String(th.id), label: t('terms.addTo', { theme: th.name }) })),
              ]}
            />
            <button type="submit" name="intent" value="adopt" className="button">
              {t('terms.adopt')}
            </button>
          </AdminForm>
        </>
      ) : (
        tables
      )}
    </>
  );
}
