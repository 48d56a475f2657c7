import { webhookAddressProblem } from '../alerts/webhook-address.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { riskOverrideConflicts } from '../risk/risk.overrides.ts';
import { danishDate } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { clearRiskCheckDays } from '../alerts/risk-row.repository.ts';
import { findSettings, findVersionedSettings, saveSettings, type VersionedSettings } from './settings.repository.ts';
import { type MunicipalitySettings, type SettingsChange, settingsWithoutSecret } from './settings.schemas.ts';
import { texts, textsEach } from '../shared/texts.ts';
import { longDayText } from '../shared/days.ts';
import type { Text } from '../shared/i18n.ts';
import type { RuleSet } from '../rules/rule-set.loader.ts';

export function readSettings(db: Db, actor: Actor): Promise<MunicipalitySettings> {
  return findSettings(db, actor.municipalityId);
}

/** The settings with the version a change must name. */
export function readVersionedSettings(db: Db, actor: Actor): Promise<VersionedSettings> {
  return findVersionedSettings(db, actor.municipalityId);
}

/**
 * Changes the sections given, when the settings are still at the version the change was made
 * against (`version_conflict` with the current version otherwise). Decisions already made keep the
 * thresholds they were made with (they store their facts); only later decisions see the new values.
 */
export async function changeSettings(
  deps: Pick<AppDeps, 'db' | 'ruleSets' | 'clock' | 'config'>,
  actor: Actor,
  change: SettingsChange,
): Promise<VersionedSettings> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await findVersionedSettings(trx, actor.municipalityId);
    const settings: MunicipalitySettings = {
      ...before.settings,
      ...(change.eligibility ? { eligibility: change.eligibility } : {}),
      ...(change.randomisation ? { randomisation: change.randomisation } : {}),
      ...(change.risk ? { risk: change.risk } : {}),
      ...(change.lawSwitchDates ? { lawSwitchDates: change.lawSwitchDates } : {}),
      ...(change.accessExport ? { accessExport: change.accessExport } : {}),
      ...(change.retention ? { retention: change.retention } : {}),
      ...(change.youthLogin ? { youthLogin: change.youthLogin } : {}),
      ...(change.webhook
        ? {
            // Removing the webhook removes its secret too; changing the address keeps the secret.
            webhook:
              change.webhook.url === null
                ? { url: null, secret: null }
                : { url: change.webhook.url, secret: change.webhook.secret ?? before.settings.webhook.secret },
          }
        : {}),
    };
    const addressProblem =
      change.webhook?.url && webhookAddressProblem(change.webhook.url, deps.config.webhookAllowedHosts);
    if (addressProblem) {
      throw new DomainError('validation_failed', {
        fieldErrors: [
          {
            field: 'webhook.url',
            message: texts(
              addressProblem === 'webhook_not_https'
                ? 'admin.refusals.webhookNotHttps'
                : 'admin.refusals.webhookLocalAddress',
            ),
          },
        ],
      });
    }
    if (settings.webhook.url && !settings.webhook.secret) {
      throw new DomainError('validation_failed', {
        fieldErrors: [
          {
            field: 'webhook.secret',
            message: texts('admin.refusals.webhookSecretRequired'),
          },
        ],
      });
    }
    if (change.risk) {
      // The overrides must work with every risk rule file in force from today on.
      const today = danishDate(deps.clock());
      const conflicts = deps.ruleSets
        .filter((r) => r.name === 'risk' && (r.validTo === null || r.validTo >= today))
        .flatMap((ruleSet) => riskOverrideConflicts(ruleSet, change.risk ?? {}));
      if (conflicts.length > 0) {
        throw new DomainError('validation_failed', {
          fieldErrors: conflicts.map((c) => ({ field: `risk.${c.field}`, message: c.messages })),
        });
      }
    }
    if (change.lawSwitchDates) {
      const problems = lawSwitchProblems(
        deps.ruleSets,
        before.settings.lawSwitchDates,
        change.lawSwitchDates,
        danishDate(deps.clock()),
      );
      if (problems.length > 0) throw new DomainError('validation_failed', { fieldErrors: problems });
    }
    const version = await saveSettings(trx, actor.municipalityId, change.version, settings);
    if (version === undefined) throw new DomainError('version_conflict', { extra: { currentVersion: before.version } });
    // New thresholds can change any journey's verdict: the next sweep looks at all of them.
    if (change.risk) await clearRiskCheckDays(trx, actor.municipalityId);
    await appendAudit(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      action: 'settings.updated',
      // The webhook secret itself is never written to the log.
      details: { before: settingsWithoutSecret(before.settings), after: settingsWithoutSecret(settings) },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return { settings, version };
  });
}

/**
 * A law's rule sets can take over no earlier than their own first day, and a municipality cannot
 * move the switch to a day that has passed: decisions already made followed the law then in force.
 */
function lawSwitchProblems(
  ruleSets: readonly RuleSet[],
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
  today: string,
): Array<{ field: string; message: Text }> {
  return Object.entries(after).flatMap(([lawId, day]) => {
    const field = `lawSwitchDates.${lawId}`;
    const files = ruleSets.filter((ruleSet) => ruleSet.law.id === lawId);
    const first = files.map((ruleSet) => ruleSet.validFrom).sort()[0];
    if (first === undefined) return [{ field, message: texts('admin.refusals.unknownLaw') }];
    if (day < first)
      return [
        {
          field,
          message: textsEach('admin.refusals.switchBeforeLaw', (lang) => ({ first: longDayText(first, lang) })),
        },
      ];
    if (day < today && before[lawId] !== day) return [{ field, message: texts('admin.refusals.switchInPast') }];
    return [];
  });
}
