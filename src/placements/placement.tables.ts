import type { ColumnType, Generated } from 'kysely';
import type { PlacementKind } from '../../machines/events.ts';

/** `date` columns come back as 'YYYY-MM-DD' strings on both engines (see db/database.ts). */
type DateString = ColumnType<string, string, string>;
/** `numeric` comes back as a string; written as a number. Repositories turn it into a number. */
type Numeric = ColumnType<string, number, number>;

/** Why a placement row stopped running, beside the caseworker's own words in end_reason. */
export type PlacementEndCause = 'ended' | 'exited' | 'withdrawn';

/** An internship, paid hours or a wage subsidy at a company (docs/domain.md, glossary). */
export interface PlacementTable {
  /** The id the journey service put on PLACEMENT_STARTED, so the event log and the row agree. */
  id: string;
  municipality_id: string;
  journey_id: string;
  youth_id: string;
  company_id: string;
  kind: PlacementKind;
  start_date: DateString;
  planned_end: DateString | null;
  hours_per_week: Numeric;
  /** A company contact person; no foreign key (see the migration). */
  contact_id: string | null;
  /** The youth chose the company (Rockwool Fonden: Ny virksomhedsrettet ungeindsats (2019), "magtskifte"). */
  chosen_by_youth: boolean;
  ended_at: Date | null;
  end_reason: string | null;
  end_cause: PlacementEndCause | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Hours actually worked in one week (Monday to Sunday) of a placement. */
export interface PlacementHoursTable {
  id: Generated<string>;
  municipality_id: string;
  placement_id: string;
  journey_id: string;
  /** The Monday the week begins. */
  week_start: DateString;
  hours: Numeric;
  recorded_by: string;
  recorded_at: Date;
  /** 'youth' when the youth reported the hours and `recorded_by` confirmed them. */
  source: Generated<'staff' | 'youth'>;
}

export type HoursReportStatus = 'reported' | 'confirmed' | 'corrected';

/**
 * Hours the youth reported for one week of their placement, waiting for the caseworker: confirmed
 * as reported, or corrected. Only then are they hours worked (placement_hours) that the rules count.
 */
export interface HoursReportTable {
  id: Generated<string>;
  municipality_id: string;
  placement_id: string;
  journey_id: string;
  youth_id: string;
  week_start: DateString;
  hours: Numeric;
  note: string | null;
  reported_at: Date;
  status: Generated<HoursReportStatus>;
  confirmed_hours: ColumnType<string | null, number | null, number | null>;
  decided_by: string | null;
  decided_at: Date | null;
  version: Generated<number>;
}

export interface PlacementTables {
  placement: PlacementTable;
  placement_hours: PlacementHoursTable;
  hours_report: HoursReportTable;
}
