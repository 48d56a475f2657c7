import type { ColumnType, Generated } from 'kysely';
import type { FollowUpMonth, FollowUpStatus } from '../../machines/events.ts';

type DateString = ColumnType<string, string, string>;

/** A status check 3, 6 or 12 months after exit (docs/domain.md, glossary, "opfølgning"). */
export interface FollowUpTable {
  id: Generated<string>;
  municipality_id: string;
  journey_id: string;
  youth_id: string;
  month: FollowUpMonth;
  due_on: DateString;
  /** Null until recorded. */
  status: FollowUpStatus | null;
  recorded_at: Date | null;
  recorded_by: string | null;
}

export interface FollowUpTables {
  follow_up: FollowUpTable;
}
