import { describe, expect, it } from 'vitest';
import { compareGroups, defaultOption, outlineQuestions } from './compare';
import { g, question, wardModel } from './compare.fixture';
import { NOT_STATED } from './filters';
import { HIDDEN } from './results-model';
import { resultsScreen, screenHref, screenRequestOf } from './results-screen';
import { wilsonInterval } from './statistics';

// Where the groups of a breakdown differ, on small protected models written out by hand: the
// ranking, the intervals, the groups left out of the chart and why, the answer compared by
// default, the order of the list of questions, and which screen an address shows.

describe('comparing the groups on one answer', () => {
  const q = question('agree', [
    g('W1', 40, 60),
    g('W2', 90, 30),
    g('W3', 55, 45),
    g(NOT_STATED, 70, 30),
    g('W4', null, null, { responses: null, base: null }),
    g('W5', 30, 20, { responses: 60 }),
    g('W6', null, 40),
    g('W7', 0, 0, { responses: 25, base: 0 }),
  ]);

  it('ranks the groups by their share, highest first, each with its Wilson interval and base', () => {
    const comparison = compareGroups(q, 'yes')!;
    expect(comparison.option).toMatchObject({ key: 'yes', label: 'Yes' });
    expect(comparison.measure).toBe('chose');
    expect(comparison.groups.map((x) => [x.key, Math.round(x.percent)])).toEqual([
      ['W2', 75],
      ['W5', 60],
      ['W3', 55],
      ['W1', 40],
      [NOT_STATED, 70],
    ]);
    const w2 = comparison.groups[0]!;
    const interval = wilsonInterval(90, 120)!;
    expect(w2).toMatchObject({ label: 'Ward W2', count: 90, base: 120 });
    expect(w2.ciLow).toBeCloseTo(interval.lower * 100, 10);
    expect(w2.ciHigh).toBeCloseTo(interval.upper * 100, 10);
    // Everyone's share is the reference line: 285 of the 510 who answered.
    expect(comparison.overall!.base).toBe(510);
    expect(comparison.overall!.percent).toBeCloseTo((285 / 510) * 100, 10);
  });

  it('puts the groups that did not say after the others, never flagged as different', () => {
    const comparison = compareGroups(q, 'yes')!;
    const unsaid = comparison.groups.filter((x) => x.unsaid);
    expect(unsaid.map((x) => x.key)).toEqual([NOT_STATED]);
    expect(unsaid[0]!.notable).toBeUndefined();
    expect(comparison.groups.at(-1)!.key).toBe(NOT_STATED);
  });

  it('lists every group not in the chart with which figure is hidden, and no figure of it', () => {
    const comparison = compareGroups(q, 'yes')!;
    expect(comparison.hidden).toEqual([
      { key: 'W4', label: 'Ward W4', reason: 'group' },
      { key: 'W6', label: 'Ward W6', reason: 'figure' },
      { key: 'W7', label: 'Ward W7', reason: 'nobody' },
    ]);
    // W5's 60 responses are shown but its base is not on "no" …
    const hiddenBase = question('b', [g('W1', 40, 60), g('W2', 50, 50), g('W5', 30, 20, { base: null })]);
    expect(compareGroups(hiddenBase, 'yes')!.hidden).toEqual([{ key: 'W5', label: 'Ward W5', reason: 'base' }]);
    // … and every group is either in the chart or in the list: none is dropped.
    expect(comparison.groups.length + comparison.hidden.length).toBe(q.columns.length - 1);
  });

  it('carries the tests’ flags, and compares on the answer with the most notable differences by default', () => {
    const comparison = compareGroups(q)!;
    expect(defaultOption(q)).toBe(q.notable[0]!.optionKey);
    expect(comparison.option.notable).toBeGreaterThan(0);
    const w2 = comparison.groups.find((x) => x.key === 'W2')!;
    const w1 = comparison.groups.find((x) => x.key === 'W1')!;
    expect([w2.notable, w1.notable]).toEqual(comparison.option.key === 'yes' ? ['higher', 'lower'] : ['lower', 'higher']);
    expect(comparison.options.map((o) => o.key)).toEqual(['yes', 'no']);
    expect(comparison.options.reduce((n, o) => n + o.notable, 0)).toBe(q.notable.length);
  });

  it('compares on the most chosen answer when nothing is notable, and ignores an answer the question does not have', () => {
    const alike = question('alike', [g('W1', 30, 70), g('W2', 31, 69), g('W3', 29, 71)]);
    expect(alike.notable).toEqual([]);
    expect(compareGroups(alike)!.option.key).toBe('no');
    expect(compareGroups(alike, 'maybe')!.option.key).toBe('no');
    expect(compareGroups(alike, 'yes')!.option.key).toBe('yes');
  });

  it('compares a ranking on who put each item first', () => {
    const ranked = question('rank', [g('W1', 40, 60), g('W2', 70, 30)], 'ranking');
    ranked.ranking = ranked.rows.map((r) => ({ key: r.key, label: r.label, first: r.cells, top3: r.cells, meanRank: r.cells.map(() => HIDDEN) }));
    const comparison = compareGroups(ranked, 'yes')!;
    expect(comparison.measure).toBe('first');
    expect(comparison.groups.map((x) => x.key)).toEqual(['W2', 'W1']);
  });
});

