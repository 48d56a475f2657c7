import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Role, UserTable } from '../db/schema.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** '12 34 56 78', or null when the user has given none. */
  phone: string | null;
  active: boolean;
  lockedUntil: Date | null;
  /** The password was set by someone else; the user must choose their own at the next log-in. */
  passwordMustChange: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const columns = [
  'id',
  'email',
  'name',
  'role',
  'phone',
  'active',
  'locked_until',
  'password_must_change',
  'version',
  'created_at',
  'updated_at',
] as const;

function userRowToUser(row: Pick<Selectable<UserTable>, (typeof columns)[number]>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    phone: row.phone,
    active: row.active,
    lockedUntil: row.locked_until,
    passwordMustChange: row.password_must_change,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertUser(
  db: Db,
  user: {
    municipalityId: string;
    email: string;
    name: string;
    role: Role;
    phone?: string | null;
    passwordHash: string;
    passwordMustChange?: boolean;
  },
): Promise<User> {
  const row = await db
    .insertInto('app_user')
    .values({
      municipality_id: user.municipalityId,
      email: user.email,
      name: user.name,
      role: user.role,
      phone: user.phone ?? null,
      password_hash: user.passwordHash,
      password_must_change: user.passwordMustChange ?? false,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return userRowToUser(row);
}

export async function listUsers(db: Db, municipalityId: string): Promise<User[]> {
  const rows = await db
    .selectFrom('app_user')
    .select(columns)
    .where('municipality_id', '=', municipalityId)
    .orderBy('name')
    .execute();
  return rows.map(userRowToUser);
}

/** The municipality's leaders who may log in, with what a mail to them needs. */
export async function listActiveLeaders(
  db: Db,
  municipalityId: string,
): Promise<Array<{ email: string; name: string }>> {
  return db
    .selectFrom('app_user')
    .select(['email', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('role', '=', 'leader')
    .where('active', '=', true)
    .execute();
}

export async function findUser(db: Db, municipalityId: string, id: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select(columns)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? userRowToUser(row) : undefined;
}

/** Applies the changes when the stored version is still `expectedVersion`; undefined otherwise. */
export async function updateUser(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  changes: {
    name?: string;
    role?: Role;
    phone?: string | null;
    active?: boolean;
    passwordHash?: string;
    passwordMustChange?: boolean;
    unlock?: boolean;
  },
  now: Date,
): Promise<User | undefined> {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.role !== undefined && { role: changes.role }),
      ...(changes.phone !== undefined && { phone: changes.phone }),
      ...(changes.active !== undefined && { active: changes.active }),
      ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
      ...(changes.passwordMustChange !== undefined && { password_must_change: changes.passwordMustChange }),
      ...(changes.unlock && { locked_until: null, failed_login_count: 0 }),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning(columns)
    .executeTakeFirst();
  return row ? userRowToUser(row) : undefined;
}
