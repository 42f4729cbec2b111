import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { createTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import { requireConsultation, requireConsultationTitle, requireOpenConsultation, requirePublicConsultation } from './find.server';

// Finding one consultation on a real database: the workspace reaches any status by id and gets a
// private 404 for an address that names none; the public sees only what is open or was.

const day = 86_400_000;
let db: Db;
let destroy: () => Promise<void>;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
});
afterAll(() => destroy());

const workspace404 = { data: { reason: 'not_found' }, init: { status: 404, headers: { 'Cache-Control': 'private, no-store' } } };

describe('the workspace', () => {
  it('finds a consultation whatever its status, by the id in the address', async () => {
    const id = await createConsultation(db, { status: 'draft' });
    expect(await requireConsultation(db, String(id))).toMatchObject({ id, status: 'draft', title: 'Test consultation' });
    expect(await requireConsultationTitle(db, String(id))).toEqual({ id, title: 'Test consultation' });
  });

  it('answers a private 404 for an id that is not a consultation, or not an id at all', async () => {
    for (const raw of ['999999', '0', '-1', '1.5', 'abc', undefined]) {
      await expect(requireConsultation(db, raw)).rejects.toMatchObject(workspace404);
      await expect(requireConsultationTitle(db, raw)).rejects.toMatchObject(workspace404);
    }
  });
});

describe('the public', () => {
  it('never sees a draft or a consultation that has not opened, and gets 410 once one has closed', async () => {
    const slugOf = async (id: number) => (await db.selectFrom('consultations').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
    const now = new Date();
    const draft = await slugOf(await createConsultation(db, { status: 'draft' }));
    const upcoming = await slugOf(await createConsultation(db, { status: 'open', opensAt: new Date(now.getTime() + day).toISOString() }));
    const closed = await slugOf(await createConsultation(db, { status: 'closed', closesAt: new Date(now.getTime() - day).toISOString() }));
    const open = await slugOf(await createConsultation(db, { status: 'open' }));
    for (const slug of [draft, upcoming, 'no-such-consultation'])
      await expect(requirePublicConsultation(db, slug, 'en', now)).rejects.toMatchObject({ status: 404 });
    expect(await requirePublicConsultation(db, closed, 'en', now)).toMatchObject({ slug: closed, effectiveStatus: 'closed' });
    await expect(requireOpenConsultation(db, closed, 'en', now)).rejects.toMatchObject({ data: { reason: 'closed', slug: closed }, init: { status: 410 } });
    expect(await requireOpenConsultation(db, open, 'en', now)).toMatchObject({ slug: open, effectiveStatus: 'open' });
  });
});
