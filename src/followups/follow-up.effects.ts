import { followUpMonths } from '../../machines/events.ts';
import type { Db } from '../db/database.ts';
import type { EffectInput } from '../journeys/journey.effects.ts';
import { findJourney } from '../journeys/journey.repository.ts';
import { auditAs } from '../audit/audit-as.ts';
import { addMonths } from '../shared/days.ts';
import { danishDate } from '../shared/clock.ts';
import { dropPendingFollowUps, insertFollowUps, recordFollowUpStatus } from './follow-up.repository.ts';
import { returningJourneyAfter } from './returning-journey.ts';

/**
 * EXITED schedules the follow-ups ("opfølgning"), due 3, 6 and 12 months after the exit day
 * (`followUpMonths` in machines/events.ts).
 */
export async function scheduleFollowUps(trx: Db, input: EffectInput<'EXITED'>): Promise<void> {
  const { actor, journey, occurredAt } = input;
  const exitDay = danishDate(occurredAt);
  await insertFollowUps(
    trx,
    followUpMonths.map((month) => ({
      municipalityId: actor.municipalityId,
      journeyId: journey.id,
      youthId: journey.youthId,
      month,
      dueOn: addMonths(exitDay, month),
    })),
  );
}

/**
 * FOLLOW_UP_RECORDED puts the status on the follow-up. When that ends the journey (the machine
 * closes it after the 12-month follow-up, or at once when the youth is back on benefit), the
 * follow-ups still pending are dropped; back on benefit also opens a new journey as returning.
 */
export async function recordFollowUp(trx: Db, input: EffectInput<'FOLLOW_UP_RECORDED'>): Promise<void> {
  const { actor, journey, command, occurredAt, openJourney } = input;
  const recorded = await recordFollowUpStatus(trx, actor.municipalityId, journey.id, command.month, {
    status: command.status,
    recordedAt: occurredAt,
    recordedBy: actor.userId,
  });
  if (!recorded) {
    // The machine accepts each month once, and EXITED scheduled all three.
    throw new Error(`Journey ${journey.id} has no pending ${command.month}-month follow-up`);
  }
  // The row already carries the stage the machine moved to.
  const after = await findJourney(trx, actor.municipalityId, journey.id);
  if (after && !after.open) await dropPendingFollowUps(trx, actor.municipalityId, journey.id);
  const returning =
    command.status === 'back_on_benefit'
      ? await openJourney(returningJourneyAfter(journey, command.month, occurredAt))
      : undefined;
  await auditAs(trx, actor, 'follow_up.recorded', journey.youthId, {
    journeyId: journey.id,
    month: command.month,
    status: command.status,
    ...(returning ? { newJourneyId: returning.id } : {}),
  });
}

/** A withdrawn journey leaves no follow-up waiting. */
export async function dropFollowUpsOnWithdrawal(trx: Db, input: EffectInput<'WITHDRAWN'>): Promise<void> {
  const { actor, journey } = input;
  await dropPendingFollowUps(trx, actor.municipalityId, journey.id);
}
