import type { Db } from '../db/database.ts';
import { type MunicipalitySettings, municipalitySettingsSchema } from './settings.schemas.ts';

export async function findSettings(db: Db, municipalityId: string): Promise<MunicipalitySettings> {
  const row = await db
    .selectFrom('municipality')
    .select('settings')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return municipalitySettingsSchema.parse(row.settings);
}

export async function saveSettings(db: Db, municipalityId: string, settings: MunicipalitySettings): Promise<void> {
  await db
    .updateTable('municipality')
    .set({ settings: JSON.stringify(settings) })
    .where('id', '=', municipalityId)
    .execute();
}
