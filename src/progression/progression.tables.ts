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

/**
 * The youth's own rating on their side (Mit forløb): the four factors that are their own, and how
 * they are doing (wellbeing, loneliness; the NExTWORK evaluation summary (2025) reports both), each
 * 1-10 or skipped. Kept apart from the measurements the caseworker records, which the key figures
 * read (docs/decisions/0016-the-youths-own-voice.md).
 */
export interface SelfRatingTable {
  id: Generated<string>;
  municipality_id: string;
  journey_id: string;
  youth_id: string;
  rated_on: DateString;
  rated_at: Date;
  /** The caseworker's request it answered, if any. */
  request_id: string | null;
  belief_in_own_abilities: number | null;
  self_rated_health: number | null;
  network: number | null;
  meaning_and_direction: number | null;
  wellbeing: number | null;
  loneliness: number | null;
}

/** The caseworker asking the youth to rate themselves now; answered by the next rating. */
export interface SelfRatingRequestTable {
  id: Generated<string>;
  municipality_id: string;
  journey_id: string;
  youth_id: string;
  requested_by: string;
  requested_at: Date;
  answered_at: Date | null;
}

/** Whether the youth sees the caseworker's own assessments beside theirs. No row: not shared. */
export interface ProgressionSharingTable {
  journey_id: string;
  municipality_id: string;
  youth_id: string;
  shared: boolean;
  changed_by: string;
  changed_at: Date;
}

export interface ProgressionTables {
  progression_measurement: ProgressionMeasurementTable;
  self_rating: SelfRatingTable;
  self_rating_request: SelfRatingRequestTable;
  progression_sharing: ProgressionSharingTable;
}
