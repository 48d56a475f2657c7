import { type Kysely, sql } from 'kysely';

/**
 * LAB offers (tilbud) and mentor grants as records of their own, and the education injunction
 * (uddannelsespålæg). Placements that are offers get one offer row each (see the back-fill).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('offer')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('internship', 'wage_subsidy_private', 'wage_subsidy_public', 'guidance_upskilling', 'utility_work', 'mentor')`,
        ),
    )
    .addColumn('subtype', 'text', (c) =>
      c.check(sql`subtype in ('ordinary_education', 'special_course', 'bridge_building', 'reading_writing_maths')`),
    )
    .addColumn('placement_id', 'uuid', (c) => c.references('placement.id').unique())
    .addColumn('provider', 'text', (c) => c.check(sql`char_length(provider) <= 200`))
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('planned_end', 'date')
    .addColumn('ended_on', 'date')
    .addColumn('end_cause', 'text', (c) => c.check(sql`end_cause in ('completed', 'stopped', 'withdrawn')`))
    .addColumn('hours_per_week', sql`numeric(4, 1)`, (c) => c.check(sql`hours_per_week between 0.5 and 40`))
    .addColumn('note', 'text', (c) => c.check(sql`char_length(note) <= 2000`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('offer_planned_end_after_start', sql`planned_end >= start_date`)
    .addCheckConstraint('offer_ended_after_start', sql`ended_on >= start_date`)
    .addCheckConstraint('offer_ended_has_cause', sql`(ended_on is null) = (end_cause is null)`)
    .addCheckConstraint('offer_subtype_only_for_guidance', sql`(subtype is null) or kind = 'guidance_upskilling'`)
    .addCheckConstraint('offer_mentor_has_hours', sql`kind <> 'mentor' or hours_per_week is not null`)
    .execute();
  await db.schema
    .createIndex('offer_journey_idx')
    .on('offer')
    .columns(['municipality_id', 'journey_id', 'start_date'])
    .execute();

  await db.schema
    .createTable('education_injunction')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('given_on', 'date', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull().check(sql`char_length(goal) between 1 and 300`))
    .addColumn('start_by', 'date')
    .addColumn('ended_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('education_injunction_ended_after_given', sql`ended_on >= given_on`)
    .execute();
  // One injunction in force per journey.
  await sql`create unique index education_injunction_one_in_force on education_injunction (journey_id) where ended_on is null`.execute(
    db,
  );

  // Placements that are offers: an internship is virksomhedspraktik, a wage subsidy løntilskud
  // (recorded as private: the placement does not say, and most host companies are private).
  // Paid ordinary hours are work, not an offer.
  await sql`
    insert into offer (municipality_id, journey_id, youth_id, kind, placement_id, provider, start_date,
                       planned_end, ended_on, end_cause, hours_per_week, created_by, created_at)
    select p.municipality_id, p.journey_id, p.youth_id,
           case p.kind when 'internship' then 'internship' else 'wage_subsidy_private' end,
           p.id, c.name, p.start_date, p.planned_end,
           case when p.ended_at is null then null
                else greatest(p.start_date, (p.ended_at at time zone 'Europe/Copenhagen')::date) end,
           case p.end_cause when 'withdrawn' then 'withdrawn' when 'exited' then 'stopped' when 'ended' then 'completed' end,
           p.hours_per_week, p.created_by, p.created_at
    from placement p join company c on c.id = p.company_id
    where p.kind in ('internship', 'wage_subsidy')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('education_injunction').execute();
  await db.schema.dropTable('offer').execute();
}
