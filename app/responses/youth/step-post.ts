import { youthCheckPath, youthPath } from '~/consultations/versions/youth-paths';
import type { YouthDef, YouthItemDef } from '../../consultations/versions/youth-definition';
import type { SafeguardingAges } from '../safeguarding';
import { youthField } from './answers';
import { youthStepFields } from './step-schema';
import { findYouthStep, youthItemsAdded, youthItemsDropped, youthItemStepId, type YouthStep, type YouthStepPosition } from './steps';

// What posting one page of the young people's form does, decided from the answers alone (no
// database): the young person's own form (consultations.$slug.young.$step) and its preview both
// follow it, the youth counterpart of planStepPost (survey.server.ts).

type Values = Record<string, unknown>;
const ageOf = (values: Values) => (typeof values.age_band === 'string' ? values.age_band : null);

export interface YouthStepPost {
  def: Pick<YouthDef, 'items'>;
  /** The page posted, where it sits on the route the answers before this post give. */
  position: YouthStepPosition;
  /** The answers before this post (a draft's, or those the preview's address carries). */
  before: Values;
  /** What the page posted: cleaned when it passed its checks, as typed when it did not (valuesToKeep). */
  posted: Values;
  /** The page passed its checks. */
  valid: boolean;
  goingBack: boolean;
  /** The young person has seen which answers this change forgets, and went on. */
  confirmed: boolean;
  /** The page was changed from the check page. */
  returnToCheck: boolean;
  ages: SafeguardingAges;
}

export type YouthStepPlan =
  /** Back a page, keeping what was typed on this one, checked or not: it is checked on the way forward. */
  | { kind: 'back'; fields: string[]; to: YouthStep | null }
  /** The page failed its checks: show it again with what was typed, and why. Nothing is saved. */
  | { kind: 'invalid' }
  /** The change takes these answered questions off the route: name them first, save nothing. */
  | { kind: 'confirm'; dropped: YouthItemDef[] }
  /**
   * Save these fields (the page's, and those of answers no longer asked), then go on: to `to`
   * (asked from the check page, it returns there after), or to the check page when null. `values`
   * are the answers as they now decide the route (those it passes by stay; the route ignores them).
   */
  | { kind: 'next'; fields: string[]; values: Values; to: YouthStep | null; returnToCheck: boolean };

export function planYouthStepPost(p: YouthStepPost): YouthStepPlan {
  const { def, position } = p;
  if (!p.goingBack && !p.valid) return { kind: 'invalid' };
  // The age on the first page decides what its own page replaces: below the credit age, the older children's page too.
  const age = position.step.kind === 'age' ? ageOf(p.posted) : ageOf(p.before);
  const stepFields = youthStepFields(position.step, age, p.ages);
  if (p.goingBack) return { kind: 'back', fields: stepFields, to: position.previous };
  const values = { ...p.before, ...Object.fromEntries(stepFields.map((f) => [f, p.posted[f]])) };
  // A changed answer that takes questions off the route forgets their answers, but only once the young person has been told which.
  const dropped = youthItemsDropped(def, p.before, values);
  if (dropped.length > 0 && !p.confirmed) return { kind: 'confirm', dropped };
  const fields = [...stepFields, ...dropped.map(youthField)];
  if (p.returnToCheck) {
    // A change that puts a new question on the route asks it before going back to the check page.
    const added = youthItemsAdded(def, p.before, values)[0];
    const to: YouthStep | null = added ? { id: youthItemStepId(def, added), kind: 'item', item: added } : null;
    return { kind: 'next', fields, values, to, returnToCheck: to !== null };
  }
  // The pages that follow depend on the answer just given: its route, and the age (no "more about you" page below the credit age).
  const next = findYouthStep(def, position.step.id, values, p.ages)?.next ?? null;
  return { kind: 'next', fields, values, to: next, returnToCheck: false };
}

/** Where a young person's plan sends them: back to the start, a page of their route, or the check page. */
export function youthPlanPath(slug: string, plan: Extract<YouthStepPlan, { kind: 'back' | 'next' }>): string {
  if (plan.kind === 'back') return youthPath(slug, plan.to?.id);
  if (!plan.to) return youthCheckPath(slug);
  return `${youthPath(slug, plan.to.id)}${plan.returnToCheck ? '?return=check' : ''}`;
}
