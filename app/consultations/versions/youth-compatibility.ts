import type { QuestionKind, YouthKind } from '#db/schema';

/**
 * Which youth question kinds can stand for which main question kinds, so a young person's
 * answer means the same thing as an adult's: a choice for a choice, words for words, and one
 * pick ("which matters most?") for a ranking, counted as its first choice.
 */
const COMPATIBLE: Record<YouthKind, readonly QuestionKind[]> = {
  single_choice: ['single_choice', 'multiple_choice', 'ranking'],
  multiple_choice: ['multiple_choice'],
  yes_no: ['yes_no'],
  agree_scale: ['agree_scale'],
  short_text: ['short_text', 'long_text'],
  long_text: ['long_text', 'short_text'],
};

export function canStandFor(youthKind: YouthKind, questionKind: QuestionKind): boolean {
  return COMPATIBLE[youthKind].includes(questionKind);
}
