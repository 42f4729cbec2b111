import { inTransaction, type Db } from '#db/connection';
import type { Role, User } from '#db/schema';
import { actorOf, recordAudit } from '~/platform/audit.server';
import { auditedChange } from '~/platform/audited-change.server';
import { hashPassword } from './password.server';
import { deleteUserSessions } from './sessions.server';
import {
  activateInvitedUser,
  countActiveAdmins,
  findInvitation,
  findUserByEmail,
  findUserById,
  insertInvitation,
  insertInvitedUser,
  updateUser,
  userForAudit,
} from './users.server';

// What administrators do to other people's accounts. Each change is audited in its transaction
// (the changes to an existing account in auditedChange's shape), and none can leave the council
// without an active administrator.

export type UserChangeError = 'emailTaken' | 'lastAdmin' | 'notYourself' | 'notFound' | 'notInvited';
type Result<T> = { ok: true; value: T } | { ok: false; error: UserChangeError };
const refused = (error: UserChangeError) => ({ ok: false, error }) as const;

export async function inviteUser(
  db: Db,
  by: User,
  input: { email: string; name: string; role: Role },
  now = new Date(),
): Promise<Result<{ user: User; token: string }>> {
  return inTransaction(db, async (trx) => {
    if (await findUserByEmail(trx, input.email)) return { ok: false, error: 'emailTaken' } as const;
    const invited = await insertInvitedUser(trx, { ...input, invitedBy: by.id }, now);
    await recordAudit(
      trx,
      actorOf(by),
      {
        action: 'user.invite',
        entityType: 'user',
        entityId: invited.user.id,
        summary: `Invited ${invited.user.email} as ${input.role}`,
        after: userForAudit(invited.user),
      },
      now,
    );
    return { ok: true, value: invited } as const;
  });
}

/** Someone invited sets their name and password: their account is active and the link used, with its audit entry. */
export async function acceptInvitation(db: Db, token: string, input: { name: string; password: string }, now = new Date()): Promise<User | undefined> {
  // scrypt takes a good part of a second: done before the transaction, and only for a live link.
  if (!(await findInvitation(db, token, now))) return undefined;
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const accepted = await activateInvitedUser(trx, token, { name: input.name, passwordHash }, now);
    if (accepted)
      await recordAudit(
        trx,
        actorOf(accepted),
        { action: 'user.accept_invitation', entityType: 'user', entityId: accepted.id, summary: `${accepted.email} accepted their invitation` },
        now,
      );
    return accepted;
  });
}

/** A fresh invitation link for someone who has not yet accepted; the old link stops working. */
export async function reinviteUser(db: Db, by: User, userId: number, now = new Date()): Promise<Result<string>> {
  return inTransaction(db, async (trx) => {
    const outcome = await auditedChange(
      trx,
      actorOf(by),
      {
        find: (t) => findUserById(t, userId),
        missing: refused('notFound'),
        check: (user) => (user.status !== 'invited' ? refused('notInvited') : undefined),
        change: (t, user) => insertInvitation(t, user.id, by.id, now),
        audit: (user) => ({ action: 'user.reinvite', entityType: 'user', entityId: user.id, summary: `Sent ${user.email} a new invitation link` }),
      },
      now,
    );
    return outcome.ok ? { ok: true, value: outcome.done } : outcome;
  });
}

async function keepsAnAdmin(db: Db, target: User, change: { role?: Role; status?: 'disabled' }): Promise<boolean> {
  const isActiveAdmin = target.role === 'admin' && target.status === 'active';
  const stopsBeingOne = (change.role !== undefined && change.role !== 'admin') || change.status === 'disabled';
  return !(isActiveAdmin && stopsBeingOne) || (await countActiveAdmins(db)) > 1;
}

export async function changeUser(
  db: Db,
  by: User,
  userId: number,
  change: { role: Role } | { status: 'disabled' | 'enabled' },
  now = new Date(),
): Promise<Result<User>> {
  if (userId === by.id) return { ok: false, error: 'notYourself' };
  return inTransaction(db, async (trx) => {
    const outcome = await auditedChange(
      trx,
      actorOf(by),
      {
        find: (t) => findUserById(t, userId),
        missing: refused('notFound'),
        check: async (target, t) => {
          if ('role' in change) return (await keepsAnAdmin(t, target, { role: change.role })) ? undefined : refused('lastAdmin');
          if (change.status === 'disabled') return (await keepsAnAdmin(t, target, { status: 'disabled' })) ? undefined : refused('lastAdmin');
          return undefined;
        },
        change: async (t, target) => {
          if ('role' in change) return updateUser(t, userId, { role: change.role }, now);
          if (change.status === 'enabled') return updateUser(t, userId, { status: target.password_hash ? 'active' : 'invited' }, now);
          const updated = await updateUser(t, userId, { status: 'disabled' }, now);
          // A disabled person is signed out at once, on every device.
          await deleteUserSessions(t, userId);
          return updated;
        },
        audit: (target, updated) => ({
          ...('role' in change
            ? { action: 'user.role', summary: `Changed ${target.email} from ${target.role} to ${change.role}` }
            : change.status === 'disabled'
              ? { action: 'user.disable', summary: `Disabled ${target.email}` }
              : { action: 'user.enable', summary: `Enabled ${target.email}` }),
          entityType: 'user',
          entityId: userId,
          before: userForAudit(target),
          after: userForAudit(updated),
        }),
      },
      now,
    );
    return outcome.ok ? { ok: true, value: outcome.done } : outcome;
  });
}

export async function signOutUserEverywhere(db: Db, by: User, userId: number, now = new Date()): Promise<Result<number>> {
  return inTransaction(db, async (trx) => {
    const outcome = await auditedChange(
      trx,
      actorOf(by),
      {
        find: (t) => findUserById(t, userId),
        missing: refused('notFound'),
        change: (t) => deleteUserSessions(t, userId),
        audit: (target, ended) => ({
          action: 'user.sign_out_everywhere',
          entityType: 'user',
          entityId: userId,
          summary: `Signed ${target.email} out everywhere (${ended} sessions)`,
        }),
      },
      now,
    );
    return outcome.ok ? { ok: true, value: outcome.done } : outcome;
  });
}
