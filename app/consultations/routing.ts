import { z } from 'zod';

// Routing (issue 17): which pages and questions a person is asked, decided from their own
// earlier answers, the same on the server, in the preview and in the builder's checks.
//
// A survey is a list of pages (a section of the main form; one item of the young people's form),
// each with questions. Two kinds of rule:
// - `showIf` on a page or a question: asked only when earlier answers match. A condition names
//   a question and one or more of its options, and holds when the answer includes any of them;
//   a rule joins its conditions with "all" (and) or "any" (or). Only questions on earlier pages
//   can be named: a page is decided before it is shown, so routing works without JavaScript.
// - `goesTo` on an option of a single-answer question: choosing it sends the person, after this
//   page, straight to a later page (its key) or to the end (EXIT, the question's exit page).
// Every question on a page that is shown is asked, answered or not; everything the route passes
// by is "not asked", which summaries count apart from "no answer".

export const EXIT = 'exit';

export interface Condition {
  question: string;
  options: string[];
}

export interface ShowIf {
  match: 'all' | 'any';
  conditions: Condition[];
}

export const showIfSchema = z.object({
  match: z.enum(['all', 'any']),
  conditions: z.array(z.object({ question: z.string().min(1), options: z.array(z.string().min(1)).min(1) })).min(1),
});

/** A stored rule (JSON text), or null for "always". Broken JSON is content damage: it throws. */
export function parseShowIf(json: string | null | undefined): ShowIf | null {
  if (json == null || json === '') return null;
  return showIfSchema.parse(JSON.parse(json));
}

export function serialiseShowIf(rule: ShowIf | null): string | null {
  return rule && rule.conditions.length > 0 ? JSON.stringify(rule) : null;
}

export interface RoutableOption {
  key: string;
  goesTo?: string | null;
}

export interface RoutableQuestion {
  key: string;
  /** True for kinds answered with one option (single choice, yes/no, scale): only these may route. */
  single: boolean;
  required?: boolean;
  showIf?: ShowIf | null;
  options: readonly RoutableOption[];
}

export interface RoutablePage {
  key: string;
  showIf?: ShowIf | null;
  questions: readonly RoutableQuestion[];
}

/** The option keys a person chose for a question (empty when unanswered). */
export type Chosen = (questionKey: string) => readonly string[];

export interface Route {
  /** The pages this person is shown, in order, each with the questions asked on it. */
  pages: { key: string; questions: string[] }[];
  asked: ReadonlySet<string>;
  /** Every question the route passes by, in survey order. */
  notAsked: string[];
  /** The question whose answer ended the survey at its exit page, if one did. */
  exit: string | null;
}

/** Whether a rule holds, given only answers to questions that were asked. */
export function holds(rule: ShowIf | null | undefined, chosen: Chosen, asked: ReadonlySet<string>): boolean {
  if (!rule || rule.conditions.length === 0) return true;
  const met = (c: Condition) => asked.has(c.question) && chosen(c.question).some((o) => c.options.includes(o));
  return rule.match === 'all' ? rule.conditions.every(met) : rule.conditions.some(met);
}

/**
 * The route a person's answers give. Answers to questions the route passes by are ignored (they
 * are dropped when stored), so a stale answer cannot open a page.
 */
