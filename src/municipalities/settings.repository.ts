import type { Db } from '../db/database.ts';
import { type MunicipalitySettings, municipalitySettingsSchema } from './settings.schemas.ts';

/** A municipality's settings with the version every change raises (optimistic concurrency). */
export interface VersionedSettings {
  settings: MunicipalitySettings;
  version: number;
}

export async function findVersionedSettings(db: Db, municipalityId: string): Promise<VersionedSettings> {
  const row = await db
    .selectFrom('municipality')
    .select(['settings', 'settings_version'])
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return { settings: municipalitySettingsSchema.parse(row.settings), version: row.settings_version };
}

export async function findSettings(db: Db, municipalityId: string): Promise<MunicipalitySettings> {
  return (await findVersionedSettings(db, municipalityId)).settings;
}

/** Saves the settings when the stored version is still `expectedVersion`; the new version, or undefined. */
export async function saveSettings(
  db: Db,
  municipalityId: string,
  expectedVersion: number,
  settings: MunicipalitySettings,
): Promise<number | undefined> {
  const row = await db
    .updateTable('municipality')
    .set((eb) => ({ settings: JSON.stringify(settings), settings_version: eb('settings_version', '+', 1) }))
    .where('id', '=', municipalityId)
    .where('settings_version', '=', expectedVersion)
    .returning('settings_version')
    .executeTakeFirst();
  return row?.settings_version;
}
