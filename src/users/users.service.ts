import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { clearLoginLocks, deleteSessionsOfUser, revokeApiTokensOfUser } from '../auth/auth.repository.ts';
import { hashPassword } from '../auth/password.ts';
import type { Db } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { DomainError } from '../shared/errors.ts';
import type { Text } from '../shared/i18n.ts';
import { isUniqueViolation } from '../shared/pg-errors.ts';
import { findUser, insertUser, listUsers, type User, updateUser } from './users.repository.ts';
import { texts } from '../shared/texts.ts';

/** Said at the e-mail field when another user of the instance has the address (one login name across it). */
export const emailInUse: Text = texts('admin.refusals.emailInUse');

export function listMunicipalityUsers(db: Db, actor: Actor): Promise<User[]> {
  return listUsers(db, actor.municipalityId);
}

/**
 * Creates a user with the password the administrator gave. That password is one-time: the
 * administrator knows it, and it reached the user some other way, so the user chooses their own
 * at the first log-in.
 */
export async function createUser(
  db: Db,
  actor: Actor,
  input: { email: string; name: string; role: Role; phone?: string | null | undefined; password: string },
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const user = await insertUser(trx, {
        municipalityId: actor.municipalityId,
        email: input.email,
        name: input.name,
        role: input.role,
        phone: input.phone ?? null,
        passwordHash,
        passwordMustChange: true,
      });
      await appendAudit(trx, {
        municipalityId: actor.municipalityId,
        userId: actor.userId,
        action: 'user.created',
        details: { targetUserId: user.id, role: user.role },
        ip: actor.ip,
        requestId: actor.requestId,
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', { fieldErrors: [{ field: 'email', message: emailInUse }] });
    }
    throw error;
  }
}

/**
 * Changes a user when the stored version is still the one the change was made against; otherwise
 * `version_conflict` with the current version, and nothing is written. A new password for another
 * user is one-time, as at creation; a new password administrators give themselves is their own.
 */
export async function changeUser(
  db: Db,
  actor: Actor,
  id: string,
  input: {
    version: number;
    name?: string | undefined;
    role?: Role | undefined;
    phone?: string | null | undefined;
    active?: boolean | undefined;
    password?: string | undefined;
    unlock?: true | undefined;
  },
  now: Date,
): Promise<User> {
  if (id === actor.userId && (input.active === false || (input.role && input.role !== 'admin'))) {
    // An administrator cannot lock themselves out of administration.
    throw new DomainError('conflict', {
      fieldErrors: [
        {
          field: input.active === false ? 'active' : 'role',
          message: texts('admin.refusals.ownAdminAccess'),
        },
      ],
    });
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction().execute(async (trx) => {
    const current = await findUser(trx, actor.municipalityId, id);
    if (!current) throw new DomainError('not_found');
    const user = await updateUser(
      trx,
      actor.municipalityId,
      id,
      input.version,
      {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.role !== undefined && { role: input.role }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.active !== undefined && { active: input.active }),
        ...(passwordHash !== undefined && { passwordHash, passwordMustChange: id !== actor.userId }),
        ...(input.unlock && { unlock: true }),
      },
      now,
    );
    if (!user) throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
    // A deactivated user, or one whose password or role changed, starts over with a fresh login,
    // and the tokens they made under the old terms stop working.
    if (input.active === false || passwordHash || user.role !== current.role) {
      await deleteSessionsOfUser(trx, actor.municipalityId, id);
      await revokeApiTokensOfUser(trx, actor.municipalityId, id, now);
    }
    if (input.unlock) await clearLoginLocks(trx, id);
    await appendAudit(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      action: 'user.updated',
      // Which fields were changed, never a password.
      details: {
        targetUserId: id,
        fields: Object.entries(input)
          .filter(([k, v]) => k !== 'version' && v !== undefined)
          .map(([k]) => k),
      },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return user;
  });
}

export async function readUser(db: Db, actor: Actor, id: string): Promise<User> {
  const user = await findUser(db, actor.municipalityId, id);
  if (!user) throw new DomainError('not_found');
  return user;
}
