import type { RetentionAboutYou, RetentionFreeText } from '#db/schema';

// When a consultation's responses are anonymised, and what happens to them then (issue 18).
// Pure: the builder, the anonymiser, the records page and the CLI all read the policy here, so
// they agree on the date to the day.

/** The installation's policy, used where a consultation leaves its months blank (env: RETENTION_*). */
export interface RetentionDefaults {
  months: number;
  freeText: RetentionFreeText;
  aboutYou: RetentionAboutYou;
}

/** The columns of a consultation the policy reads (a `consultations` row has them all). */
export interface RetentionFields {
  closes_at: string | null;
  retention_months: number | null;
  retention_free_text?: RetentionFreeText;
  retention_about_you?: RetentionAboutYou;
}

export interface RetentionPolicy {
  months: number;
  /** True when the months are the installation's default (the consultation left them blank). */
  monthsFromDefault: boolean;
  freeText: RetentionFreeText;
  aboutYou: RetentionAboutYou;
}

/** The policy that applies to a consultation: its own settings, the installation's where it has none. */
export function retentionPolicyOf(consultation: RetentionFields, defaults: RetentionDefaults): RetentionPolicy {
  return {
    months: consultation.retention_months ?? defaults.months,
    monthsFromDefault: consultation.retention_months === null,
    freeText: consultation.retention_free_text ?? defaults.freeText,
    aboutYou: consultation.retention_about_you ?? defaults.aboutYou,
  };
}

/**
 * The moment a consultation's responses become due for anonymising: its closing time plus the
 * policy's months, in calendar months (UTC; 31 January + 1 month is the last day of February).
 * Null while it has no closing date.
 */
export function retentionDateOf(consultation: RetentionFields, defaults: RetentionDefaults): Date | null {
  if (!consultation.closes_at) return null;
  const closes = new Date(consultation.closes_at);
  if (Number.isNaN(closes.getTime())) return null;
  return addMonths(closes, retentionPolicyOf(consultation, defaults).months);
}

/** True when the consultation's retention date has come (and it is not yet anonymised: the caller checks `anonymised_at`). */
export function isRetentionDue(consultation: RetentionFields, defaults: RetentionDefaults, now: Date): boolean {
  const date = retentionDateOf(consultation, defaults);
  return date !== null && date.getTime() <= now.getTime();
}

/** `date` plus `months` calendar months, the day kept where the month has it, else its last day. */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(date.getTime());
  const day = date.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}
