import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import { DomainError } from '../shared/errors.ts';
import { clearRiskCheckDays } from '../alerts/risk-row.repository.ts';
import { findSettings, saveSettings } from './settings.repository.ts';
import { type MunicipalitySettings, type SettingsChange, settingsToResponse } from './settings.schemas.ts';

export function readSettings(db: Db, actor: Actor): Promise<MunicipalitySettings> {
  return findSettings(db, actor.municipalityId);
}

/**
 * Changes the sections given. Decisions already made keep the thresholds they were made with
 * (they store their facts); only later decisions see the new values.
 */
export async function changeSettings(db: Db, actor: Actor, change: SettingsChange): Promise<MunicipalitySettings> {
  return db.transaction().execute(async (trx) => {
    const before = await findSettings(trx, actor.municipalityId);
    const settings: MunicipalitySettings = {
      ...before,
      ...(change.eligibility ? { eligibility: change.eligibility } : {}),
      ...(change.randomisation ? { randomisation: change.randomisation } : {}),
      ...(change.risk ? { risk: change.risk } : {}),
      ...(change.webhook
        ? { webhook: { url: change.webhook.url, secret: change.webhook.secret ?? before.webhook.secret } }
        : {}),
    };
    if (settings.webhook.url && !settings.webhook.secret) {
      throw new DomainError('validation_failed', {
        fieldErrors: [
          {
            field: 'webhook.secret',
            message: {
              da: 'Angiv en hemmelig nøgle (mindst 16 tegn), så modtageren kan tjekke signaturen.',
              en: 'Give a secret (at least 16 characters) so the receiver can check the signature.',
            },
          },
        ],
      });
    }
    await saveSettings(trx, actor.municipalityId, settings);
    // New thresholds can change any journey's verdict: the next sweep looks at all of them.
    if (change.risk) await clearRiskCheckDays(trx, actor.municipalityId);
    await appendAudit(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      action: 'settings.updated',
      // The webhook secret itself is never written to the log.
      details: { before: settingsToResponse(before), after: settingsToResponse(settings) },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return settings;
  });
}
