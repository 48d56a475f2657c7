import { type Kysely, sql } from 'kysely';

/**
 * The young person's own log-in (Mit forløb, docs/decisions/0014): device sessions of their own,
 * apart from the staff's, each stored as the hash of its cookie like a staff session; the one-time
 * links a caseworker sends them, stored hashed and used once; and the outbox of every message
 * Ungeflow sends a youth (an invitation, later a reminder), which on an instance without an SMS
 * gateway or SMTP server is where the demo's messages are read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('youth_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('link', 'oidc')`))
    /** The browser and system as a youth recognises them ("Chrome på Android"); never the whole user agent. */
    .addColumn('device', 'text', (c) => c.notNull().check(sql`char_length(device) <= 100`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('youth_session_youth_idx')
    .on('youth_session')
    .columns(['municipality_id', 'youth_id'])
    .execute();

  await db.schema
    .createTable('youth_invitation')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms', 'email')`))
    .addColumn('invited_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('youth_invitation_youth_idx')
    .on('youth_invitation')
    .columns(['municipality_id', 'youth_id'])
    .execute();

  await db.schema
    .createTable('outgoing_message')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('youth_id', 'uuid', (c) => c.references('youth.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms', 'email')`))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    /** The text as sent; a one-time link in it is kept only where the outbox is the delivery (no gateway). */
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('transport', 'text', (c) => c.notNull().check(sql`transport in ('outbox', 'smtp', 'http')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sent', 'failed')`))
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('outgoing_message_created_idx')
    .on('outgoing_message')
    .columns(['municipality_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outgoing_message').execute();
  await db.schema.dropTable('youth_invitation').execute();
  await db.schema.dropTable('youth_session').execute();
}
