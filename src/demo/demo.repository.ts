import type { Db } from '../db/database.ts';

/** The few reads the demo needs outside the services. */

export async function listMunicipalities(db: Db): Promise<Array<{ id: string; name: string }>> {
  return db.selectFrom('municipality').select(['id', 'name']).orderBy('created_at').execute();
}

/** True when any of the demo's content (youth, companies, groups) has been written. */
export async function hasContent(db: Db, municipalityId: string): Promise<boolean> {
  for (const table of ['youth', 'company', 'network_group'] as const) {
    const row = await db
      .selectFrom(table)
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

/** Open (not yet resolved) alerts of the municipality, by rule code. */
export async function countUnresolvedAlerts(db: Db, municipalityId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('alert')
    .select(['code', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('municipality_id', '=', municipalityId)
    .where('status', '!=', 'resolved')
    .groupBy('code')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.code, Number(r.count)]));
}
