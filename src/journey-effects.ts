import { dropFollowUpsOnWithdrawal, recordFollowUp, scheduleFollowUps } from './followups/follow-up.effects.ts';
import { assignToGroup, leaveGroupOnWithdrawal, leaveGroupOrStayAsAlumni } from './groups/group.effects.ts';
import { type JourneyEffectTable, markWithdrawnByMistake } from './journeys/journey.effects.ts';
import {
  endOffersAtExit,
  endOffersOnWithdrawal,
  endOfferWithPlacement,
  offerFromPlacement,
} from './offers/offer.effects.ts';
import {
  endNamedPlacement,
  endRunningPlacementAtExit,
  endRunningPlacementOnWithdrawal,
  startPlacement,
} from './placements/placement.effects.ts';

/**
 * What each journey event does beyond the journey itself, in the order it happens, in the event's
 * transaction. The journey service records the event and moves the journey; then it runs the
 * event's effects listed here; then the risk rules see the result. An effect may refuse the event
 * (a full group, a company without room), which rolls back everything the event did.
 *
 * Every event type has an entry; a new event type does not compile until it has one here.
 */
export const journeyEffects: JourneyEffectTable = {
  // Recorded on the journey only; the journey service stores the visitation's rule decisions with
  // the event itself.
  FIRST_CONVERSATION_HELD: [],
  VISITATION_DECIDED: [],

  GROUP_ASSIGNED: [assignToGroup],

  // An internship or a wage subsidy is a LAB offer as well; paid ordinary hours are not.
  PLACEMENT_STARTED: [startPlacement, offerFromPlacement],
  PLACEMENT_ENDED: [endNamedPlacement, endOfferWithPlacement],

  // The placement waits for the youth during a pause: its row stays as it is, and RESUMED returns
  // the journey to where it was.
  PAUSED: [],
  RESUMED: [],

  EXITED: [leaveGroupOrStayAsAlumni, endRunningPlacementAtExit, endOffersAtExit, scheduleFollowUps],

  // When the youth is back on benefit this also opens a new journey for them, as returning.
  FOLLOW_UP_RECORDED: [recordFollowUp],

  WITHDRAWN: [
    markWithdrawnByMistake,
    leaveGroupOnWithdrawal,
    endRunningPlacementOnWithdrawal,
    endOffersOnWithdrawal,
    dropFollowUpsOnWithdrawal,
  ],
};
