import { YOUTH_KINDS } from '#db/schema';
import { canStandFor } from '~/consultations/versions/youth-compatibility';
import type { YouthItemRow, YouthQuestion } from './youth.server';

/** Spare blank answer rows, so an officer can add answers without JavaScript. */
const SPARE_ROWS = 2;

export function kindsFor(question: Pick<YouthQuestion, 'kind'>) {
  return YOUTH_KINDS.filter((k) => canStandFor(k, question.kind));
}

const spare = (question: Pick<YouthQuestion, 'kind'>) =>
  question.kind === 'single_choice' || question.kind === 'multiple_choice' || question.kind === 'ranking' ? Array.from({ length: SPARE_ROWS }, () => ({})) : [];

/** A new youth item starts as the main question in its own words, each answer mapped onto its own option. */
export function newItemValues(question: YouthQuestion) {
  const kinds = kindsFor(question);
  return {
    kind: (kinds as readonly string[]).includes(question.kind) ? question.kind : kinds[0],
    text: question.text,
    hint: '',
    options: [...question.options.map((o) => ({ label: o.label, optionId: String(o.id) })), ...spare(question)],
  };
}

export function itemValues(item: YouthItemRow, question: YouthQuestion) {
  return {
    kind: item.kind,
    text: item.text,
    hint: item.hint,
    required: item.required === 1 ? 'on' : undefined,
    options: [...item.options.map((o) => ({ id: String(o.id), label: o.label, picture: o.picture ?? '', optionId: String(o.option_id) })), ...spare(question)],
  };
}

/** The question as the form shows it. */
export const questionView = (q: YouthQuestion) => ({
  id: q.id,
  key: q.key,
  kind: q.kind,
  text: q.text,
  options: q.options.map((o) => ({ id: o.id, label: o.label })),
});
