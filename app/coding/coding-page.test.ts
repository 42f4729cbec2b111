import { describe, expect, it } from 'vitest';
import { prepareAnswer, readAnswerFilters } from './coding-page.server';

// What an officer sees of one answer: suggestions, who coded it, and what starts ticked, with a
// double-coding sample hiding everyone else's coding.

const answer = { id: 9, text: 'Lockdown was hard and my hospital appointments were cancelled.', responseId: 4, reference: 'HRD-TEST-0001', locale: 'en' };
const themes = [
  { id: 1, key: 'health', name: 'Health', description: '', keywords: 'hospital\nappointment', position: 1, priorityId: null, priorityName: null },
  { id: 2, key: 'lockdown', name: 'Lockdown', description: '', keywords: 'lockdown', position: 2, priorityId: null, priorityName: null },
  { id: 3, key: 'parks', name: 'Parks', description: '', keywords: 'park', position: 3, priorityId: null, priorityName: null },
];
const codings = [
  { answerId: 9, coderId: 7, coderName: 'Bob', codedAt: '2026-11-02T10:05:00.000Z', themeIds: [3] },
  { answerId: 9, coderId: 5, coderName: 'Ann', codedAt: '2026-11-02T10:01:00.000Z', themeIds: [1] },
];

describe('an answer ready to code', () => {
  it('suggests themes by keyword, shows every coding with the one that counts, and starts from the officer’s own', () => {
    const shown = prepareAnswer(answer, codings, themes, 5, false);
    expect(shown.suggested).toEqual({ 1: ['hospital', 'appointments'], 2: ['Lockdown'] });
    expect(shown.codings.map((c) => [c.coderName, c.counts])).toEqual([
      ['Bob', true],
      ['Ann', false],
    ]);
    expect(shown.ticked).toEqual([1]);
    // Someone who has not coded it starts from the coding that counts (Bob's, the latest).
    expect(prepareAnswer(answer, codings, themes, 99, false).ticked).toEqual([3]);
  });

  it('in a double-coding sample shows and starts from the officer’s own coding only', () => {
    const blind = prepareAnswer(answer, codings, themes, 99, true);
    expect(blind.codings).toEqual([]);
    expect(blind.ticked).toEqual([]);
    const own = prepareAnswer(answer, codings, themes, 5, true);
    expect(own.codings.map((c) => c.coderName)).toEqual(['Ann']);
    expect(own.ticked).toEqual([1]);
  });

  it('ticks "no theme fits" when the starting coding has no theme', () => {
    const none = prepareAnswer(answer, [{ ...codings[1]!, themeIds: [] }], themes, 5, false);
    expect([none.ticked, none.none]).toEqual([[], true]);
    expect(prepareAnswer(answer, [], themes, 5, false).none).toBe(false);
  });

  it('reads the list’s filters from its address, falling back to all answers on page 1', () => {
    expect(readAnswerFilters(new URL('http://x/?q=bus&coded=uncoded&theme=3&page=2'))).toEqual({ search: 'bus', coded: 'uncoded', themeId: 3, page: 2 });
    expect(readAnswerFilters(new URL('http://x/?coded=maybe&theme=x&page=-1'))).toEqual({ search: '', coded: 'all', themeId: null, page: 1 });
  });
});
