import type { ColumnType, Generated } from 'kysely';

/** `date` columns are read as 'YYYY-MM-DD' strings on both engines (see db/database.ts). */
type DateString = ColumnType<string, string, string>;

/** A match event: youth meet several companies (Rockwool Fonden: Hvad er NExTWORK?; NExTWORK: Vejen til uddannelse går gennem job! (2018); the NExTWORK evaluation summary (2025)). */
export interface MatchEventTable {
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

export interface MatchEventCompanyTable {
  municipality_id: string;
  match_event_id: string;
  company_id: string;
  /** Moves on with every change to the company's interest (optimistic concurrency). */
  interests_version: Generated<number>;
}

/** A youth taking part, by journey (the youth id is kept for the audit log and names). */
export interface MatchEventYouthTable {
  municipality_id: string;
  match_event_id: string;
  journey_id: string;
  youth_id: string;
  /** Moves on with every change to the youth's wishes (optimistic concurrency). */
  wishes_version: Generated<number>;
  /** When the youth last chose their wishes on their own side; null if they never did. */
  own_wishes_at: Generated<Date | null>;
}

/** A youth's wish to meet a company again, ranked 1..n. */
export interface MatchWishTable {
  municipality_id: string;
  match_event_id: string;
  journey_id: string;
  company_id: string;
  rank: number;
  /** Chosen by the youth on their own side before the event (Mit forløb), not recorded by staff. */
  by_youth: Generated<boolean>;
}

/** A company's interest in a youth of the same event. */
export interface MatchInterestTable {
  municipality_id: string;
  match_event_id: string;
  company_id: string;
  journey_id: string;
}

export interface MatchingTables {
  match_event: MatchEventTable;
  match_event_company: MatchEventCompanyTable;
  match_event_youth: MatchEventYouthTable;
  match_wish: MatchWishTable;
  match_interest: MatchInterestTable;
}
