import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.ts';
import { type RuleSet, selectRuleSet } from '../rules/rule-set.loader.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { addDays } from '../shared/days.ts';
import { reconcile } from './alert.engine.ts';
import { findUnresolvedAlertKeys } from './alert.repository.ts';
import { ESCALATE_AFTER_DAYS } from './alert.engine.ts';
import { applyPlan } from './alert.service.ts';
import { riskEvaluatorFor } from './risk-evaluator.ts';
import { dropRiskChecks, dueJourneyIds, loadRiskRows } from './risk-row.repository.ts';
import {
  failSweepRun,
  finishSweepRun,
  insertSweepRun,
  lastCompletedRuleSetVersion,
  releaseAdvisoryLock,
  tryAdvisoryLock,
} from './sweep-run.repository.ts';

/** The advisory lock key every instance takes before sweeping ("UNGEFLOW" in ASCII, as a bigint). */
export const SWEEP_LOCK_KEY = 0x554e4745464c4f57n;

export type SweepTrigger = 'schedule' | 'startup' | 'manual';

export interface SweepResult {
  status: 'completed';
  /** Every open journey (a new rule set version), or only those due a check tonight. */
  scope: 'full' | 'due';
  runId: string;
  asOf: string;
  journeys: number;
  opened: number;
  resolved: number;
  woken: number;
  escalated: number;
  /** Where the time went, in milliseconds. */
  timings: { load: number; evaluate: number; write: number; total: number };
  /** The alerts opened, for the caller's report and notifications. */
  openedAlertIds: string[];
}

export type SweepOutcome = SweepResult | { status: 'skipped'; reason: 'running_elsewhere' };

let runningHere = false;

/**
 * Runs the risk rules over every open journey of every municipality, so time-based rules fire
 * without any event, and brings the alerts in line in one transaction. Only one sweep runs at a
 * time: a PostgreSQL advisory lock keeps other instances out (they answer "skipped"), and a flag
 * does the same for a second call in this process.
 */
export async function runSweep(
  deps: { db: Db; ruleSets: readonly RuleSet[]; clock: () => Date; log?: FastifyBaseLogger },
  trigger: SweepTrigger,
): Promise<SweepOutcome> {
  if (runningHere) return { status: 'skipped', reason: 'running_elsewhere' };
  runningHere = true;
  try {
    return await deps.db.connection().execute(async (conn) => {
      if (!(await tryAdvisoryLock(conn, SWEEP_LOCK_KEY)))
        return { status: 'skipped', reason: 'running_elsewhere' } as const;
      try {
        return await sweep(conn, deps, trigger);
      } finally {
        await releaseAdvisoryLock(conn, SWEEP_LOCK_KEY);
      }
    });
  } finally {
    runningHere = false;
  }
}

async function sweep(
  db: Db,
  deps: { ruleSets: readonly RuleSet[]; clock: () => Date; log?: FastifyBaseLogger },
  trigger: SweepTrigger,
): Promise<SweepResult> {
  const now = deps.clock();
  const started = performance.now();
  const runId = await insertSweepRun(db, {
    startedAt: now,
    asOf: danishDate(now),
    trigger,
    ruleSetVersion: selectRuleSet(deps.ruleSets, 'risk', now).version,
  });
  try {
    const evaluator = await riskEvaluatorFor(db, deps.ruleSets, now);
    const today = danishDate(now);
    // A new version of the rules can change any verdict: then every open journey is looked at.
    const full = (await lastCompletedRuleSetVersion(db)) !== evaluator.ruleSetVersion;
    let rows;
    let existing;
    if (full) {
      rows = await loadRiskRows(db);
      existing = await findUnresolvedAlertKeys(db, { all: true });
    } else {
      // The engine escalates an alert opened more than ESCALATE_AFTER_DAYS Danish days ago: before
      // the start of that day.
      const due = await dueJourneyIds(db, today, startOfDanishDay(addDays(today, -ESCALATE_AFTER_DAYS)));
      rows = await loadRiskRows(db, { journeyIds: due });
      // The alerts of a journey resolve with the event that closes it (refreshJourneyRisk), so only
      // the due journeys' alerts are read; a full sweep reads every alert not resolved.
      existing = await findUnresolvedAlertKeys(db, { journeyIds: due });
      // A due journey that has closed since is not checked again (its alerts resolve below).
      const open = new Set(rows.map((r) => r.journeyId));
      await dropRiskChecks(
        db,
        due.filter((id) => !open.has(id)),
      );
    }
    const loaded = performance.now();
    const plan = await reconcile(rows, existing, evaluator, now);
    const evaluated = performance.now();
    const outcome = await db.transaction().execute((trx) => applyPlan(trx, plan, now));
    const written = performance.now();
    const result: SweepResult = {
      status: 'completed',
      scope: full ? 'full' : 'due',
      runId,
      asOf: danishDate(now),
      journeys: rows.length,
      opened: outcome.opened.length,
      resolved: outcome.resolved,
      woken: outcome.woken,
      escalated: outcome.escalated,
      timings: {
        load: Math.round(loaded - started),
        evaluate: Math.round(evaluated - loaded),
        write: Math.round(written - evaluated),
        total: Math.round(written - started),
      },
      openedAlertIds: outcome.opened.map((a) => a.id),
    };
    await finishSweepRun(db, runId, {
      finishedAt: deps.clock(),
      journeys: result.journeys,
      opened: result.opened,
      resolved: result.resolved,
      escalated: result.escalated,
    });
    deps.log?.info({ sweep: { ...result, openedAlertIds: undefined } }, 'risk sweep completed');
    return result;
  } catch (error) {
    await failSweepRun(db, runId, {
      finishedAt: deps.clock(),
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}
