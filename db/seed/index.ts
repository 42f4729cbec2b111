import { analyzeAfterBulkLoad, withKeysAndIndexesBuiltAfter } from '../bulk';
import type { Db } from '../connection';
import { seedDemoActions } from './actions';
import { seedCodebooks } from './codebook';
import { seedConsultations } from './consultations';
import { seedFramework } from './framework';
import { seedParksCoding } from './parks-coding';
import { seedPopulationBaseline } from './population';
import { seedDemoQuotes } from './quotes';
import { generateResponses, SOURCE_YOUNG_PEOPLE_SHARE } from './responses';
import { seedWards } from './wards';

/** Reference data every installation starts with. Safe to call on every start. */
export async function seedReference(db: Db): Promise<{ wards: number }> {
  return { wards: await seedWards(db) };
}

export interface SeedDemoOptions {
  /** Responses to the One Stockport conversation (the source case had 3,800). */
  responses?: number;
  seed?: number;
  today?: Date;
  /** Called with done = 0 as each consultation starts, then after every batch. */
  onProgress?: (slug: string, done: number, total: number) => void;
}

export interface DemoSummary {
  /** True when consultations already existed, so no demo content was added. */
  skipped: boolean;
  themes: number;
  priorities: number;
  consultations: string[];
  responses: Record<string, number>;
  answers: number;
}

// Smaller runs for the other demo consultations, so every status has results to look at.
const OTHER_RESPONSES: { slug: string; count: number; youngPeopleShare: number }[] = [
  { slug: 'climate-friendly-stockport', count: 150, youngPeopleShare: 0.15 },
  { slug: 'covid-impact-survey', count: 400, youngPeopleShare: 0.05 },
  { slug: 'parks-and-green-spaces', count: 300, youngPeopleShare: 0.1 },
];

/**
 * The demo: wards, the One Stockport framework, the demo consultations (the One Stockport
 * conversation with its young people's version) and their responses.
 * Does nothing (skipped: true) when any consultation exists, so it never mixes with real data.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<DemoSummary> {
  const { responses = 3800, seed = 2020, today = new Date(), onProgress } = options;
  await seedReference(db);
  const summary: DemoSummary = { skipped: true, themes: 0, priorities: 0, consultations: [], responses: {}, answers: 0 };
  const existing = await db.selectFrom('consultations').select('id').limit(1).executeTakeFirst();
  if (existing) return summary;

  const framework = await seedFramework(db);
  const consultations = await seedConsultations(db, today);
  Object.assign(summary, { skipped: false, ...framework, consultations: Object.keys(consultations) });
  await seedPopulationBaseline(db, today);

  const runs = [{ slug: 'one-stockport-conversation', count: responses, youngPeopleShare: SOURCE_YOUNG_PEOPLE_SHARE }, ...OTHER_RESPONSES];
  // A new installation's database, which nothing else writes to yet: its keys are checked once,
  // after the responses are in (on PostgreSQL, four times faster than row by row).
  await withKeysAndIndexesBuiltAfter(db, ['responses', 'answers', 'not_asked'], async () => {
    for (const run of runs) {
      onProgress?.(run.slug, 0, run.count);
      const result = await generateResponses(db, {
        consultationSlug: run.slug,
        count: run.count,
        seed,
        today,
        youngPeopleShare: run.youngPeopleShare,
        onProgress: onProgress && ((done, total) => onProgress(run.slug, done, total)),
      });
      summary.responses[run.slug] = result.responses;
      summary.answers += result.answers;
    }
  });
  await seedCodebooks(db, today);
  await seedParksCoding(db);
  await seedDemoQuotes(db, today);
  await seedDemoActions(db, today);
  // A server without autovacuum would otherwise plan every query on these tables as if they were empty.
  await analyzeAfterBulkLoad(db);
  return summary;
}
