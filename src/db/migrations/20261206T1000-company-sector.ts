import { type Kysely, sql } from 'kysely';

/**
 * Whether a company is a private or a public employer. Løntilskud differs between the two (LAB
 * kapitel 12: wage subsidy at a private or a public employer), so a wage-subsidy placement's offer
 * takes its kind from the company. Existing companies are recorded as private, as the offers
 * back-fill assumed: the company network is local businesses; a caseworker changes a public one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('company')
    .addColumn('sector', 'text', (c) =>
      c
        .notNull()
        .defaultTo('private')
        .check(sql`sector in ('private', 'public')`),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('company').dropColumn('sector').execute();
}
