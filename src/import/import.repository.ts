import type { Db } from '../db/database.ts';

/** What a caseload file's rows are checked against, read once for the whole file. */
export interface ImportLookups {
  /** Active caseworkers by e-mail, lower-cased. */
  caseworkers: Map<string, { id: string; name: string; email: string }>;
  /** Active network groups by name, lower-cased. */
  groups: Map<string, { id: string; name: string }>;
  /** Companies by CVR number. */
  companies: Map<string, string>;
}

export async function loadImportLookups(db: Db, municipalityId: string): Promise<ImportLookups> {
  const [users, groups, companies] = await Promise.all([
    db
      .selectFrom('app_user')
      .select(['id', 'name', 'email'])
      .where('municipality_id', '=', municipalityId)
      .where('role', '=', 'caseworker')
      .where('active', '=', true)
      .execute(),
    db
      .selectFrom('network_group')
      .select(['id', 'name'])
      .where('municipality_id', '=', municipalityId)
      .where('active', '=', true)
      .execute(),
    db.selectFrom('company').select(['id', 'cvr']).where('municipality_id', '=', municipalityId).execute(),
  ]);
  return {
    caseworkers: new Map(users.map((u) => [u.email.toLowerCase(), u])),
    groups: new Map(groups.map((g) => [g.name.trim().toLowerCase(), g])),
    companies: new Map(companies.map((c) => [c.cvr, c.id])),
  };
}

/** The keyed CPR hashes among `hashes` that a youth of the municipality already has. */
export async function registeredCprHashes(
  db: Db,
  municipalityId: string,
  hashes: readonly string[],
): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .selectFrom('youth')
    .select('cpr_hash')
    .where('municipality_id', '=', municipalityId)
    .where('cpr_hash', 'in', hashes)
    .execute();
  return new Set(rows.map((r) => r.cpr_hash));
}
