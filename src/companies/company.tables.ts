import type { ColumnType, Generated } from 'kysely';
import type { MatchingTables } from '../matching/match-event.tables.ts';

/** `date` columns are read as 'YYYY-MM-DD' strings on both engines (see db/database.ts). */
type DateString = ColumnType<string, string, string>;

/** Whether the company is a private or a public employer (løntilskud differs between them). */
export const companySectors = ['private', 'public'] as const;
export type CompanySector = (typeof companySectors)[number];

export interface CompanyTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  /** CVR number, 8 digits. */
  cvr: string;
  industry: string | null;
  /** A private or a public employer: decides which løntilskud a wage-subsidy placement is. */
  sector: Generated<CompanySector>;
  address: string | null;
  /** How many placements the company can take at once. */
  placement_capacity: Generated<number>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A contact person at a company. */
export interface CompanyContactTable {
  id: Generated<string>;
  municipality_id: string;
  company_id: string;
  name: string;
  /** Role or job title, e.g. "Butikschef". */
  title: string | null;
  phone: string | null;
  email: string | null;
  /** False once removed; kept because placements may name the contact. */
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A meeting of the company network (virksomhedsnetværk). */
export interface CompanyMeetingTable {
  id: Generated<string>;
  municipality_id: string;
  held_on: DateString;
  place: string;
  note: string | null;
  created_by: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CompanyMeetingAttendanceTable {
  municipality_id: string;
  meeting_id: string;
  company_id: string;
}

export interface CompanyTables extends MatchingTables {
  company: CompanyTable;
  company_contact: CompanyContactTable;
  company_meeting: CompanyMeetingTable;
  company_meeting_attendance: CompanyMeetingAttendanceTable;
}