describe('the list of questions', () => {
  const differsMost = question('most', [g('W1', 20, 80), g('W2', 80, 20), g('W3', 50, 50)]);
  const differsLess = question('less', [g('W1', 70, 130), g('W2', 130, 70), g('W3', 100, 100)]);
  const alike = question('alike', [g('W1', 30, 70), g('W2', 31, 69)]);
  const notCompared = question('none', [g('W1', 30, 70), g('W2', null, null, { responses: null, base: null })]);

  it('puts the most notable differences first, then questions where no group stands out, then those not compared', () => {
    expect(differsMost.notable.length).toBeGreaterThanOrEqual(differsLess.notable.length);
    expect(differsLess.notable.length).toBeGreaterThan(0);
    expect(differsMost.notable[0]!.pValue).toBeLessThan(differsLess.notable[0]!.pValue);
    const outline = outlineQuestions([
      { part: 'questions', questions: [notCompared, alike, differsLess] },
      { part: 'youth', questions: [differsMost] },
    ]);
    expect(outline.map((o) => [o.key, o.standing, o.part])).toEqual([
      ['most', 'differs', 'youth'],
      ['less', 'differs', 'questions'],
      ['alike', 'alike', 'questions'],
      ['none', 'notCompared', 'questions'],
    ]);
    expect(outline[0]!.top).toEqual(differsMost.notable[0]);
    expect(outline[2]).toMatchObject({ notable: 0, top: null, compared: 2 });
  });
});

describe('the screen an address shows', () => {
  const questions = [question('first', [g('W1', 20, 80), g('W2', 80, 20)]), question('second', [g('W1', 30, 70), g('W2', 31, 69)])];
  const model = wardModel({ questions, youth: [], themes: [question('theme', [g('W1', 10, 90), g('W2', 12, 88)], 'coded')] });
  const request = (query: string) => screenRequestOf(new URLSearchParams(query));

  it('shows every question on one page without a breakdown', () => {
    const shown = resultsScreen({ ...model, breakdown: null }, request('question=first'))!;
    expect(shown.screen).toEqual({ kind: 'all' });
    expect(shown.model.questions).toHaveLength(2);
  });

  it('lists the questions for a breakdown, sending none of their figures', () => {
    const shown = resultsScreen(model, request(''))!;
    expect(shown.screen.kind).toBe('outline');
    expect([shown.model.questions, shown.model.youth, shown.model.themes]).toEqual([[], [], []]);
  });

  it('shows one question with its neighbours, its table only when asked for', () => {
    const shown = resultsScreen(model, request('question=second&option=yes'))!;
    if (shown.screen.kind !== 'question') throw new Error('expected a question');
    expect(shown.screen).toMatchObject({ position: 2, count: 3, part: 'questions', table: false, previous: { key: 'first' }, next: { key: 'theme' } });
    expect(shown.screen.comparison!.option.key).toBe('yes');
    const theme = resultsScreen(model, request('table=theme'))!.screen;
    expect(theme).toMatchObject({ kind: 'question', part: 'themes', table: true, next: null, comparison: { measure: 'theme' } });
    expect(resultsScreen(model, request('question=first&table=second'))!.screen).toMatchObject({ table: false });
  });

  it('finds no question the consultation does not have', () => {
    expect(resultsScreen(model, request('question=shoe_size'))).toBeNull();
  });

  it('keeps the filters and breakdown in every link', () => {
    expect(screenHref('breakdown=ward&channel=paper', { question: 'first', option: 'yes', table: true })).toBe(
      '?breakdown=ward&channel=paper&question=first&option=yes&table=first',
    );
    expect(screenHref('breakdown=ward')).toBe('?breakdown=ward');
  });
});
