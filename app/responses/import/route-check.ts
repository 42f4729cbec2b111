import type { ConsultationDef } from '~/consultations/definition';
import { routablePages } from '~/consultations/definition';
import { holds, routeOf, type Chosen, type RoutablePage, type Route, type ShowIf } from '~/consultations/routing';
import type { FormValues } from '~/responses/answers';
import { questionField } from '~/responses/fields';

// A recorded response follows the same route the online form would have given it: its own
// earlier answers decide which questions it was asked (consultations/routing.ts). An answer to a
// question the route passed by is refused, naming the answer that decided it, since a paper form
// filled in past a "go to" usually means a misread box; the questions passed by are stored as
// "not asked", never as blanks.

/** The option keys chosen for a question, from the form's values. */
export function chosenIn(values: FormValues): Chosen {
  return (key) => {
    const v = values[questionField(key)];
    const list = Array.isArray(v) ? v : [v];
    return list.filter((x): x is string => typeof x === 'string' && x !== '');
  };
}

export function routeOfValues(def: Pick<ConsultationDef, 'sections'>, values: FormValues): Route {
  return routeOf(routablePages(def), chosenIn(values));
}

export interface RoutedPastAnswer {
  /** The question answered though the route passed it by. */
  question: string;
  /** The earlier question whose answer routed past it, and that answer (option keys, '' for none). */
  decider: string;
  answer: string;
}

/** Whether the form's values hold an answer to the question. */
const answered = (values: FormValues, key: string) => chosenIn(values)(key).length > 0 || typeof values[questionField(key)] === 'number';

/** The first question a rule names, and what was answered to it: the answer that failed the rule. */
function ruleDecider(rule: ShowIf, chosen: Chosen): Omit<RoutedPastAnswer, 'question'> | null {
  const first = rule.conditions[0];
  return first ? { decider: first.question, answer: chosen(first.question).join(', ') } : null;
}

/** Why the route passed a question by: a rule that did not hold, or an earlier answer that went past its page. */
function deciderOf(pages: readonly RoutablePage[], route: Route, chosen: Chosen, question: string): Omit<RoutedPastAnswer, 'question'> | null {
  const pageIndex = pages.findIndex((p) => p.questions.some((q) => q.key === question));
  const page = pages[pageIndex];
  if (!page) return null;
  if (page.showIf && !holds(page.showIf, chosen, route.asked)) return ruleDecider(page.showIf, chosen);
  const rule = page.questions.find((q) => q.key === question)?.showIf;
  if (rule && !holds(rule, chosen, route.asked)) return ruleDecider(rule, chosen);
  // Sent past it: the last question asked before its page whose answer routes elsewhere.
  for (let i = pageIndex - 1; i >= 0; i--) {
    for (const q of [...pages[i]!.questions].reverse()) {
      if (!route.asked.has(q.key)) continue;
      const routing = q.options.find((o) => o.goesTo && chosen(q.key).includes(o.key));
      if (routing) return { decider: q.key, answer: routing.key };
    }
  }
  return null;
}

/** The answers a response gives to questions its own route passed by. */
export function routedPastAnswers(def: Pick<ConsultationDef, 'sections'>, values: FormValues): RoutedPastAnswer[] {
  const pages = routablePages(def);
  const chosen = chosenIn(values);
  const route = routeOf(pages, chosen);
  return route.notAsked
    .filter((key) => answered(values, key))
    .map((question) => ({ question, ...(deciderOf(pages, route, chosen, question) ?? { decider: '', answer: '' }) }));
}

/** The ids of the questions the response's route passed by, to store as "not asked". */
export function notAskedIds(def: Pick<ConsultationDef, 'sections'>, values: FormValues): number[] {
  const passed = new Set(routeOfValues(def, values).notAsked);
  return def.sections.flatMap((s) => s.questions.filter((q) => passed.has(q.key)).map((q) => q.id));
}
