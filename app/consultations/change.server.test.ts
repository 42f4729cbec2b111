import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Actor } from '~/platform/audit.server';
import { createTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import { changeConsultation, refuse } from './change.server';
import { findConsultation } from './find.server';

// The one shape of a change to a consultation's row, on a real database: refused changes write
// nothing, and a change and its audit entry commit or roll back together.

const actor: Actor = { userId: null, label: 'officer@test' };
let db: Db;
let destroy: () => Promise<void>;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
});
afterAll(() => destroy());

const audits = (id: number) => db.selectFrom('audit_events').selectAll().where('consultation_id', '=', id).execute();

describe('changing a consultation', () => {
  it('sets the columns, moves updated_at and records the entry for this consultation', async () => {
    const id = await createConsultation(db);
    const before = (await findConsultation(db, id))!;
    const now = new Date(Date.parse(before.updated_at) + 60_000);
    const result = await changeConsultation(
      db,
      actor,
      id,
      {
        set: () => ({ results_summary: 'New words' }),
        audit: (b, after) => ({ action: 'results.summary', summary: `Changed "${b.title}"`, before: { results_summary: b.results_summary }, after }),
      },
      now,
    );
    expect(result).toEqual({ ok: true });
    expect(await findConsultation(db, id)).toMatchObject({ results_summary: 'New words', updated_at: now.toISOString() });
    const [entry] = await audits(id);
    expect(entry).toMatchObject({
      action: 'results.summary',
      entity_type: 'consultation',
      entity_id: String(id),
      actor: 'officer@test',
      after_json: JSON.stringify({ results_summary: 'New words' }),
    });
  });

  it('writes nothing when the consultation is not there or the check refuses', async () => {
    const steps = { set: () => ({ results_summary: 'x' }), audit: () => ({ action: 'results.summary', summary: 'x' }) };
    expect(await changeConsultation(db, actor, 999_999, steps)).toEqual({ ok: false, error: 'builder:notFound' });
    const id = await createConsultation(db);
    const before = await findConsultation(db, id);
    expect(await changeConsultation(db, actor, id, { ...steps, check: () => refuse('publishing:notClosed') })).toEqual({
      ok: false,
      error: 'publishing:notClosed',
    });
    expect(await findConsultation(db, id)).toEqual(before);
    expect(await audits(id)).toEqual([]);
  });

  it('rolls the change back when its audit entry cannot be written', async () => {
    const id = await createConsultation(db);
    const before = await findConsultation(db, id);
    const failing = changeConsultation(db, actor, id, {
      set: () => ({ results_summary: 'Never kept' }),
      audit: () => {
        throw new Error('no entry');
      },
    });
    await expect(failing).rejects.toThrow('no entry');
    expect(await findConsultation(db, id)).toEqual(before);
    expect(await audits(id)).toEqual([]);
  });
});
