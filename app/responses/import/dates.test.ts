import { describe, expect, it } from 'vitest';
import { parseDate } from './dates';

describe('dates in an imported spreadsheet', () => {
  it('reads a time without a zone as a Stockport clock, in winter and in summer', () => {
    expect(parseDate('2026-01-14 10:30')?.toISOString()).toBe('2026-01-14T10:30:00.000Z');
    expect(parseDate('14/07/2026 10:30')?.toISOString()).toBe('2026-07-14T09:30:00.000Z');
    expect(parseDate('2026-07-14')?.toISOString()).toBe('2026-07-14T11:00:00.000Z');
  });

  it('keeps an explicit zone, and refuses days that do not exist', () => {
    expect(parseDate('2026-07-14T10:30:00Z')?.toISOString()).toBe('2026-07-14T10:30:00.000Z');
    expect(parseDate('2026-07-14T10:30+02:00')?.toISOString()).toBe('2026-07-14T08:30:00.000Z');
    expect(parseDate('30/02/2026')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
  });
});
