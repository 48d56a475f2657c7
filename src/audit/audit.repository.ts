import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AuditAction, AuditEntry, AuditFilter, NewAuditEntry } from './audit.types.ts';

const auditRow = (entry: NewAuditEntry) => ({
  municipality_id: entry.municipalityId,
  user_id: entry.userId,
  action: entry.action,
  youth_id: entry.youthId ?? null,
  youth_ref: entry.youthRef ?? null,
  details: JSON.stringify(entry.details ?? {}),
  ip: entry.ip,
  request_id: entry.requestId,
});

export async function appendAudit(db: Db, entry: NewAuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(entry)).execute();
}

/** Several entries in one statement, chained in the order given. */
export async function appendAuditEntries(db: Db, entries: readonly NewAuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto('audit_log').values(entries.map(auditRow)).execute();
}

/** The municipality's entries that match the filter. */
function matching(db: Db, municipalityId: string, filter: AuditFilter) {
  let query = db.selectFrom('audit_log').where('audit_log.municipality_id', '=', municipalityId);
  if (filter.userId) query = query.where('audit_log.user_id', '=', filter.userId);
  if (filter.youthId) {
    // The youth's own entries, and the searches and lists that showed the youth among others.
    const shown = JSON.stringify([filter.youthId]);
    const youthId = filter.youthId;
    const youthRef = filter.youthRef;
    query = query.where((eb) =>
      eb.or([
        eb('audit_log.youth_id', '=', youthId),
        sql<boolean>`(audit_log.details -> 'youthIds') @> ${shown}::jsonb`,
        ...(youthRef
          ? [
              eb('audit_log.youth_ref', '=', youthRef),
              sql<boolean>`(audit_log.details -> 'youthRefs') @> ${JSON.stringify([youthRef])}::jsonb`,
            ]
          : []),
      ]),
    );
  }
  if (filter.action) query = query.where('audit_log.action', '=', filter.action);
  if (filter.from) query = query.where('audit_log.occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('audit_log.occurred_at', '<', filter.to);
  return query;
}

export async function countAudit(db: Db, municipalityId: string, filter: AuditFilter): Promise<number> {
  const count = await matching(db, municipalityId, filter)
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(count.total);
}

/** The entries that match, newest first, with the user's and the youth's names. */
export async function listAudit(
  db: Db,
  municipalityId: string,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AuditEntry[]; total: number }> {
  const rows = await matching(db, municipalityId, filter)
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .leftJoin('youth', 'youth.id', 'audit_log.youth_id')
    .select([
      'audit_log.id',
      'audit_log.occurred_at',
      'audit_log.user_id',
      'app_user.name as user_name',
      'audit_log.action',
      'audit_log.youth_id',
      'youth.name as youth_name',
      'audit_log.details',
      'audit_log.ip',
      'audit_log.request_id',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      occurredAt: r.occurred_at,
      userId: r.user_id,
      userName: r.user_name,
      action: r.action as AuditAction,
      youthId: r.youth_id,
      youthName: r.youth_name,
      details: r.details,
      ip: r.ip,
      requestId: r.request_id,
    })),
    total: await countAudit(db, municipalityId, filter),
  };
}
