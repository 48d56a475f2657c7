import { randomUUID } from 'node:crypto';
import type { FollowUpMonth } from '../../machines/events.ts';
import { initialSnapshot, isOpen, JOURNEY_MACHINE_VERSION, persist, stageOf } from '../../machines/journey.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import { insertJourney, type JourneyRecord } from '../journeys/journey.repository.ts';
import { auditAs } from '../programme/audit.ts';

/**
 * A relapse (DESIGN.md section 2, "tilbagefald"): the youth is back on benefit after exit, so a
 * new journey opens for them as returning, referred by the jobcentre, with the same caseworker.
 * It is opened the way the journey service opens one (a fresh statechart snapshot in
 * `referred`), inside the transaction that closed the previous journey, which must already be
 * closed so the one-open-journey index lets the new one in.
 */
export async function openReturningJourney(
  trx: Db,
  actor: Actor,
  previous: JourneyRecord,
  month: FollowUpMonth,
  firstContactAt: Date,
): Promise<JourneyRecord> {
  const journeyId = randomUUID();
  const snapshot = initialSnapshot({
    journeyId,
    youthId: previous.youthId,
    returning: true,
    firstContactAt: firstContactAt.toISOString(),
  });
  const stage = stageOf(snapshot);
  const journey = await insertJourney(trx, {
    id: journeyId,
    municipalityId: actor.municipalityId,
    youthId: previous.youthId,
    returning: true,
    referralSource: 'jobcenter',
    referralReason: `Tilbage på ydelse efter afslutning (opfølgning efter ${month} måneder)`,
    firstContactAt,
    stage,
    open: isOpen(stage),
    snapshot: persist(snapshot).snapshot,
    machineVersion: JOURNEY_MACHINE_VERSION,
    createdBy: actor.userId,
    caseworkerId: previous.caseworkerId,
  });
  await auditAs(trx, actor, 'journey.opened', previous.youthId, {
    journeyId,
    source: 'jobcenter',
    returning: true,
    previousJourneyId: previous.id,
    followUpMonth: month,
  });
  return journey;
}
