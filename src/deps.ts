import type { RiskRefreshQueue } from './alerts/activity-facts.ts';
import { CalendarFeedKey } from './appointments/calendar-feed.ts';
import { AuditPseudonyms } from './audit/pseudonym.ts';
import type { AppConfig } from './config.ts';
import type { Db } from './db/database.ts';
import { journeyEffects } from './journey-effects.ts';
import type { JourneyEffectTable } from './journeys/journey.effects.ts';
import { type Clock, systemClock } from './shared/clock.ts';
import { loadRuleSets, type RuleSet } from './rules/rule-set.loader.ts';
import { hkdfSync } from 'node:crypto';
import { CprVault } from './shared/crypto.ts';
import { EvaluationPseudonyms } from './exports/evaluation-pseudonym.ts';
import { createMessenger, type Messenger } from './messages/messenger.ts';
import { YouthOidc } from './youth-login/youth-oidc.ts';

/** What route plugins hand to services. Built once in buildApp, by createAppDeps. */
export interface AppDeps {
  db: Db;
  vault: CprVault;
  /** Derives each user's secret calendar-feed address (src/appointments/calendar-feed.ts). */
  calendarFeedKey: CalendarFeedKey;
  /** The evaluation export's keyed pseudonyms (src/exports/evaluation-pseudonym.ts). */
  evaluationPseudonyms: EvaluationPseudonyms;
  /** Stands in for a youth's id in the audit log where the id is gone (src/audit/pseudonym.ts). */
  pseudonyms: AuditPseudonyms;
  /** Binds the pages' CSRF tokens to the session they were made for (src/web/web.routes.ts). */
  csrfKey: Buffer;
  clock: Clock;
  config: AppConfig;
  /** Every loaded rule set; services pick the one valid on the decision date. */
  ruleSets: readonly RuleSet[];
  /** Sends messages to youth (SMS, e-mail) and keeps the outbox: src/messages/messenger.ts. */
  messenger: Messenger;
  /** What each journey event does beyond the journey: src/journey-effects.ts. */
  journeyEffects: JourneyEffectTable;
  /** The MitID broker of the youth's log-in (src/youth-login/youth-oidc.ts); undefined when not configured. */
  youthOidc: YouthOidc | undefined;
  /**
   * Set only by a bulk write (the demo seed): each write then holds its journey's risk refresh
   * here, and the bulk write refreshes each journey once at its end (src/alerts/activity-facts.ts).
   */
  riskRefresh?: RiskRefreshQueue;
}

/**
 * The app's dependencies, built the one way the app builds them: for buildApp, and for what runs
 * the services outside a request (the demo seed, tests, benchmarks).
 */
export async function createAppDeps(options: {
  db: Db;
  config: AppConfig;
  /** The resolved secret the CPR keys are derived from. */
  secret: string;
  /** The system clock when not given. */
  clock?: Clock | undefined;
  /** Loaded from rules/ when not given (a malformed file stops start-up). */
  ruleSets?: readonly RuleSet[] | undefined;
}): Promise<AppDeps> {
  return {
    db: options.db,
    config: options.config,
    clock: options.clock ?? systemClock,
    vault: new CprVault(options.secret),
    calendarFeedKey: new CalendarFeedKey(options.secret),
    evaluationPseudonyms: new EvaluationPseudonyms(options.secret),
    pseudonyms: new AuditPseudonyms(options.secret),
    csrfKey: Buffer.from(hkdfSync('sha256', options.secret, 'ungeflow', 'csrf-session-v1', 32)),
    ruleSets: options.ruleSets ?? (await loadRuleSets()),
    messenger: createMessenger(options.config),
    journeyEffects,
    youthOidc: options.config.youthOidc && new YouthOidc(options.config.youthOidc, options.secret),
  };
}
