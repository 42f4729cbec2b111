import { createCookie } from '@remix-run/node';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import type { Role } from '../db/schema';
import { createSession } from '../app/auth/sessions.server';
import { insertActiveUser } from '../app/auth/users.server';
import { uniqueId } from './load';

const SLUG = 'one-stockport-conversation';

/**
 * A signed-in session of a new account with `role`, made directly in the database the server is
 * about to open, and the One Stockport conversation's id: what a scenario needs to ask for the
 * workspace's figures, reports and files.
 */
export async function signedInCookie(path: string, role: Role): Promise<{ cookie: string; consultationId: number }> {
  const db = openDatabase(path);
  try {
    await migrateToLatest(db);
    const user = await insertActiveUser(db, { email: `bench-${role}-${uniqueId()}@stockport.gov.uk`, role, password: `bench ${role} password` });
    const { token } = await createSession(db, user.id);
    const { id } = await db.selectFrom('consultations').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow();
    const header = await createCookie('heard_session', { path: '/' }).serialize(token);
    return { cookie: header.split(';')[0]!, consultationId: id };
  } finally {
    await db.destroy();
  }
}
