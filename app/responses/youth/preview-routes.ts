import { walkRoutes } from '~/consultations/routing';
import { youthRoutablePages, type YouthDef } from '../../consultations/versions/youth-definition';
import { youthField } from './answers';

export interface YouthRouteView {
  /** The answers that take this route, in words: each deciding question with the answers chosen (none: left unanswered). */
  answers: { question: string; options: string[] }[];
  /** How many questions this route asks, and whether it ends at an exit page. */
  questions: number;
  exits: boolean;
  /** The same answers by form field, for the preview's address. */
  fields: Record<string, string[]>;
}

/** Every route through the young people's form, for the preview to offer one by one. */
export function youthRouteViews(youth: Pick<YouthDef, 'items'>): YouthRouteView[] {
  const byKey = new Map(youth.items.map((item) => [item.key, item]));
  return walkRoutes(youthRoutablePages(youth)).routes.map((route) => {
    const decided = Object.entries(route.answers).flatMap(([key, options]) => {
      const item = byKey.get(key);
      return item ? [{ item, options }] : [];
    });
    return {
      answers: decided.map(({ item, options }) => ({
        question: item.text,
        options: options.map((key) => item.options.find((o) => o.key === key)?.label || key),
      })),
      questions: route.asked.size,
      exits: route.exit !== null,
      fields: Object.fromEntries(decided.map(({ item, options }) => [youthField(item), options])),
    };
  });
}
