import { type Kysely, sql } from 'kysely';

/**
 * The printed plan "Min plan": what the caseworker writes into it (one row per journey), and every
 * version handed out, stored with the data and template texts it was made from so that it can be
 * reproduced byte for byte.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_content')
    .addColumn('journey_id', 'uuid', (c) => c.primaryKey().references('journey.id'))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('goal', 'text', (c) => c.check(sql`char_length(goal) <= 1000`))
    .addColumn('agreements', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(agreements) = 'array'`))
    .addColumn('next_steps', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(next_steps) = 'array'`))
    .addColumn('stabilisation', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(stabilisation) = 'array'`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_version')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('da', 'en')`))
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('template_texts', 'jsonb', (c) => c.notNull())
    .addColumn('template_logo', 'text')
    .addColumn('template_version', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull().check(sql`content_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    // Numbers 1, 2, 3 per journey; also the index the list of a journey's versions reads.
    .addUniqueConstraint('plan_version_journey_number_key', ['journey_id', 'number'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_version').execute();
  await db.schema.dropTable('plan_content').execute();
}
