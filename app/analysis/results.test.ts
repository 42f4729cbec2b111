import { describe, expect, it } from 'vitest';
import type { QuestionKind } from '#db/schema';
import type { Counts, QuestionCounts, Summary } from './summarise';
import { buildResults, type QuestionLabel, type ResultsInput } from './results';
import { resultRows, type Cell, type QuestionResult } from './results-model';

// The protected model on small hand-made tables whose figures were worked out by hand (Wilson
// bounds and chi-square statistics in Python, from the textbook formulas), so each rule can be
// seen at work: primary and secondary suppression, the base, the tests and the ranking figures.

type Spec = {
  key: string;
  kind?: QuestionKind;
  options: Record<string, number>;
  noAnswer: number;
  ranking?: Record<string, [first: number, top3: number, rankSum: number]>;
};

function question(id: number, s: Spec): QuestionCounts {
  const options = Object.entries(s.options).map(([key, count], i) => ({ optionId: id * 100 + i, key, count }));
  const answered = s.kind === 'multiple_choice' || s.kind === 'ranking' ? null : options.reduce((n, o) => n + o.count, 0);
  const q: QuestionCounts = { questionId: id, key: s.key, kind: s.kind ?? 'single_choice', base: 0, noAnswer: s.noAnswer, notAsked: 0, options };
  q.base = answered ?? 0;
  if (s.ranking) {
    q.ranking = options.map((o) => {
      const [first, top3, rankSum] = s.ranking![o.key]!;
      return { optionId: o.optionId, key: o.key, ranked: o.count, rankSum, meanRank: o.count ? rankSum / o.count : null, first, top3 };
    });
  }
  return q;
}

function counts(responses: number, specs: Spec[]): Counts {
  return { responses, questions: specs.map((s, i) => question(i + 1, s)) };
}

function add(parts: Counts[]): Counts {
  const [first] = parts;
  return {
    responses: parts.reduce((n, p) => n + p.responses, 0),
    questions: first!.questions.map((q, k) => ({
      ...q,
      noAnswer: parts.reduce((n, p) => n + p.questions[k]!.noAnswer, 0),
      options: q.options.map((o, i) => ({ ...o, count: parts.reduce((n, p) => n + p.questions[k]!.options[i]!.count, 0) })),
      ...(q.ranking
        ? {
            ranking: q.ranking.map((r, i) => ({
              ...r,
              first: parts.reduce((n, p) => n + p.questions[k]!.ranking![i]!.first, 0),
              top3: parts.reduce((n, p) => n + p.questions[k]!.ranking![i]!.top3, 0),
              rankSum: parts.reduce((n, p) => n + p.questions[k]!.ranking![i]!.rankSum, 0),
              ranked: parts.reduce((n, p) => n + p.questions[k]!.ranking![i]!.ranked, 0),
            })),
          }
        : {}),
    })),
  };
}

function labels(specs: Spec[]): QuestionLabel[] {
  return specs.map((s, i) => ({
    id: i + 1,
    key: s.key,
    kind: s.kind ?? 'single_choice',
    text: `Question ${s.key}?`,
    hidden: false,
    youthOnly: s.key.startsWith('young_'),
    options: new Map(Object.keys(s.options).map((key, j) => [(i + 1) * 100 + j, `Label ${key}`])),
  }));
}

function model(specs: Spec[], summary: Summary, threshold = 10, extra: Partial<ResultsInput> = {}) {
  return buildResults({
    consultation: { id: 1, slug: 'test', title: 'Test' },
    threshold,
    summary,
    questions: labels(specs),
    breakdown: summary.breakdown ? { dimension: summary.breakdown.dimension, label: 'Ward' } : null,
    groupLabel: (v) => `Group ${v}`,
    filter: [],
    labels: { all: 'All', noAnswer: 'No answer' },
    ...extra,
  });
}

