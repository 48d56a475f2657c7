import { type Kysely, sql } from 'kysely';

/**
 * Case notes (journal): dated notes on a youth with their author and kind (forvaltningsloven § 13,
 * notatpligt). A note's words live only in its versions, one row each, which the database itself
 * refuses to change or remove: an edit adds a version, and `case_note.version` points at the
 * current one. A note is never deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_note')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`version >= 1`),
    )
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('case_note_youth_idx').on('case_note').columns(['municipality_id', 'youth_id']).execute();

  await db.schema
    .createTable('case_note_version')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('note_id', 'uuid', (c) => c.notNull().references('case_note.id'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('concerns_on', 'date', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('conversation', 'phone', 'email', 'network_meeting', 'assessment', 'other')`),
    )
    .addColumn('text', 'text', (c) => c.notNull().check(sql`char_length(text) between 1 and 10000`))
    .addColumn('written_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('written_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('case_note_version_note_version_key', ['note_id', 'version'])
    .execute();

  // What was written stays as it was written: versions are append-only, and notes are never removed.
  await sql`
    create function case_note_history_kept() returns trigger language plpgsql as $$
    begin
      raise exception '% keeps its history: rows are never changed or removed', tg_table_name
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`
    create trigger case_note_version_no_update_delete before update or delete on case_note_version
    for each row execute function case_note_history_kept()`.execute(db);
  await sql`
    create trigger case_note_version_no_truncate before truncate on case_note_version
    for each statement execute function case_note_history_kept()`.execute(db);
  await sql`
    create trigger case_note_no_delete before delete on case_note
    for each row execute function case_note_history_kept()`.execute(db);
  await sql`
    create trigger case_note_no_truncate before truncate on case_note
    for each statement execute function case_note_history_kept()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_note_version').execute();
  await db.schema.dropTable('case_note').execute();
  await sql`drop function case_note_history_kept()`.execute(db);
}
