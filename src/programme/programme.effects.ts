import { exited, followUpRecorded, withdrawn } from '../followups/follow-up.effects.ts';
import type { JourneyEffects } from '../journeys/journey.effects.ts';
import { placementEnded, placementStarted } from '../placements/placement.effects.ts';

/**
 * What journey events do to placements, exits and follow-ups. A pause and a resume change
 * nothing here: the placement waits for the youth (DESIGN.md section 2, "pause").
 */
export const programmeEffects: JourneyEffects = {
  PLACEMENT_STARTED: placementStarted,
  PLACEMENT_ENDED: placementEnded,
  EXITED: exited,
  FOLLOW_UP_RECORDED: followUpRecorded,
  WITHDRAWN: withdrawn,
};
