import type { RetentionPlan, RetentionRun } from './anonymise.server';

// What `npm run retention` prints: per consultation, what anonymising changes (or, with
// --dry-run, would change). Counts only, never content. For the command line, in English.

const fieldNames: Record<string, string> = {
  age_band: 'age band',
  sex: 'sex',
  gender_identity: 'gender identity',
  ethnicity: 'ethnicity',
  disability: 'disability',
  carer: 'unpaid care',
  religion: 'religion',
  sexual_orientation: 'sexual orientation',
  ward_code: 'ward',
  quote_name: 'name to quote by',
  quote_credit: 'quote credit',
  postcode_district: 'postcode district',
  facilitator: 'facilitator',
  notes: 'notes',
};

function fields(counts: Partial<Record<string, number>>): string {
  const listed = Object.entries(counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([field, n]) => `${fieldNames[field] ?? field} ${n}`);
  return listed.length > 0 ? listed.join(', ') : 'none';
}

export function describePlan(plan: RetentionPlan, dryRun: boolean): string {
  const { policy } = plan;
  const months = `${policy.months} months after closing${policy.monthsFromDefault ? " (the installation's default)" : ''}`;
  return [
    `${plan.slug}: "${plan.title}"`,
    `  policy: ${months}, free text ${policy.freeText}, about you ${policy.aboutYou}; due since ${plan.retentionDate.slice(0, 10)}`,
    `  ${dryRun ? 'would change' : 'changed'} ${plan.responses} responses`,
    `  free-text answers redacted: ${plan.freeTextRedacted}; cleaned of contact details: ${plan.freeTextCleaned}`,
    `  about you coarsened: ${fields(plan.aboutYouCoarsened)}`,
    `  about you removed: ${fields(plan.aboutYouRemoved)}`,
    `  contact fields deleted: ${fields(plan.contactDeleted)}`,
    `  unpublished quotes deleted: ${plan.quotesDeleted}; cleaned: ${plan.quotesCleaned}; unsent drafts deleted: ${plan.draftsDeleted}`,
  ].join('\n');
}

export function describeRun(run: RetentionRun): string {
  if (run.plans.length === 0) return run.dryRun ? 'Dry run: no consultation is due for anonymising.' : 'No consultation is due for anonymising.';
  const head = run.dryRun
    ? `Dry run: ${run.plans.length} consultation(s) due for anonymising; nothing was changed.`
    : `Anonymised ${run.plans.length} consultation(s).`;
  return [head, ...run.plans.map((p) => describePlan(p, run.dryRun))].join('\n');
}
