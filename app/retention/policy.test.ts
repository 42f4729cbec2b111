import { describe, expect, it } from 'vitest';
import { addMonths, isRetentionDue, retentionDateOf, retentionPolicyOf, type RetentionDefaults } from './policy';

const defaults: RetentionDefaults = { months: 24, freeText: 'redact', aboutYou: 'coarsen' };

describe('the retention policy', () => {
  it("takes the consultation's months, or the installation's when it has none", () => {
    expect(retentionPolicyOf({ closes_at: null, retention_months: 6 }, defaults)).toEqual({
      months: 6,
      monthsFromDefault: false,
      freeText: 'redact',
      aboutYou: 'coarsen',
    });
    expect(retentionPolicyOf({ closes_at: null, retention_months: null, retention_free_text: 'keep', retention_about_you: 'remove' }, defaults)).toEqual({
      months: 24,
      monthsFromDefault: true,
      freeText: 'keep',
      aboutYou: 'remove',
    });
  });

  it('dates anonymising N calendar months after closing', () => {
    expect(retentionDateOf({ closes_at: '2025-03-15T17:00:00.000Z', retention_months: 6 }, defaults)?.toISOString()).toBe('2025-09-15T17:00:00.000Z');
    expect(retentionDateOf({ closes_at: '2025-03-15T17:00:00.000Z', retention_months: null }, defaults)?.toISOString()).toBe('2027-03-15T17:00:00.000Z');
    expect(retentionDateOf({ closes_at: null, retention_months: 6 }, defaults)).toBeNull();
  });

  it('keeps to the last day of a shorter month', () => {
    expect(addMonths(new Date('2025-01-31T12:00:00Z'), 1).toISOString()).toBe('2025-02-28T12:00:00.000Z');
    expect(addMonths(new Date('2024-01-31T12:00:00Z'), 1).toISOString()).toBe('2024-02-29T12:00:00.000Z');
    expect(addMonths(new Date('2025-11-30T00:00:00Z'), 3).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(addMonths(new Date('2025-05-10T00:00:00Z'), 0).toISOString()).toBe('2025-05-10T00:00:00.000Z');
  });

  it('is due from the retention date on, not a moment before', () => {
    const c = { closes_at: '2025-03-15T17:00:00.000Z', retention_months: 6 };
    expect(isRetentionDue(c, defaults, new Date('2025-09-15T16:59:59.999Z'))).toBe(false);
    expect(isRetentionDue(c, defaults, new Date('2025-09-15T17:00:00.000Z'))).toBe(true);
    expect(isRetentionDue({ closes_at: null, retention_months: 0 }, defaults, new Date())).toBe(false);
  });
});
