import type { Migration } from 'kysely/migration';
import * as foundation from './20261122T0700-foundation.ts';
import * as journeys from './20261122T0800-journeys.ts';
import * as caseload from './20261122T0850-caseload.ts';
import * as groups from './20261122T0900-groups.ts';
import * as companies from './20261122T0910-companies.ts';
import * as programme from './20261122T0920-programme.ts';
import * as alerts from './20261122T1000-alerts.ts';
import * as plans from './20261122T1100-plans.ts';
import * as riskCheck from './20261122T1200-risk-check.ts';
import * as adminVersions from './20261201T1000-admin-versions.ts';
import * as matchVersions from './20261201T1100-match-versions.ts';
import * as onboarding from './20261205T1100-onboarding.ts';
import * as rateLimit from './20261205T1200-rate-limit.ts';
import * as webhookFailures from './20261205T1400-webhook-failures.ts';
import * as offers from './20261206T0900-offers.ts';
import * as companySector from './20261206T1000-company-sector.ts';
import * as benefitHistory from './20261206T1010-benefit-history.ts';
import * as conversationMode from './20261207T0900-conversation-mode.ts';
import * as userPhone from './20261207T0900-user-phone.ts';
import * as appointments from './20261208T1000-appointments.ts';
import * as youthBirthDate from './20261208T1000-youth-birth-date.ts';
import * as auditSearchHits from './20261208T1100-audit-search-hits.ts';
import * as caseNotes from './20261208T1100-case-notes.ts';
import * as planReview from './20261208T1200-plan-review.ts';
import * as retention from './20261209T1200-retention.ts';
import * as tokenExpiry from './20261209T1300-token-expiry.ts';
import * as riskCheckTable from './20261210T1000-risk-check-table.ts';
import * as youthSessions from './20261210T1200-youth-sessions.ts';
import * as youthActions from './20261210T1400-youth-actions.ts';
import * as youthVoice from './20261210T1600-youth-voice.ts';
import * as youthReminders from './20261211T1400-youth-reminders.ts';

/** Every migration, by its timestamped name. Kysely runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261122T0700-foundation': foundation,
  '20261122T0800-journeys': journeys,
  '20261122T0850-caseload': caseload,
  '20261122T0900-groups': groups,
  '20261122T0910-companies': companies,
  '20261122T0920-programme': programme,
  '20261122T1000-alerts': alerts,
  '20261122T1100-plans': plans,
  '20261122T1200-risk-check': riskCheck,
  '20261201T1000-admin-versions': adminVersions,
  '20261201T1100-match-versions': matchVersions,
  '20261205T1100-onboarding': onboarding,
  '20261205T1200-rate-limit': rateLimit,
  '20261205T1400-webhook-failures': webhookFailures,
  '20261206T0900-offers': offers,
  '20261206T1000-company-sector': companySector,
  '20261206T1010-benefit-history': benefitHistory,
  '20261207T0900-conversation-mode': conversationMode,
  '20261207T0900-user-phone': userPhone,
  '20261208T1000-appointments': appointments,
  '20261208T1000-youth-birth-date': youthBirthDate,
  '20261208T1100-audit-search-hits': auditSearchHits,
  '20261208T1100-case-notes': caseNotes,
  '20261208T1200-plan-review': planReview,
  '20261209T1200-retention': retention,
  '20261209T1300-token-expiry': tokenExpiry,
  '20261210T1000-risk-check-table': riskCheckTable,
  '20261210T1200-youth-sessions': youthSessions,
  '20261210T1400-youth-actions': youthActions,
  '20261210T1600-youth-voice': youthVoice,
  '20261211T1400-youth-reminders': youthReminders,
};
