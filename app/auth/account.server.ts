import { inTransaction, type Db } from '#db/connection';
import type { User } from '#db/schema';
import { actorOf, recordAudit } from '~/platform/audit.server';
import { hashPassword, verifyPassword } from './password.server';
import { createSession, deleteUserSessions } from './sessions.server';
import { updatePassword } from './users.server';

/**
 * Changes a person's own password after checking the current one. Every other session ends (a
 * password is changed when it may be known to someone else); this browser gets a new session.
 */
export async function changeOwnPassword(
  db: Db,
  user: User,
  input: { current: string; password: string },
  now = new Date(),
): Promise<{ ok: true; token: string } | { ok: false }> {
  if (!(await verifyPassword(input.current, user.password_hash))) return { ok: false };
  // scrypt takes a good part of a second: hashed before the transaction, so it never holds the write lock.
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    await updatePassword(trx, user.id, passwordHash, now);
    await deleteUserSessions(trx, user.id);
    const { token } = await createSession(trx, user.id, now);
    await recordAudit(
      trx,
      actorOf(user),
      { action: 'user.password', entityType: 'user', entityId: user.id, summary: `${user.email} changed their password` },
      now,
    );
    return { ok: true, token } as const;
  });
}

/** Ends every one of a person's own sessions, this one too, with its audit entry; returns how many ended. */
export function signOutEverywhere(db: Db, user: User): Promise<number> {
  return inTransaction(db, async (trx) => {
    const ended = await deleteUserSessions(trx, user.id);
    await recordAudit(trx, actorOf(user), {
      action: 'user.sign_out_everywhere',
      entityType: 'user',
      entityId: user.id,
      summary: `${user.email} signed out everywhere (${ended} sessions)`,
    });
    return ended;
  });
}
