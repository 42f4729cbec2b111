import { useTranslation } from 'react-i18next';
import type { AnswerView } from '~/consultations/builder/rule-view';
import { AdminForm } from '~/ui/admin/AdminForm';
import { SelectField, TextAreaField } from '~/ui/admin/Field';
import { useAnswerLabel } from './RuleText';

interface Props {
  kind: string;
  options: (AnswerView & { goesTo: string | null })[];
  /** The sections after this question's own. */
  later: { key: string; title: string }[];
  exitText: string;
  typed: Record<string, unknown>;
  errors: Record<string, string | undefined>;
}

/**
 * "After this answer go to": per answer of a single-answer question, the next page (the
 * default), a later section, or the end of the survey, whose exit page says `exitText`.
 */
export function RoutesForm({ kind, options, later, exitText, typed, errors }: Props) {
  const { t } = useTranslation('builder');
  const label = useAnswerLabel();
  const saving = typed.intent === 'saveRoutes';
  const typedGoesTo = (saving ? (typed.goesTo ?? {}) : {}) as Record<string, string>;
  const choices = [
    { value: '', label: t('rules.goesToNext') },
    ...later.map((s) => ({ value: s.key, label: t('rules.goesToSection', { section: s.title }) })),
    { value: 'exit', label: t('rules.goesToEnd') },
  ];
  return (
    <section className="builder-routes-form" aria-labelledby="routes-title">
      <h2 id="routes-title">{t('rules.routesTitle')}</h2>
      <p>{t('rules.routesExplain')}</p>
      <AdminForm>
        {options.map((o) => (
          <SelectField
            key={o.key}
            name={`goesTo.${o.key}`}
            label={t('rules.goesToLabel', { answer: label(kind, o) })}
            error={saving ? errors[`goesTo.${o.key}`] : undefined}
            defaultValue={saving ? (typedGoesTo[o.key] ?? '') : (o.goesTo ?? '')}
            options={choices}
          />
        ))}
        <TextAreaField
          name="exitText"
          label={t('rules.exitText')}
          hint={t('rules.exitTextHint')}
          error={saving ? errors.exitText : undefined}
          defaultValue={saving ? String(typed.exitText ?? '') : exitText}
        />
        <button type="submit" className="button" name="intent" value="saveRoutes">
          {t('rules.saveRoutes')}
        </button>
      </AdminForm>
    </section>
  );
}
