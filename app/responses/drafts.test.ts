import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { createConsultation } from '../../tests/factories';
import { createTestDb } from '../../tests/db';
import { loadDraft, purgeExpiredDrafts, saveDraftStep } from './drafts.server';

let db: Db;
let destroy: () => Promise<void>;
let consultationId: number;
let otherConsultationId: number;
beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  consultationId = await createConsultation(db);
  otherConsultationId = await createConsultation(db);
});
afterAll(() => destroy());

describe('answers in progress', () => {
  it('replaces only the answers of the step just saved, and keeps one idempotency key', async () => {
    const now = new Date('2026-11-20T10:00:00Z');
    await saveDraftStep(db, 'token-a', consultationId, ['q-a', 'q-b'], { 'q-a': 'yes', 'q-b': ['x', 'y'] }, now);
    const first = await loadDraft(db, 'token-a', consultationId);
    await saveDraftStep(db, 'token-a', consultationId, ['q-c'], { 'q-c': 'Some text' }, now);
    // Unticking every box of a step clears that answer.
    await saveDraftStep(db, 'token-a', consultationId, ['q-a', 'q-b'], { 'q-a': 'no' }, now);
    const draft = await loadDraft(db, 'token-a', consultationId);
    expect(draft?.values).toEqual({ 'q-a': 'no', 'q-c': 'Some text' });
    expect(draft?.idempotencyKey).toBe(first?.idempotencyKey);
  });

  it('keeps the answers of two consultations in one browser apart', async () => {
    const now = new Date();
    await saveDraftStep(db, 'token-b', consultationId, ['q-a'], { 'q-a': 'yes' }, now);
    await saveDraftStep(db, 'token-b', otherConsultationId, ['q-a'], { 'q-a': 'no' }, now);
    expect((await loadDraft(db, 'token-b', consultationId))?.values).toEqual({ 'q-a': 'yes' });
    expect((await loadDraft(db, 'token-b', otherConsultationId))?.values).toEqual({ 'q-a': 'no' });
    expect(await loadDraft(db, 'someone-else', consultationId)).toBeNull();
  });

  it('refuses to store an unreasonably large draft', async () => {
    const saved = await saveDraftStep(db, 'token-c', consultationId, ['q-a'], { 'q-a': 'x'.repeat(300_000) }, new Date());
    expect(saved).toBe(false);
    expect(await loadDraft(db, 'token-c', consultationId)).toBeNull();
  });

  it('purges drafts nobody has touched for a week', async () => {
    await saveDraftStep(db, 'token-old', consultationId, ['q-a'], { 'q-a': 'yes' }, new Date('2026-11-01T00:00:00Z'));
    await saveDraftStep(db, 'token-new', consultationId, ['q-a'], { 'q-a': 'yes' }, new Date('2026-11-20T00:00:00Z'));
    await purgeExpiredDrafts(db, new Date('2026-11-21T00:00:00Z'));
    expect(await loadDraft(db, 'token-old', consultationId)).toBeNull();
    expect(await loadDraft(db, 'token-new', consultationId)).not.toBeNull();
  });
});
