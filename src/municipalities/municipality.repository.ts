import type { Db } from '../db/database.ts';

export interface Municipality {
  id: string;
  name: string;
}

/** A municipality with how many users and youth it has: what an operator sees, no personal data. */
export interface MunicipalitySummary extends Municipality {
  users: number;
  youth: number;
}

/**
 * A new municipality with the default settings: every section of the settings has a default
 * (settings.schemas.ts), so an empty object runs on the rule files as they are, and keeps doing so
 * when a default changes. The name is unique across the instance, whatever the case.
 */
export async function insertMunicipality(db: Db, name: string): Promise<Municipality> {
  return db
    .insertInto('municipality')
    .values({ name, settings: JSON.stringify({}) })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

/** Every municipality, in no particular order. */
export async function listAllMunicipalities(db: Db): Promise<Municipality[]> {
  return db.selectFrom('municipality').select(['id', 'name']).execute();
}

export async function listMunicipalitySummaries(db: Db): Promise<MunicipalitySummary[]> {
  const rows = await db
    .selectFrom('municipality')
    .select((eb) => [
      'municipality.id',
      'municipality.name',
      eb
        .selectFrom('app_user')
        .select(eb.fn.countAll<string | number>().as('count'))
        .whereRef('app_user.municipality_id', '=', 'municipality.id')
        .as('users'),
      eb
        .selectFrom('youth')
        .select(eb.fn.countAll<string | number>().as('count'))
        .whereRef('youth.municipality_id', '=', 'municipality.id')
        .as('youth'),
    ])
    .orderBy('municipality.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, users: Number(r.users), youth: Number(r.youth) }));
}
