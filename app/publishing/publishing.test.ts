import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedFramework } from '#db/seed/framework';
import { createRandom } from '#db/seed/random';
import { seedWards } from '#db/seed/wards';
import { storeRandomResponses } from '../../tests/random-responses';
import type { Actor } from '~/platform/audit.server';
import { createTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import { listActions } from './actions.server';
import { addAction, deleteAction, moveAction, updateAction } from './editing.server';
import { publishResults, saveResultsSummary, unpublishResults } from './lifecycle.server';
import { loadPublicResults } from './results-page.server';
import type { ActionInput } from './schemas';
import { requirePublishedConsultation } from '~/consultations/find.server';
import { listTextsToTranslate, saveTranslations } from '~/consultations/versions/translations.server';

// Publishing results on a real, freshly migrated database (SQLite; PostgreSQL with
// TEST_DATABASE_URL): actions and their dated history, the rules for publishing, and the public
// page's model, whose small channel counts stay hidden.

const actor: Actor = { userId: null, label: 'officer@test' };
const day = 86_400_000;
let db: Db;
let destroy: () => Promise<void>;
let priorityId: number;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedWards(db);
  await seedFramework(db);
  priorityId = (await db.selectFrom('priorities').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
});
afterAll(() => destroy());

const audits = (action: string) => db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
const closed = () =>
  createConsultation(db, { status: 'closed', opensAt: new Date(Date.now() - 30 * day).toISOString(), closesAt: new Date(Date.now() - day).toISOString() });
const input = (over: Partial<ActionInput> = {}): ActionInput => ({
  title: 'Repair the paths',
  description: 'Resurface them.',
  priorityId,
  status: 'planned',
  dueOn: '2027-06-30',
  doneOn: null,
  changedOn: null,
  note: '',
  ...over,
});

describe('actions (what we did)', () => {
  it('are added with their first status as the start of their history, changed, moved and deleted, each audited', async () => {
    const consultationId = await closed();
    const now = new Date('2027-03-01T10:00:00Z');
    const first = await addAction(db, actor, consultationId, input(), now);
    const second = await addAction(db, actor, consultationId, input({ title: 'Plant trees', priorityId: null }), now);
    if (!first.ok || !second.ok) throw new Error('not added');
    let actions = await listActions(db, consultationId);
    expect(actions.map((a) => a.title)).toEqual(['Repair the paths', 'Plant trees']);
    expect(actions[0]).toMatchObject({
      status: 'planned',
      dueOn: '2027-06-30',
      priority: { id: priorityId },
      updates: [{ status: 'planned', happenedOn: '2027-03-01', note: '' }],
    });

    // Done, with its date: the update is dated the day it was done, with the officer's note.
    const done = await updateAction(
      db,
      actor,
      consultationId,
      first.id,
      input({ status: 'done', dueOn: null, doneOn: '2027-05-20', note: 'All paths resurfaced.' }),
      new Date('2027-05-21T09:00:00Z'),
    );
    expect(done).toEqual({ ok: true, statusChanged: true });
    // The same status again with no note is a plain edit: no new update.
    await updateAction(db, actor, consultationId, second.id, input({ title: 'Plant 2,000 trees', priorityId: null }));
    actions = await listActions(db, consultationId);
    expect(actions[0]).toMatchObject({ status: 'done', doneOn: '2027-05-20', dueOn: null });
    expect(actions[0]!.updates).toEqual([
      { status: 'planned', happenedOn: '2027-03-01', note: '' },
      { status: 'done', happenedOn: '2027-05-20', note: 'All paths resurfaced.' },
    ]);
    expect(actions[1]).toMatchObject({ title: 'Plant 2,000 trees', priority: null });
    expect(actions[1]!.updates).toHaveLength(1);

    await moveAction(db, actor, consultationId, second.id, 'up');
    expect((await listActions(db, consultationId)).map((a) => a.id)).toEqual([second.id, first.id]);

    expect(await deleteAction(db, actor, consultationId, first.id)).toEqual({ ok: true });
    expect((await listActions(db, consultationId)).map((a) => a.id)).toEqual([second.id]);
    expect(await db.selectFrom('action_updates').select('id').where('action_id', '=', first.id).execute()).toEqual([]);
    for (const action of ['action.create', 'action.status', 'action.update', 'action.move', 'action.delete']) {
      expect(
        (await audits(action)).some((e) => e.consultation_id === consultationId),
        action,
      ).toBe(true);
    }
  });

  it('refuse a priority that does not exist, and another consultation’s action', async () => {
    const consultationId = await closed();
    const other = await closed();
    expect(await addAction(db, actor, consultationId, input({ priorityId: 999_999 }))).toEqual({
      ok: false,
      error: 'publishing:priorityMissing',
      field: 'priorityId',
    });
    const added = await addAction(db, actor, consultationId, input());
    if (!added.ok) throw new Error('not added');
    expect(await updateAction(db, actor, other, added.id, input())).toMatchObject({ ok: false, error: 'builder:notFound' });
    expect(await deleteAction(db, actor, other, added.id)).toMatchObject({ ok: false });
    expect(await listActions(db, consultationId)).toHaveLength(1);
  });
});

