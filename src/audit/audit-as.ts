import { appendAudit } from './audit.repository.ts';
import type { AuditAction, NewAuditEntry } from './audit.types.ts';
import { PAGE_READ_ACTIONS, type PageReads } from './page-reads.ts';
import type { Actor, YouthActor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';

/**
 * Appends the entry in the caller's transaction; a read made for a page view is gathered instead,
 * and written with the page's other reads as the page is sent (src/audit/page-reads.ts).
 */
function appendOrGather(db: Db, pageReads: PageReads | undefined, entry: NewAuditEntry): Promise<void> {
  if (pageReads && PAGE_READ_ACTIONS.has(entry.action)) {
    pageReads.add(entry);
    return Promise.resolve();
  }
  return appendAudit(db, entry);
}

/** Appends an audit entry for the actor, in the caller's transaction. Never pass a CPR number. */
export function auditAs(
  db: Db,
  actor: Actor,
  action: AuditAction,
  youthId: string | null,
  details: Record<string, unknown>,
): Promise<void> {
  return appendOrGather(db, actor.pageReads, {
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
  return appendOrGather(db, actor.pageReads, youthAudit(actor, action, { ...details, sessionId: actor.sessionId }));
}
