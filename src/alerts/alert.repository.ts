import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AlertStatus, AlertTable } from '../db/schema.ts';

export type Severity = AlertTable['severity'];

export interface Alert {
  id: string;
  municipalityId: string;
  journeyId: string;
  youthId: string;
  code: string;
  severity: Severity;
  status: AlertStatus;
  forLeader: boolean;
  assignedTo: string | null;
  openedAt: Date;
  escalatedAt: Date | null;
  snoozedUntil: string | null;
  resolvedAt: Date | null;
  explanation: Record<string, unknown>;
  facts: Record<string, unknown>;
  ruleSetVersion: string;
  version: number;
  updatedAt: Date;
}

function alertRowToAlert(row: Selectable<AlertTable>): Alert {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    journeyId: row.journey_id,
    youthId: row.youth_id,
    code: row.code,
    severity: row.severity,
    status: row.status,
    forLeader: row.for_leader,
    assignedTo: row.assigned_to,
    openedAt: row.opened_at,
    escalatedAt: row.escalated_at,
    snoozedUntil: row.snoozed_until,
    resolvedAt: row.resolved_at,
    explanation: row.explanation,
    facts: row.facts,
    ruleSetVersion: row.rule_set_version,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export interface NewAlert {
  municipalityId: string;
  journeyId: string;
  youthId: string;
  code: string;
  severity: Severity;
  forLeader: boolean;
  assignedTo: string | null;
  openedAt: Date;
  escalatedAt: Date | null;
  explanation: unknown;
  facts: unknown;
  ruleSetVersion: string;
}

/**
 * The sweep plans from a read taken before it writes; a user may have changed an alert in
 * between. Its writes therefore only touch alerts still in the state the plan saw (a resolved
 * alert stays resolved, a woken one was still snoozed).
 *
 * Bulk writes send their rows as one JSON document per statement (json_to_recordset) or ids as
 * one array: a national sweep opens 200,000 alerts at once, and a statement with a parameter per
 * value costs far more to build, send and plan. Slices keep each document to some megabytes.
 */
const SLICE = 5000;

async function inSlices<T>(items: readonly T[], write: (slice: readonly T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += SLICE) await write(items.slice(i, i + SLICE));
}

/**
 * Opens the alerts; those another writer opened meanwhile are left out (the partial unique
 * index keeps one). The ids are made here, so only they come back from the database.
 */
export async function insertAlerts(db: Db, alerts: readonly NewAlert[]): Promise<Alert[]> {
  const opened: Alert[] = [];
  await inSlices(alerts, async (slice) => {
    const rows = slice.map((a) => ({
      id: randomUUID(),
      municipality_id: a.municipalityId,
      journey_id: a.journeyId,
      youth_id: a.youthId,
      code: a.code,
      severity: a.severity,
      for_leader: a.forLeader,
      assigned_to: a.assignedTo,
      opened_at: a.openedAt,
      escalated_at: a.escalatedAt,
      explanation: a.explanation,
      facts: a.facts,
      rule_set_version: a.ruleSetVersion,
    }));
    const { rows: inserted } = await sql<{ id: string }>`
      insert into alert (id, municipality_id, journey_id, youth_id, code, severity, status, for_leader, assigned_to,
        opened_at, escalated_at, explanation, facts, rule_set_version, updated_at)
      select id, municipality_id, journey_id, youth_id, code, severity, 'open', for_leader, assigned_to,
        opened_at, escalated_at, explanation, facts, rule_set_version, opened_at
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(id uuid, municipality_id uuid, journey_id uuid,
        youth_id uuid, code text, severity text, for_leader boolean, assigned_to uuid, opened_at timestamptz,
        escalated_at timestamptz, explanation jsonb, facts jsonb, rule_set_version text)
      on conflict (journey_id, code) where status <> 'resolved' do nothing
      returning id`.execute(db);
    const kept = new Set(inserted.map((r) => r.id));
    slice.forEach((a, i) => {
      const id = rows[i]!.id;
      if (!kept.has(id)) return;
      opened.push({
        ...a,
        id,
        status: 'open',
        snoozedUntil: null,
        resolvedAt: null,
        explanation: a.explanation as Record<string, unknown>,
        facts: a.facts as Record<string, unknown>,
        version: 1,
        updatedAt: a.openedAt,
      });
    });
  });
  return opened;
}

/** The alerts of these journeys that are not resolved. */
export async function findUnresolvedAlerts(db: Db, journeyIds: readonly string[]): Promise<Alert[]> {
  if (journeyIds.length === 0) return [];
  const rows = await db
    .selectFrom('alert')
    .selectAll()
    .where('journey_id', 'in', journeyIds)
    .where('status', '<>', 'resolved')
    .execute();
  return rows.map(alertRowToAlert);
}

/** What the sweep needs to know of an existing alert: no explanation, no facts. */
export type AlertKey = Pick<
  Alert,
  'id' | 'municipalityId' | 'journeyId' | 'youthId' | 'code' | 'status' | 'snoozedUntil' | 'openedAt' | 'escalatedAt'
>;

/** Unresolved alerts as keys: of every journey (scope "all"), or of the given journeys. */
export async function findUnresolvedAlertKeys(
  db: Db,
  scope: { all: true } | { journeyIds: readonly string[] },
): Promise<AlertKey[]> {
  let query = db
    .selectFrom('alert')
    .select([
      'id',
      'municipality_id',
      'journey_id',
      'youth_id',
      'code',
      'status',
      'snoozed_until',
      'opened_at',
      'escalated_at',
    ])
    .where('status', '<>', 'resolved');
  if ('journeyIds' in scope) {
    if (scope.journeyIds.length === 0) return [];
    // One array parameter, however many journeys: the sweep asks for thousands.
    query = query.where('journey_id', '=', sql<string>`any(${scope.journeyIds}::uuid[])`);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    municipalityId: r.municipality_id,
    journeyId: r.journey_id,
    youthId: r.youth_id,
    code: r.code,
    status: r.status,
    snoozedUntil: r.snoozed_until,
    openedAt: r.opened_at,
    escalatedAt: r.escalated_at,
  }));
}

