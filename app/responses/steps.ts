import type { ConsultationDef, QuestionDef, SectionDef } from '~/consultations/definition';
import { routablePages } from '~/consultations/definition';
import { routeOf, type Chosen, type Route } from '~/consultations/routing';
import { questionField } from './fields';
import type { MayAsk } from './safeguarding';

// The pages of a survey: the sections on this person's own route (routing.ts, decided from the
// answers they have given so far), then "About you" (when the consultation asks it), then "More
// about you" (gender identity and sexual orientation, only for someone whose age shows they are
// old enough: safeguarding.ts), then "Using your words" (consent to be quoted; how to be credited
// only when they may be). Check-your-answers follows the last step. An answer that ends the survey
// (an option going to 'exit') puts the exit page straight after its section, and nothing follows.
//
// A section's step id is its place among all the sections ("3" is the third section whoever
// answers), so links and answers stay put when a route changes; only the count follows the route.

export type Step =
  | { id: string; kind: 'section'; section: SectionDef }
  | { id: 'exit'; kind: 'exit'; question: Pick<QuestionDef, 'key' | 'text'>; exitText: string; from: string }
  | { id: 'about-you'; kind: 'about-you' }
  | { id: 'about-you-more'; kind: 'about-you-more' }
  | { id: 'your-words'; kind: 'your-words'; credit: boolean };

/** Answers as forms post them and drafts keep them; the same shape as answers.ts FormValues. */
type Values = Record<string, unknown>;

type Sections = Pick<ConsultationDef, 'sections'>;

const asKeys = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');

/** The option keys chosen for each question, read from form values. */
export function chosenFrom(values: Values): Chosen {
  return (key) => asKeys(values[questionField(key)]);
}

// Routable pages are rebuilt only when the definition is (definitions are cached objects).
const pagesOf = new WeakMap<SectionDef[], ReturnType<typeof routablePages>>();

/** This person's route through the sections, from the answers they have given so far. */
export function surveyRoute(def: Sections, values: Values): Route {
  let pages = pagesOf.get(def.sections);
  if (!pages) pagesOf.set(def.sections, (pages = routablePages(def)));
  return routeOf(pages, chosenFrom(values));
}

/** The sections on a route, each with only the questions asked on it, and their step ids. */
export function routedSections(def: Sections, route: Route): { id: string; section: SectionDef }[] {
  const shown = new Map(route.pages.map((p) => [p.key, new Set(p.questions)]));
  return def.sections.flatMap((section, i) => {
    const asked = shown.get(section.key);
    if (!asked) return [];
    const questions = section.questions.filter((q) => asked.has(q.key));
    return [{ id: String(i + 1), section: questions.length === section.questions.length ? section : { ...section, questions } }];
  });
}

export function stepsOf(def: Pick<ConsultationDef, 'sections' | 'askAboutYou'>, may: MayAsk, values: Values = {}): Step[] {
  const route = surveyRoute(def, values);
  const steps: Step[] = routedSections(def, route).map(({ id, section }) => ({ id, kind: 'section', section }));
  if (route.exit) {
    const question = def.sections.flatMap((s) => s.questions).find((q) => q.key === route.exit);
    const from = stepOfQuestion(def, route.exit) ?? '1';
    if (question) steps.push({ id: 'exit', kind: 'exit', question: { key: question.key, text: question.text }, exitText: question.exitText ?? '', from });
    return steps;
  }
  if (def.askAboutYou) steps.push({ id: 'about-you', kind: 'about-you' });
  if (def.askAboutYou && may.sensitive) steps.push({ id: 'about-you-more', kind: 'about-you-more' });
  steps.push({ id: 'your-words', kind: 'your-words', credit: may.credit });
  return steps;
}

export interface StepPosition {
  step: Step;
  number: number;
  total: number;
  previous: Step | null;
  next: Step | null;
}

