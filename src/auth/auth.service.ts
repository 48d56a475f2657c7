import { appendAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { hashToken, newToken } from '../shared/crypto.ts';
import { DomainError } from '../shared/errors.ts';
import type { Actor, RequestOrigin } from './actor.ts';
import {
  type ApiToken,
  clearFailedLogins,
  deleteSession,
  deleteSessionsOfUser,
  findLoginLock,
  findUserByEmail,
  findUserById,
  findUserBySession,
  insertApiToken,
  insertSession,
  listApiTokens,
  recordFailedLogin,
  replaceOwnPassword,
  revokeApiToken,
  type SessionUser,
  useApiToken,
} from './auth.repository.ts';
import { hashPassword, verifyDecoy, verifyPassword } from './password.ts';
import { texts } from '../shared/texts.ts';

/** After this many failed attempts in a row from one address the account is locked there for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const SESSION_PREFIX = 'ufs_';
const API_TOKEN_PREFIX = 'uft_';

export interface LoginResult {
  sessionToken: string;
  expiresAt: Date;
  user: SessionUser;
}

export async function login(
  db: Db,
  input: { email: string; password: string },
  origin: RequestOrigin,
  options: { now: Date; sessionTtlHours: number },
): Promise<LoginResult> {
  const { now } = options;
  const user = await findUserByEmail(db, input.email);
  const audit = (action: 'auth.login_succeeded' | 'auth.login_failed', details: Record<string, unknown>) =>
    appendAudit(db, {
      municipalityId: user?.municipalityId ?? null,
      userId: user?.id ?? null,
      action,
      details,
      ...origin,
    });

  if (!user) {
    await verifyDecoy(input.password);
    // What was typed into the e-mail field is not kept when it is no user's: it may be anything,
    // a CPR number or a password typed in the wrong field.
    await audit('auth.login_failed', { reason: 'unknown_email' });
    throw new DomainError('invalid_credentials');
  }
  const failed = (reason: string, extra: Record<string, unknown> = {}) =>
    audit('auth.login_failed', { reason, email: user.email, ...extra });
  if (!user.active) {
    await verifyDecoy(input.password);
    await failed('inactive');
    throw new DomainError('invalid_credentials');
  }
  // A lock holds for the account from this client address only, so a stranger guessing from
  // elsewhere cannot keep the owner out. It is answered as a wrong password, after the same work,
  // so neither the answer nor its time tells that the e-mail has an account.
  const clientAddress = origin.ip ?? 'unknown';
  const lockedUntil = await findLoginLock(db, user.id, clientAddress);
  const passwordRight = await verifyPassword(user.passwordHash, input.password);
  if (lockedUntil && lockedUntil > now) {
    await failed('locked');
    throw new DomainError('invalid_credentials');
  }
  if (!passwordRight) {
    const { locked } = await recordFailedLogin(db, {
      userId: user.id,
      clientAddress,
      limit: MAX_FAILED_LOGINS,
      lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000),
      now,
    });
    await failed('wrong_password', { locked });
    throw new DomainError('invalid_credentials');
  }

  const sessionToken = newToken(SESSION_PREFIX);
  const expiresAt = new Date(now.getTime() + options.sessionTtlHours * 3_600_000);
  await db.transaction().execute(async (trx) => {
    await clearFailedLogins(trx, user.id, origin.ip ?? 'unknown');
    await insertSession(trx, {
      id: hashToken(sessionToken),
      userId: user.id,
      municipalityId: user.municipalityId,
      expiresAt,
    });
    await appendAudit(trx, {
      municipalityId: user.municipalityId,
      userId: user.id,
      action: 'auth.login_succeeded',
      ...origin,
    });
  });
  return {
    sessionToken,
    expiresAt,
    user: {
      userId: user.id,
      municipalityId: user.municipalityId,
      role: user.role,
      name: user.name,
      email: user.email,
      passwordMustChange: user.passwordMustChange,
    },
  };
}

export async function logout(db: Db, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (actor.via.kind === 'session') await deleteSession(trx, actor.via.sessionId);
    await appendAudit(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      action: 'auth.logout',
      ip: actor.ip,
      requestId: actor.requestId,
    });
  });
}

/**
 * Users change their own password: the current one proves it is them (not someone at a desk left
 * logged in), and the new one must be another. It is no longer one-time, and every other session
 * of the user ends, so whoever knew the old password is logged out; the session making the change
 * goes on. A wrong current password is said at its field and written to the audit log; the route
 * is rate-limited like the log-in, so it cannot be used to guess.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  now: Date,
): Promise<void> {
  const user = await findUserById(db, actor.municipalityId, actor.userId);
  if (!user) throw new DomainError('unauthenticated');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await appendAudit(db, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      action: 'auth.password_change_failed',
      details: { reason: 'wrong_password' },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    throw new DomainError('validation_failed', {
      fieldErrors: [
        {
          field: 'currentPassword',
          message: texts('account.refusals.currentPasswordWrong'),
        },
      ],
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new DomainError('validation_failed', {
      fieldErrors: [
        {
          field: 'newPassword',
          message: texts('account.refusals.samePassword'),
        },
      ],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await replaceOwnPassword(trx, actor.municipalityId, actor.userId, passwordHash, now);
    await deleteSessionsOfUser(trx, actor.municipalityId, actor.userId, {
      except: actor.via.kind === 'session' ? actor.via.sessionId : undefined,
    });
    await appendAudit(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      action: 'auth.password_changed',
      details: { wasOneTime: user.passwordMustChange },
      ip: actor.ip,
      requestId: actor.requestId,
    });
  });
}

/** Resolves the credentials of a request: a session cookie or a bearer token. */
export async function authenticate(
  db: Db,
  credentials: { sessionToken?: string | undefined; bearerToken?: string | undefined },
  origin: RequestOrigin,
  now: Date,
): Promise<Actor | null> {
  if (credentials.bearerToken) {
    const tokenUser = await useApiToken(db, hashToken(credentials.bearerToken), now);
    if (!tokenUser) return null;
    const { tokenId, ...user } = tokenUser;
    return { ...user, via: { kind: 'token', tokenId }, ...origin };
  }
  if (credentials.sessionToken) {
    const sessionId = hashToken(credentials.sessionToken);
    const user = await findUserBySession(db, sessionId, now);
    return user ? { ...user, via: { kind: 'session', sessionId }, ...origin } : null;
  }
  return null;
}

/** How long a new token lives unless its user chooses otherwise, and the longest they may choose. */
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;

/**
 * A personal token acts as its user until it expires or is revoked. It is made by the user logged
 * in with their password: a token cannot make tokens, so one that leaks cannot outlive its own end.
 */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { name: string; expiresInDays?: number | undefined },
  now: Date,
): Promise<ApiToken & { token: string }> {
  if (actor.via.kind === 'token') throw new DomainError('forbidden');
  const token = newToken(API_TOKEN_PREFIX);
  const days = input.expiresInDays ?? TOKEN_DEFAULT_DAYS;
  return db.transaction().execute(async (trx) => {
    const created = await insertApiToken(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      createdAt: now,
      expiresAt: new Date(now.getTime() + days * 86_400_000),
    });
    await appendAudit(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      action: 'auth.token_created',
      details: { tokenId: created.id, name: input.name, expiresInDays: days },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return { ...created, token };
  });
}

export function listOwnApiTokens(db: Db, actor: Actor): Promise<ApiToken[]> {
  return listApiTokens(db, actor.municipalityId, actor.userId);
}

export async function revokeOwnApiToken(db: Db, actor: Actor, tokenId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await revokeApiToken(trx, actor.municipalityId, actor.userId, tokenId, now))) {
      throw new DomainError('not_found');
    }
    await appendAudit(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      action: 'auth.token_revoked',
      details: { tokenId },
      ip: actor.ip,
      requestId: actor.requestId,
    });
  });
}