export async function findAlert(
  db: Db,
  municipalityId: string,
  id: string,
  forUpdate = false,
): Promise<Alert | undefined> {
  let query = db.selectFrom('alert').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? alertRowToAlert(row) : undefined;
}

const anyOf = (ids: readonly string[]) => sql<string>`any(${ids}::uuid[])`;

export async function resolveAlerts(db: Db, allIds: readonly string[], at: Date): Promise<void> {
  await inSlices(allIds, async (ids) => {
    await db
      .updateTable('alert')
      .set((eb) => ({ status: 'resolved', resolved_at: at, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', anyOf(ids))
      .where('status', '<>', 'resolved')
      .execute();
  });
}

export async function escalateAlerts(db: Db, allIds: readonly string[], at: Date): Promise<void> {
  await inSlices(allIds, async (ids) => {
    await db
      .updateTable('alert')
      .set((eb) => ({ for_leader: true, escalated_at: at, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', anyOf(ids))
      .where('status', '<>', 'resolved')
      .where('escalated_at', 'is', null)
      .execute();
  });
}

/** Snoozed alerts whose date has come are open again. */
export async function wakeSnoozedAlerts(db: Db, allIds: readonly string[], at: Date): Promise<void> {
  await inSlices(allIds, async (ids) => {
    await db
      .updateTable('alert')
      .set((eb) => ({ status: 'open', snoozed_until: null, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', anyOf(ids))
      .where('status', '=', 'snoozed')
      .execute();
  });
}

/** A user's change of an alert, applied only at the version they saw. */
export async function updateAlert(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  changes: { status?: AlertStatus; snoozedUntil?: string | null; assignedTo?: string; resolvedAt?: Date },
  at: Date,
): Promise<Alert | undefined> {
  const row = await db
    .updateTable('alert')
    .set((eb) => ({
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.snoozedUntil !== undefined && { snoozed_until: changes.snoozedUntil }),
      ...(changes.assignedTo !== undefined && { assigned_to: changes.assignedTo }),
      ...(changes.resolvedAt !== undefined && { resolved_at: changes.resolvedAt }),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return row ? alertRowToAlert(row) : undefined;
}

export interface AlertHistoryEntry {
  at: Date;
  actorId: string | null;
  action: string;
  note: string | null;
  details: Record<string, unknown>;
}

export async function appendAlertHistory(
  db: Db,
  entries: ReadonlyArray<{
    municipalityId: string;
    alertId: string;
    at: Date;
    actorId: string | null;
    action: string;
    note?: string | null;
    details?: Record<string, unknown>;
  }>,
): Promise<void> {
  await inSlices(entries, async (slice) => {
    const rows = slice.map((e) => ({
      municipality_id: e.municipalityId,
      alert_id: e.alertId,
      at: e.at,
      actor_id: e.actorId,
      action: e.action,
      note: e.note ?? null,
      details: e.details ?? {},
    }));
    await sql`
      insert into alert_history (municipality_id, alert_id, at, actor_id, action, note, details)
      select municipality_id, alert_id, at, actor_id, action, note, details
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(municipality_id uuid, alert_id uuid, at timestamptz,
        actor_id uuid, action text, note text, details jsonb)`.execute(db);
  });
}

/** The history of each of the alerts, oldest entry first, in one query: what an inbox page shows. */
export async function alertHistories(
  db: Db,
  municipalityId: string,
  alertIds: readonly string[],
): Promise<Map<string, AlertHistoryEntry[]>> {
  const histories = new Map<string, AlertHistoryEntry[]>(alertIds.map((id) => [id, []]));
  if (alertIds.length === 0) return histories;
  const rows = await db
    .selectFrom('alert_history')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('alert_id', 'in', alertIds)
    .orderBy('at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    histories
      .get(r.alert_id)
      ?.push({ at: r.at, actorId: r.actor_id, action: r.action, note: r.note, details: r.details });
  }
  return histories;
}

export async function alertHistory(db: Db, municipalityId: string, alertId: string): Promise<AlertHistoryEntry[]> {
  return (await alertHistories(db, municipalityId, [alertId])).get(alertId) ?? [];
}

export interface AlertFilter {
  /** One alert, as a list shows it (with its youth's name). */
  id?: string | undefined;
  status?: AlertStatus | 'unresolved' | undefined;
  severity?: Severity | undefined;
  code?: string | undefined;
  caseworkerId?: string | undefined;
  groupId?: string | undefined;
  journeyId?: string | undefined;
  /** The alerts of these journeys only (a page of a caseload). */
  journeyIds?: readonly string[] | undefined;
  forLeader?: boolean | undefined;
  /** The user the alert is assigned to (at first the journey's caseworker; see reassignAlert). */
  assignedTo?: string | undefined;
  /**
   * newest (default): newest first. urgency: most severe first, then the one waiting longest;
   * resolved alerts the most recently resolved first.
   */
  order?: 'newest' | 'urgency' | undefined;
}

export interface AlertListItem extends Alert {
  youthName: string;
  caseworkerId: string;
}

export type UnresolvedStatus = Exclude<AlertStatus, 'resolved'>;

export interface AlertList {
  items: AlertListItem[];
  total: number;
  /** Per severity, for the filter with its status: "how bad is it", whatever severity is chosen. */
  bySeverity: Record<Severity, number>;
  /** Per status of the alerts not resolved, for the filter with its severity: the inbox's tabs. */
  byStatus: Record<UnresolvedStatus, number>;
  /** The resolved alerts for the filter with its severity: the inbox's "Løst" tab. */
  resolved: number;
}

/** The municipality's alerts that the filter's criteria other than status and severity find. */
function alertsMatching(db: Db, municipalityId: string, filter: AlertFilter) {
  let query = db
    .selectFrom('alert')
    .innerJoin('journey', 'journey.id', 'alert.journey_id')
    .innerJoin('youth', 'youth.id', 'alert.youth_id')
    .where('alert.municipality_id', '=', municipalityId);
  if (filter.id) query = query.where('alert.id', '=', filter.id);
  if (filter.code) query = query.where('alert.code', '=', filter.code);
  if (filter.caseworkerId) query = query.where('journey.caseworker_id', '=', filter.caseworkerId);
  if (filter.journeyId) query = query.where('alert.journey_id', '=', filter.journeyId);
  if (filter.journeyIds) query = query.where('alert.journey_id', 'in', filter.journeyIds);
  if (filter.forLeader !== undefined) query = query.where('alert.for_leader', '=', filter.forLeader);
  if (filter.assignedTo) query = query.where('alert.assigned_to', '=', filter.assignedTo);
  if (filter.groupId) {
    const groupId = filter.groupId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('group_membership')
          .select('group_membership.id')
          .whereRef('group_membership.journey_id', '=', 'alert.journey_id')
          .where('group_membership.group_id', '=', groupId)
          .where('group_membership.left_at', 'is', null),
      ),
    );
  }
  return query;
}

type MatchingAlerts = ReturnType<typeof alertsMatching>;

const withStatus = (query: MatchingAlerts, filter: AlertFilter) =>
  filter.status === 'unresolved'
    ? query.where('alert.status', '<>', 'resolved')
    : filter.status
      ? query.where('alert.status', '=', filter.status)
      : query;

/** The filter's alerts with their status and severity: the rows a list shows. */
const listedAlerts = (query: MatchingAlerts, filter: AlertFilter) => {
  const ofStatus = withStatus(query, filter);
  return filter.severity ? ofStatus.where('alert.severity', '=', filter.severity) : ofStatus;
};

/** A page of the filter's alerts in its order, without the counts of the inbox (a caseload's marks, I dag). */
export async function listAlertItems(
  db: Db,
  municipalityId: string,
  filter: AlertFilter,
  page: { limit: number; offset: number },
): Promise<AlertListItem[]> {
  if (filter.journeyIds?.length === 0) return [];
  const selected = listedAlerts(alertsMatching(db, municipalityId, filter), filter)
    .selectAll('alert')
    .select(['youth.name as youth_name', 'journey.caseworker_id']);
  const ordered =
    filter.order !== 'urgency'
      ? selected.orderBy('alert.opened_at', 'desc')
      : filter.status === 'resolved'
        ? selected.orderBy('alert.resolved_at', 'desc')
        : selected
            .orderBy(sql`case alert.severity when 'high' then 0 when 'medium' then 1 when 'low' then 2 else 3 end`)
            .orderBy('alert.opened_at', 'asc');
  const rows = await ordered.orderBy('alert.id').limit(page.limit).offset(page.offset).execute();
  return rows.map((r) => ({ ...alertRowToAlert(r), youthName: r.youth_name, caseworkerId: r.caseworker_id }));
}

/** A page of the filter's alerts, with the counts the inbox shows beside them. */
export async function listAlerts(
  db: Db,
  municipalityId: string,
  filter: AlertFilter,
  page: { limit: number; offset: number },
): Promise<AlertList> {
  const bySeverity: Record<Severity, number> = { info: 0, low: 0, medium: 0, high: 0 };
  const byStatus: Record<UnresolvedStatus, number> = { open: 0, acknowledged: 0, snoozed: 0 };
  if (filter.journeyIds?.length === 0) return { items: [], total: 0, bySeverity, byStatus, resolved: 0 };
  const query = alertsMatching(db, municipalityId, filter);
  let ofSeverity = query.where('alert.status', '<>', 'resolved');
  if (filter.severity) ofSeverity = ofSeverity.where('alert.severity', '=', filter.severity);
  const severityCounts = await withStatus(query, filter)
    .select(['alert.severity', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('alert.severity')
    .execute();
  const statusCounts = await ofSeverity
    .select(['alert.status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('alert.status')
    .execute();
  let resolvedOfSeverity = query.where('alert.status', '=', 'resolved');
  if (filter.severity) resolvedOfSeverity = resolvedOfSeverity.where('alert.severity', '=', filter.severity);
  const resolved = await resolvedOfSeverity.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const [items, total] = await Promise.all([
    listAlertItems(db, municipalityId, filter, page),
    listedAlerts(query, filter)
      .select((eb) => eb.fn.countAll<string>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  for (const c of severityCounts) bySeverity[c.severity] = Number(c.n);
  for (const c of statusCounts) if (c.status !== 'resolved') byStatus[c.status] = Number(c.n);
  return { items, total: Number(total.total), bySeverity, byStatus, resolved: Number(resolved.n) };
}

/** Moves a journey's unresolved alerts from one assignee to another (a caseload reassignment). */
export async function reassignJourneyAlerts(
  db: Db,
  municipalityId: string,
  journeyId: string,
  from: string,
  to: string,
): Promise<void> {
  await db
    .updateTable('alert')
    .set((eb) => ({ assigned_to: to, version: eb('version', '+', 1) }))
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .where('assigned_to', '=', from)
    .where('status', '<>', 'resolved')
    .execute();
}
