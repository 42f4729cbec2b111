import { describe, expect, it } from 'vitest';
import type { Cell, Column, Count, MeanRank, QuestionResult } from '~/analysis/results-model';
import { auditBounds, familyTables } from './bounds-auditor';

// A ranking publishes more than who ranked each item: who ranked it first, in the top 3, and its
// mean rank. familyTables reads them as an intruder would; a hand-made ranking of two items,
// ranked by all 10 people who answered, each item first for 5 of them.

const T = 10;
const shown = (value: number): Count => ({ suppressed: false, value });
const HIDDEN = { suppressed: true } as const;
const cell = (count: number | null): Cell => (count === null ? HIDDEN : { suppressed: false, count, percent: null, ciLow: null, ciHigh: null });

function ranking(meanRankShown: boolean): QuestionResult {
  const column: Column = {
    key: 'all',
    label: 'All',
    total: true,
    responses: shown(10),
    base: shown(10),
    noAnswer: shown(0),
    notAsked: shown(0),
    percentOf: 'answered',
  };
  const mean: MeanRank = meanRankShown ? { suppressed: false, value: 1.5 } : HIDDEN;
  return {
    key: 'top_priorities',
    text: 'Rank',
    kind: 'ranking',
    scale: false,
    hidden: false,
    columns: [column],
    rows: ['a', 'b'].map((key) => ({ key, label: key, cells: [cell(10)] })),
    // Ranked first by 5 each: hidden. In the top 3: everyone who ranked it.
    ranking: ['a', 'b'].map((key) => ({ key, label: key, first: [cell(null)], top3: [cell(10)], meanRank: [mean] })),
    notable: [],
  };
}

const truth = {
  counts: [[10], [10]],
  noAnswer: [0],
  notAsked: [0],
  additive: false,
  ranking: { first: [[5], [5]], top3: [[10], [10]], rankSum: [[15], [15]] },
};

describe("a ranking's tables under the bounds auditor", () => {
  it('leaves a hidden first choice open when only the counts are shown: one first choice each, 0 to 10 of them for a', async () => {
    const { bounds, failures } = await auditBounds(familyTables([10], [{ q: ranking(false), truth }], T), { exact: true });
    expect(bounds.find((b) => b.name === 'q0:f0,0')).toMatchObject({ lower: 0, upper: 10 });
    expect(failures).toEqual([]);
  });

  it('finds it from the mean ranks: a rank sum of 15 over 10 people ranking 2 items means 5 ranked it first', async () => {
    // Ranks are 1 or 2: rank sum = first + 2 (10 - first), so each item was first for at least
    // 20 - 15 = 5 of them; with one first choice each, exactly 5.
    const { bounds, failures } = await auditBounds(familyTables([10], [{ q: ranking(true), truth }], T), { exact: true });
    expect(bounds.find((b) => b.name === 'q0:f0,0')).toMatchObject({ value: 5, lower: 5, upper: 5 });
    expect(failures.map((f) => [f.name, f.kind])).toEqual([
      ['q0:f0,0', 'determined'],
      ['q0:f1,0', 'determined'],
    ]);
  });
});
