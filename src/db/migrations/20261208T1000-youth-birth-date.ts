import type { Kysely } from 'kysely';

/** The search finds youth by date of birth (the CPR number's date part) through this index. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('youth_birth_date_idx').on('youth').columns(['municipality_id', 'birth_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('youth_birth_date_idx').execute();
}
