import type { Migration } from 'kysely/migration';
import * as foundation from './20261122T0700-foundation.ts';
import * as journeys from './20261122T0800-journeys.ts';

/** Every migration, by its timestamped name. Kysely runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261122T0700-foundation': foundation,
  '20261122T0800-journeys': journeys,
};
