import { type Kysely, sql } from 'kysely';

/**
 * Finding a youth's entries in the audit log includes the searches and lists that showed the youth:
 * those entries name the youth in `details.youthIds` rather than in `youth_id`. The index keeps
 * that lookup from reading the whole log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index audit_log_youth_ids_idx on audit_log using gin ((details -> 'youthIds') jsonb_path_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index audit_log_youth_ids_idx`.execute(db);
}
