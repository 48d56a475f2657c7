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

export interface MunicipalityWithSettings {
  municipalityId: string;
  settings: MunicipalitySettings;
}

/** The settings of the given municipalities, or of every municipality. */
export async function listSettings(db: Db, municipalityIds?: readonly string[]): Promise<MunicipalityWithSettings[]> {
  if (municipalityIds?.length === 0) return [];
  let query = db.selectFrom('municipality').select(['id', 'settings']);
  if (municipalityIds) query = query.where('id', 'in', municipalityIds);
  const rows = await query.execute();
  return rows.map((row) => ({ municipalityId: row.id, settings: municipalitySettingsSchema.parse(row.settings) }));
}
