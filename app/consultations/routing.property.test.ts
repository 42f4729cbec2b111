import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRouting, EXIT, holds, routeOf, walkRoutes, type Chosen, type RoutablePage, type RoutableQuestion, type ShowIf } from './routing';

// Random surveys, random answers (issue 17): what routeOf decides for a person must agree with
// what the preview walks, with the rules it was given, and with the order of the pages, whatever
// the survey. A survey is drawn as a shape (pages of questions of several kinds) and then rules
// that name questions on earlier pages and jumps from single-answer questions to later pages or
// the exit, so most drawn surveys are ones the builder accepts.

interface Shape {
  pages: { questions: { single: boolean; options: number; required: boolean }[] }[];
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  pages: fc.array(
    fc.record({
      questions: fc.array(fc.record({ single: fc.boolean(), options: fc.integer({ min: 2, max: 4 }), required: fc.boolean() }), {
        minLength: 0,
        maxLength: 3,
      }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

/** Draws rules and jumps onto a shape: `pick` gives numbers in [0, 1) for every choice made. */
function surveyOf(shape: Shape, picks: number[]): RoutablePage[] {
  let at = 0;
  const pick = (n: number) => Math.floor((picks[at++ % picks.length] ?? 0) * n);
  const pages: RoutablePage[] = shape.pages.map((p, i) => ({
    key: `p${i}`,
    questions: p.questions.map((q, j): RoutableQuestion => ({
      key: `p${i}q${j}`,
      single: q.single,
      required: q.required,
      options: Array.from({ length: q.options }, (_, k) => ({ key: `o${k}`, goesTo: null })),
    })),
  }));
  const earlier = (i: number) => pages.slice(0, i).flatMap((p) => p.questions);
  const ruleFor = (i: number): ShowIf | null => {
    const before = earlier(i);
    if (before.length === 0 || pick(3) !== 0) return null;
    const conditions = Array.from({ length: 1 + pick(2) }, () => {
      const q = before[pick(before.length)]!;
      const options = q.options.filter(() => pick(3) === 0).map((o) => o.key);
      return { question: q.key, options: options.length > 0 ? options : [q.options[0]!.key] };
    });
    return { match: pick(2) === 0 ? 'all' : 'any', conditions };
  };
  return pages.map((page, i) => ({
    ...page,
    showIf: ruleFor(i),
    questions: page.questions.map((q) => ({
      ...q,
      showIf: ruleFor(i),
      options: q.options.map((o) => {
        if (!q.single || pick(5) !== 0) return o;
        const later = pages.slice(i + 1).map((p) => p.key);
        const choice = pick(later.length + 1);
        return { ...o, goesTo: choice === later.length ? EXIT : later[choice]! };
      }),
    })),
  }));
}

/** Answers for every question: one option or none for single ones, any set for multiple; never none when required. */
function answersOf(pages: readonly RoutablePage[], picks: number[]): Record<string, string[]> {
  let at = 0;
  const pick = (n: number) => Math.floor((picks[at++ % picks.length] ?? 0) * n);
  const answers: Record<string, string[]> = {};
  for (const q of pages.flatMap((p) => p.questions)) {
    const keys = q.options.map((o) => o.key);
    let chosen: string[];
    if (q.single) {
      const i = pick(keys.length + 1);
      chosen = i === keys.length ? [] : [keys[i]!];
    } else chosen = keys.filter(() => pick(2) === 0);
    if (chosen.length === 0 && q.required) chosen = [keys[pick(keys.length)]!];
    answers[q.key] = chosen;
  }
  return answers;
}

const surveyAndAnswers = fc
  .tuple(shapeArb, fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 20, maxLength: 60 }))
  .chain(([shape, picks]) => {
    const pages = surveyOf(shape, picks);
    return fc
      .array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 10, maxLength: 40 })
      .map((a) => ({ pages, answers: answersOf(pages, a) }));
  });

const chosenFrom =
  (answers: Record<string, string[]>): Chosen =>
  (k) =>
    answers[k] ?? [];
const allQuestions = (pages: readonly RoutablePage[]) => pages.flatMap((p) => p.questions.map((q) => q.key));
const signature = (route: { pages: unknown; exit: string | null }) => JSON.stringify([route.pages, route.exit]);

const RUNS = { numRuns: 150 };

describe('walkRoutes', () => {
  // Found while writing the properties below: with each named option of a multiple-choice
  // question tried alone and all together, a person choosing two of three was on no walked route.
  it('walks every combination of the options of a multiple-choice question that rules name', () => {
    const rule = (option: string): ShowIf => ({ match: 'all', conditions: [{ question: 'q', options: [option] }] });
    const yesNo = (key: string): RoutableQuestion => ({ key, single: true, options: [{ key: 'yes' }, { key: 'no' }] });
    const pages: RoutablePage[] = [
      { key: 'p1', questions: [{ key: 'q', single: false, options: ['a', 'b', 'c', 'd'].map((key) => ({ key })) }] },
      { key: 'p2', showIf: rule('a'), questions: [yesNo('x2')] },
      { key: 'p3', showIf: rule('b'), questions: [yesNo('x3')] },
      { key: 'p4', showIf: rule('c'), questions: [yesNo('x4')] },
    ];
    const walk = walkRoutes(pages);
    expect(walk.complete).toBe(true);
    expect(walk.routes.map((r) => r.pages.map((p) => p.key).join(' ')).sort()).toEqual(
      ['p1', 'p1 p2', 'p1 p3', 'p1 p4', 'p1 p2 p3', 'p1 p2 p4', 'p1 p3 p4', 'p1 p2 p3 p4'].sort(),
    );
  });
});

describe('routeOf on random surveys', () => {
  it('(a) takes a route the preview walks, whenever the walk is complete', () => {
    fc.assert(
      fc.property(surveyAndAnswers, ({ pages, answers }) => {
        const walk = walkRoutes(pages);
        fc.pre(walk.complete);
        const walked = new Set(walk.routes.map(signature));
        expect(walked.has(signature(routeOf(pages, chosenFrom(answers))))).toBe(true);
      }),
      RUNS,
    );
  });

  it("(a') and each walked route is taken by the answers it is given", () => {
    fc.assert(
      fc.property(surveyAndAnswers, ({ pages }) => {
        for (const route of walkRoutes(pages).routes) expect(signature(routeOf(pages, chosenFrom(route.answers)))).toBe(signature(route));
      }),
      RUNS,
    );
  });

  it('(b) on a survey the builder accepts, asks a question only when its own and its page rule hold, on answers it asked', () => {
    fc.assert(
      fc.property(surveyAndAnswers, ({ pages, answers }) => {
        fc.pre(checkRouting(pages).length === 0);
        const route = routeOf(pages, chosenFrom(answers));
        const asked = new Set<string>();
        for (const shown of route.pages) {
          const page = pages.find((p) => p.key === shown.key)!;
          expect(holds(page.showIf, chosenFrom(answers), asked)).toBe(true);
          for (const key of shown.questions) expect(holds(page.questions.find((q) => q.key === key)!.showIf, chosenFrom(answers), asked)).toBe(true);
          for (const key of shown.questions) asked.add(key);
        }
        expect([...route.asked].sort()).toEqual([...asked].sort());
        for (const key of route.notAsked) expect(route.asked.has(key)).toBe(false);
      }),
      RUNS,
    );
  });

  it('(c) never jumps backwards: pages come in survey order, and a jump skips exactly the pages before its target', () => {
    fc.assert(
      fc.property(surveyAndAnswers, ({ pages, answers }) => {
        fc.pre(checkRouting(pages).length === 0);
        const route = routeOf(pages, chosenFrom(answers));
        const index = (key: string) => pages.findIndex((p) => p.key === key);
        const shown = route.pages.map((p) => index(p.key));
        for (let i = 1; i < shown.length; i++) expect(shown[i]!).toBeGreaterThan(shown[i - 1]!);
        route.pages.forEach((page, i) => {
          const jump = page.questions
            .map((k) => pages[shown[i]!]!.questions.find((q) => q.key === k)!)
            .filter((q) => q.single)
            .map((q) => q.options.find((o) => o.goesTo && answers[q.key]?.includes(o.key))?.goesTo)
            .find(Boolean);
          if (!jump) return;
          if (jump === EXIT) {
            expect(i).toBe(route.pages.length - 1);
            return;
          }
          const next = route.pages[i + 1];
          if (next) expect(index(next.key)).toBeGreaterThanOrEqual(index(jump));
        });
      }),
      RUNS,
    );
  });

  it('(d) counts every question exactly once, as asked or as not asked', () => {
    fc.assert(
      fc.property(surveyAndAnswers, ({ pages, answers }) => {
        const route = routeOf(pages, chosenFrom(answers));
        const askedInPages = route.pages.flatMap((p) => p.questions);
        expect(new Set(askedInPages).size).toBe(askedInPages.length);
        expect(new Set(route.notAsked).size).toBe(route.notAsked.length);
        expect([...askedInPages, ...route.notAsked].sort()).toEqual(allQuestions(pages).sort());
      }),
      RUNS,
    );
  });

  it('(e) follows the rules as written: a page or question is shown when its rule holds on what was asked before it, and a jump goes on from its target', () => {
    fc.assert(
      fc.property(surveyAndAnswers, ({ pages, answers }) => {
        fc.pre(checkRouting(pages).length === 0);
        const route = routeOf(pages, chosenFrom(answers));
        expect(signature(route)).toBe(signature(reference(pages, chosenFrom(answers))));
      }),
      RUNS,
    );
  });
});

/**
 * The rules of routing.ts, written out as plainly as possible to compare with: walk the pages
 * from the first; a page whose rule fails (or all of whose questions' rules fail) is passed by;
 * after a shown page, its first chosen option that routes sends the person to its target page
 * (which is then judged like any other) or ends the survey.
 */
function reference(pages: readonly RoutablePage[], chosen: Chosen): { pages: { key: string; questions: string[] }[]; exit: string | null } {
  const asked = new Set<string>();
  const shown: { key: string; questions: string[] }[] = [];
  let i = 0;
  while (i < pages.length) {
    const page = pages[i]!;
    const here = holds(page.showIf, chosen, asked) ? page.questions.filter((q) => holds(q.showIf, chosen, asked)) : null;
    if (here === null || (page.questions.length > 0 && here.length === 0)) {
      i++;
      continue;
    }
    for (const q of here) asked.add(q.key);
    shown.push({ key: page.key, questions: here.map((q) => q.key) });
    const jump = here
      .filter((q) => q.single)
      .flatMap((q) => q.options.filter((o) => o.goesTo && chosen(q.key).includes(o.key)).map((o) => ({ q, to: o.goesTo! })))[0];
    if (jump?.to === EXIT) return { pages: shown, exit: jump.q.key };
    i = jump ? pages.findIndex((p) => p.key === jump.to) : i + 1;
  }
  return { pages: shown, exit: null };
}
