import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** An open journey with its latest visitation decision, as the law preview re-decides it. */
export interface DecidedJourney {
  journeyId: string;
  youthId: string;
  youthName: string;
  birthDate: string;
  returning: boolean;
  /** The VISITATION_DECIDED event's payload: what the caseworker recorded and what the rules said. */
  payload: Record<string, unknown>;
  /** The category and eligibility recorded in the decisions' rule set. */
  decidedOn: Date;
}

/** Every open journey of the municipality that has a visitation decision, with the latest one. */
export async function findDecidedOpenJourneys(db: Db, municipalityId: string): Promise<DecidedJourney[]> {
  const rows = await db
    .selectFrom('journey')
    .innerJoin('youth', 'youth.id', 'journey.youth_id')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('journey_event')
          .select(['journey_id', 'payload', 'occurred_at'])
          .distinctOn('journey_id')
          .where('municipality_id', '=', municipalityId)
          .where('type', '=', 'VISITATION_DECIDED')
          .orderBy('journey_id')
          .orderBy('seq', 'desc')
          .as('decision'),
      (join) => join.onRef('decision.journey_id', '=', 'journey.id'),
    )
    .select([
      'journey.id as journeyId',
      'youth.id as youthId',
      'youth.name as youthName',
      'youth.birth_date as birthDate',
      'journey.returning',
      'decision.payload',
      'decision.occurred_at as decidedOn',
    ])
    .where('journey.municipality_id', '=', municipalityId)
    .where('journey.open', '=', true)
    .orderBy(sql`lower(youth.name)`)
    .execute();
  return rows;
}
