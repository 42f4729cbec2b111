import type { NewAnswer } from '#db/schema';
import { questionField } from '~/responses/fields';
import { normaliseText } from '~/responses/text';
import type { YouthDef, YouthItemDef } from '../../consultations/versions/youth-definition';

type Values = Record<string, unknown>;
const asList = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
const asText = (v: unknown): string | undefined => (typeof v === 'string' && normaliseText(v) !== '' ? normaliseText(v) : undefined);

/** The youth form's field for an item; the same naming as the main form, keyed by the item. */
export const youthField = (item: Pick<YouthItemDef, 'key'>) => questionField(item.key);

/** The youth option keys chosen for an item (none, one or several), as routing and storing read them. */
export const youthChosen = (item: Pick<YouthItemDef, 'key'>, values: Values): string[] => asList(values[youthField(item)]);

/**
 * A young person's answer as rows of the main question it maps to, so it counts beside
 * everyone else's: each chosen youth option becomes its main option (two youth options that
 * map onto one main option count once), a single choice on a ranking question becomes that
 * question's first choice, and words stay words.
 */
export function youthAnswerRowsOf(item: YouthItemDef, values: Values): Omit<NewAnswer, 'response_id'>[] {
  const base = { question_id: item.questionId, option_id: null, rank: null, value_number: null, value_text: null };
  if (item.kind === 'short_text' || item.kind === 'long_text') {
    const text = asText(values[youthField(item)]);
    return text ? [{ ...base, value_text: text }] : [];
  }
  const optionIds = [
    ...new Set(
      youthChosen(item, values).map((key) => {
        const option = item.options.find((o) => o.key === key);
        // Validation lets through only the item's own keys, so a miss means broken content.
        if (!option) throw new Error(`Youth item ${item.key} has no option ${key}`);
        return option.optionId;
      }),
    ),
  ];
  if (item.questionKind === 'ranking') return optionIds.slice(0, 1).map((id) => ({ ...base, option_id: id, rank: 1 }));
  return optionIds.map((id) => ({ ...base, option_id: id }));
}

export function youthAnswerRows(def: YouthDef, values: Values): Omit<NewAnswer, 'response_id'>[] {
  return def.items.flatMap((item) => youthAnswerRowsOf(item, values));
}
