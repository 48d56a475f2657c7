import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { ActivityTables } from '../activities/activity.tables.ts';
import type { AppointmentTables } from '../appointments/appointment.tables.ts';
import type { CompanyTables } from '../companies/company.tables.ts';
import type { FollowUpTables } from '../followups/follow-up.tables.ts';
import type { GroupTables } from '../groups/group.tables.ts';
import type { NoteTables } from '../notes/note.tables.ts';
import type { OfferTables } from '../offers/offer.tables.ts';
import type { PlacementTables } from '../placements/placement.tables.ts';
import type { PlanTables } from '../plans/plan.tables.ts';
import type { ProgressionTables } from '../progression/progression.tables.ts';
import type { MessageTables } from '../messages/message.tables.ts';
import type { ReminderTables } from '../reminders/reminder.tables.ts';
import type { YouthLoginTables } from '../youth-login/youth-login.tables.ts';
import type { QuestionnaireResponseTables } from '../visitation/questionnaire-response.tables.ts';

/** timestamptz columns are read back as Date on both engines. */
type Timestamp = Date;
/** `date` columns are parsed to 'YYYY-MM-DD' strings on both engines (see database.ts). */
type DateString = ColumnType<string, string, string>;

export type Role = 'caseworker' | 'leader' | 'admin';

export interface MunicipalityTable {
  id: Generated<string>;
  name: string;
  settings: JSONColumnType<Record<string, unknown>>;
  /** Raised by every change of the settings (optimistic concurrency). */
  settings_version: Generated<number>;
  created_at: Generated<Timestamp>;
}

export interface UserTable {
  id: Generated<string>;
  municipality_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  /** A Danish phone number written '12 34 56 78', or null: the plan gives it to the youth to ring. */
  phone: string | null;
  active: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  /** The password was set by someone else (one-time): the user must choose their own before anything else. */
  password_must_change: Generated<boolean>;
  /** Raised by every change an administrator makes (optimistic concurrency); not by log-ins. */
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface SessionTable {
  id: string;
  municipality_id: string;
  user_id: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
}

/** One client's attempts at a rate-limited route in the current window (see auth/rate-limit.store.ts). */
export interface RateLimitWindowTable {
  /** The route and the client address. */
  key: string;
  window_start: Timestamp;
  expires_at: Timestamp;
  count: number;
}

export interface ApiTokenTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: Generated<Timestamp>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** Chosen at creation: 90 days unless the user chose otherwise, at most a year. */
  expires_at: Timestamp;
}

/** Failed log-ins in a row of one account from one client address, and its lock. */
export interface LoginLockTable {
  user_id: string;
  client_address: string;
  failed_count: Generated<number>;
  locked_until: Timestamp | null;
  updated_at: Generated<Timestamp>;
}

export interface YouthTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  cpr_encrypted: string;
  cpr_hash: string;
  birth_date: DateString;
  phone: string | null;
  email: string | null;
  address: string | null;
  /** Why the youth's data is kept past the retention period (a legal hold); null: none. */
  legal_hold_reason: string | null;
  legal_hold_at: Timestamp | null;
  legal_hold_by: string | null;
  /** When the retention job removed the personal data; null: not anonymised. */
  anonymised_at: Timestamp | null;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface AuditLogTable {
  id: Generated<string>;
  /** Null only for a failed login with an e-mail no municipality knows. */
  municipality_id: string | null;
  occurred_at: Generated<Timestamp>;
  user_id: string | null;
  action: string;
  youth_id: string | null;
  details: JSONColumnType<Record<string, unknown>>;
  ip: string | null;
  request_id: string | null;
  /** A keyed hash of a youth's id, where the id itself is gone (deleted, or pseudonymised). */
  youth_ref: string | null;
  // Set by the database's trigger on insert (the hash chain, docs/decisions/0010).
  chain_seq: Generated<string>;
  personal_digest: Generated<string>;
  hash: Generated<string>;
  pseudonymised_at: Generated<Timestamp | null>;
}

export type ReferralSource = 'jobcenter' | 'uu' | 'self' | 'other_unit';

