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

/**
 * Counts one failed attempt and locks the account when the count reaches the limit. One
 * statement, so concurrent attempts cannot slip past the limit.
 */
export async function recordFailedLogin(
  db: Db,
  userId: string,
  limit: number,
  lockUntil: Date,
): Promise<{ locked: boolean }> {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({
      failed_login_count: eb
        .case()
        .when('failed_login_count', '>=', limit - 1)
        .then(0)
        .else(eb('failed_login_count', '+', 1))
        .end(),
      locked_until: eb
        .case()
        .when('failed_login_count', '>=', limit - 1)
        .then(lockUntil)
        .else(eb.ref('locked_until'))
        .end(),
    }))
    .where('id', '=', userId)
    .returning(['locked_until'])
    .executeTakeFirstOrThrow();
  return { locked: row.locked_until !== null && row.locked_until.getTime() === lockUntil.getTime() };
}

export async function clearFailedLogins(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ failed_login_count: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
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
}

export async function insertApiToken(
  db: Db,
  token: { municipalityId: string; userId: string; name: string; tokenHash: string; prefix: string },
): Promise<ApiToken> {
  const row = await db
    .insertInto('api_token')
    .values({
      municipality_id: token.municipalityId,
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      token_prefix: token.prefix,
    })
    .returning(['id', 'name', 'token_prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .executeTakeFirstOrThrow();
  return tokenRowToApiToken(row);
}

export async function listApiTokens(db: Db, municipalityId: string, userId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'token_prefix', 'created_at', 'last_used_at', 'revoked_at'])
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

/** Finds the user behind a live token and notes that it was used. */
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
}): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