export function routeOf(pages: readonly RoutablePage[], chosen: Chosen): Route {
  const asked = new Set<string>();
  const shown: Route['pages'] = [];
  const notAsked: string[] = [];
  let jumpTo: string | null = null;
  let exit: string | null = null;
  for (const page of pages) {
    // A jump ends at its target page, shown or not: a target whose own rule fails is passed by
    // like any other page, and the pages after it are judged as usual.
    if (jumpTo !== null && page.key === jumpTo) jumpTo = null;
    if (exit !== null || jumpTo !== null || !holds(page.showIf, chosen, asked)) {
      for (const q of page.questions) notAsked.push(q.key);
      continue;
    }
    // Conditions name earlier pages only, so the questions of this page are decided together.
    const before = new Set(asked);
    const here = page.questions.filter((q) => {
      if (holds(q.showIf, chosen, before)) return true;
      notAsked.push(q.key);
      return false;
    });
    if (here.length === 0 && page.questions.length > 0) continue;
    for (const q of here) asked.add(q.key);
    shown.push({ key: page.key, questions: here.map((q) => q.key) });
    for (const q of here) {
      if (!q.single) continue;
      const goesTo = q.options.find((o) => o.goesTo && chosen(q.key).includes(o.key))?.goesTo;
      if (!goesTo) continue;
      if (goesTo === EXIT) exit = q.key;
      else jumpTo = goesTo;
      break;
    }
  }
  // A question on a page that was skipped but appears again cannot happen: keys are unique.
  return { pages: shown, asked, notAsked: notAsked.filter((k) => !asked.has(k)), exit };
}

export type RoutingProblem =
  | { kind: 'unknown-question'; target: string; question: string }
  | { kind: 'unknown-option'; target: string; question: string; option: string }
  | { kind: 'not-earlier'; target: string; question: string }
  | { kind: 'routes-from-multiple'; target: string; question: string }
  | { kind: 'goes-to-unknown'; target: string; option: string; goesTo: string }
  | { kind: 'goes-to-not-later'; target: string; option: string; goesTo: string }
  | { kind: 'never-met'; target: string };

/**
 * What is wrong with a survey's routing, for the builder to refuse and explain. `target` is the
 * key of the page or question whose rule (or option) is at fault. Loops cannot be built: rules
 * name only earlier pages and routes go only forward, and both are checked here. A rule that no
 * answers can ever meet (two options of one single-answer question joined by "all"; an option
 * that routes past the question it would show) is found by walking every route.
 */
export function checkRouting(pages: readonly RoutablePage[]): RoutingProblem[] {
  const problems: RoutingProblem[] = [];
  const pageOf = new Map<string, number>();
  const questionOf = new Map<string, RoutableQuestion>();
  pages.forEach((p, i) => p.questions.forEach((q) => (pageOf.set(q.key, i), questionOf.set(q.key, q))));
  const pageIndex = new Map(pages.map((p, i) => [p.key, i]));

  const checkRule = (target: string, rule: ShowIf | null | undefined, at: number) => {
    for (const c of rule?.conditions ?? []) {
      const q = questionOf.get(c.question);
      if (!q) problems.push({ kind: 'unknown-question', target, question: c.question });
      else if ((pageOf.get(c.question) ?? Infinity) >= at) problems.push({ kind: 'not-earlier', target, question: c.question });
      else
        for (const o of c.options) if (!q.options.some((x) => x.key === o)) problems.push({ kind: 'unknown-option', target, question: c.question, option: o });
    }
  };
  pages.forEach((page, i) => {
    checkRule(page.key, page.showIf, i);
    for (const q of page.questions) {
      checkRule(q.key, q.showIf, i);
      for (const o of q.options) {
        if (!o.goesTo) continue;
        if (!q.single) problems.push({ kind: 'routes-from-multiple', target: q.key, question: q.key });
        else if (o.goesTo === EXIT) continue;
        else if (!pageIndex.has(o.goesTo)) problems.push({ kind: 'goes-to-unknown', target: q.key, option: o.key, goesTo: o.goesTo });
        else if (pageIndex.get(o.goesTo)! <= i) problems.push({ kind: 'goes-to-not-later', target: q.key, option: o.key, goesTo: o.goesTo });
      }
    }
  });
  if (problems.length > 0) return problems;

  const reached = new Set<string>();
  const walk = walkRoutes(pages, (route) => {
    for (const p of route.pages) {
      reached.add(p.key);
      for (const q of p.questions) reached.add(q);
    }
  });
  // A survey too tangled to walk whole is not judged unreachable on a partial walk.
  if (!walk.complete) return problems;
  for (const page of pages) {
    if (page.showIf && !reached.has(page.key)) problems.push({ kind: 'never-met', target: page.key });
    for (const q of page.questions)
      if (q.showIf && !reached.has(q.key) && (!page.showIf || reached.has(page.key))) problems.push({ kind: 'never-met', target: q.key });
  }
  return problems;
}

