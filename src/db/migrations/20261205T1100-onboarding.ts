import { type Kysely, sql } from 'kysely';

/**
 * What a real municipality's first start needs: a municipality name is unique across the
 * instance (ignoring case, as people type it), so the command that creates one cannot make a
 * second "Roskilde Kommune"; and a user's password can be one-time, set by someone else (the
 * command's generated password, an administrator's new password), until the user chooses their own.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unique index municipality_name_key on municipality (lower(name))`.execute(db);
  await db.schema
    .alterTable('app_user')
    .addColumn('password_must_change', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('password_must_change').execute();
  await db.schema.dropIndex('municipality_name_key').execute();
}
