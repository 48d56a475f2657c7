import type { FastifyBaseLogger } from 'fastify';
import { deleteExpiredSessions } from '../auth/auth.repository.ts';
import { deleteExpiredRateLimitWindows } from '../auth/rate-limit.repository.ts';
import type { Db } from '../db/database.ts';
import type { RuleSet } from '../rules/rule-set.loader.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { type Mailer, sendDigests } from './digest.service.ts';
import { lastSweepAt, runSweep, type SweepTrigger } from './sweep.service.ts';
import { deliverWebhooks } from './webhook.service.ts';

export interface SchedulerDeps {
  db: Db;
  ruleSets: readonly RuleSet[];
  clock: () => Date;
  log: FastifyBaseLogger;
  mailer: Mailer;
  publicUrl: string;
  /** 'HH:MM', Danish local time. */
  sweepAt: string;
}

/** The latest scheduled sweep time at or before `now`. */
export function lastScheduledTime(now: Date, sweepAt: string): Date {
  const [hours, minutes] = sweepAt.split(':').map(Number) as [number, number];
  const at = (day: string) => new Date(startOfDanishDay(day).getTime() + (hours * 60 + minutes) * 60_000);
  const today = at(danishDate(now));
  return today <= now ? today : at(danishDate(new Date(now.getTime() - 86_400_000)));
}

/** A sweep, then the leaders' digest; the webhooks that are due go out every minute. */
export async function sweepAndNotify(deps: SchedulerDeps, trigger: SweepTrigger) {
  const result = await runSweep(deps, trigger);
  if (result.status === 'completed') {
    await sendDigests({ db: deps.db, clock: deps.clock, mailer: deps.mailer, publicUrl: deps.publicUrl });
  }
  await deliverWebhooks(deps.db, deps.log, deps.clock);
  return result;
}

/**
 * Runs the nightly sweep at `sweepAt`, and at start when the last sweep is older than a day.
 * Every instance may run this: the sweep's advisory lock lets one of them do the work.
 */
export function startScheduler(deps: SchedulerDeps): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = (trigger: SweepTrigger) => {
    running ??= work(trigger).finally(() => (running = undefined));
    return running;
  };
  const work = async (trigger: SweepTrigger) => {
    try {
      const last = await lastSweepAt(deps.db);
      const due =
        trigger === 'startup'
          ? !last || deps.clock().getTime() - last.getTime() > 86_400_000
          : !last || last < lastScheduledTime(deps.clock(), deps.sweepAt);
      if (due) await sweepAndNotify(deps, trigger);
      else await deliverWebhooks(deps.db, deps.log, deps.clock);
      // Ended logins are of no use to anyone: the session table keeps only live ones.
      await deleteExpiredSessions(deps.db, deps.clock());
      // Nor do the login rate limit's windows that are over.
      await deleteExpiredRateLimitWindows(deps.db, deps.clock());
    } catch (error) {
      deps.log.error({ err: error }, 'scheduled risk work failed');
    }
  };
  void tick('startup');
  const timer = setInterval(() => void tick('schedule'), 60_000);
  timer.unref();
  return {
    // A sweep under way finishes (it writes in transactions) before the database is closed.
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
