import type { Db } from '../db/database.ts';
import type { AuditAction, AuditEntry, AuditFilter, NewAuditEntry } from './audit.types.ts';

export async function appendAudit(db: Db, entry: NewAuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      municipality_id: entry.municipalityId,
      user_id: entry.userId,
      action: entry.action,
      youth_id: entry.youthId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip,
      request_id: entry.requestId,
    })
    .execute();
}

export async function listAudit(
  db: Db,
  municipalityId: string,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AuditEntry[]; total: number }> {
  let query = db.selectFrom('audit_log').where('audit_log.municipality_id', '=', municipalityId);
  if (filter.userId) query = query.where('audit_log.user_id', '=', filter.userId);
  if (filter.youthId) query = query.where('audit_log.youth_id', '=', filter.youthId);
  if (filter.action) query = query.where('audit_log.action', '=', filter.action);
  if (filter.from) query = query.where('audit_log.occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('audit_log.occurred_at', '<', filter.to);

  const [rows, count] = await Promise.all([
    query
      .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
      .select([
        'audit_log.id',
        'audit_log.occurred_at',
        'audit_log.user_id',
        'app_user.name as user_name',
        'audit_log.action',
        'audit_log.youth_id',
        'audit_log.details',
        'audit_log.ip',
        'audit_log.request_id',
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      occurredAt: r.occurred_at,
      userId: r.user_id,
      userName: r.user_name,
      action: r.action as AuditAction,
      youthId: r.youth_id,
      details: r.details,
      ip: r.ip,
      requestId: r.request_id,
    })),
    total: Number(count.total),
  };
}