describe('publishing results', () => {
  it('needs a closed consultation and the opening words; unpublishing closes it again', async () => {
    const open = await createConsultation(db, { status: 'open' });
    const draft = await createConsultation(db, { status: 'draft' });
    expect(await publishResults(db, actor, open)).toEqual({ ok: false, error: 'publishing:notClosed' });
    expect(await publishResults(db, actor, draft)).toEqual({ ok: false, error: 'publishing:notClosed' });

    const id = await closed();
    const slug = (await db.selectFrom('consultations').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
    expect(await publishResults(db, actor, id)).toMatchObject({ ok: false, error: 'publishing:summaryMissing' });
    await expect(requirePublishedConsultation(db, slug)).rejects.toMatchObject({ status: 404 });

    await saveResultsSummary(db, actor, id, 'You told us the paths matter most.');
    const now = new Date();
    expect(await publishResults(db, actor, id, now)).toEqual({ ok: true });
    expect(await db.selectFrom('consultations').select(['status', 'results_published_at', 'results_summary']).where('id', '=', id).executeTakeFirst()).toEqual({
      status: 'results_published',
      results_published_at: now.toISOString(),
      results_summary: 'You told us the paths matter most.',
    });
    expect((await requirePublishedConsultation(db, slug)).id).toBe(id);
    expect(await publishResults(db, actor, id)).toEqual({ ok: false, error: 'publishing:notClosed' });

    expect(await unpublishResults(db, actor, id)).toEqual({ ok: true });
    expect(await db.selectFrom('consultations').select(['status', 'results_published_at']).where('id', '=', id).executeTakeFirst()).toEqual({
      status: 'closed',
      results_published_at: null,
    });
    await expect(requirePublishedConsultation(db, slug)).rejects.toMatchObject({ status: 404 });
    expect(await unpublishResults(db, actor, id)).toEqual({ ok: false, error: 'publishing:notPublished' });
    expect((await audits('results.publish')).length).toBeGreaterThan(0);
    expect((await audits('results.unpublish')).length).toBeGreaterThan(0);
  });
});

describe('the public results page', () => {
  it('counts who took part by channel, with a small channel hidden and no value for it anywhere', async () => {
    const id = await createConsultation(db, {
      status: 'closed',
      closesAt: new Date(Date.now() - day).toISOString(),
      sections: [{ key: 'main', questions: [{ key: 'pick', kind: 'single_choice', options: ['a', 'b'] }] }],
    });
    await storeRandomResponses(db, id, 100, createRandom(7));
    const ids = (await db.selectFrom('responses').select('id').where('consultation_id', '=', id).orderBy('id').execute()).map((r) => r.id);
    await db.updateTable('responses').set({ status: 'counted', channel: 'online' }).where('consultation_id', '=', id).execute();
    await db.updateTable('responses').set({ channel: 'workshop' }).where('id', 'in', ids.slice(0, 25)).execute();
    await db.updateTable('responses').set({ channel: 'paper' }).where('id', 'in', ids.slice(25, 28)).execute();
    await addAction(db, actor, id, input({ title: 'Fix the paths' }));
    const consultation = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    const page = await loadPublicResults(db, consultation, 'en', 10);
    expect(page.participation.total).toEqual({ suppressed: false, value: 100 });
    const channel = (key: string) => page.participation.channels.find((c) => c.key === key)?.responses;
    expect(channel('paper')).toEqual({ suppressed: true });
    // 72 online and 25 at workshops would give the paper count away by subtraction: one more is hidden.
    expect([channel('online'), channel('workshop')]).toContainEqual({ suppressed: true });
    expect(JSON.stringify(page.participation)).not.toMatch(/"value":3\b/);
    expect(page.participation.channels.map((c) => c.label)).toContain('Paper form');
    expect(page.figures.map((q) => q.key)).toEqual(['pick']);
    expect(page.figures[0]!.columns).toHaveLength(1);
    expect(page.actions.map((a) => a.title)).toEqual(['Fix the paths']);
    expect(page.asked.flatMap((s) => s.questions)).toEqual(['Question pick?']);
  });
});

describe('what we did in other languages', () => {
  it('is among the texts to translate, reads in Polish where translated and English where not, and its translations go with a deleted action', async () => {
    const id = await closed();
    await saveResultsSummary(db, actor, id, 'You told us the paths matter most.');
    const paths = await addAction(db, actor, id, input({ title: 'Repair the paths', description: 'Resurface them.' }));
    const trees = await addAction(db, actor, id, input({ title: 'Plant trees', description: '' }));
    if (!paths.ok || !trees.ok) throw new Error('not added');

    const texts = await listTextsToTranslate(db, id, 'pl');
    const names = texts.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining([`consultation-${id}-results_summary`, `action-${paths.id}-title`, `action-${paths.id}-description`, `action-${trees.id}-title`]),
    );
    // An empty description has nothing to translate.
    expect(names).not.toContain(`action-${trees.id}-description`);

    const user = { id: (await addOfficer()).id, email: 'translator@test' };
    await saveTranslations(db, user, id, 'pl', {
      [`consultation-${id}-results_summary`]: 'Powiedzieliście nam, że ścieżki są najważniejsze.',
      [`action-${paths.id}-title`]: 'Naprawa ścieżek',
    });
    const consultation = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const polish = await loadPublicResults(db, consultation, 'pl', 10);
    expect(polish.consultation.resultsSummary).toBe('Powiedzieliście nam, że ścieżki są najważniejsze.');
    expect(polish.actions.map((a) => [a.title, a.description])).toEqual([
      ['Naprawa ścieżek', 'Resurface them.'],
      ['Plant trees', ''],
    ]);
    expect((await loadPublicResults(db, consultation, 'en', 10)).actions[0]!.title).toBe('Repair the paths');

    await deleteAction(db, actor, id, paths.id);
    expect(await db.selectFrom('translations').select('value').where('entity_type', '=', 'action').where('entity_id', '=', paths.id).execute()).toEqual([]);
  });
});

async function addOfficer() {
  return db
    .insertInto('users')
    .values({
      email: `translator-${Date.now()}-${Math.random()}@test`,
      name: 'Translator',
      role: 'officer',
      status: 'active',
      password_hash: null,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      last_sign_in_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
