import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildResults, type QuestionLabel } from './results';
import type { Count, QuestionResult } from './results-model';
import { protectFamily, type Family, type TabulatedQuestion } from './safe-figures';
import type { QuestionCounts, Summary } from './summarise';

// Two questions on one route (a routed section) are passed by the same people, so their "not
// asked" is one figure published twice. The case the property test found: 16 responses,
// threshold 3, 3 people routed past both questions. On the first, 2 chose "small" and 11 gave no
// answer, so "small" is hidden and "not asked" with it; on the second everyone asked answered,
// and its "not asked" of 3 used to be shown, which gave "small" away: 16 − 11 − 3 − 0 = 2.
// The same holds between a closed question and the coded themes of a free-text one on its
// route (two parts of one page), and, over random breakdowns, every question and theme on a
// route hides the same "not asked" figures, group by group.

const THRESHOLD = 3;
const value = (c: Count | undefined) => (c && !c.suppressed ? c.value : null);

const size: Pick<TabulatedQuestion, 'options' | 'counts' | 'noAnswer' | 'notAsked'> = {
  options: [
    { key: 'small', label: 'Small' },
    { key: 'large', label: 'Large' },
  ],
  counts: [[2], [0]],
  noAnswer: [11],
  notAsked: [3],
};

/** What a reader can work out of "small" on the first question: responses less everything else shown. */
function smallWorkedOut(first: QuestionResult, notAskedShownElsewhere: number | null): number | null {
  const all = first.columns[0]!;
  const large = first.rows[1]!.cells[0]!;
  const notAsked = value(all.notAsked) ?? notAskedShownElsewhere;
  if (notAsked === null || large.suppressed || all.noAnswer.suppressed || all.responses.suppressed) return null;
  return all.responses.value - all.noAnswer.value - notAsked - large.count;
}