const shown = (cell: Cell | undefined) => {
  if (!cell || cell.suppressed) throw new Error('expected a shown cell');
  return cell;
};
const byGroup = (q: QuestionResult, option: string, group: string) => q.rows.find((r) => r.key === option)!.cells[q.columns.findIndex((c) => c.key === group)];

describe('one table of everyone', () => {
  const specs: Spec[] = [{ key: 'best', options: { a: 40, b: 25, c: 5, d: 0 }, noAnswer: 30 }];
  const result = model(specs, { total: counts(100, specs) });
  const [best] = result.questions;

  it('shows counts, the base and percentages of those who answered, with Wilson intervals', () => {
    expect(result.responses).toEqual({ suppressed: false, value: 100 });
    expect(best!.columns).toEqual([
      {
        key: 'all',
        label: 'All',
        total: true,
        responses: { suppressed: false, value: 100 },
        noAnswer: { suppressed: false, value: 30 },
        notAsked: { suppressed: false, value: 0 },
        base: { suppressed: false, value: 70 },
        percentOf: 'answered',
      },
    ]);
    const a = shown(best!.rows[0]!.cells[0]);
    expect(a.count).toBe(40);
    expect(a.percent).toBeCloseTo(57.142857, 5);
    expect(a.ciLow).toBeCloseTo(45.477837, 5);
    expect(a.ciHigh).toBeCloseTo(68.064691, 5);
    // Nobody chose d: 0% is shown, and its interval still reaches 5.2%.
    const d = shown(best!.rows[3]!.cells[0]);
    expect([d.count, d.percent, d.ciLow]).toEqual([0, 0, 0]);
    expect(d.ciHigh).toBeCloseTo(5.202306, 5);
  });

  it('hides a small count, and the next smallest so it cannot be worked out from the base', () => {
    expect(best!.rows[2]!.cells[0]).toEqual({ suppressed: true });
    // 70 answered, 40 chose a and 0 chose d: b must go too, or c = 70 - 40 - 25 - 0.
    expect(best!.rows[1]!.cells[0]).toEqual({ suppressed: true });
  });

  it('carries no value at all for a hidden figure, in the model and in its JSON', () => {
    const json = JSON.stringify(result);
    expect(json).not.toMatch(/"count":(5|25),/);
    expect(Object.keys(best!.rows[1]!.cells[0]!)).toEqual(['suppressed']);
    const rows = resultRows(result).filter((r) => r.suppressed);
    expect(rows.map((r) => r.option_key)).toEqual(['b', 'c']);
    for (const r of rows) expect([r.count, r.percent, r.ci_low, r.ci_high]).toEqual([null, null, null, null]);
  });

  it('flattens into one export row per figure, in the columns exports need', () => {
    const rows = resultRows(result);
    expect(rows).toHaveLength(5);
    const a = rows[0]!;
    expect(a).toMatchObject({
      consultation: 'test',
      part: 'questions',
      question_key: 'best',
      question: 'Question best?',
      measure: 'chose',
      option_key: 'a',
      option: 'Label a',
      breakdown: '',
      group: 'All',
      count: 40,
      base: 70,
      suppressed: false,
    });
    expect(a.percent).toBeCloseTo(57.142857, 5);
    expect(a.ci_low).toBeCloseTo(45.477837, 5);
    expect(rows[4]).toMatchObject({ measure: 'no_answer', option: 'No answer', count: 30, percent: null });
  });

  it('shows the small count when the installation sets a lower threshold', () => {
    const low = model(specs, { total: counts(100, specs) }, 5);
    expect(shown(low.questions[0]!.rows[2]!.cells[0]).count).toBe(5);
    expect(shown(low.questions[0]!.rows[1]!.cells[0]).count).toBe(25);
  });

  it('hides the base when "no answer" is hidden, keeping the counts with percentages of all responses', () => {
    const few: Spec[] = [{ key: 'best', options: { a: 60, b: 30, c: 10 }, noAnswer: 4 }];
    const q = model(few, { total: counts(104, few) }).questions[0]!;
    expect(q.columns[0]!.noAnswer).toEqual({ suppressed: true });
    expect(q.columns[0]!.base).toEqual({ suppressed: true });
    expect(q.columns[0]!.percentOf).toBe('responses');
    // 10 goes with the 4 (secondary): 104 - 60 - 30 would give away their sum only.
    expect(q.rows.map((r) => (r.cells[0]!.suppressed ? 'hidden' : r.cells[0]!.count))).toEqual([60, 30, 'hidden']);
    const [a, b] = q.rows.map((r) => r.cells[0]!);
    expect(a!.suppressed || a!.percent).toBeCloseTo((60 / 104) * 100, 9);
    expect(b!.suppressed || b!.percent).toBeCloseTo((30 / 104) * 100, 9);
    expect(resultRows(model(few, { total: counts(104, few) }))[0]).toMatchObject({ base: null, percent_of: 'responses', count: 60 });
  });

  it('hides everything when fewer than the threshold responded', () => {
    const tiny: Spec[] = [{ key: 'best', options: { a: 6, b: 0 }, noAnswer: 1 }];
    const small = model(tiny, { total: counts(7, tiny) });
    expect(small.responses).toEqual({ suppressed: true });
    const q = small.questions[0]!;
    expect([...q.rows.flatMap((r) => r.cells), q.columns[0]!.responses, q.columns[0]!.base, q.columns[0]!.noAnswer].every((c) => c.suppressed)).toBe(true);
    expect(JSON.stringify(small)).not.toMatch(/\b[67]\b/);
  });
});

