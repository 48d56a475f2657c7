import { appendAudit } from './audit.repository.ts';
import type { AuditAction } from './audit.types.ts';
import type { Actor, YouthActor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';

/** Appends an audit entry for the actor, in the caller's transaction. Never pass a CPR number. */
export function auditAs(
  db: Db,
  actor: Actor,
  action: AuditAction,
  youthId: string | null,
  details: Record<string, unknown>,
): Promise<void> {
  return appendAudit(db, {
    municipalityId: actor.municipalityId,
    userId: actor.userId,
    action,
    youthId,
    details,
    ip: actor.ip,
    requestId: actor.requestId,
  });
}

/**
 * Appends an audit entry for something the young person did on their own side, in the caller's
 * transaction: no user, the youth as the subject, and `by: 'youth'` in the details.
 */
export function auditAsYouth(
  db: Db,
  actor: YouthActor,
  action: AuditAction,
  details: Record<string, unknown>,
): Promise<void> {
  return appendAudit(db, {
    municipalityId: actor.municipalityId,
    userId: null,
    action,
    youthId: actor.youthId,
    details: { ...details, by: 'youth', sessionId: actor.sessionId },
    ip: actor.ip,
    requestId: actor.requestId,
  });
}
