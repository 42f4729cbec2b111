import { afterAll, describe, expect, it } from 'vitest';
import { listActions } from '../../app/publishing/actions.server';
import { createTestDb } from '../../tests/db';
import { seedDemo } from './index';

const TODAY = new Date('2026-11-22T10:30:00Z');
let destroy: (() => Promise<void>) | undefined;
afterAll(() => destroy?.());

describe('the demo actions', () => {
  it('give the published parks consultation its opening words and actions with a dated history, none in the future', async () => {
    const test = await createTestDb();
    destroy = test.destroy;
    await seedDemo(test.db, { today: TODAY, responses: 600 });
    const parks = await test.db.selectFrom('consultations').selectAll().where('slug', '=', 'parks-and-green-spaces').executeTakeFirstOrThrow();
    expect(parks.status).toBe('results_published');
    expect(parks.results_summary).not.toBe('');
    expect(parks.results_published_at! <= TODAY.toISOString()).toBe(true);
    const actions = await listActions(test.db, parks.id);
    expect(actions.map((a) => a.status)).toEqual(['in_progress', 'done', 'planned']);
    expect(actions.filter((a) => a.priority !== null)).toHaveLength(2);
    for (const action of actions) {
      expect(action.updates.at(-1)?.status).toBe(action.status);
      for (const update of action.updates) expect(update.happenedOn <= TODAY.toISOString().slice(0, 10)).toBe(true);
    }
    expect(actions.find((a) => a.status === 'done')?.doneOn).toBe(actions.find((a) => a.status === 'done')?.updates.at(-1)?.happenedOn);
  });
});
