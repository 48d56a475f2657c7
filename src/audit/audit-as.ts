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
 * An audit entry of something the youth did themselves: no user, the youth's id, and
 * `details.by = 'youth'` (src/auth/actor.ts).
 */
export function youthAudit(
  youth: YouthActor,
  action: AuditAction,
  details: Record<string, unknown> = {},
): Parameters<typeof appendAudit>[1] {
  return {
    municipalityId: youth.municipalityId,
    userId: null,
    youthId: youth.youthId,
    action,
    details: { by: 'youth', ...details },
    ip: youth.ip,
    requestId: youth.requestId,
  };
}

/** Appends the youth's entry in the caller's transaction, naming the device session it came from. */
export function auditAsYouth(
  db: Db,
  actor: YouthActor,
  action: AuditAction,
  details: Record<string, unknown>,
): Promise<void> {
  return appendAudit(db, youthAudit(actor, action, { ...details, sessionId: actor.sessionId }));
}
