import type { Db } from '#db/connection';
import { linkedPriorityIds } from './consultations.server';
import { hasOwnOptions } from './questions.server';
import { requiredLocalesOf } from './required-locales';
import { routingProblems } from './routing.server';
import { missingTranslations } from './translation-status.server';
import { findConsultation } from '~/consultations/find.server';
import { privacyNoticeIsComplete } from '~/consultations/privacy/notice.server';

// What a consultation needs before residents can see it. The overview shows it as a checklist,
// and publishing is refused, with every unmet item as a reason, until all of it is done.

export interface Check {
  /** builder.json → checks.<code>: what the item says, done or not. */
  code: 'questions' | 'options' | 'routing' | 'closeDate' | 'closeFuture' | 'dateOrder' | 'priority' | 'translations' | 'privacyNotice';
  ok: boolean;
  /** Advice, not a condition: shown on the checklist, never a reason to refuse publishing. */
  advisory?: boolean;
  params?: Record<string, string | number>;
}

export async function publishChecks(db: Db, consultationId: number, now: Date): Promise<Check[]> {
  const c = await findConsultation(db, consultationId);
  if (!c) return [];
  const questions = await db
    .selectFrom('questions as q')
    .innerJoin('sections as s', 's.id', 'q.section_id')
    .select(['q.id', 'q.kind', 'q.text'])
    .where('q.consultation_id', '=', consultationId)
    .where('q.hidden', '=', 0)
    .where('s.audience', '=', 'everyone')
    .execute();
  const choice = questions.filter((q) => hasOwnOptions(q.kind));
  const optionCounts = choice.length
    ? await db
        .selectFrom('options')
        .select(['question_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'question_id',
          'in',
          choice.map((q) => q.id),
        )
        .where('hidden', '=', 0)
        .groupBy('question_id')
        .execute()
    : [];
  const withoutOptions = choice.filter((q) => Number(optionCounts.find((o) => o.question_id === q.id)?.n ?? 0) < 2);
  const priorities = await linkedPriorityIds(db, consultationId);
  const checks: Check[] = [
    { code: 'questions', ok: questions.length > 0 },
    { code: 'options', ok: withoutOptions.length === 0, params: { questions: withoutOptions.map((q) => `“${q.text}”`).join(', ') } },
    { code: 'closeDate', ok: c.closes_at !== null },
  ];
  // Rules no answers can meet, or that name what is gone, are fixed before anyone answers.
  const routing = await routingProblems(db, consultationId);
  checks.splice(2, 0, { code: 'routing', ok: routing.length === 0, params: { count: routing.length } });
  if (c.closes_at) {
    checks.push({ code: 'closeFuture', ok: c.closes_at > now.toISOString() });
    if (c.opens_at) checks.push({ code: 'dateOrder', ok: c.opens_at < c.closes_at });
  }
  checks.push({ code: 'priority', ok: priorities.length > 0 });
  for (const locale of requiredLocalesOf(c.required_locales)) {
    const missing = await missingTranslations(db, consultationId, locale);
    checks.push({ code: 'translations', ok: missing.length === 0, params: { locale, count: missing.length } });
  }
  // The site-wide notice covers a consultation whose own says too little, so this only advises.
  checks.push({ code: 'privacyNotice', ok: await privacyNoticeIsComplete(db, consultationId), advisory: true });
  return checks;
}
