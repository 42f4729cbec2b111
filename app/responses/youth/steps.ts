import { isBelowCreditAge } from './ages';
import { DEFAULT_SAFEGUARDING_AGES, type SafeguardingAges } from '../safeguarding';
import type { YouthDef, YouthItemDef } from '../../consultations/versions/youth-definition';

// A young person's pages: their age first, then one question a page, then (13 and over only)
// a last page about where they live and sharing their words (not below the credit age). Check and send follow.

export type YouthStep = { id: 'age'; kind: 'age' } | { id: string; kind: 'item'; item: YouthItemDef } | { id: 'more'; kind: 'more' };

export function youthSteps(def: Pick<YouthDef, 'items'>, ageBand: string | null, ages: SafeguardingAges = DEFAULT_SAFEGUARDING_AGES): YouthStep[] {
  const steps: YouthStep[] = [{ id: 'age', kind: 'age' }, ...def.items.map((item, i) => ({ id: String(i + 1), kind: 'item' as const, item }))];
  if (ageBand && !isBelowCreditAge(ageBand, ages)) steps.push({ id: 'more', kind: 'more' });
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

/** Where a step sits, for the age given so far; the "more" page does not exist below the credit age. */
export function findYouthStep(
  def: Pick<YouthDef, 'items'>,
  id: string,
  ageBand: string | null,
  ages: SafeguardingAges = DEFAULT_SAFEGUARDING_AGES,
): YouthStepPosition | null {
  const steps = youthSteps(def, ageBand, ages);
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
