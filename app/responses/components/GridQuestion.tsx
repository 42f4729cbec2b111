import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridDef, QuestionDef } from '~/consultations/definition';
import { DEFAULT_RATING_MAX } from '~/consultations/question-kinds';
import { answerKeys } from '~/responses/form-schema';
import { questionField } from '~/responses/fields';
import { ChoiceGroup } from '../../ui/form/ChoiceGroup';
import { listOf, useChoiceLabel, type Values } from './QuestionField';

interface Props {
  grid: GridDef;
  /** The grid's statements, all of one kind on the same scale. */
  questions: QuestionDef[];
  values: Values;
  errors: Record<string, string | undefined>;
}

/**
 * A grid as a person answers it: the shared prompt once, then one fieldset per statement with the
 * scale's radios. Not a table: on a phone each statement stacks, so nothing scrolls sideways, and a
 * screen reader hears each statement as a question of its own, with its own error.
 */
export function GridQuestion({ grid, questions, values, errors }: Props) {
  const { t } = useTranslation('survey');
  const choiceLabel = useChoiceLabel();
  const headingId = useId();
  const first = questions[0];
  // A rating's ends are said once for the whole grid, not under every statement.
  const scale = first?.kind === 'rating' ? `${t('ratingLow', { value: 1 })}, ${t('ratingHigh', { value: first.ratingMax ?? DEFAULT_RATING_MAX })}.` : undefined;
  return (
    <div className="grid-question" role="group" aria-labelledby={headingId}>
      <h2 className="heading-m grid-question__prompt" id={headingId}>
        {grid.text}
      </h2>
      {grid.hint && <p className="hint">{grid.hint}</p>}
      {scale && <p className="hint">{scale}</p>}
      {questions.map((q) => {
        const name = questionField(q.key);
        return (
          <ChoiceGroup
            key={q.key}
            name={name}
            type="radio"
            legend={
              <>
                <span className="question-text">{q.text}</span>
                {!q.required && <span className="optional"> {t('optional')}</span>}
              </>
            }
            hint={q.hint || undefined}
            choices={answerKeys(q).map((key) => ({ value: key, label: choiceLabel(q, key) }))}
            defaultValue={listOf(values[name])}
            error={errors[name]}
            variant={q.kind === 'rating' ? 'inline' : 'scale'}
          />
        );
      })}
    </div>
  );
}