/** Where a step sits on this person's route; null when it is not one of their pages. */
export function findStep(def: Pick<ConsultationDef, 'sections' | 'askAboutYou'>, id: string, may: MayAsk, values: Values = {}): StepPosition | null {
  const steps = stepsOf(def, may, values);
  const index = steps.findIndex((s) => s.id === id);
  if (index === -1) return null;
  // The exit page is where the survey ends, not a numbered section of it.
  const counted = steps.filter((s) => s.kind !== 'exit');
  return {
    step: steps[index]!,
    number: Math.min(index + 1, counted.length),
    total: counted.length,
    previous: steps[index - 1] ?? null,
    next: steps[index + 1] ?? null,
  };
}

/**
 * Where to send someone who asked for a page that is not on their route (an old link, a page a
 * changed answer took away): the exit page when their answers end the survey, else the last of
 * their pages before it. Null for a page no route of theirs has (a child's "More about you", an
 * unknown id): that is not found, as before routing.
 */
export function nearestStep(def: Pick<ConsultationDef, 'sections' | 'askAboutYou'>, id: string, may: MayAsk, values: Values): Step | null {
  const steps = stepsOf(def, may, values);
  const exit = steps.find((s) => s.kind === 'exit');
  const isSection = /^[1-9]\d*$/.test(id) && Number(id) <= def.sections.length;
  const fixed = ['about-you', 'about-you-more', 'your-words'];
  if (exit && (isSection || fixed.includes(id))) return exit;
  if (!isSection && id !== 'exit') return null;
  const order = (s: string) => (/^\d+$/.test(s) ? Number(s) : def.sections.length + 1 + fixed.indexOf(s));
  const before = steps.filter((s) => order(s.id) < order(id));
  return before[before.length - 1] ?? steps[0] ?? null;
}

/** The step a question is asked on, for "Change" links and error summaries on the check page. */
export function stepOfQuestion(def: Sections, questionKey: string): string | null {
  const index = def.sections.findIndex((s) => s.questions.some((q) => q.key === questionKey));
  return index === -1 ? null : String(index + 1);
}

/** Questions answered in `values` that the route they give no longer asks: changing an answer drops these. */
export function answersDropped(def: Sections, values: Values): QuestionDef[] {
  const route = surveyRoute(def, values);
  return def.sections.flatMap((s) => s.questions).filter((q) => !route.asked.has(q.key) && asKeys(values[questionField(q.key)]).length > 0);
}

/**
 * The sections (step ids) a route asks a question in that an earlier route did not: after a
 * changed answer, the person is taken through these before going back to check their answers.
 */
export function newlyAskedSteps(def: Sections, before: Route, after: Route): string[] {
  return after.pages.filter((p) => p.questions.some((q) => !before.asked.has(q))).map((p) => String(def.sections.findIndex((s) => s.key === p.key) + 1));
}

/**
 * Where a change made from the check page goes next: the first section still to be seen (new
 * now, or left over from the same change) after this one, else back to the check page (null).
 */
export function nextNewlyAsked(def: Sections, after: Route, currentId: string, pending: readonly string[]): { id: string; rest: string[] } | null {
  const onRoute = new Set(routedSections(def, after).map((r) => r.id));
  const ahead = [...new Set(pending)].filter((id) => onRoute.has(id) && Number(id) > Number(currentId)).sort((x, y) => Number(x) - Number(y));
  return ahead.length > 0 ? { id: ahead[0]!, rest: ahead.slice(1) } : null;
}

type Translate = (key: string) => string;

/** A page's heading (and title): the section's own, or the survey's words for the others. */
export function stepHeading(step: Step, tSurvey: Translate, tAbout: Translate): string {
  switch (step.kind) {
    case 'section':
      return step.section.title;
    case 'exit':
      return tSurvey('exit.title');
    case 'about-you':
      return tAbout('title');
    case 'about-you-more':
      return tAbout('more.title');
    case 'your-words':
      return tSurvey('words.title');
  }
}
