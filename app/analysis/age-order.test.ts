import { describe, expect, it } from 'vitest';
import { inAgeOrder } from './age-order';

describe('age bands in age order', () => {
  it('puts the young people’s bands first and in order, whatever order the responses used them in', () => {
    const firstUsed = ['25_34', '65_74', '18_24', '85_plus', 'under_16', '16_17', 'under_11', '13_15', '11_12', '35_44'];
    expect(inAgeOrder(firstUsed)).toEqual(['under_11', 'under_16', '11_12', '13_15', '16_17', '18_24', '25_34', '35_44', '65_74', '85_plus']);
  });

  it('keeps a code that is not a band after the bands', () => {
    expect(inAgeOrder(['prefer_not_to_say', '45_54', 'under_11'])).toEqual(['under_11', '45_54', 'prefer_not_to_say']);
  });
});
