/** Everything that is written to the audit log. */
export const auditActions = [
  'auth.login_succeeded',
  'auth.login_failed',
  'auth.logout',
  'auth.token_created',
  'auth.token_revoked',
  'auth.password_changed',
  'auth.password_change_failed',
  'municipality.created',
  'user.created',
  'user.updated',
  'youth.created',
  'youth.read',
  'youth.searched',
  'youth.updated',
  'youth.cpr_revealed',
  'youth.access_exported',
  'youth.legal_hold_set',
  'youth.legal_hold_lifted',
  'youth.deleted',
  'youth.anonymised',
  'audit.read',
  'audit.pseudonymised',
  'settings.updated',
  'webhook.delivery_retried',
  'journey.opened',
  'journey.read',
  'journey.event_recorded',
  'journey.reassigned',
  'journey.listed',
  'group.created',
  'group.updated',
  'group.meetings_changed',
  'group.attendance_recorded',
  'group.absence_notified',
  'group.checked_in',
  'group.membership_changed',
  'company.created',
  'company.updated',
  'company.meeting_recorded',
  'match_event.created',
  'match_event.updated',
  'placement.updated',
  'placement.hours_logged',
  'placement.hours_reported',
  'placement.hours_confirmed',
  'offer.recorded',
  'offer.ended',
  'education_injunction.given',
  'education_injunction.ended',
  'activity.recorded',
  'progression.recorded',
  'follow_up.recorded',
  'alert.updated',
  'plan.content_changed',
  'plan.rendered',
  'plan.version_created',
  'appointment.booked',
  'appointment.changed',
  'appointment.held',
  'appointment.absence_notified',
  'calendar.feed_renewed',
  'calendar.feed_read',
  'case_note.written',
  'case_note.edited',
  'case_note.read',
  'evaluation.exported',
  'caseload.import_checked',
  'caseload.imported',
  'youth_login.invited',
  'youth_login.invitation_not_sent',
  'messages.read',
  'youth_login.login_succeeded',
  'youth_login.login_failed',
  'youth_login.logout',
  'youth_login.logout_everywhere',
  // The young person's own side (Mit forløb): the youth acts, so these carry no user and `by: 'youth'`.
  'progression.self_rated',
  'progression.self_rating_requested',
  'progression.sharing_changed',
  'questionnaire.submitted',
  'match_event.wishes_chosen',
  'youth_reminders.changed',
] as const;

export type AuditAction = (typeof auditActions)[number];

export interface NewAuditEntry {
  municipalityId: string | null;
  userId: string | null;
  action: AuditAction;
  youthId?: string | null;
  /** A keyed hash of the youth's id, for a youth whose data is gone (see src/audit/pseudonym.ts). */
  youthRef?: string | null;
  /** Never the CPR number in clear: criteria are masked before they get here. */
  details?: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  id: string;
  occurredAt: Date;
  userId: string | null;
  userName: string | null;
  action: AuditAction;
  youthId: string | null;
  youthName: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
}

export interface AuditFilter {
  userId?: string | undefined;
  youthId?: string | undefined;
  /** The youth's keyed hash: with youthId, the entries that name the youth only by it are found too. */
  youthRef?: string | undefined;
  action?: AuditAction | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}