describe('"not asked" shared by the questions of one route', () => {
  it('is hidden in every question on the route where any of them hides it', () => {
    const family: Family = { columns: [{ key: 'all', label: 'All' }], responses: [16], breakdown: false, allLabel: 'All' };
    const question = (key: string, rest: Pick<TabulatedQuestion, 'options' | 'counts' | 'noAnswer' | 'notAsked'>): TabulatedQuestion => ({
      key,
      text: `${key}?`,
      kind: 'single_choice',
      scale: false,
      hidden: false,
      ...rest,
    });
    const { questions } = protectFamily(
      family,
      [question('size', size), question('premises', { options: [{ key: 'own', label: 'Own' }], counts: [[13]], noAnswer: [0], notAsked: [3] })],
      THRESHOLD,
    );
    const [first, second] = questions;
    expect(first!.rows[0]!.cells[0]!.suppressed).toBe(true);
    expect(first!.columns[0]!.notAsked.suppressed).toBe(true);
    expect(second!.columns[0]!.notAsked.suppressed).toBe(true);
    expect(smallWorkedOut(first!, value(second!.columns[0]!.notAsked))).toBeNull();
  });

  it('is hidden alike in a closed question and the coded themes of a free-text one on its route', () => {
    const counts = (questionId: number, key: string, kind: QuestionCounts['kind'], options: [string, number][], noAnswer: number): QuestionCounts => ({
      questionId,
      key,
      kind,
      base: 16 - 3 - noAnswer,
      noAnswer,
      notAsked: 3,
      options: options.map(([k, count], i) => ({ optionId: questionId * 100 + i, key: k, count })),
    });
    const summary: Summary = {
      total: {
        responses: 16,
        questions: [
          counts(
            1,
            'size',
            'single_choice',
            [
              ['small', 2],
              ['large', 0],
            ],
            11,
          ),
        ],
      },
    };
    const coded: Summary = { total: { responses: 16, questions: [counts(2, 'story', 'long_text', [['trade', 13]], 0)] } };
    const labels: QuestionLabel[] = [
      { id: 1, key: 'size', kind: 'single_choice', text: 'Size?', hidden: false, youthOnly: false, options: new Map() },
      { id: 2, key: 'story', kind: 'long_text', text: 'Story?', hidden: false, youthOnly: false, options: new Map() },
    ];
    const model = buildResults({
      consultation: { id: 1, slug: 'routed', title: 'Routed' },
      threshold: THRESHOLD,
      summary,
      coded: { summary: coded, themes: [{ id: 200, name: 'Trade' }] },
      questions: labels,
      breakdown: null,
      groupLabel: () => 'All',
      filter: [],
      labels: { all: 'All', noAnswer: 'No answer' },
    });
    const [first] = model.questions;
    const [theme] = model.themes;
    expect(first!.rows[0]!.cells[0]!.suppressed).toBe(true);
    expect(theme!.columns[0]!.notAsked.suppressed).toBe(true);
    expect(smallWorkedOut(first!, value(theme!.columns[0]!.notAsked))).toBeNull();
  });

  it('is hidden alike, group by group, in every question and theme on the route, whatever the counts', () => {
    // Random breakdowns: closed questions and a coded free-text one, all on one route.
    const arb = fc.record({
      threshold: fc.constantFrom(3, 10),
      // A several-answer question protects its "not asked" as the themes do; a single-answer one does not.
      several: fc.boolean(),
      groups: fc.array(
        fc.record({
          responses: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 })),
          draws: fc.array(fc.nat(1000), { minLength: 12, maxLength: 12 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ threshold, several, groups }) => {
        const perGroup = groups.map(({ responses, draws }) => {
          const d = (k: number, upTo: number) => (upTo <= 0 ? 0 : draws[k]! % (upTo + 1));
          const notAsked = d(0, responses);
          const asked = responses - notAsked;
          const q = (k: number, kind: QuestionCounts['kind'], id: number, keys: string[]): QuestionCounts => {
            const noAnswer = d(k, Math.min(asked, 12));
            let left = asked - noAnswer;
            const options = keys.map((key, i) => {
              const count = kind === 'long_text' ? d(k + 1 + i, asked - noAnswer) : i === keys.length - 1 ? left : d(k + 1 + i, left);
              left -= kind === 'long_text' ? 0 : count;
              return { optionId: id * 100 + i, key, count };
            });
            return { questionId: id, key: `q${id}`, kind, base: asked - noAnswer, noAnswer, notAsked, options };
          };
          return {
            responses,
            closed: [q(1, 'single_choice', 1, ['a', 'b']), ...(several ? [q(4, 'multiple_choice', 2, ['c', 'd'])] : [])],
            coded: [q(7, 'long_text', 3, ['t1', 't2'])],
          };
        });
        const add = (pick: (g: (typeof perGroup)[number]) => QuestionCounts[]) => ({
          responses: perGroup.reduce((n, g) => n + g.responses, 0),
          questions: pick(perGroup[0]!).map((first, k) => ({
            ...first,
            base: perGroup.reduce((n, g) => n + pick(g)[k]!.base, 0),
            noAnswer: perGroup.reduce((n, g) => n + pick(g)[k]!.noAnswer, 0),
            notAsked: perGroup.reduce((n, g) => n + pick(g)[k]!.notAsked, 0),
            options: first.options.map((o, i) => ({ ...o, count: perGroup.reduce((n, g) => n + pick(g)[k]!.options[i]!.count, 0) })),
          })),
        });
        const summaryOf = (pick: (g: (typeof perGroup)[number]) => QuestionCounts[]): Summary => ({
          total: add(pick),
          breakdown: { dimension: 'ward', groups: perGroup.map((g, j) => ({ value: `W${j}`, counts: { responses: g.responses, questions: pick(g) } })) },
        });
        const model = buildResults({
          consultation: { id: 1, slug: 'routed', title: 'Routed' },
          threshold,
          summary: summaryOf((g) => g.closed),
          coded: { summary: summaryOf((g) => g.coded), themes: [] },
          questions: [1, 2, 3].map((id): QuestionLabel => ({
            id,
            key: `q${id}`,
            kind: id === 1 ? 'single_choice' : id === 2 ? 'multiple_choice' : 'long_text',
            text: `Q${id}?`,
            hidden: false,
            youthOnly: false,
            options: new Map(),
          })),
          breakdown: { dimension: 'ward', label: 'Ward' },
          groupLabel: (v) => String(v),
          filter: [],
          labels: { all: 'All', noAnswer: 'No answer' },
        });
        const routed = [...model.questions, ...model.themes].filter((q) => q.routed);
        const patterns = routed.map((q) => q.columns.map((c) => c.notAsked.suppressed));
        for (const pattern of patterns) expect(pattern).toEqual(patterns[0]);
      }),
      { numRuns: 300 },
    );
  });
});
