import type { Db } from '../db/database.ts';
import type { ProgressionFactor } from './progression.factors.ts';
import type { Assessor } from './progression.tables.ts';

export type Scores = Partial<Record<ProgressionFactor, number>>;

export interface ProgressionMeasurement {
  id: string;
  journeyId: string;
  measuredOn: string;
  assessedBy: Assessor;
  scores: Record<ProgressionFactor, number | null>;
  recordedBy: { id: string; name: string };
  recordedAt: Date;
}

export async function insertMeasurement(
  db: Db,
  measurement: {
    municipalityId: string;
    journeyId: string;
    youthId: string;
    measuredOn: string;
    assessedBy: Assessor;
    scores: Scores;
    recordedBy: string;
    recordedAt: Date;
  },
): Promise<string> {
  const { scores } = measurement;
  const row = await db
    .insertInto('progression_measurement')
    .values({
      municipality_id: measurement.municipalityId,
      journey_id: measurement.journeyId,
      youth_id: measurement.youthId,
      measured_on: measurement.measuredOn,
      assessed_by: measurement.assessedBy,
      belief_in_own_abilities: scores.beliefInOwnAbilities ?? null,
      self_rated_health: scores.selfRatedHealth ?? null,
      network: scores.network ?? null,
      meaning_and_direction: scores.meaningAndDirection ?? null,
      readiness: scores.readiness ?? null,
      recorded_by: measurement.recordedBy,
      recorded_at: measurement.recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A journey's measurements, oldest first. */
export async function listMeasurements(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<ProgressionMeasurement[]> {
  const rows = await db
    .selectFrom('progression_measurement')
    .innerJoin('app_user', 'app_user.id', 'progression_measurement.recorded_by')
    .select([
      'progression_measurement.id',
      'progression_measurement.journey_id',
      'progression_measurement.measured_on',
      'progression_measurement.assessed_by',
      'progression_measurement.belief_in_own_abilities',
      'progression_measurement.self_rated_health',
      'progression_measurement.network',
      'progression_measurement.meaning_and_direction',
      'progression_measurement.readiness',
      'progression_measurement.recorded_by',
      'app_user.name as recorded_by_name',
      'progression_measurement.recorded_at',
    ])
    .where('progression_measurement.municipality_id', '=', municipalityId)
    .where('progression_measurement.journey_id', '=', journeyId)
    .orderBy('progression_measurement.measured_on')
    .orderBy('progression_measurement.recorded_at')
    .orderBy('progression_measurement.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    journeyId: r.journey_id,
    measuredOn: r.measured_on,
    assessedBy: r.assessed_by,
    scores: {
      beliefInOwnAbilities: r.belief_in_own_abilities,
      selfRatedHealth: r.self_rated_health,
      network: r.network,
      meaningAndDirection: r.meaning_and_direction,
      readiness: r.readiness,
    },
    recordedBy: { id: r.recorded_by, name: r.recorded_by_name },
    recordedAt: r.recorded_at,
  }));
}

/** The day of the journey's latest measurement, or null: for the progression_overdue risk rule. */
export async function lastMeasuredOn(db: Db, municipalityId: string, journeyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('progression_measurement')
    .select((eb) => eb.fn.max('measured_on').as('last'))
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .executeTakeFirst();
  return row?.last ?? null;
}
