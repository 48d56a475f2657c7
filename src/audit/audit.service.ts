import type { Actor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { invalidField } from '../shared/errors.ts';
import { appendAudit, countAudit, listAudit } from './audit.repository.ts';
import type { AuditEntry, AuditFilter } from './audit.types.ts';
import { youthAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'pseudonyms'>;

/** The most entries one CSV file holds; a wider filter is refused rather than cut short. */
export const MOST_ROWS_IN_CSV = 10_000;

/** The filter as it is written to the log of the reading: instants as ISO text. */
function criteriaOf(filter: AuditFilter) {
  return {
    userId: filter.userId,
    youthId: filter.youthId,
    action: filter.action,
    from: filter.from?.toISOString(),
    to: filter.to?.toISOString(),
  };
}

/** A youth's entries include those that name the youth only by pseudonym (deleted, or pseudonymised). */
function withYouthRef(deps: Deps, actor: Actor, filter: AuditFilter): AuditFilter {
  return filter.youthId
    ? { ...filter, youthRef: deps.pseudonyms.youthRef(actor.municipalityId, filter.youthId) }
    : filter;
}

/** Who read the log, and how: reading the log is itself logged, since it shows who looked at whose data. */
function logTheReading(db: Deps['db'], actor: Actor, details: Record<string, unknown>) {
  return appendAudit(db, {
    municipalityId: actor.municipalityId,
    userId: actor.userId,
    action: 'audit.read',
    details,
    ip: actor.ip,
    requestId: actor.requestId,
  });
}

/**
 * A page of the municipality's log, newest first; with a youth in the filter, the youth's name
 * (the log is searched for what was done with one youth's data).
 */
export function readAuditLog(
  deps: Deps,
  actor: Actor,
  filter: AuditFilter,
  page: { page: number; pageSize: number },
): Promise<{ items: AuditEntry[]; total: number; youthName: string | null }> {
  const withRef = withYouthRef(deps, actor, filter);
  return deps.db.transaction().execute(async (trx) => {
    const found = await listAudit(trx, actor.municipalityId, withRef, {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    });
    const youth = filter.youthId ? await youthAs(trx, actor, filter.youthId) : undefined;
    await logTheReading(trx, actor, { criteria: { ...criteriaOf(filter), ...page }, resultCount: found.total });
    return { ...found, youthName: youth?.name ?? null };
  });
}

/**
 * Every entry the filter finds, newest first, for a CSV file: at most MOST_ROWS_IN_CSV, or a
 * refusal that asks for a narrower filter (at the `from` field).
 */
export function exportAuditLog(deps: Deps, actor: Actor, filter: AuditFilter): Promise<AuditEntry[]> {
  const withRef = withYouthRef(deps, actor, filter);
  return deps.db.transaction().execute(async (trx) => {
    const total = await countAudit(trx, actor.municipalityId, withRef);
    if (total > MOST_ROWS_IN_CSV) throw invalidField('from', 'audit.refusals.tooManyRows', { max: MOST_ROWS_IN_CSV });
    const { items } = await listAudit(trx, actor.municipalityId, withRef, { limit: MOST_ROWS_IN_CSV, offset: 0 });
    await logTheReading(trx, actor, { criteria: criteriaOf(filter), format: 'csv', resultCount: items.length });
    return items;
  });
}
