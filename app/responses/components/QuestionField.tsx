import { useTranslation } from 'react-i18next';
import type { QuestionDef } from '~/consultations/definition';
import { DEFAULT_RATING_MAX, maxLengthOf, OTHER_MAX_LENGTH, STANDARD_OPTIONS } from '~/consultations/question-kinds';
import { answerKeys } from '~/responses/form-schema';
import { otherField, questionField } from '~/responses/fields';
import { ChoiceGroup, type Choice } from '../../ui/form/ChoiceGroup';
import { RankingField } from '../../ui/form/RankingField';
import { TextField } from '../../ui/form/TextField';

export type Values = Record<string, unknown>;

export const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '')) : typeof v === 'string' ? [v] : []);
export const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The words for one of a question's answers: the consultation's own, or the interface's for standard scales. */
export function useChoiceLabel() {
  const { t } = useTranslation('survey');
  return (q: QuestionDef, key: string): string => {
    if (STANDARD_OPTIONS[q.kind]) return t(`${q.kind}.${key}`);
    return q.options.find((o) => o.key === key)?.label ?? key;
  };
}

interface Props {
  question: QuestionDef;
  values: Values;
  errors: Record<string, string | undefined>;
}

export function QuestionField({ question: q, values, errors }: Props) {
  const { t } = useTranslation('survey');
  const choiceLabel = useChoiceLabel();
  const name = questionField(q.key);
  const legend = (
    <>
      <span className="question-text">{q.text}</span>
      {!q.required && <span className="optional"> {t('optional')}</span>}
    </>
  );
  const hint = q.hint || undefined;
  const error = errors[name];
  const choices = (): Choice[] =>
    answerKeys(q).map((key) => {
      const option = q.options.find((o) => o.key === key);
      const otherName = otherField(q.key);
      return {
        value: key,
        label: choiceLabel(q, key),
        other: option?.isOther
          ? { name: otherName, label: t('otherSpecify'), defaultValue: textOf(values[otherName]), error: errors[otherName], maxLength: OTHER_MAX_LENGTH }
          : undefined,
      };
    });

  switch (q.kind) {
    case 'single_choice':
    case 'yes_no':
    case 'agree_scale':
    case 'rating': {
      // A rating's choices are bare numbers; what the ends mean is said once, in the hint.
      const scale = q.kind === 'rating' ? `${t('ratingLow', { value: 1 })}, ${t('ratingHigh', { value: q.ratingMax ?? DEFAULT_RATING_MAX })}.` : undefined;
      return (
        <ChoiceGroup
          name={name}
          type="radio"
          legend={legend}
          hint={[hint, scale].filter(Boolean).join(' ') || undefined}
          choices={choices()}
          defaultValue={listOf(values[name])}
          error={error}
          variant={q.kind === 'yes_no' || q.kind === 'rating' ? 'inline' : q.kind === 'agree_scale' ? 'scale' : 'stacked'}
        />
      );
    }
    case 'multiple_choice': {
      const extra = q.maxSelections ? t('chooseUpTo', { count: q.maxSelections }) : t('chooseAll');
      return (
        <ChoiceGroup
          name={name}
          type="checkbox"
          legend={legend}
          hint={hint ? `${hint} ${extra}` : extra}
          choices={choices()}
          defaultValue={listOf(values[name])}
          error={error}
        />
      );
    }
    case 'ranking':
      return (
        <RankingField
          name={name}
          legend={legend}
          hint={hint}
          items={q.options.map((o) => ({ value: o.key, label: o.label }))}
          positions={q.rankCount ?? q.options.length}
          defaultValue={listOf(values[name]).map((v) => v || undefined)}
          error={error}
        />
      );
    case 'short_text':
    case 'long_text':
      return (
        <TextField
          name={name}
          label={legend}
          hint={hint}
          defaultValue={textOf(values[name])}
          error={error}
          multiline={q.kind === 'long_text'}
          maxLength={maxLengthOf({ kind: q.kind, max_length: q.maxLength })}
        />
      );
  }
}
