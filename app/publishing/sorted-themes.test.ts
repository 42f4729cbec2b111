import { describe, expect, it } from 'vitest';
import { HIDDEN, type QuestionResult } from '~/analysis/results-model';
import { sortedThemes } from './results-page.server';

const cell = (count: number) => ({ suppressed: false as const, count, percent: null, ciLow: null, ciHigh: null });
const row = (key: string, label: string, c: QuestionResult['rows'][number]['cells'][number]) => ({ key, label, cells: [c] });

describe('the themes on the public page', () => {
  it('run largest first, ties by name, hidden ones after the shown ones, and the catch-alls last', () => {
    const result: QuestionResult = {
      key: 'park_comments',
      text: 'Anything else?',
      kind: 'coded',
      scale: false,
      hidden: false,
      columns: [],
      notable: [],
      rows: [
        row('other', 'Other', cell(90)),
        row('toilets', 'Toilets', cell(12)),
        row('play', 'Play areas', cell(40)),
        row('dogs', 'Dogs', HIDDEN),
        row('paths', 'Paths', cell(40)),
        row('cafe', 'Cafe', cell(0)),
      ],
    };
    expect(sortedThemes(result).rows.map((r) => r.label)).toEqual(['Paths', 'Play areas', 'Toilets', 'Cafe', 'Dogs', 'Other']);
  });
});
