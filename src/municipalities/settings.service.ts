import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import { findSettings, saveSettings } from './settings.repository.ts';
import type { MunicipalitySettings } from './settings.schemas.ts';

export function readSettings(db: Db, actor: Actor): Promise<MunicipalitySettings> {
  return findSettings(db, actor.municipalityId);
}

/**
 * Replaces the settings. Decisions already made keep the thresholds they were made with (they
 * store their facts); only later decisions see the new values.
 */
export async function replaceSettings(
  db: Db,
  actor: Actor,
  settings: MunicipalitySettings,
): Promise<MunicipalitySettings> {
  return db.transaction().execute(async (trx) => {
    const before = await findSettings(trx, actor.municipalityId);
    await saveSettings(trx, actor.municipalityId, settings);
    await appendAudit(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      action: 'settings.updated',
      details: { before, after: settings },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return settings;
  });
}
