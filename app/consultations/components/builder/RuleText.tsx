import { useTranslation } from 'react-i18next';
import { STANDARD_OPTIONS } from '~/consultations/question-kinds';
import type { AnswerView, ConditionView, RouteView, RuleView } from '~/consultations/builder/rule-view';

/** An answer in the officer's words: yes/no and agree/disagree are worded by the interface. */
export function useAnswerLabel() {
  const { t } = useTranslation('survey');
  return (kind: string | undefined, answer: AnswerView) =>
    kind && STANDARD_OPTIONS[kind as keyof typeof STANDARD_OPTIONS] ? t(`${kind}.${answer.key}`) : answer.label;
}

/** "“Do you run a business?” is Yes or No" */
export function ConditionText({ condition }: { condition: ConditionView }) {
  const { t } = useTranslation('builder');
  const label = useAnswerLabel();
  const answers = condition.options.map((o) => label(condition.question?.kind, o)).join(t('rules.orAnswer'));
  return <>{t('rules.condition', { question: condition.question?.text ?? condition.key, answers })}</>;
}

/** "Shown if: “Do you run a business?” is Yes and …" */
export function RuleText({ rule }: { rule: RuleView }) {
  const { t } = useTranslation('builder');
  return (
    <>
      {t('rules.shownIf')}{' '}
      {rule.conditions.map((c, i) => (
        <span key={i}>
          {i > 0 && ` ${rule.match === 'all' ? t('rules.and') : t('rules.or')} `}
          <ConditionText condition={c} />
        </span>
      ))}
    </>
  );
}

/** "Yes → Section: Your business; No → the end (exit page)" */
export function RoutesText({ kind, routes }: { kind: string; routes: RouteView[] }) {
  const { t } = useTranslation('builder');
  const label = useAnswerLabel();
  return (
    <ul className="builder-routes">
      {routes.map((r) => (
        <li key={r.option.key}>
          {r.section === null
            ? t('rules.routeToEnd', { answer: label(kind, r.option) })
            : t('rules.routeToSection', { answer: label(kind, r.option), section: r.section })}
        </li>
      ))}
    </ul>
  );
}
