import type { Db, Trx } from '#db/connection';
import type { QuestionKind } from '#db/schema';
import { CHOICE_KINDS } from '~/consultations/question-kinds';
import { EXIT, checkRouting, parseShowIf, type RoutablePage, type RoutingProblem } from '~/consultations/routing';
import type { Refusal } from '~/consultations/change.server';

// Routing as the builder keeps it whole. Every change that could break a rule (a rule itself, a
// route, moving, hiding or deleting what a rule names, a question's new kind) runs its SQL, then
// checks the consultation's routing again in the same transaction: a problem the change brought
// rolls it back and comes back as a refusal that says which rule and why.

/** Kinds a rule can name: the ones answered by choosing options. */
export const RULE_KINDS: readonly QuestionKind[] = ['single_choice', 'multiple_choice', 'yes_no', 'agree_scale'];

export interface RoutingNames {
  questions: Map<string, { text: string; options: Map<string, string> }>;
  sections: Map<string, string>;
}

/**
 * A consultation's sections, questions and options as routing reads them, each list in form order
 * (questions by section, then position). The builder's checks (routablePagesOf) and its rules in
 * the officer's words (rule-view.server.ts) both start from it. Hidden questions and options are
 * in it: a refusal can still say what a rule named, and a rule naming one is shown by its words.
 */
export async function loadRoutingForm(db: Db, consultationId: number) {
  const sections = await db
    .selectFrom('sections')
    .select(['id', 'key', 'title', 'show_if', 'audience'])
    .where('consultation_id', '=', consultationId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const questions = await db
    .selectFrom('questions as q')
    .innerJoin('sections as s', 's.id', 'q.section_id')
    .select(['q.id', 'q.key', 'q.kind', 'q.text', 'q.section_id', 'q.required', 'q.show_if', 'q.hidden'])
    .where('q.consultation_id', '=', consultationId)
    .orderBy('s.position')
    .orderBy('s.id')
    .orderBy('q.position')
    .orderBy('q.id')
    .execute();
  const options = questions.length
    ? await db
        .selectFrom('options')
        .select(['question_id', 'key', 'label', 'goes_to', 'hidden'])
        .where(
          'question_id',
          'in',
          questions.map((q) => q.id),
        )
        .orderBy('position')
        .orderBy('id')
        .execute()
    : [];
  return { sections, questions, options };
}

type RoutingForm = Awaited<ReturnType<typeof loadRoutingForm>>;

/** The main form as routing.ts sees it: sections for everyone, visible questions and options; and the words to name them by. */
function routablePagesOf({ sections, questions, options }: RoutingForm): { pages: RoutablePage[]; names: RoutingNames } {
  const main = sections.filter((s) => s.audience === 'everyone');
  const names: RoutingNames = { questions: new Map(), sections: new Map(main.map((s) => [s.key, s.title])) };
  for (const q of questions)
    names.questions.set(q.key, { text: q.text, options: new Map(options.filter((o) => o.question_id === q.id).map((o) => [o.key, o.label])) });
  const pages = main.map((s) => ({
    key: s.key,
    showIf: parseShowIf(s.show_if),
    questions: questions
      .filter((q) => q.section_id === s.id && q.hidden === 0)
      .map((q) => ({
        key: q.key,
        single: CHOICE_KINDS.includes(q.kind),
        required: q.required === 1,
        showIf: parseShowIf(q.show_if),
        options: options.filter((o) => o.question_id === q.id && o.hidden === 0).map((o) => ({ key: o.key, goesTo: o.goes_to })),
      })),
  }));
  return { pages, names };
}

const loadRoutablePages = async (db: Db, consultationId: number) => routablePagesOf(await loadRoutingForm(db, consultationId));

const signature = (p: RoutingProblem) => JSON.stringify(p);

/** Thrown inside a change's transaction to roll it back; refusedByRouting turns it into its refusal. */
export class RoutingRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.error);
  }
}

/**
 * Runs `work` (SQL inside the caller's transaction) and refuses it when it gives the routing a
 * problem it did not have before. Problems that were already there (content from before these
 * checks) do not block unrelated edits.
 */