describe('a breakdown', () => {
  const specs = (yes: number, no: number): Spec[] => [{ key: 'agree', kind: 'yes_no', options: { yes, no }, noAnswer: 0 }];
  const groups = (parts: [string, number, number][]): Summary => {
    const list = parts.map(([value, yes, no]) => ({ value, counts: counts(yes + no, specs(yes, no)) }));
    return { total: add(list.map((g) => g.counts)), breakdown: { dimension: 'ward', groups: list } };
  };

  it('flags a clear difference with the chi-square test and each group against the rest (Holm-corrected)', () => {
    const q = model(
      specs(0, 0),
      groups([
        ['W1', 80, 20],
        ['W2', 40, 60],
        ['W3', 60, 40],
      ]),
    ).questions[0]!;
    expect(q.columns.map((c) => c.key)).toEqual(['all', 'W1', 'W2', 'W3']);
    expect(shown(byGroup(q, 'yes', 'all')).percent).toBeCloseTo(60, 10);
    // Chi-square by hand: 33.3333 on 2 degrees of freedom, p = exp(-x/2).
    expect(q.test!.overall!.statistic).toBeCloseTo(33.333333, 5);
    expect(q.test!.overall!.degreesOfFreedom).toBe(2);
    expect(q.test!.overall!.pValue).toBeCloseTo(Math.exp(-33.333333 / 2), 12);
    expect(q.test!.overall!.notable).toBe(true);
    expect(q.test!.comparisons).toBe(6);
    expect(q.test!.methods).toEqual(['two-proportion-z']);
    expect(shown(byGroup(q, 'yes', 'W1')).notable).toBe('higher');
    expect(shown(byGroup(q, 'yes', 'W2')).notable).toBe('lower');
    expect(shown(byGroup(q, 'no', 'W2')).notable).toBe('higher');
    expect(shown(byGroup(q, 'yes', 'W3')).notable).toBeUndefined();
    // W1 against W2 and W3 together: 80% against 50%, z = 0.3 / 0.06 = 5.
    const w1 = q.notable.find((n) => n.groupKey === 'W1' && n.optionKey === 'yes')!;
    expect(w1).toMatchObject({ direction: 'higher', group: 'Group W1', option: 'Label yes', method: 'two-proportion-z' });
    expect(w1.restPercent).toBeCloseTo(50, 10);
  });

  it('flags nothing when the groups answer alike', () => {
    const q = model(
      specs(0, 0),
      groups([
        ['W1', 50, 50],
        ['W2', 52, 48],
        ['W3', 49, 51],
      ]),
    ).questions[0]!;
    expect(q.test!.overall!.statistic).toBeCloseTo(0.186675, 5);
    expect(q.test!.overall!.notable).toBe(false);
    expect(q.notable).toEqual([]);
    expect(q.rows.flatMap((r) => r.cells).some((c) => !c.suppressed && c.notable)).toBe(false);
  });

  it('never tests a group with a hidden figure, nor one that did not say', () => {
    // W3's 3 is hidden with not_stated's figures. (A group of fewer than 10 would be hidden
    // whole, and its zero "no answer" with it, which takes a big group's figures along too.)
    const q = model(
      specs(0, 0),
      groups([
        ['W1', 70, 30],
        ['W2', 40, 60],
        ['W3', 3, 40],
        ['not_stated', 12, 13],
      ]),
    ).questions[0]!;
    expect(byGroup(q, 'yes', 'W3')).toEqual({ suppressed: true });
    expect(byGroup(q, 'yes', 'not_stated')).toEqual({ suppressed: true });
    expect(q.test).toMatchObject({ groupsTested: 2, groupsLeftOut: 2 });
    // Two groups: one comparison per answer, mirrored.
    expect(q.test!.comparisons).toBe(2);
    expect(q.notable.map((n) => n.groupKey).sort()).toEqual(['W1', 'W1', 'W2', 'W2']);
  });

  it('compares a group on the answers whose figures it shows, when another of its figures is hidden', () => {
    const three = (a: number, b: number, c: number): Spec[] => [{ key: 'pick', options: { a, b, c }, noAnswer: 0 }];
    const list = [
      { value: 'W1', counts: counts(100, three(40, 40, 20)) },
      { value: 'W2', counts: counts(100, three(45, 35, 20)) },
      { value: 'W3', counts: counts(85, three(3, 12, 70)) },
      { value: 'W4', counts: counts(100, three(50, 30, 20)) },
      { value: 'W5', counts: counts(100, three(40, 35, 25)) },
    ];
    const q = model(three(0, 0, 0), { total: add(list.map((g) => g.counts)), breakdown: { dimension: 'ward', groups: list } }).questions[0]!;
    // W3's 3 is hidden, and more figures with it (secondary suppression), so no group shows all
    // three figures and there is no chi-square test…
    expect(byGroup(q, 'a', 'W3')).toEqual({ suppressed: true });
    expect(q.columns.find((c) => c.key === 'W3')!.base).toEqual({ suppressed: false, value: 85 });
    expect(q.test!.overall).toBeNull();
    // …but every group is compared on the answers it shows: W3 on "c", 70 of 85, against the
    // one other group showing "c" (W5, 25 of 100).
    expect(shown(byGroup(q, 'c', 'W3')).count).toBe(70);
    expect(q.rows.find((r) => r.key === 'c')!.cells.filter((c) => !c.suppressed)).toHaveLength(3);
    expect(q.test).toMatchObject({ groupsTested: 5, groupsLeftOut: 0 });
    const w3 = q.notable.find((n) => n.groupKey === 'W3' && n.optionKey === 'c')!;
    expect(w3).toMatchObject({ direction: 'higher' });
    expect(w3.restPercent).toBeCloseTo(25, 10);
    expect(shown(byGroup(q, 'c', 'W5')).notable).toBe('lower');
    expect(shown(byGroup(q, 'c', 'W3')).notable).toBe('higher');
    expect(q.notable.some((n) => n.groupKey === 'W3' && n.optionKey === 'a')).toBe(false);
  });

  it('hides a small group everywhere, and one more group so the small one cannot be worked out from the total', () => {
    const two: Spec[] = [
      { key: 'agree', kind: 'yes_no', options: { yes: 3, no: 2 }, noAnswer: 0 },
      { key: 'other', options: { a: 30, b: 20 }, noAnswer: 0 },
    ];
    const small = { value: 'W9', counts: counts(5, two) };
    const mid: Spec[] = [
      { ...two[0]!, options: { yes: 30, no: 20 } },
      { ...two[1]!, options: { a: 25, b: 25 } },
    ];
    const big: Spec[] = [
      { ...two[0]!, options: { yes: 50, no: 30 } },
      { ...two[1]!, options: { a: 40, b: 40 } },
    ];
    const list = [{ value: 'W1', counts: counts(80, big) }, { value: 'W2', counts: counts(50, mid) }, small];
    const result = model(two, { total: add(list.map((g) => g.counts)), breakdown: { dimension: 'ward', groups: list } });
    for (const q of result.questions) {
      const responses = Object.fromEntries(q.columns.map((c) => [c.key, c.responses.suppressed ? 'hidden' : c.responses.value]));
      // The same groups' totals are hidden in every question: W9 (5) and the next smallest, W2.
      expect(responses).toEqual({ all: 135, W1: 80, W2: 'hidden', W9: 'hidden' });
      expect(q.columns.find((c) => c.key === 'W2')!.base).toEqual({ suppressed: true });
    }
    expect(JSON.stringify(result)).not.toMatch(/"value":(5|50)\b/);
  });
});

