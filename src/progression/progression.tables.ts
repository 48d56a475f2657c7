import type { ColumnType, Generated } from 'kysely';

type DateString = ColumnType<string, string, string>;

export type Assessor = 'youth' | 'caseworker';

/**
 * One measurement of the progression factors (STAR: Den gode ungeindsats i jobcentrene (2017), s. 29), each 1-10 or not measured this
 * time. One column per factor keeps a measurement one row, which is how it is taken and shown.
 */
export interface ProgressionMeasurementTable {
  id: Generated<string>;
  municipality_id: string;
  journey_id: string;
  youth_id: string;
  measured_on: DateString;
  assessed_by: Assessor;
  belief_in_own_abilities: number | null;
  self_rated_health: number | null;
  network: number | null;
  meaning_and_direction: number | null;
  readiness: number | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface ProgressionTables {
  progression_measurement: ProgressionMeasurementTable;
}
