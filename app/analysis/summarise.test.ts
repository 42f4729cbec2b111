import { describe, expect, it } from 'vitest';
import { CLOSED_KINDS } from './index/columns';
import { appendResponse, createIndex, setResponseStatus, StaleIndexError } from './index/consultation-index';
import { summarise } from './summarise';

// Small hand-made sets with answers worked out by hand: ranking means, a multiple choice wider
// than one 32-bit word, "not stated" as a group, an excluded response, and a stale index.

const wards = [
  { code: 'W1', area_committee: 'North' },
  { code: 'W2', area_committee: 'South' },
];
const options = (prefix: string, n: number, from: number) => Array.from({ length: n }, (_, i) => ({ id: from + i, key: `${prefix}${i + 1}` }));
const questions = [
  { id: 1, key: 'pick', kind: 'single_choice' as const, rating_max: null, options: options('p', 3, 100) },
  { id: 2, key: 'many', kind: 'multiple_choice' as const, rating_max: null, options: options('m', 40, 200) },
  { id: 3, key: 'rank', kind: 'ranking' as const, rating_max: null, options: options('r', 4, 300) },
  { id: 4, key: 'rate', kind: 'rating' as const, rating_max: 5, options: [] },
  { id: 5, key: 'words', kind: 'long_text' as const, rating_max: null, options: [] },
];
const person = { respondent_group: 'resident', channel: 'online', locale: 'en' };
const rank = (ids: number[]) => ids.map((id, i) => ({ question_id: 3, option_id: id, rank: i + 1 }));

// An answer to an open question, as storeResponse stores it: the index skips it.
const textAnswer = { question_id: 5, value_text: 'x' };

function sample() {
  const index = createIndex({ consultationId: 1, wards, questions, closedKinds: CLOSED_KINDS });
  appendResponse(index, {
    id: 10,
    ...person,
    ward_code: 'W1',
    answers: [{ question_id: 1, option_id: 100 }, { question_id: 2, option_id: 201 }, { question_id: 2, option_id: 239 }, ...rank([300, 301, 302])],
  });
  appendResponse(index, {
    id: 11,
    ...person,
    ward_code: 'W2',
    answers: [{ question_id: 1, option_id: 102 }, { question_id: 4, value_number: 4 }, ...rank([301, 300]), textAnswer],
  });
  appendResponse(index, { id: 12, ...person, ward_code: null, channel: 'paper', answers: [{ question_id: 2, option_id: 239 }, ...rank([303])] });
  return index;
}

describe('summarise', () => {
  it('gives the groups by age band youngest first, however the responses came in (a young person’s band after the adults’)', () => {
    const index = createIndex({ consultationId: 1, wards, questions, closedKinds: CLOSED_KINDS });
    ['45_54', '11_12', '18_24', 'under_11', null, '13_15'].forEach((age_band, i) =>
      appendResponse(index, { id: 20 + i, ...person, age_band, answers: [{ question_id: 1, option_id: 100 }] }),
    );
    const groups = summarise(index, { breakdown: 'ageBand' }).breakdown!.groups;
    expect(groups.map((g) => g.value)).toEqual([null, 'under_11', '11_12', '13_15', '18_24', '45_54']);
    expect(groups.map((g) => g.counts.responses)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('counts options, bases and "no answer", and ranks', () => {
    const { total } = summarise(sample());
    const [pick, many, ranked, rate] = total.questions;
    expect(total.responses).toBe(3);
    expect(pick).toMatchObject({ base: 2, noAnswer: 1 });
    expect(pick!.options.map((o) => o.count)).toEqual([1, 0, 1]);
    expect(many).toMatchObject({ base: 2, noAnswer: 1 });
    expect(many!.options.find((o) => o.key === 'm40')!.count).toBe(2);
    expect(many!.options.find((o) => o.key === 'm2')!.count).toBe(1);
    expect(ranked!.ranking!.slice(0, 2)).toEqual([
      { optionId: 300, key: 'r1', ranked: 2, rankSum: 3, meanRank: 1.5, first: 1, top3: 2 },
      { optionId: 301, key: 'r2', ranked: 2, rankSum: 3, meanRank: 1.5, first: 1, top3: 2 },
    ]);
    expect(ranked!.ranking![3]).toMatchObject({ ranked: 1, meanRank: 1, first: 1 });
    expect(rate!.options.map((o) => o.count)).toEqual([0, 0, 0, 1, 0]);
    expect(total.questions).toHaveLength(4);
  });

  it('breaks down by area committee, with "not stated" as a group, and filters', () => {
    const { breakdown } = summarise(sample(), { breakdown: 'areaCommittee' });
    expect(breakdown!.groups.map((g) => [g.value, g.counts.responses])).toEqual([
      [null, 1],
      ['North', 1],
      ['South', 1],
    ]);
    expect(summarise(sample(), { filter: { channel: ['paper'] } }).total.questions[1]!.base).toBe(1);
    expect(summarise(sample(), { filter: { ward: ['W1', null], channel: ['online'] } }).total.responses).toBe(1);
  });

  it('leaves an excluded response out until it is restored', () => {
    const index = sample();
    expect(setResponseStatus(index, 10, 'spam')).toBe(true);
    expect(summarise(index).total.questions[0]!.options[0]!.count).toBe(0);
    setResponseStatus(index, 10, 'counted');
    expect(summarise(index).total.responses).toBe(3);
    expect(setResponseStatus(index, 999, 'spam')).toBe(false);
  });

  it('says so when a response does not fit (content changed since the build)', () => {
    expect(() => appendResponse(sample(), { id: 13, ...person, answers: [{ question_id: 1, option_id: 999 }] })).toThrow(StaleIndexError);
    expect(() => appendResponse(sample(), { id: 13, ...person, answers: [{ question_id: 77, option_id: 1 }] })).toThrow(StaleIndexError);
  });
});
