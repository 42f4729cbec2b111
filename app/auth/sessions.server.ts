import { createCookie } from '@remix-run/node';
import type { Db } from '#db/connection';
import type { Session, User } from '#db/schema';
import { env } from '~/platform/env.server';
import { hashToken, newToken } from './tokens.server';

// Server-side sessions: the cookie holds a random token, the database a hash of it. A session
// ends after SESSION_IDLE_MINUTES without a request, and in any case after twelve hours.

const ABSOLUTE_HOURS = 12;
// last_seen_at is written at most this often, so browsing does not write on every request.
const TOUCH_EVERY_MS = 60 * 1000;

const sessionCookie = createCookie('heard_session', { path: '/', httpOnly: true, sameSite: 'lax' });

/** Secure cookies everywhere but a developer's own machine, where there is no TLS. */
function isLocal(request: Request): boolean {
  const host = new URL(request.url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

export function cookieSecurity(request: Request): { secure: boolean } {
  return { secure: !isLocal(request) };
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export async function sessionCookieHeader(request: Request, token: string): Promise<string> {
  return sessionCookie.serialize(token, { ...cookieSecurity(request), maxAge: ABSOLUTE_HOURS * 60 * 60 });
}

export async function clearSessionCookieHeader(request: Request): Promise<string> {
  return sessionCookie.serialize('', { ...cookieSecurity(request), maxAge: 0 });
}

function idleMs(): number {
  return env().SESSION_IDLE_MINUTES * 60 * 1000;
}

/** A new session for a user: always a new token, so a token planted before sign-in is worthless. */
export async function createSession(db: Db, userId: number, now = new Date()): Promise<{ token: string; session: Session }> {
  const token = newToken();
  const session: Session = {
    id: hashToken(token),
    user_id: userId,
    csrf_token: newToken(),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ABSOLUTE_HOURS * 60 * 60 * 1000).toISOString(),
  };
  await db.insertInto('sessions').values(session).execute();
  return { token, session };
}

export interface SignedIn {
  session: Session;
  user: User;
}

/** The live session and active user a token belongs to; expired and idle sessions are deleted. */
export async function findSession(db: Db, token: string, now = new Date()): Promise<SignedIn | null> {
  const id = hashToken(token);
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return null;
  const idleSince = now.getTime() - Date.parse(session.last_seen_at);
  if (idleSince > idleMs() || now.toISOString() >= session.expires_at) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).where('status', '=', 'active').executeTakeFirst();
  if (!user) return null;
  if (idleSince > TOUCH_EVERY_MS) {
    session.last_seen_at = now.toISOString();
    await db.updateTable('sessions').set({ last_seen_at: session.last_seen_at }).where('id', '=', id).execute();
  }
  return { session, user };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** Signs a person out everywhere: every browser they are signed in on. */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<void> {
  const idleBefore = new Date(now.getTime() - idleMs()).toISOString();
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<', idleBefore)]))
    .execute();
}
