import type { FastifyBaseLogger } from 'fastify';
import { deleteExpiredSessions } from '../auth/auth.repository.ts';
import { deleteExpiredRateLimitWindows } from '../auth/rate-limit.repository.ts';
import type { Db } from '../db/database.ts';
import type { Messenger } from '../messages/messenger.ts';
import { sendDueReminders } from '../reminders/reminder.service.ts';
import type { AuditPseudonyms } from '../audit/pseudonym.ts';
import { runRetention } from '../retention/retention.service.ts';
import type { RuleSet } from '../rules/rule-set.loader.ts';
import type { CprVault } from '../shared/crypto.ts';
import { danishDate, danishLocalTime } from '../shared/clock.ts';
import { addDays } from '../shared/days.ts';
import { type Mailer, sendDigests } from './digest.service.ts';
import { lastSweepAt } from './sweep-run.repository.ts';
import { runSweep, type SweepTrigger } from './sweep.service.ts';
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
  /** With these, the nightly work also removes personal data past its retention period. */
  retention?: { vault: CprVault; pseudonyms: AuditPseudonyms };
  /** WEBHOOK_ALLOWED_HOSTS. */
  webhookAllowedHosts: readonly string[];
  /** With these, the youth who asked for them get reminders the day before, at `remindersAt`. */
  reminders?: { messenger: Messenger; remindersAt: string };
}

/**
 * The latest scheduled sweep time at or before `now`: `sweepAt` on the Danish wall clock, also on
 * the 23- and 25-hour days summer time begins and ends (see danishLocalTime for the hour that is
 * skipped or repeated).
 */
export function lastScheduledTime(now: Date, sweepAt: string): Date {
  const today = danishDate(now);
  const todays = danishLocalTime(today, sweepAt);
  if (todays <= now) return todays;
  return danishLocalTime(addDays(today, -1), sweepAt);
}

type ScheduledTrigger = Exclude<SweepTrigger, 'manual'>;

/**
 * Whether a sweep is due. At start, when the last one is more than a day old (a server down for
 * the night catches up); afterwards, when none has run since the last scheduled time.
 */
export function isSweepDue(lastSweep: Date | null, now: Date, sweepAt: string, trigger: ScheduledTrigger) {
  if (!lastSweep) return true;
  return trigger === 'startup'
    ? now.getTime() - lastSweep.getTime() > 86_400_000
    : lastSweep < lastScheduledTime(now, sweepAt);
}

/** A sweep, then the leaders' digest; the webhooks that are due go out every minute. */
export async function sweepAndNotify(deps: SchedulerDeps, trigger: SweepTrigger) {
  const result = await runSweep(deps, trigger);
  if (result.status === 'completed') {
    await sendDigests({ db: deps.db, clock: deps.clock, mailer: deps.mailer, publicUrl: deps.publicUrl });
  }
  await deliverWebhooks(deps.db, deps.log, deps.clock, { allowedHosts: deps.webhookAllowedHosts });
  return result;
}

/**
 * Runs the nightly sweep at `sweepAt`, and at start when the last sweep is older than a day; every
 * minute, the webhooks and reminders that are due. Every instance may run this: the sweep's and the
 * reminders' advisory locks let one of them do the work.
 */
export function startScheduler(deps: SchedulerDeps): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = (trigger: ScheduledTrigger) => {
    running ??= work(trigger).finally(() => (running = undefined));
    return running;
  };
  const work = async (trigger: ScheduledTrigger) => {
    try {
      const due = isSweepDue(await lastSweepAt(deps.db), deps.clock(), deps.sweepAt, trigger);
      if (due) {
        await sweepAndNotify(deps, trigger);
        // Under the sweep's lock as well: one instance a night anonymises what is past its period.
        if (deps.retention) {
          await runRetention(
            { db: deps.db, ...deps.retention, clock: deps.clock, log: deps.log },
            { asOf: danishDate(deps.clock()), dryRun: false },
          );
        }
      } else await deliverWebhooks(deps.db, deps.log, deps.clock, { allowedHosts: deps.webhookAllowedHosts });
      // Every minute: nothing before the time of day, then once each (src/reminders/reminder.service.ts).
      if (deps.reminders) {
        await sendDueReminders({
          db: deps.db,
          clock: deps.clock,
          log: deps.log,
          publicUrl: deps.publicUrl,
          ...deps.reminders,
        });
      }
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
