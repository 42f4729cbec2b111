import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedReference } from '#db/seed/index';
import { createRoutedFixture, type RoutedFixture } from '~/analysis/routed.fixture';
import { buildSubjectAccessCopy } from './subject-access.server';
import { createTestDb } from '../../tests/db';

// A resident's copy of their data names the questions their route passed by (issue 17): that is
// stored about them too, and says something of their answers.

let db: Db;
let destroy: () => Promise<void>;
let f: RoutedFixture;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
  f = await createRoutedFixture(db);
});
afterAll(() => destroy());

describe('the copy of a routed response', () => {
  it('lists the questions the person was not asked, and nothing for one who was asked everything', async () => {
    const skipped = await f.store({ runs: 'no', like: 'agree' });
    const asked = await f.store({ runs: 'yes', size: 'small', like: 'agree' });
    const texts = await db.selectFrom('questions').select(['key', 'text']).where('id', 'in', [f.q.size, f.q.story]).orderBy('position').execute();
    const copy = await buildSubjectAccessCopy(db, { id: 1, responseId: skipped, locale: 'en' });
    expect(copy!.notAsked).toEqual(texts.map((q) => ({ questionKey: q.key, question: q.text })));
    expect(copy!.answers.map((a) => a.questionKey).sort()).toEqual(['like', 'runs']);
    expect((await buildSubjectAccessCopy(db, { id: 2, responseId: asked, locale: 'en' }))!.notAsked).toEqual([]);
  });
});
