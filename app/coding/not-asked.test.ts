import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedReference } from '#db/seed/index';
import { createRoutedFixture, storeCrowd, type RoutedFixture } from '~/analysis/routed.fixture';
import { codebookOverview } from './overview.server';
import { createTestDb } from '../../tests/db';

// The coding page counts people a route passed by apart from the answers waiting to be coded (issue 17).

let db: Db;
let destroy: () => Promise<void>;
let f: RoutedFixture;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
  f = await createRoutedFixture(db);
  await storeCrowd(f);
});
afterAll(() => destroy());

describe('the coding overview of a routed question', () => {
  it('says how many were not asked, apart from the answers to code', async () => {
    const overview = await codebookOverview(db, f.consultationId, f.q.story, 10);
    const story = overview.questions.find((q) => q.id === f.q.story)!;
    // storeCrowd: 12 of the 24 who run a business wrote a story; the 16 who do not were not asked.
    expect(story).toMatchObject({ answers: 12, coded: 0, notAsked: 16 });
  });

  it('stops counting an excluded response as not asked', async () => {
    const skipped = await db.selectFrom('not_asked').select('response_id').where('question_id', '=', f.q.story).executeTakeFirstOrThrow();
    await db.updateTable('responses').set({ status: 'spam' }).where('id', '=', skipped.response_id).execute();
    const overview = await codebookOverview(db, f.consultationId, f.q.story, 10);
    expect(overview.questions.find((q) => q.id === f.q.story)!.notAsked).toBe(15);
  });
});
