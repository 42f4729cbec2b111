import { describe, expect, it } from 'vitest';
import { isoToLondon, londonToIso } from './dates';
import { keyFrom, uniqueKey } from './keys';

describe('London dates', () => {
  it('stores winter times as they are and summer times an hour earlier in UTC', () => {
    expect(londonToIso('2026-01-15', '17:00')).toBe('2026-01-15T17:00:00.000Z');
    expect(londonToIso('2026-07-01', '09:30')).toBe('2026-07-01T08:30:00.000Z');
    expect(isoToLondon('2026-07-01T08:30:00.000Z')).toEqual({ date: '2026-07-01', time: '09:30' });
    expect(isoToLondon('2026-12-31T23:59:00.000Z')).toEqual({ date: '2026-12-31', time: '23:59' });
  });

  it('refuses dates that do not exist', () => {
    expect(londonToIso('2026-02-30', '10:00')).toBeNull();
    expect(londonToIso('2026-02-10', '25:00')).toBeNull();
    expect(londonToIso('tomorrow', '10:00')).toBeNull();
  });
});

describe('keys', () => {
  it('are made from the words, and kept unique', () => {
    expect(keyFrom('How often do you visit a park?')).toBe('how_often_do_you_visit_a_park');
    expect(keyFrom('Café & Zoë', '-')).toBe('cafe-zoe');
    expect(keyFrom('¿¿', '_', 'question')).toBe('question');
    expect(uniqueKey('yes', ['yes', 'yes_2'])).toBe('yes_3');
  });
});