describe('a ranking', () => {
  const specs: Spec[] = [
    {
      key: 'rank',
      kind: 'ranking',
      options: { parks: 60, shops: 45, roads: 30, bins: 6 },
      noAnswer: 20,
      ranking: { parks: [30, 50, 90], shops: [20, 40, 90], roads: [24, 30, 75], bins: [6, 6, 6] },
    },
  ];
  const q = model(specs, { total: counts(100, specs) }).questions[0]!;

  it('gives mean rank and the share ranking each item first and in the top 3, of those who answered', () => {
    const parks = q.ranking!.find((r) => r.key === 'parks')!;
    expect(q.columns[0]!.base).toEqual({ suppressed: false, value: 80 });
    expect(parks.meanRank[0]).toEqual({ suppressed: false, value: 1.5 });
    expect(shown(parks.first[0]).percent).toBeCloseTo(37.5, 10);
    expect(shown(parks.top3[0]).percent).toBeCloseTo(62.5, 10);
  });

  it('hides the mean rank with the number who ranked the item', () => {
    const bins = q.ranking!.find((r) => r.key === 'bins')!;
    expect(q.rows.find((r) => r.key === 'bins')!.cells[0]).toEqual({ suppressed: true });
    expect(bins.meanRank[0]).toEqual({ suppressed: true });
    expect(bins.first[0]).toEqual({ suppressed: true });
    // First choices add up to those who answered: a second one goes, the smallest (shops, 20).
    expect(q.ranking!.find((r) => r.key === 'shops')!.first[0]).toEqual({ suppressed: true });
    // Who ranked an item at all does not add up to anything, so nothing more goes there.
    expect(shown(q.rows.find((r) => r.key === 'shops')!.cells[0]).count).toBe(45);
  });
});

describe('the young people’s own statements', () => {
  it('are summarised apart from the main questions', () => {
    const specs: Spec[] = [
      { key: 'best', options: { a: 50, b: 50 }, noAnswer: 0 },
      { key: 'young_safe', kind: 'agree_scale', options: { strongly_agree: 20, agree: 20, neither: 10, disagree: 0, strongly_disagree: 0 }, noAnswer: 50 },
    ];
    const result = model(specs, { total: counts(100, specs) });
    expect(result.questions.map((q) => q.key)).toEqual(['best']);
    expect(result.youth.map((q) => [q.key, q.scale])).toEqual([['young_safe', true]]);
  });
});
