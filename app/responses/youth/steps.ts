import { routeOf, type Route } from '~/consultations/routing';
import { isBelowCreditAge } from './ages';
import { DEFAULT_SAFEGUARDING_AGES, type SafeguardingAges } from '../safeguarding';
import { youthRoutablePages, type YouthDef, type YouthItemDef } from '../../consultations/versions/youth-definition';
import { youthChosen, youthField } from './answers';

// A young person's pages: their age first, then one question a page along their own route, then
// (13 and over only) a last page about where they live and sharing their words (not below the
// credit age). An answer that ends the form shows its exit page instead. Check and send follow.

export type YouthStep =
  | { id: 'age'; kind: 'age' }
  | { id: string; kind: 'item'; item: YouthItemDef }
  | { id: 'exit'; kind: 'exit'; item: YouthItemDef }
  | { id: 'more'; kind: 'more' };

type Values = Record<string, unknown>;
const ageOf = (values: Values) => (typeof values.age_band === 'string' && values.age_band !== '' ? values.age_band : null);

/** The route a young person's answers so far give; an item's step id is its place in the whole form. */
export function youthRoute(def: Pick<YouthDef, 'items'>, values: Values): Route {
  const byKey = new Map(def.items.map((item) => [item.key, item]));
  return routeOf(youthRoutablePages(def), (key) => {
    const item = byKey.get(key);
    return item ? youthChosen(item, values) : [];
  });
}

export const youthItemStepId = (def: Pick<YouthDef, 'items'>, item: Pick<YouthItemDef, 'key'>) => String(def.items.findIndex((i) => i.key === item.key) + 1);

export function youthSteps(def: Pick<YouthDef, 'items'>, values: Values, ages: SafeguardingAges = DEFAULT_SAFEGUARDING_AGES): YouthStep[] {
  const route = youthRoute(def, values);
  const steps: YouthStep[] = [{ id: 'age', kind: 'age' }];
  def.items.forEach((item, i) => {
    if (route.asked.has(item.key)) steps.push({ id: String(i + 1), kind: 'item', item });
  });
  const exitItem = route.exit === null ? undefined : def.items.find((item) => item.key === route.exit);
  if (exitItem) steps.push({ id: 'exit', kind: 'exit', item: exitItem });
  else if (ageOf(values) && !isBelowCreditAge(ageOf(values), ages)) steps.push({ id: 'more', kind: 'more' });
  return steps;
}

export interface YouthStepPosition {
  step: YouthStep;
  /** "Question 3 of 8": the age and the questions on this person's route count; the pages after them are not questions. */
  number: number;
  total: number;
  previous: YouthStep | null;
  next: YouthStep | null;
}

/** Where a step sits on the route the answers so far give; null for a step not on it. */
export function findYouthStep(
  def: Pick<YouthDef, 'items'>,
  id: string,
  values: Values,
  ages: SafeguardingAges = DEFAULT_SAFEGUARDING_AGES,
): YouthStepPosition | null {
  const steps = youthSteps(def, values, ages);
  const index = steps.findIndex((s) => s.id === id);
  if (index === -1) return null;
  const questions = steps.filter((s) => s.kind === 'age' || s.kind === 'item').length;
  return {
    step: steps[index]!,
    number: Math.min(index + 1, questions),
    total: questions,
    previous: steps[index - 1] ?? null,
    next: steps[index + 1] ?? null,
  };
}

/**
 * Where to send someone who asked for a step their route does not take: the first step of their
 * route after that place in the form, or null (the check page) when there is none.
 */
export function youthStepInstead(
  def: Pick<YouthDef, 'items'>,
  id: string,
  values: Values,
  ages: SafeguardingAges = DEFAULT_SAFEGUARDING_AGES,
): YouthStep | null {
  const place = Number(id);
  if (!Number.isInteger(place) || place < 1 || place > def.items.length) return null;
  return youthSteps(def, values, ages).find((s) => (s.kind === 'item' && Number(s.id) > place) || s.kind === 'exit' || s.kind === 'more') ?? null;
}

/** The items answered so far that a change of answers would take off the route (their answers are forgotten). */
export function youthItemsDropped(def: Pick<YouthDef, 'items'>, before: Values, after: Values): YouthItemDef[] {
  const was = youthRoute(def, before).asked;
  const now = youthRoute(def, after).asked;
  return def.items.filter((item) => was.has(item.key) && !now.has(item.key) && youthChosen(item, after).length > 0);
}

/** The items a change of answers puts on the route that were not on it before. */
export function youthItemsAdded(def: Pick<YouthDef, 'items'>, before: Values, after: Values): YouthItemDef[] {
  const was = youthRoute(def, before).asked;
  const now = youthRoute(def, after).asked;
  return def.items.filter((item) => now.has(item.key) && !was.has(item.key));
}

/** Whether an item's answer decides which questions come next (the check page says so beside it). */
export function youthItemDecides(def: Pick<YouthDef, 'items'>, item: YouthItemDef): boolean {
  return item.options.some((o) => o.goesTo) || def.items.some((other) => other.showIf?.conditions.some((c) => c.question === item.key));
}

/** The answers without those to questions the route passes by: what the check page shows and sends. */
export function youthValuesOnRoute(def: Pick<YouthDef, 'items'>, values: Values): Values {
  const { asked } = youthRoute(def, values);
  const off = new Set(def.items.filter((item) => !asked.has(item.key)).map(youthField));
  return Object.fromEntries(Object.entries(values).filter(([field]) => !off.has(field)));
}

/** A posted form as values (a field posted more than once is a list), to decide the route before checking it. */
export function postedValues(formData: FormData): Values {
  return Object.fromEntries(
    [...new Set(formData.keys())].map((k) => {
      const all = formData.getAll(k).filter((v): v is string => typeof v === 'string');
      return [k, all.length === 1 ? all[0] : all];
    }),
  );
}
