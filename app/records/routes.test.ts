import type { LoaderFunctionArgs } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Role } from '#db/schema';
import { createSession, sessionCookieHeader } from '~/auth/sessions.server';
import { insertActiveUser } from '~/auth/users.server';
import { newRequestState } from '~/platform/http/context';
import { loader as csvLoader } from '~/routes/admin.records[.]csv';
import { loader as detailLoader } from '~/routes/admin.records.$consultationId';
import { loader as listLoader } from '~/routes/admin.records._index';
import { createConsultation } from '../../tests/factories';
import { createTestDb } from '../../tests/db';

// Who may read the record of processing (administrators only: officers and analysts get 403
// from the server, whatever the navigation shows), and what an administrator receives.

let db: Db;
let destroy: () => Promise<void>;
let consultationId: number;
const cookies = new Map<Role, string>();

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  consultationId = await createConsultation(db, { closesAt: '2026-06-30T12:00:00.000Z', opensAt: '2026-05-01T12:00:00.000Z' });
  await db
    .insertInto('responses')
    .values({
      consultation_id: consultationId,
      reference: 'HRD-ROLE-0001',
      idempotency_key: 'role-1',
      channel: 'online',
      respondent_group: 'resident',
      locale: 'en',
      submitted_at: '2026-06-01T10:00:00.000Z',
      religion: 'buddhist',
      quote_consent: 1,
      quote_credit: 'name_age_area',
      quote_name: '=HYPERLINK("x")',
    })
    .execute();
  await db.updateTable('consultations').set({ title: '=cmd|calc', retention_months: 3 }).where('id', '=', consultationId).execute();
  for (const role of ['admin', 'officer', 'analyst'] as const) {
    const user = await insertActiveUser(db, { email: `${role}@example.org`, role, password: 'a long enough password' });
    const { token } = await createSession(db, user.id);
    cookies.set(role, (await sessionCookieHeader(new Request('http://localhost/'), token)).split(';')[0]!);
  }
}, 60_000);
afterAll(() => destroy());

function args(role: Role, path: string, params: Record<string, string> = {}): LoaderFunctionArgs {
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookies.get(role)! } });
  const context = { db, request: newRequestState() } as unknown as LoaderFunctionArgs['context'];
  return { request, context, params };
}

async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = await run();
    return result instanceof Response ? result.status : ((result as { init?: { status?: number } | null }).init?.status ?? 200);
  } catch (thrown) {
    return (thrown as { init?: { status?: number }; status?: number }).init?.status ?? (thrown as Response).status;
  }
}

describe('the record of processing is for administrators only', () => {
  for (const role of ['officer', 'analyst'] as const) {
    it(`refuses an ${role} the list, a consultation's record and the download (403)`, async () => {
      expect(await statusOf(() => listLoader(args(role, '/admin/records')))).toBe(403);
      expect(await statusOf(() => detailLoader(args(role, `/admin/records/${consultationId}`, { consultationId: String(consultationId) })))).toBe(403);
      expect(await statusOf(() => csvLoader(args(role, '/admin/records.csv')))).toBe(403);
    });
  }

  it('gives an administrator the list and the record', async () => {
    expect(await statusOf(() => listLoader(args('admin', '/admin/records')))).toBe(200);
    const detail = (await detailLoader(args('admin', `/admin/records/${consultationId}`, { consultationId: String(consultationId) }))) as unknown as {
      data: { record: { holdings: { categories: Record<string, number> }; retention: { date: string } } };
    };
    expect(detail.data.record.holdings.categories.religion).toBe(1);
    expect(detail.data.record.retention.date).toBe('2026-09-30T12:00:00.000Z');
  });

  it('answers 404 for a consultation that does not exist or an address no consultation could have', async () => {
    for (const id of ['987654', 'abc', '-1', '1.5']) {
      expect(await statusOf(() => detailLoader(args('admin', `/admin/records/${id}`, { consultationId: id })))).toBe(404);
    }
  });

  it('downloads a CSV with the figures and no content, a formula-like title made harmless', async () => {
    const response = await csvLoader(args('admin', '/admin/records.csv'));
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="record-of-processing-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    expect(text).toContain(`${consultationId},`);
    expect(text).toContain("'=cmd|calc");
    expect(text).not.toContain('HYPERLINK');
  });
});
