import type { Db, Trx } from '#db/connection';
import type { Role, User, UserStatus } from '#db/schema';
import { hashPassword } from './password.server';
import { hashToken, newToken } from './tokens.server';

// People who use the workspace. Email addresses are kept lower-case, so one person is one account.

export const INVITATION_DAYS = 7;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<User[]> {
  return db.selectFrom('users').selectAll().orderBy('status').orderBy('email').execute();
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An active user with a password, as the command line creates the first administrator. */
export async function insertActiveUser(db: Db, input: { email: string; name?: string; role: Role; password: string }, now = new Date()): Promise<User> {
  const at = now.toISOString();
  return db
    .insertInto('users')
    .values({
      email: normaliseEmail(input.email),
      name: input.name?.trim() ?? '',
      role: input.role,
      password_hash: await hashPassword(input.password),
      status: 'active',
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * An invited user and the one-time token of their invitation link. Only the token's hash is
 * stored; the link is shown once, to the administrator who sent it.
 */
export async function insertInvitedUser(
  trx: Trx,
  input: { email: string; name: string; role: Role; invitedBy: number | null },
  now = new Date(),
): Promise<{ user: User; token: string }> {
  const at = now.toISOString();
  const user = await trx
    .insertInto('users')
    .values({
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      role: input.role,
      password_hash: null,
      status: 'invited',
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const token = await insertInvitation(trx, user.id, input.invitedBy, now);
  return { user, token };
}

/** A new invitation link for a user; earlier links for the same user stop working. */
export async function insertInvitation(trx: Trx, userId: number, invitedBy: number | null, now = new Date()): Promise<string> {
  const token = newToken();
  await trx.deleteFrom('invitations').where('user_id', '=', userId).where('used_at', 'is', null).execute();
  await trx
    .insertInto('invitations')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_by: invitedBy,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000).toISOString(),
    })
    .execute();
  return token;
}

/** The invited user a link belongs to, if the link is unused, unexpired and the user not disabled. */
export async function findInvitation(db: Db, token: string, now = new Date()): Promise<User | undefined> {
  return db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.user_id')
    .selectAll('users')
    .where('invitations.token_hash', '=', hashToken(token))
    .where('invitations.used_at', 'is', null)
    .where('invitations.expires_at', '>', now.toISOString())
    .where('users.status', '=', 'invited')
    .executeTakeFirst();
}

/**
 * Accepts an invitation: the person has chosen their name and password (hashed already, so the
 * slow hash never holds the write lock) and the account is active. In the caller's transaction:
 * acceptInvitation (user-admin.server.ts) opens it and audits.
 */
export async function activateInvitedUser(trx: Trx, token: string, input: { name: string; passwordHash: string }, now = new Date()): Promise<User | undefined> {
  const user = await findInvitation(trx, token, now);
  if (!user) return undefined;
  const { passwordHash } = input;
  const at = now.toISOString();
  await trx.updateTable('invitations').set({ used_at: at }).where('token_hash', '=', hashToken(token)).execute();
  return trx
    .updateTable('users')
    .set({ name: input.name.trim(), password_hash: passwordHash, status: 'active', updated_at: at })
    .where('id', '=', user.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateUser(db: Db, id: number, changes: { role?: Role; status?: UserStatus; name?: string }, now = new Date()): Promise<User> {
  return db
    .updateTable('users')
    .set({ ...changes, updated_at: now.toISOString() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updatePassword(db: Db, id: number, passwordHash: string, now = new Date()): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function markSignedIn(db: Db, id: number, now = new Date()): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: now.toISOString() }).where('id', '=', id).execute();
}

/** What the audit log keeps of a user: never the password hash. */
export function userForAudit(user: User): Record<string, unknown> {
  return { email: user.email, name: user.name, role: user.role, status: user.status };
}