export async function keepingRouting<T>(trx: Trx, consultationId: number, work: () => Promise<T>): Promise<T> {
  const before = await loadRoutablePages(trx, consultationId);
  const had = new Set(checkRouting(before.pages).map(signature));
  const done = await work();
  const after = await loadRoutablePages(trx, consultationId);
  const fresh = checkRouting(after.pages).filter((p) => !had.has(signature(p)));
  const first = fresh[0];
  if (first) throw new RoutingRefused(routingRefusal(first, after.pages, mergeNames(before.names, after.names)));
  return done;
}

/** A change's result, or the refusal keepingRouting threw from inside its transaction. */
export async function refusedByRouting<R>(promise: Promise<R>): Promise<R | Refusal> {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof RoutingRefused) return e.refusal;
    throw e;
  }
}

/** Every routing problem of a consultation, in the officer's words (publishing's checklist). */
export async function routingProblems(db: Db, consultationId: number): Promise<Refusal[]> {
  const { pages, names } = await loadRoutablePages(db, consultationId);
  return checkRouting(pages).map((p) => routingRefusal(p, pages, names));
}

function mergeNames(a: RoutingNames, b: RoutingNames): RoutingNames {
  return { questions: new Map([...a.questions, ...b.questions]), sections: new Map([...a.sections, ...b.sections]) };
}

/** "builder:routingX|{params}": a message with the words the officer wrote (use-error-text). */
const code = (name: string, params: Record<string, string>): Refusal => ({ ok: false, error: `builder:routing${name}|${JSON.stringify(params)}` });

export function routingRefusal(problem: RoutingProblem, pages: readonly RoutablePage[], names: RoutingNames): Refusal {
  const question = (key: string) => names.questions.get(key)?.text ?? key;
  const option = (q: string, o: string) => names.questions.get(q)?.options.get(o) ?? o;
  const section = (key: string) => names.sections.get(key) ?? key;
  const isPage = (key: string) => pages.some((p) => p.key === key);
  // A rule belongs to a section or to a question; routing.ts names either by its key.
  const target = (key: string) => (isPage(key) && !names.questions.has(key) ? section(key) : question(key));
  switch (problem.kind) {
    case 'unknown-question':
      return code('UnknownQuestion', { target: target(problem.target), question: question(problem.question) });
    case 'unknown-option':
      return code('UnknownOption', { target: target(problem.target), question: question(problem.question), option: option(problem.question, problem.option) });
    case 'not-earlier':
      return code('NotEarlier', { target: target(problem.target), question: question(problem.question) });
    case 'routes-from-multiple':
      return code('RoutesFromMultiple', { question: question(problem.question) });
    case 'goes-to-unknown':
      return code('GoesToUnknown', { question: question(problem.target), option: option(problem.target, problem.option) });
    case 'goes-to-not-later':
      return code('GoesToNotLater', { question: question(problem.target), option: option(problem.target, problem.option), section: section(problem.goesTo) });
    case 'never-met':
      return neverMet(problem.target, pages, names, target, question, option);
  }
}

/** Why a rule can never be met, when the rule itself shows it; otherwise the plain refusal. */
function neverMet(
  key: string,
  pages: readonly RoutablePage[],
  names: RoutingNames,
  target: (key: string) => string,
  question: (key: string) => string,
  option: (q: string, o: string) => string,
): Refusal {
  const at = pages.findIndex((p) => p.key === key || p.questions.some((q) => q.key === key));
  const page = pages[at];
  const rule = page?.key === key && !names.questions.has(key) ? page.showIf : page?.questions.find((q) => q.key === key)?.showIf;
  const all = pages.flatMap((p) => p.questions);
  for (const c of rule?.conditions ?? []) {
    const named = all.find((q) => q.key === c.question);
    for (const o of named?.options ?? []) {
      if (!o.goesTo || !c.options.includes(o.key)) continue;
      const to = o.goesTo === EXIT ? Infinity : pages.findIndex((p) => p.key === o.goesTo);
      if (to > at) return code('NeverMetRouted', { target: target(key), question: question(c.question), option: option(c.question, o.key) });
    }
  }
  if (rule?.match === 'all') {
    const seen = new Map<string, number>();
    for (const c of rule.conditions) seen.set(c.question, (seen.get(c.question) ?? 0) + 1);
    const single = all.find((q) => q.single && (seen.get(q.key) ?? 0) > 1);
    if (single) return code('NeverMetOneAnswer', { target: target(key), question: question(single.key) });
  }
  return code('NeverMet', { target: target(key) });
}
