import { appendAudit } from './audit.repository.ts';
import type { AuditAction } from './audit.types.ts';
import type { YouthActor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';

/**
 * Appends an audit entry for what a young person did on their own side (Mit forløb), in the
 * caller's transaction: no user, the youth as the subject, and `details.by = 'youth'`.
 */
export function auditAsYouth(
  db: Db,
  youth: YouthActor,
  action: AuditAction,
  details: Record<string, unknown>,
): Promise<void> {
  return appendAudit(db, {
    municipalityId: youth.municipalityId,
    userId: null,
    action,
    youthId: youth.youthId,
    details: { ...details, by: 'youth' },
    ip: youth.ip,
    requestId: youth.requestId,
  });
}
