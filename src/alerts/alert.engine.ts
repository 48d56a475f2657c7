import type { RiskFacts } from '../risk/risk.facts.ts';
import type { AlertKey, NewAlert, Severity } from './alert.repository.ts';
import { riskFactsOf } from './risk-facts.ts';
import { nextRiskCheckDay } from './risk-schedule.ts';
import type { JourneyRiskRow } from './risk-row.repository.ts';
import { danishDayNumber } from '../shared/clock.ts';
import { dayNumberOf } from '../shared/days.ts';

/** What the engine needs from the risk rules: fast firing codes, and an explanation when an alert opens. */
export interface RiskEvaluator {
  ruleSetVersion: string;
  /** Effective parameters (rule file + the municipality's overrides). */
  parametersFor(municipalityId: string): Readonly<Record<string, unknown>>;
  fired(facts: RiskFacts, parameters: Readonly<Record<string, unknown>>): readonly string[];
  explain(
    facts: RiskFacts,
    parameters: Readonly<Record<string, unknown>>,
    code: string,
    municipalityId: string,
  ): Promise<{ severity: Severity; leader: boolean; explanation: Record<string, unknown> }>;
}

/** Open alerts older than this go to the leader (docs/domain.md, "The rules"). */
export const ESCALATE_AFTER_DAYS = 7;

export interface ReconcilePlan {
  /** Per journey evaluated: the next day (day number) its verdict can change without an event. */
  checks: Array<{ journeyId: string; day: number }>;
  open: NewAlert[];
  resolve: AlertKey[];
  wake: AlertKey[];
  escalate: AlertKey[];
}

/**
 * Compares what the rules say today with the alerts that exist, journey by journey, and plans the
 * changes: open what fires and has no alert, resolve what no longer fires, wake snoozed alerts
 * whose date has come, escalate what has been open too long. Pure: the caller writes the plan.
 */
export async function reconcile(
  rows: readonly JourneyRiskRow[],
  existing: readonly AlertKey[],
  evaluator: RiskEvaluator,
  now: Date,
): Promise<ReconcilePlan> {
  const asOfDay = danishDayNumber(now);
  const byJourney = new Map<string, AlertKey[]>();
  for (const alert of existing) {
    const list = byJourney.get(alert.journeyId);
    if (list) list.push(alert);
    else byJourney.set(alert.journeyId, [alert]);
  }
  const plan: ReconcilePlan = { checks: [], open: [], resolve: [], wake: [], escalate: [] };
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(row.journeyId);
    const parameters = evaluator.parametersFor(row.municipalityId);
    const facts = riskFactsOf(row, asOfDay);
    const firedToday = evaluator.fired(facts, parameters);
    const fired = new Set(firedToday);
    plan.checks.push({
      journeyId: row.journeyId,
      day: nextRiskCheckDay(row, asOfDay, parameters, (f) => evaluator.fired(f, parameters), firedToday),
    });
    const current = byJourney.get(row.journeyId) ?? [];
    const currentCodes = new Set(current.map((a) => a.code));
    for (const code of fired) {
      if (currentCodes.has(code)) continue;
      const { severity, leader, explanation } = await evaluator.explain(facts, parameters, code, row.municipalityId);
      const forLeader = leader || severity === 'high';
      plan.open.push({
        municipalityId: row.municipalityId,
        journeyId: row.journeyId,
        youthId: row.youthId,
        code,
        severity,
        forLeader,
        assignedTo: row.caseworkerId,
        openedAt: now,
        escalatedAt: forLeader ? now : null,
        explanation,
        facts,
        ruleSetVersion: evaluator.ruleSetVersion,
      });
    }
    for (const alert of current) {
      if (!fired.has(alert.code)) {
        plan.resolve.push(alert);
        continue;
      }
      if (alert.status === 'snoozed' && alert.snoozedUntil !== null && dayNumberOf(alert.snoozedUntil) <= asOfDay) {
        plan.wake.push(alert);
      }
      if (alert.escalatedAt === null && asOfDay - danishDayNumber(alert.openedAt) > ESCALATE_AFTER_DAYS) {
        plan.escalate.push(alert);
      }
    }
  }
  // Alerts of journeys that are no longer open (closed, redirected) resolve with them.
  for (const alert of existing) if (!seen.has(alert.journeyId)) plan.resolve.push(alert);
  return plan;
}
