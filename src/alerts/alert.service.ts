import { auditAs } from '../audit/audit-as.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { danishDate } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { findUser } from '../users/users.repository.ts';
import { type ReconcilePlan, reconcile } from './alert.engine.ts';
import {
  type Alert,
  type AlertFilter,
  type AlertKey,
  alertHistory,
  appendAlertHistory,
  escalateAlerts,
  findAlert,
  findUnresolvedAlerts,
  insertAlerts,
  listAlertItems,
  listAlerts,
  resolveAlerts,
  updateAlert,
  wakeSnoozedAlerts,
} from './alert.repository.ts';
import { dayOfNumber, daysBetween } from '../shared/days.ts';
import { riskEvaluatorFor } from './risk-evaluator.ts';
import { dropRiskChecks, loadRiskRows, refreshHoursBelowAgreed, setRiskCheckDays } from './risk-row.repository.ts';
import { enqueueWebhooks } from './webhook.service.ts';
import { texts } from '../shared/texts.ts';
import { readingAs } from '../shared/reads.ts';

export interface PlanOutcome {
  opened: Alert[];
  resolved: number;
  /** The alerts the rules resolved, as keys. */
  resolvedAlerts: AlertKey[];
  woken: number;
  escalated: number;
}

/** Writes a reconcile plan with its history, and queues the webhook of every new alert. */
export async function applyPlan(trx: Db, plan: ReconcilePlan, now: Date): Promise<PlanOutcome> {
  await setRiskCheckDays(
    trx,
    plan.checks.map((c) => ({ journeyId: c.journeyId, day: dayOfNumber(c.day) })),
  );
  const opened = await insertAlerts(trx, plan.open);
  await resolveAlerts(
    trx,
    plan.resolve.map((a) => a.id),
    now,
  );
  await wakeSnoozedAlerts(
    trx,
    plan.wake.map((a) => a.id),
    now,
  );
  await escalateAlerts(
    trx,
    plan.escalate.map((a) => a.id),
    now,
  );
  const history = [
    ...opened.map((a) => ({ alert: a, action: 'opened' })),
    ...plan.resolve.map((a) => ({ alert: a, action: 'resolved' })),
    ...plan.wake.map((a) => ({ alert: a, action: 'woken' })),
    ...plan.escalate.map((a) => ({ alert: a, action: 'escalated' })),
  ];
  await appendAlertHistory(
    trx,
    history.map(({ alert, action }) => ({
      municipalityId: alert.municipalityId,
      alertId: alert.id,
      at: now,
      actorId: null,
      action,
      ...(action === 'resolved' ? { details: { by: 'rules' } } : {}),
    })),
  );
  await enqueueWebhooks(trx, opened, now);
  return {
    opened,
    resolved: plan.resolve.length,
    resolvedAlerts: plan.resolve,
    woken: plan.wake.length,
    escalated: plan.escalate.length,
  };
}

/**
 * Runs the risk rules for one journey now and brings its alerts in line: called after every event
 * and every recorded activity, in the same transaction, so alerts open and clear as work is done.
 */
export async function refreshJourneyRisk(
  trx: Db,
  deps: Pick<AppDeps, 'ruleSets' | 'riskRefresh'>,
  municipalityId: string,
  journeyId: string,
  now: Date,
): Promise<PlanOutcome> {
  if (deps.riskRefresh) {
    deps.riskRefresh.hold(municipalityId, journeyId);
    return { opened: [], resolved: 0, resolvedAlerts: [], woken: 0, escalated: 0 };
  }
  return refreshJourneysRisk(trx, deps, municipalityId, [journeyId], now);
}

/** The same for several journeys of a municipality at once (an import), with the rules built once. */
export async function refreshJourneysRisk(
  trx: Db,
  deps: Pick<AppDeps, 'ruleSets'>,
  municipalityId: string,
  journeyIds: readonly string[],
  now: Date,
): Promise<PlanOutcome> {
  const evaluator = await riskEvaluatorFor(trx, deps.ruleSets, now, [municipalityId]);
  // A placement started, ended or changed its agreement, or hours were recorded: count the run again.
  for (const journeyId of journeyIds) await refreshHoursBelowAgreed(trx, municipalityId, journeyId);
  const rows = await loadRiskRows(trx, { municipalityId, journeyIds });
  // A journey that has closed is not checked any more; its alerts resolve with it.
  const open = new Set(rows.map((r) => r.journeyId));
  await dropRiskChecks(
    trx,
    journeyIds.filter((id) => !open.has(id)),
  );
  const existing = await findUnresolvedAlerts(trx, journeyIds);
  return applyPlan(trx, await reconcile(rows, existing, evaluator, now), now);
}

// ---------------------------------------------------------------------------------------------
// What users do with alerts
// ---------------------------------------------------------------------------------------------

type Deps = Pick<AppDeps, 'db' | 'clock'>;

async function changeAlert(
  deps: Deps,
  actor: Actor,
  id: string,
  version: number,
  action: 'acknowledged' | 'snoozed' | 'reassigned' | 'resolved',
  note: string | null,
  decide: (alert: Alert, now: Date, trx: Db) => Promise<Parameters<typeof updateAlert>[4]>,
  details: Record<string, unknown> = {},
): Promise<Alert> {
  const now = deps.clock();
  return deps.db
    .transaction()
    .execute((trx) => changeAlertIn(trx, actor, now, { id, version }, action, note, decide, details));
}