/** The most named options of one multiple-choice question whose every combination a walk tries (2^10 = 1,024). */
const MAX_COMBINED = 10;

/** Every subset of `keys`, in a stable order (the empty one first). */
function combinations(keys: readonly string[]): string[][] {
  return keys.reduce<string[][]>((subsets, key) => [...subsets, ...subsets.map((s) => [...s, key])], [[]]);
}

export interface WalkedRoute extends Route {
  /** Answers that take this route: option keys per deciding question (absent: left unanswered). */
  answers: Record<string, string[]>;
}

/** How many answer combinations a walk tries before it stops (a survey with many routing rules). */
export const WALK_LIMIT = 20_000;

/**
 * Every distinct route through a survey, each with answers that take it: the preview offers each,
 * the builder's checks use them and the property test compares them with routeOf. Only the
 * questions that decide something (named by a rule, or with an option that routes) are varied,
 * each over its options one at a time and, when it is not required, unanswered; a multiple-choice
 * question named by rules is also tried with every combination of its named options.
 */
export function walkRoutes(pages: readonly RoutablePage[], visit?: (route: WalkedRoute) => void): { routes: WalkedRoute[]; complete: boolean } {
  const named = new Map<string, Set<string>>();
  for (const p of pages)
    for (const rule of [p.showIf, ...p.questions.map((q) => q.showIf)])
      for (const c of rule?.conditions ?? []) named.set(c.question, new Set([...(named.get(c.question) ?? []), ...c.options]));
  const deciding = pages.flatMap((p) => p.questions).filter((q) => named.has(q.key) || q.options.some((o) => o.goesTo));
  const choicesOf = (q: RoutableQuestion): string[][] => {
    const relevant = q.options.filter((o) => o.goesTo || named.get(q.key)?.has(o.key)).map((o) => [o.key]);
    // One option that neither routes nor is named stands for all the others.
    const other = q.options.find((o) => !o.goesTo && !named.get(q.key)?.has(o.key));
    const choices = [...relevant, ...(other ? [[other.key]] : [])];
    // Several of a multiple-choice question's named options can each open something of their
    // own, so every combination of them is a different route: try them all (the walk limit
    // still stops a question with very many).
    const many = [...(named.get(q.key) ?? [])];
    if (!q.single && many.length <= MAX_COMBINED) choices.push(...combinations(many).filter((c) => c.length > 1));
    else if (!q.single) {
      choices.push(many);
      complete = false;
    }
    if (!q.required) choices.push([]);
    return choices;
  };

  const routes = new Map<string, WalkedRoute>();
  let tried = 0;
  let complete = true;
  const answers: Record<string, string[]> = {};
  const chosen: Chosen = (k) => answers[k] ?? [];
  const explore = (i: number): void => {
    if (tried >= WALK_LIMIT) return void (complete = false);
    if (i === deciding.length) {
      tried++;
      const route = routeOf(pages, chosen);
      const signature = JSON.stringify([route.pages, route.exit]);
      if (!routes.has(signature)) {
        const walked: WalkedRoute = { ...route, answers: Object.fromEntries(Object.entries(answers).filter(([k, v]) => route.asked.has(k) && v.length > 0)) };
        routes.set(signature, walked);
        visit?.(walked);
      }
      return;
    }
    const q = deciding[i]!;
    // A question this route does not ask is left unanswered: no need to try its options.
    const sofar = routeOf(pages, chosen);
    const askedSoFar = sofar.asked.has(q.key);
    if (!askedSoFar) {
      delete answers[q.key];
      return explore(i + 1);
    }
    for (const choice of choicesOf(q)) {
      answers[q.key] = choice;
      explore(i + 1);
    }
    delete answers[q.key];
  };
  explore(0);
  return { routes: [...routes.values()], complete };
}
