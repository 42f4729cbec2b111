import { useTranslation } from 'react-i18next';
import { DEFAULT_MAX_LENGTH } from '~/consultations/question-kinds';
import { youthField } from '~/responses/youth/answers';
import type { YouthItemDef } from '~/consultations/versions/youth-definition';
import { listOf, textOf, type Values } from '../QuestionField';
import { TextField } from '../../../ui/form/TextField';
import { FACE_ORDER } from './Face';
import { YouthChoices } from './YouthChoices';

/** One young people's question, filling the screen: its words are the page heading. */
export function YouthQuestion({ item, values, errors }: { item: YouthItemDef; values: Values; errors: Record<string, string | undefined> }) {
  const { t } = useTranslation('youth');
  const name = youthField(item);
  const error = errors[name];
  const hint = [item.hint, item.required ? '' : t('skipNote')].filter(Boolean).join(' ') || undefined;
  switch (item.kind) {
    case 'agree_scale': {
      const byKey = new Map(item.options.map((o) => [o.key, o]));
      return (
        <YouthChoices
          name={name}
          type="radio"
          legend={item.text}
          hint={hint}
          faces
          choices={FACE_ORDER.filter((k) => byKey.has(k)).map((k) => ({ value: k, label: byKey.get(k)?.label || t(`faces.${k}`), face: true }))}
          defaultValue={listOf(values[name])}
          error={error}
        />
      );
    }
    case 'single_choice':
    case 'yes_no':
    case 'multiple_choice': {
      const many = item.kind === 'multiple_choice';
      const pick = many && item.maxSelections ? t('pickUpTo', { count: item.maxSelections }) : '';
      return (
        <YouthChoices
          name={name}
          type={many ? 'checkbox' : 'radio'}
          legend={item.text}
          hint={[hint, pick].filter(Boolean).join(' ') || undefined}
          choices={item.options.map((o) => ({ value: o.key, label: o.label, picture: o.picture }))}
          defaultValue={listOf(values[name])}
          error={error}
        />
      );
    }
    case 'short_text':
    case 'long_text':
      return (
        <TextField
          name={name}
          label={item.text}
          hint={hint}
          defaultValue={textOf(values[name])}
          error={error}
          multiline={item.kind === 'long_text'}
          maxLength={item.maxLength ?? DEFAULT_MAX_LENGTH[item.kind]}
          pageHeading
          ns="youth"
        />
      );
  }
}
