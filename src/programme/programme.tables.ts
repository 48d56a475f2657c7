import type { ActivityTables } from '../activities/activity.tables.ts';
import type { FollowUpTables } from '../followups/follow-up.tables.ts';
import type { PlacementTables } from '../placements/placement.tables.ts';
import type { ProgressionTables } from '../progression/progression.tables.ts';

/** Placements and their hours, activities, progression measurements and follow-ups. */
export interface ProgrammeTables extends PlacementTables, ActivityTables, ProgressionTables, FollowUpTables {}
