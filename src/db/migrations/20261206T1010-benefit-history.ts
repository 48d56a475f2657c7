import { type Kysely, sql } from 'kysely';

/**
 * Returning is recorded, not guessed: at referral the caseworker records the youth's earlier
 * periods on public benefit (none, or earlier periods and for how many months), and a journey
 * withdrawn because it was registered by mistake is marked so, and makes no one returning.
 * Journeys referred before this have no recorded history (null): their `returning` stays what
 * Ungeflow's own history made it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('journey')
    .addColumn('earlier_benefit', 'text', (col) => col.check(sql`earlier_benefit in ('none', 'earlier_periods')`))
    .addColumn('earlier_benefit_months', 'integer', (col) => col.check(sql`earlier_benefit_months between 1 and 400`))
    .addColumn('registered_by_mistake', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  await sql`
    alter table journey add constraint journey_earlier_benefit_months_check2
    check ((earlier_benefit = 'earlier_periods') = (earlier_benefit_months is not null))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table journey drop constraint journey_earlier_benefit_months_check2`.execute(db);
  await db.schema
    .alterTable('journey')
    .dropColumn('registered_by_mistake')
    .dropColumn('earlier_benefit_months')
    .dropColumn('earlier_benefit')
    .execute();
}
