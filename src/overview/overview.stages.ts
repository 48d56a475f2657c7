import { eventTypes, type JourneyEventType } from '../../machines/events.ts';
import type { Stage } from '../../machines/journey.ts';

/** What of a journey event decides the stage it leads to (read from the event log's payload). */
export interface StageEvent {
  type: string;
  /** VISITATION_DECIDED: the eligibility the rules decided. */
  eligible: boolean | null;
  /** VISITATION_DECIDED: the randomisation arm, when the municipality randomises. */
  randomisationArm: string | null;
  /** FOLLOW_UP_RECORDED: the month (3, 6, 12) and the status found. */
  followUpMonth: number | null;
  followUpStatus: string | null;
}

const isEventType = (type: string): type is JourneyEventType => (eventTypes as readonly string[]).includes(type);

/**
 * The stage a journey is in after an accepted event. In the journey statechart
 * (machines/journey.ts) every event type leads to one top-level state, whatever the state it
 * left (the visitation decision and the follow-up by their payload), so the stage a journey
 * had at a moment is the one its latest event before that moment led to, and a journey with
 * no event yet is referred. This is how Overblik reads past stages from the append-only event
 * log instead of the journey's current `stage` column; tests/api/overview.test.ts checks it
 * against the stage the statechart stored for every journey it makes.
 */
export function stageAfter(event: StageEvent | null): Stage {
  if (event === null) return 'referred';
  if (!isEventType(event.type)) throw new Error(`Unknown journey event type in the event log: ${event.type}`);
  switch (event.type) {
    case 'FIRST_CONVERSATION_HELD':
      return 'visitation';
    case 'VISITATION_DECIDED':
      // The guards in their order: eligible and drawn to control, eligible, otherwise redirected.
      if (event.eligible !== true) return 'redirected';
      return event.randomisationArm === 'control' ? 'control' : 'intake';
    case 'GROUP_ASSIGNED':
    case 'PLACEMENT_STARTED':
    case 'PLACEMENT_ENDED':
    case 'RESUMED':
      return 'active';
    case 'PAUSED':
      return 'paused';
    case 'EXITED':
      return 'followUp';
    case 'FOLLOW_UP_RECORDED':
      // The 12-month follow-up closes the journey, and so does a relapse (back on benefit).
      return event.followUpMonth === 12 || event.followUpStatus === 'back_on_benefit' ? 'closed' : 'followUp';
    case 'WITHDRAWN':
      return 'closed';
    default: {
      const unhandled: never = event.type;
      throw new Error(`Unhandled journey event type: ${String(unhandled)}`);
    }
  }
}

/**
 * The stages in which a journey is on benefit (kontanthjælp): from the referral until it leaves
 * the programme. Youth waiting in referral, visitation and intake are on benefit too, and are
 * the ones without an offer; so is a paused youth. A journey redirected at the visitation, drawn
 * to the control group, exited (follow-up: the youth left for a job, an education or other
 * support) or withdrawn is no longer the unit's youth on benefit. The key figures' population
 * (STAR: Den gode ungeindsats i jobcentrene (2017), s. 35: "personer på ydelse").
 */
export const benefitStages: ReadonlySet<Stage> = new Set<Stage>([
  'referred',
  'visitation',
  'intake',
  'active',
  'paused',
]);

/**
 * The stages in which a youth is in the programme and should have an active offer: ready for
 * a group, active, or paused (the placement waits for them). STAR: Den gode ungeindsats i jobcentrene (2017), s. 35: the activation
 * rate and the passive share are taken over the youth on benefit in the programme.
 */
export const offerStages: ReadonlySet<Stage> = new Set<Stage>(['intake', 'active', 'paused']);