/** One alert's change inside the caller's transaction: checked, written, in its history and the audit log. */
async function changeAlertIn(
  trx: Db,
  actor: Actor,
  now: Date,
  { id, version }: { id: string; version: number },
  action: 'acknowledged' | 'snoozed' | 'reassigned' | 'resolved',
  note: string | null,
  decide: (alert: Alert, now: Date, trx: Db) => Promise<Parameters<typeof updateAlert>[4]>,
  details: Record<string, unknown> = {},
): Promise<Alert> {
  const alert = await findAlert(trx, actor.municipalityId, id, true);
  if (!alert) throw new DomainError('not_found');
  if (alert.status === 'resolved') {
    throw new DomainError('conflict', {
      fieldErrors: [{ field: 'status', message: texts('alerts.refusals.alreadyResolved') }],
    });
  }
  if (alert.version !== version)
    throw new DomainError('version_conflict', { extra: { currentVersion: alert.version } });
  // An alert that went to the leader is the leader's to put aside; a caseworker may say what was done.
  if (alert.forLeader && action !== 'acknowledged' && actor.role !== 'leader') throw new DomainError('forbidden');
  const changes = await decide(alert, now, trx);
  const updated = await updateAlert(trx, actor.municipalityId, id, version, changes, now);
  if (!updated) throw new DomainError('version_conflict', { extra: { currentVersion: alert.version + 1 } });
  await appendAlertHistory(trx, [
    { municipalityId: actor.municipalityId, alertId: id, at: now, actorId: actor.userId, action, note, details },
  ]);
  await appendAudit(trx, {
    municipalityId: actor.municipalityId,
    userId: actor.userId,
    action: 'alert.updated',
    youthId: alert.youthId,
    details: { alertId: id, change: action },
    ip: actor.ip,
    requestId: actor.requestId,
  });
  return updated;
}

export function acknowledgeAlert(deps: Deps, actor: Actor, id: string, input: { version: number; note: string }) {
  return changeAlert(deps, actor, id, input.version, 'acknowledged', input.note, () =>
    Promise.resolve({ status: 'acknowledged' as const, snoozedUntil: null }),
  );
}

/**
 * Acknowledges several alerts at once with one note, all or none: an alert someone else changed
 * meanwhile, or one already resolved, refuses the lot and names it.
 */
export async function acknowledgeAlerts(
  deps: Deps,
  actor: Actor,
  input: { alerts: ReadonlyArray<{ id: string; version: number }>; note: string },
): Promise<Alert[]> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const done: Alert[] = [];
    for (const alert of input.alerts) {
      done.push(
        await changeAlertIn(trx, actor, now, alert, 'acknowledged', input.note, () =>
          Promise.resolve({ status: 'acknowledged' as const, snoozedUntil: null }),
        ),
      );
    }
    return done;
  });
}

export function snoozeAlert(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; until: string; reason: string },
) {
  return changeAlert(
    deps,
    actor,
    id,
    input.version,
    'snoozed',
    input.reason,
    (_alert, now) => {
      const days = daysBetween(danishDate(now), input.until);
      if (days < 1 || days > 90) {
        throw new DomainError('validation_failed', {
          fieldErrors: [
            {
              field: 'until',
              message: texts('alerts.refusals.snoozeUntil'),
            },
          ],
        });
      }
      return Promise.resolve({ status: 'snoozed' as const, snoozedUntil: input.until });
    },
    { until: input.until },
  );
}

export function reassignAlert(deps: Deps, actor: Actor, id: string, input: { version: number; userId: string }) {
  return changeAlert(
    deps,
    actor,
    id,
    input.version,
    'reassigned',
    null,
    async (_alert, _now, trx) => {
      const user = await findUser(trx, actor.municipalityId, input.userId);
      if (!user || !user.active || user.role === 'admin') {
        throw new DomainError('validation_failed', {
          fieldErrors: [{ field: 'userId', message: texts('alerts.refusals.unknownStaff') }],
        });
      }
      return { assignedTo: input.userId };
    },
    { to: input.userId },
  );
}

export function resolveAlert(deps: Deps, actor: Actor, id: string, input: { version: number; note: string }) {
  return changeAlert(deps, actor, id, input.version, 'resolved', input.note, (_alert, now) =>
    Promise.resolve({ status: 'resolved' as const, resolvedAt: now }),
  );
}

/** The alert inbox; a list of youth names, so it is audited as a listing with its criteria. */
export async function findAlerts(
  deps: Deps,
  actor: Actor,
  filter: AlertFilter,
  page: { page: number; pageSize: number },
) {
  return deps.db.transaction().execute(async (trx) => {
    const result = await listAlerts(trx, actor.municipalityId, filter, {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    });
    await auditAs(trx, actor, 'journey.listed', null, {
      view: 'alerts',
      criteria: { ...filter, ...page },
      journeyIds: result.items.map((a) => a.journeyId),
    });
    return result;
  });
}

/**
 * The unresolved alerts of the journeys a page lists (the caseload's marks), without the inbox's
 * counts; audited as the inbox is.
 */
export async function unresolvedAlertsOf(deps: Deps, actor: Actor, journeyIds: readonly string[]) {
  return readingAs(deps.db, actor, async (trx) => {
    const filter = { status: 'unresolved', journeyIds } as const;
    const items = await listAlertItems(trx, actor.municipalityId, filter, { limit: 500, offset: 0 });
    await auditAs(trx, actor, 'journey.listed', null, {
      view: 'alerts',
      criteria: filter,
      journeyIds: items.map((a) => a.journeyId),
    });
    return items;
  });
}

/** One alert with its history: a read of the youth's data. */
export async function readAlert(deps: Deps, actor: Actor, id: string) {
  return deps.db.transaction().execute(async (trx) => {
    const alert = await findAlert(trx, actor.municipalityId, id);
    if (!alert) throw new DomainError('not_found');
    await auditAs(trx, actor, 'journey.read', alert.youthId, {
      view: 'alert',
      alertId: id,
      journeyId: alert.journeyId,
    });
    return { alert, history: await alertHistory(trx, actor.municipalityId, id) };
  });
}
