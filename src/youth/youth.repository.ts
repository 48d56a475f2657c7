import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { YouthTable } from '../db/schema.ts';

/** A youth as stored, with the CPR number still encrypted. Services decide what is shown. */
export interface YouthRecord {
  id: string;
  municipalityId: string;
  name: string;
  cprEncrypted: string;
  /** The keyed hash the CPR number is found by; compares two numbers without decrypting them. */
  cprHash: string;
  birthDate: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  /** On legal hold: kept past the retention period, for this reason. */
  legalHold: { reason: string; at: Date; by: string | null } | null;
  /** When the personal data was removed at the end of the retention period. */
  anonymisedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

function youthRowToRecord(row: Selectable<YouthTable>): YouthRecord {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    name: row.name,
    cprEncrypted: row.cpr_encrypted,
    cprHash: row.cpr_hash,
    birthDate: row.birth_date,
    phone: row.phone,
    email: row.email,
    address: row.address,
    legalHold:
      row.legal_hold_reason !== null && row.legal_hold_at !== null
        ? { reason: row.legal_hold_reason, at: row.legal_hold_at, by: row.legal_hold_by }
        : null,
    anonymisedAt: row.anonymised_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewYouthRow {
  municipalityId: string;
  name: string;
  cprEncrypted: string;
  cprHash: string;
  birthDate: string;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export async function insertYouth(db: Db, youth: NewYouthRow): Promise<YouthRecord> {
  const row = await db
    .insertInto('youth')
    .values({
      municipality_id: youth.municipalityId,
      name: youth.name,
      cpr_encrypted: youth.cprEncrypted,
      cpr_hash: youth.cprHash,
      birth_date: youth.birthDate,
      phone: youth.phone,
      email: youth.email,
      address: youth.address,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return youthRowToRecord(row);
}

export async function findYouthById(db: Db, municipalityId: string, id: string): Promise<YouthRecord | undefined> {
  const row = await db
    .selectFrom('youth')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? youthRowToRecord(row) : undefined;
}

export async function findYouthIdByCprHash(
  db: Db,
  municipalityId: string,
  cprHash: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('youth')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('cpr_hash', '=', cprHash)
    .executeTakeFirst();
  return row?.id;
}

export type YouthSearch =
  | { kind: 'all' }
  | { kind: 'cpr'; cprHash: string }
  | { kind: 'birthDate'; days: readonly string[] }
  | { kind: 'ids'; ids: readonly string[] };

export async function searchYouth(
  db: Db,
  municipalityId: string,
  search: YouthSearch,
  page: { limit: number; offset: number },
): Promise<{ items: YouthRecord[]; total: number }> {
  // An anonymised youth has nothing left to be found by; they stay only in figures.
  let query = db.selectFrom('youth').where('municipality_id', '=', municipalityId).where('anonymised_at', 'is', null);
  switch (search.kind) {
    case 'all':
      break;
    case 'cpr':
      query = query.where('cpr_hash', '=', search.cprHash);
      break;
    case 'birthDate':
      if (search.days.length === 0) return { items: [], total: 0 };
      query = query.where('birth_date', 'in', search.days);
      break;
    case 'ids':
      if (search.ids.length === 0) return { items: [], total: 0 };
      query = query.where('id', 'in', search.ids);
      break;
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('name').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(youthRowToRecord), total: Number(count.total) };
}

/** Every youth's id and name in the municipality: what a search by name compares (name-match.ts). */
export async function listYouthNames(db: Db, municipalityId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom('youth')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('anonymised_at', 'is', null)
    .execute();
}

export interface YouthChanges {
  name?: string;
  cprEncrypted?: string;
  cprHash?: string;
  birthDate?: string;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

/** Applies the changes when the stored version is still `expectedVersion`; undefined otherwise. */
export async function updateYouth(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  changes: YouthChanges,
  now: Date,
): Promise<YouthRecord | undefined> {
  const row = await db
    .updateTable('youth')
    .set((eb) => ({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.cprEncrypted !== undefined && { cpr_encrypted: changes.cprEncrypted }),
      ...(changes.cprHash !== undefined && { cpr_hash: changes.cprHash }),
      ...(changes.birthDate !== undefined && { birth_date: changes.birthDate }),
      ...(changes.phone !== undefined && { phone: changes.phone }),
      ...(changes.email !== undefined && { email: changes.email }),
      ...(changes.address !== undefined && { address: changes.address }),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return row ? youthRowToRecord(row) : undefined;
}
