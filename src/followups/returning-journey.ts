import type { FollowUpMonth } from '../../machines/events.ts';
import type { JourneyRecord } from '../journeys/journey.repository.ts';
import type { NewJourney } from '../journeys/journey.effects.ts';
import { t } from '../shared/texts.ts';

/**
 * A relapse ("tilbagefald"): the youth is back on benefit after exit, so a new journey opens for
 * them as returning, referred by the jobcentre, with the same caseworker, inside the transaction
 * that closed the previous journey (already closed, so the one-open-journey index lets the new one
 * in). Its risk rules run at the next sweep: the journey's check day is not set yet.
 */
export function returningJourneyAfter(previous: JourneyRecord, month: FollowUpMonth, firstContactAt: Date): NewJourney {
  return {
    youthId: previous.youthId,
    returning: true,
    source: 'jobcenter',
    // Recorded as the referral's reason, in Danish like the reasons caseworkers type.
    reason: t('da', 'journeys.returningReason', { months: month }),
    firstContactAt,
    caseworkerId: previous.caseworkerId,
    auditDetails: { previousJourneyId: previous.id, followUpMonth: month },
  };
}
