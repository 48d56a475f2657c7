import { followUpMonths } from '../../machines/events.ts';
import { type JourneySnapshot, placementStateOf } from '../../machines/journey.ts';
import { addMonths } from '../shared/days.ts';
import { danishDate } from '../shared/clock.ts';
import type { JourneyRecord } from './journey.repository.ts';
import type { JourneyCommandInput } from './journey.schemas.ts';

/**
 * The columns of the journey row that the risk rules read and that follow from the statechart
 * alone. Written with every event, so the nightly sweep needs no snapshot parsing.
 */
export interface JourneyRiskState {
  placementState: 'exploring' | 'placed' | 'between' | null;
  firstConversationAt: Date | null;
  visitationAt: Date | null;
  groupJoinedAt: Date | null;
  everPlaced: boolean;
  placedSince: Date | null;
  placementHoursPerWeek: number | null;
  placementEndedAt: Date | null;
  expectedReturn: string | null;
  nextFollowUpDue: string | null;
}

export function riskStateOf(
  snapshot: JourneySnapshot,
  previous: Pick<JourneyRecord, 'visitationAt' | 'groupJoinedAt'>,
  steps: ReadonlyArray<{ command: JourneyCommandInput; occurredAt: Date }>,
): JourneyRiskState {
  const context = snapshot.context;
  let visitationAt = previous.visitationAt;
  let groupJoinedAt = previous.groupJoinedAt;
  for (const { command, occurredAt } of steps) {
    if (command.type === 'VISITATION_DECIDED') visitationAt = occurredAt;
    // Moving to another group keeps the date the youth first joined one.
    if (command.type === 'GROUP_ASSIGNED' && !groupJoinedAt) groupJoinedAt = occurredAt;
  }
  const current = context.currentPlacement;
  const lastEnded = [...context.placements].reverse().find((p) => p.endedAt !== null);
  let nextFollowUpDue: string | null = null;
  if (context.exit) {
    const exitDay = danishDate(new Date(context.exit.exitedAt));
    const recorded = new Set(context.followUps.map((f) => f.month));
    // Due on the same days the follow-up rows are scheduled for (src/followups/follow-up.effects.ts).
    const due = followUpMonths.filter((m) => !recorded.has(m)).map((m) => addMonths(exitDay, m));
    nextFollowUpDue = due.sort()[0] ?? null;
  }
  return {
    placementState: placementStateOf(snapshot),
    firstConversationAt: context.firstConversationAt ? new Date(context.firstConversationAt) : null,
    visitationAt,
    groupJoinedAt,
    everPlaced: context.placements.length > 0,
    placedSince: current ? new Date(current.startedAt) : null,
    placementHoursPerWeek: current ? current.hoursPerWeek : null,
    placementEndedAt: !current && lastEnded?.endedAt ? new Date(lastEnded.endedAt) : null,
    expectedReturn: context.pause?.expectedReturn ?? null,
    nextFollowUpDue,
  };
}
