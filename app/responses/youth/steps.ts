import { isUnder13 } from './ages';
import type { YouthDef, YouthItemDef } from '../../consultations/versions/youth-definition';

// A young person's pages: their age first, then one question a page, then (13 and over only)
// a last page about where they live and sharing their words. Check and send follow.

export type YouthStep = { id: 'age'; kind: 'age' } | { id: string; kind: 'item'; item: YouthItemDef } | { id: 'more'; kind: 'more' };

export function youthSteps(def: Pick<YouthDef, 'items'>, ageBand: string | null): YouthStep[] {
  const steps: YouthStep[] = [{ id: 'age', kind: 'age' }, ...def.items.map((item, i) => ({ id: String(i + 1), kind: 'item' as const, item }))];
  if (ageBand && !isUnder13(ageBand)) steps.push({ id: 'more', kind: 'more' });
  return steps;
}

export interface YouthStepPosition {
  step: YouthStep;
  /** "Question 3 of 13": the age and the questions count; the last page about you is not a question. */
  number: number;
  total: number;
  previous: YouthStep | null;
  next: YouthStep | null;
}

/** Where a step sits, for the age given so far; the "more" page does not exist for under-13s. */
export function findYouthStep(def: Pick<YouthDef, 'items'>, id: string, ageBand: string | null): YouthStepPosition | null {
  const steps = youthSteps(def, ageBand);
  const index = steps.findIndex((s) => s.id === id);
  if (index === -1) return null;
  const questions = steps.filter((s) => s.kind !== 'more').length;
  return {
    step: steps[index]!,
    number: Math.min(index + 1, questions),
    total: questions,
    previous: steps[index - 1] ?? null,
    next: steps[index + 1] ?? null,
  };
}
