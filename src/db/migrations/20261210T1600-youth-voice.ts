import { type Kysely, sql } from 'kysely';

/**
 * The young person's own voice (docs/decisions/0016-the-youths-own-voice.md): their own ratings of
 * the progression factors and of how they are doing, the caseworker's requests for one and whether
 * the caseworker shares their own assessment, the preparation questionnaire as the youth filled it
 * in, and which match-event wishes the youth chose.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const score = (column: string) => sql`${sql.id(column)} between 1 and 10`;

  await db.schema
    .createTable('self_rating_request')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('requested_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz')
    .execute();
  // One open request per journey: asking again while the youth has not answered changes nothing.
  await sql`create unique index self_rating_request_open_key on self_rating_request (journey_id) where answered_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('self_rating')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('rated_on', 'date', (c) => c.notNull())
    .addColumn('rated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('request_id', 'uuid', (c) => c.references('self_rating_request.id'))
    .addColumn('belief_in_own_abilities', 'smallint', (c) => c.check(score('belief_in_own_abilities')))
    .addColumn('self_rated_health', 'smallint', (c) => c.check(score('self_rated_health')))
    .addColumn('network', 'smallint', (c) => c.check(score('network')))
    .addColumn('meaning_and_direction', 'smallint', (c) => c.check(score('meaning_and_direction')))
    .addColumn('wellbeing', 'smallint', (c) => c.check(score('wellbeing')))
    .addColumn('loneliness', 'smallint', (c) => c.check(score('loneliness')))
    .addCheckConstraint(
      'self_rating_some_score',
      sql`coalesce(belief_in_own_abilities, self_rated_health, network, meaning_and_direction, wellbeing, loneliness) is not null`,
    )
    .execute();
  await db.schema
    .createIndex('self_rating_journey_idx')
    .on('self_rating')
    .columns(['journey_id', 'rated_on'])
    .execute();

  // The caseworker's own progression measurements are shown to the youth only while this says so.
  await db.schema
    .createTable('progression_sharing')
    .addColumn('journey_id', 'uuid', (c) => c.primaryKey().references('journey.id'))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('shared', 'boolean', (c) => c.notNull())
    .addColumn('changed_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // The preparation questionnaire as the youth filled it in before the visitation conversation.
  await db.schema
    .createTable('questionnaire_response')
    .addColumn('journey_id', 'uuid', (c) => c.primaryKey().references('journey.id'))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // A wish the youth chose on their own side, rather than one the caseworker recorded.
  await db.schema
    .alterTable('match_wish')
    .addColumn('by_youth', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  // When the youth last chose their wishes for the event, for the journey's timeline.
  await db.schema.alterTable('match_event_youth').addColumn('own_wishes_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('match_event_youth').dropColumn('own_wishes_at').execute();
  await db.schema.alterTable('match_wish').dropColumn('by_youth').execute();
  await db.schema.dropTable('questionnaire_response').execute();
  await db.schema.dropTable('progression_sharing').execute();
  await db.schema.dropTable('self_rating').execute();
  await db.schema.dropTable('self_rating_request').execute();
}
