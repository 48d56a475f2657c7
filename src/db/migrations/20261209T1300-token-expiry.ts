import { type Kysely, sql } from 'kysely';

/**
 * API tokens expire: each gets the end its user chose at creation (at most a year). Tokens made
 * before had none; they get 90 days from their creation, the default a new token gets.
 *
 * Failed log-ins are counted per account and client address, so a stranger guessing at one
 * account from their own address locks out that address only, not the account's owner. The
 * user's own `locked_until` stays as the latest lock from any address, for the administrators'
 * list; the log-in itself reads `login_lock`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_token').addColumn('expires_at', 'timestamptz').execute();
  await sql`update api_token set expires_at = created_at + interval '90 days'`.execute(db);
  await db.schema
    .alterTable('api_token')
    .alterColumn('expires_at', (c) => c.setNotNull())
    .execute();

  await db.schema
    .createTable('login_lock')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('client_address', 'text', (c) => c.notNull())
    .addColumn('failed_count', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`failed_count >= 0`),
    )
    .addColumn('locked_until', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('login_lock_pkey', ['user_id', 'client_address'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_lock').execute();
  await db.schema.alterTable('api_token').dropColumn('expires_at').execute();
}
