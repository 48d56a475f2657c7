import { type MigrationResult, Migrator } from 'kysely/migration';
import type { Db } from './database.ts';
import { migrations } from './migrations/index.ts';

export function createMigrator(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

/** Migrates to the latest version; throws with the failing migration's name on error. */
export async function migrateToLatest(db: Db): Promise<MigrationResult[] | undefined> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    // Without a failed migration the error came before any ran: reaching the database, or its
    // migration lock.
    throw new Error(
      failed ? `Migration ${failed.migrationName} failed: ${reason}` : `Could not migrate the database: ${reason}`,
      { cause: error },
    );
  }
  return results;
}
