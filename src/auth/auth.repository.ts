import { type Selectable, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Role, UserTable } from '../db/schema.ts';

export interface UserCredentials {
  id: string;
  municipalityId: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  passwordHash: string;
  lockedUntil: Date | null;
  passwordMustChange: boolean;
}

const credentialColumns = [
  'id',
  'municipality_id',
  'email',
  'name',
  'role',
  'active',
  'password_hash',
  'locked_until',
  'password_must_change',
] as const;

function credentialsRowToCredentials(
  row: Pick<Selectable<UserTable>, (typeof credentialColumns)[number]>,
): UserCredentials {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    passwordHash: row.password_hash,
    lockedUntil: row.locked_until,
    passwordMustChange: row.password_must_change,
  };
}

export async function findUserByEmail(db: Db, email: string): Promise<UserCredentials | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select(credentialColumns)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row ? credentialsRowToCredentials(row) : undefined;
}

export async function findUserById(db: Db, municipalityId: string, id: string): Promise<UserCredentials | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select(credentialColumns)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? credentialsRowToCredentials(row) : undefined;
}

/**
 * Stores the password users chose themselves: no longer one-time. Not a change by an
 * administrator, so the user's version (which administrators' edits are checked against) stays.
 */
export async function replaceOwnPassword(
  db: Db,
  municipalityId: string,
  id: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, password_must_change: false, updated_at: now })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

/** Until when the account is locked for log-ins from this client address; null when it is not. */
export async function findLoginLock(db: Db, userId: string, clientAddress: string): Promise<Date | null> {
  const row = await db
    .selectFrom('login_lock')
    .select('locked_until')
    .where('user_id', '=', userId)
    .where('client_address', '=', clientAddress)
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

/**
 * Counts one failed attempt of the account from the client address, and locks the account for
 * that address when the count reaches the limit. One statement, so concurrent attempts cannot slip
 * past the limit. A lock is also noted on the user, for the administrators' list.
 */
export async function recordFailedLogin(
  db: Db,
  failure: { userId: string; clientAddress: string; limit: number; lockUntil: Date; now: Date },
): Promise<{ locked: boolean }> {
  const { userId, clientAddress, limit, lockUntil, now } = failure;
  const reached = sql<boolean>`login_lock.failed_count >= ${limit - 1}`;
  const row = await db
    .insertInto('login_lock')
    .values({
      user_id: userId,
      client_address: clientAddress,
      failed_count: 1,
      locked_until: null,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'client_address']).doUpdateSet({
        failed_count: sql<number>`case when ${reached} then 0 else login_lock.failed_count + 1 end`,
        locked_until: sql<Date>`case when ${reached} then ${lockUntil} else login_lock.locked_until end`,
        updated_at: now,
      }),
    )
    .returning(['locked_until'])
    .executeTakeFirstOrThrow();
  const locked = row.locked_until !== null && row.locked_until.getTime() === lockUntil.getTime();
  if (locked) await db.updateTable('app_user').set({ locked_until: lockUntil }).where('id', '=', userId).execute();
  return { locked };
}

/** A successful log-in from the address starts its count over. */
export async function clearFailedLogins(db: Db, userId: string, clientAddress: string): Promise<void> {
  await db.deleteFrom('login_lock').where('user_id', '=', userId).where('client_address', '=', clientAddress).execute();
}

/** An administrator's unlock: every address may try again. */
export async function clearLoginLocks(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('login_lock').where('user_id', '=', userId).execute();
}

export interface SessionUser {
  userId: string;
  municipalityId: string;
  role: Role;
  name: string;
  email: string;
  passwordMustChange: boolean;
}

export async function insertSession(
  db: Db,
  session: { id: string; userId: string; municipalityId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      id: session.id,
      user_id: session.userId,
      municipality_id: session.municipalityId,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function findUserBySession(db: Db, sessionId: string, now: Date): Promise<SessionUser | undefined> {
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'app_user.id',
      'app_user.municipality_id',
      'app_user.role',
      'app_user.name',
      'app_user.email',
      'app_user.password_must_change',
    ])
    .where('session.id', '=', sessionId)
    .where('session.expires_at', '>', now)
    .where('app_user.active', '=', true)
    .executeTakeFirst();
  return row
    ? {
        userId: row.id,
        municipalityId: row.municipality_id,
        role: row.role,
        name: row.name,
        email: row.email,
        passwordMustChange: row.password_must_change,
      }
    : undefined;
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** Ends the user's sessions, all of them or all but the one to keep (the one making the change). */
export async function deleteSessionsOfUser(
  db: Db,
  municipalityId: string,
  userId: string,
  options: { except?: string | undefined } = {},
): Promise<void> {
  let query = db.deleteFrom('session').where('municipality_id', '=', municipalityId).where('user_id', '=', userId);
  if (options.except !== undefined) query = query.where('id', '!=', options.except);
  await query.execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<=', now).execute();
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

const tokenColumns = ['id', 'name', 'token_prefix', 'created_at', 'last_used_at', 'revoked_at', 'expires_at'] as const;

export async function insertApiToken(
  db: Db,
  token: {
    municipalityId: string;
    userId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<ApiToken> {
  const row = await db
    .insertInto('api_token')
    .values({
      municipality_id: token.municipalityId,
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      token_prefix: token.prefix,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
    })
    .returning(tokenColumns)
    .executeTakeFirstOrThrow();
  return tokenRowToApiToken(row);
}

export async function listApiTokens(db: Db, municipalityId: string, userId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_token')
    .select(tokenColumns)
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(tokenRowToApiToken);
}

export async function revokeApiToken(
  db: Db,
  municipalityId: string,
  userId: string,
  tokenId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('id', '=', tokenId)
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Revokes every live token of the user: their password was reset, their role changed, or they were
 * deactivated. Whatever the token was given for was decided under the old terms.
 */
export async function revokeApiTokensOfUser(db: Db, municipalityId: string, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Finds the user behind a live token (not revoked, not expired) and notes that it was used. */
export async function useApiToken(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<(SessionUser & { tokenId: string }) | undefined> {
  const row = await db
    .updateTable('api_token')
    .set({ last_used_at: now })
    .from('app_user')
    .whereRef('app_user.id', '=', 'api_token.user_id')
    .where('api_token.token_hash', '=', tokenHash)
    .where('api_token.revoked_at', 'is', null)
    .where('api_token.expires_at', '>', now)
    .where('app_user.active', '=', true)
    .returning([
      'api_token.id as token_id',
      'app_user.id',
      'app_user.municipality_id',
      'app_user.role',
      'app_user.name',
      'app_user.email',
      'app_user.password_must_change',
    ])
    .executeTakeFirst();
  return row
    ? {
        tokenId: row.token_id,
        userId: row.id,
        municipalityId: row.municipality_id,
        role: row.role,
        name: row.name,
        email: row.email,
        passwordMustChange: row.password_must_change,
      }
    : undefined;
}

function tokenRowToApiToken(row: {
  id: string;
  name: string;
  token_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date;
}): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}
