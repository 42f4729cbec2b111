import type { GridDef, QuestionDef } from '~/consultations/definition';

// A grid's statements are ordinary questions sharing a grid, one after another in their section.
// Pages that show a grid once (the survey page, check your answers, results) walk a section's
// questions as these groups; everything else keeps treating each statement as a question.

export type QuestionGroup<Q> = { kind: 'question'; question: Q } | { kind: 'grid'; grid: GridDef; questions: Q[] };

/** Consecutive questions of the same grid as one group; every other question on its own. */
export function groupByGrid<Q extends Pick<QuestionDef, 'grid'>>(questions: readonly Q[]): QuestionGroup<Q>[] {
  const groups: QuestionGroup<Q>[] = [];
  for (const question of questions) {
    const last = groups.at(-1);
    if (question.grid && last?.kind === 'grid' && last.grid.id === question.grid.id) last.questions.push(question);
    else if (question.grid) groups.push({ kind: 'grid', grid: question.grid, questions: [question] });
    else groups.push({ kind: 'question', question });
  }
  return groups;
}
