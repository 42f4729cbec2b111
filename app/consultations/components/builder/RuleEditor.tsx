import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { QuestionView, RuleView } from '~/consultations/builder/rule-view';
import { AdminForm } from '~/ui/admin/AdminForm';
import { SelectField } from '~/ui/admin/Field';
import { CheckboxGroup } from './CheckboxGroup';
import { ConditionText, RuleText, useAnswerLabel } from './RuleText';

interface Props {
  /** 'question' or 'section': which words the headings use. */
  target: 'question' | 'section';
  rule: RuleView | null;
  /** The questions a condition may name: choice questions in earlier sections. */
  candidates: QuestionView[];
  /** The question picked in the first step of adding a condition (?when=key). */
  when: string | null;
  /** What was last posted, when it was refused: kept so nothing typed is lost. */
  typed: Record<string, unknown>;
  errors: Record<string, string | undefined>;
}

/**
 * "Show this question only if": the rule's conditions, each with a remove button; how they join
 * ("all" or "any"); and adding a condition in two plain steps (pick an earlier question, then its
 * answers), so all of it works without JavaScript (GOV.UK "add another" pattern).
 */
export function RuleEditor({ target, rule, candidates, when, typed, errors }: Props) {
  const { t } = useTranslation('builder');
  const label = useAnswerLabel();
  const picked = candidates.find((c) => c.key === (typeof typed.question === 'string' ? typed.question : when));
  const conditions = rule?.conditions ?? [];
  const typedAnswers = ([] as unknown[]).concat(typed.answers ?? []).map(String);
  return (
    <section className="builder-rule" aria-labelledby="rule-title">
      <h2 id="rule-title">{target === 'question' ? t('rules.questionTitle') : t('rules.sectionTitle')}</h2>
      <p>{rule ? <RuleText rule={rule} /> : target === 'question' ? t('rules.alwaysQuestion') : t('rules.alwaysSection')}</p>
      {conditions.length > 0 && (
        <ul className="builder-conditions">
          {conditions.map((c, i) => (
            <li key={i}>
              <ConditionText condition={c} />{' '}
              <AdminForm className="inline-form">
                <input type="hidden" name="index" value={i} />
                <button type="submit" className="button button--secondary button--small" name="intent" value="removeCondition">
                  {t('rules.remove')}
                  <span className="visually-hidden">
                    {': '}
                    <ConditionText condition={c} />
                  </span>
                </button>
              </AdminForm>
            </li>
          ))}
        </ul>
      )}
      {conditions.length > 1 && (
        <AdminForm>
          <div className="form-group">
            <fieldset className="fieldset" id="match">
              <legend className="fieldset__legend label--field">{t('rules.matchLegend')}</legend>
              {(['all', 'any'] as const).map((m) => (
                <div className="choice" key={m}>
                  <input className="choice__input" type="radio" id={`match-${m}`} name="match" value={m} defaultChecked={(typed.match ?? rule?.match) === m} />
                  <label className="choice__label" htmlFor={`match-${m}`}>
                    {m === 'all' ? t('rules.matchAll') : t('rules.matchAny')}
                  </label>
                </div>
              ))}
            </fieldset>
          </div>
          <button type="submit" className="button button--secondary" name="intent" value="setMatch">
            {t('rules.saveMatch')}
          </button>
        </AdminForm>
      )}
      <h3>{t('rules.addTitle')}</h3>
      {candidates.length === 0 ? (
        <p>{t('rules.noCandidates')}</p>
      ) : (
        <>
          <Form method="get" className="builder-rule__pick">
            <SelectField
              name="when"
              label={t('rules.whenLabel')}
              hint={t('rules.whenHint')}
              defaultValue={picked?.key ?? ''}
              options={candidates.map((c) => ({ value: c.key, label: c.text }))}
            />
            <button type="submit" className="button button--secondary">
              {t('rules.pick')}
            </button>
          </Form>
          {picked && (
            <AdminForm>
              <input type="hidden" name="question" value={picked.key} />
              <CheckboxGroup
                name="answers"
                legend={t('rules.answersLegend', { question: picked.text })}
                hint={t('rules.answersHint')}
                error={errors.answers}
                checked={typedAnswers}
                groups={[{ choices: picked.options.map((o) => ({ value: o.key, label: label(picked.kind, o) })) }]}
              />
              <button type="submit" className="button" name="intent" value="addCondition">
                {t('rules.add')}
              </button>
            </AdminForm>
          )}
        </>
      )}
    </section>
  );
}