export interface JourneyTable {
  id: Generated<string>;
  municipality_id: string;
  youth_id: string;
  returning: boolean;
  /** Earlier periods on public benefit recorded at referral; null for journeys referred before it was asked. */
  earlier_benefit: 'none' | 'earlier_periods' | null;
  earlier_benefit_months: number | null;
  /** Withdrawn because the journey was registered by mistake: it makes no one returning and counts in no figure. */
  registered_by_mistake: Generated<boolean>;
  referral_source: ReferralSource;
  referral_reason: string;
  first_contact_at: Timestamp;
  stage: string;
  open: boolean;
  snapshot: JSONColumnType<Record<string, unknown>>;
  machine_version: number;
  version: Generated<number>;
  created_by: string;
  /** The responsible caseworker. */
  caseworker_id: string;
  /** Newest recorded activity (attendance, placement hours, conversation, match event, mentor contact). */
  last_activity_at: Timestamp | null;
  // What the risk rules read, kept current as events and activity are recorded.
  placement_state: 'exploring' | 'placed' | 'between' | null;
  first_conversation_at: Timestamp | null;
  visitation_at: Timestamp | null;
  group_joined_at: Timestamp | null;
  ever_placed: Generated<boolean>;
  placed_since: Timestamp | null;
  placement_hours_per_week: number | null;
  placement_ended_at: Timestamp | null;
  expected_return: DateString | null;
  missed_meetings_in_row: Generated<number>;
  /** Individual job conversations recorded as contacts in the first 6 months (the first conversation is counted apart). */
  conversations_first_6m: Generated<number>;
  /** Weeks in a row of the running placement, back from the latest recorded, with fewer hours worked than agreed. */
  hours_below_agreed_weeks: Generated<number>;
  /** The Monday of the latest week with hours recorded in the running placement. */
  hours_latest_week: DateString | null;
  last_progression_at: Timestamp | null;
  next_follow_up_due: DateString | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** An open journey's next risk check (docs/decisions/0003): null when due at the next sweep. */
export interface JourneyRiskCheckTable {
  journey_id: string;
  /** The next day the risk verdict can change without a new event (the sweep reads the due ones). */
  check_on: DateString | null;
}

export interface JourneyEventTable {
  id: Generated<string>;
  municipality_id: string;
  journey_id: string;
  seq: number;
  type: string;
  payload: JSONColumnType<Record<string, unknown>>;
  occurred_at: Timestamp;
  recorded_at: Generated<Timestamp>;
  actor_id: string;
}

export interface RuleDecisionTable {
  id: Generated<string>;
  municipality_id: string;
  journey_id: string;
  event_seq: number;
  rule_set: string;
  rule_set_version: string;
  outcome: string;
  facts: JSONColumnType<Record<string, unknown>>;
  result: JSONColumnType<Record<string, unknown>>;
  decided_at: Generated<Timestamp>;
}

/** Every table. Features declare their own tables next to their code and are joined in here. */
export type AlertStatus = 'open' | 'acknowledged' | 'snoozed' | 'resolved';

export interface AlertTable {
  id: Generated<string>;
  municipality_id: string;
  journey_id: string;
  youth_id: string;
  code: string;
  severity: 'info' | 'low' | 'medium' | 'high';
  status: AlertStatus;
  for_leader: Generated<boolean>;
  assigned_to: string | null;
  opened_at: Timestamp;
  escalated_at: Timestamp | null;
  snoozed_until: DateString | null;
  resolved_at: Timestamp | null;
  explanation: JSONColumnType<Record<string, unknown>>;
  facts: JSONColumnType<Record<string, unknown>>;
  rule_set_version: string;
  version: Generated<number>;
  updated_at: Generated<Timestamp>;
}

export interface AlertHistoryTable {
  id: Generated<string>;
  municipality_id: string;
  alert_id: string;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  note: string | null;
  details: JSONColumnType<Record<string, unknown>>;
}

export interface WebhookDeliveryTable {
  id: Generated<string>;
  municipality_id: string;
  alert_id: string;
  payload: JSONColumnType<Record<string, unknown>>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  delivered_at: Timestamp | null;
  last_error: string | null;
  /** Set when the last attempt failed; cleared when an administrator sends it again. */
  failed_at: Timestamp | null;
}

export interface AlertDigestTable {
  id: Generated<string>;
  municipality_id: string;
  sent_at: Timestamp;
  alerts: number;
  mails: number;
}

export interface SweepRunTable {
  id: Generated<string>;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  as_of: DateString;
  trigger: string;
  journeys: Generated<number>;
  opened: Generated<number>;
  resolved: Generated<number>;
  escalated: Generated<number>;
  error: string | null;
  rule_set_version: string | null;
}

export interface Database
  extends
    GroupTables,
    CompanyTables,
    PlacementTables,
    OfferTables,
    ActivityTables,
    ProgressionTables,
    FollowUpTables,
    PlanTables,
    AppointmentTables,
    NoteTables,
    YouthLoginTables,
    MessageTables,
    ReminderTables,
    QuestionnaireResponseTables {
  municipality: MunicipalityTable;
  app_user: UserTable;
  session: SessionTable;
  rate_limit_window: RateLimitWindowTable;
  api_token: ApiTokenTable;
  login_lock: LoginLockTable;
  youth: YouthTable;
  audit_log: AuditLogTable;
  journey: JourneyTable;
  journey_risk_check: JourneyRiskCheckTable;
  journey_event: JourneyEventTable;
  rule_decision: RuleDecisionTable;
  alert: AlertTable;
  alert_history: AlertHistoryTable;
  sweep_run: SweepRunTable;
  webhook_delivery: WebhookDeliveryTable;
  alert_digest: AlertDigestTable;
}
