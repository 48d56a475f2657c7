import { danishDayNumberOf } from '../shared/clock.ts';
import { dayNumberOf } from '../shared/days.ts';
import type { Stage } from '../../machines/journey.ts';
import type { RiskFacts } from '../risk/risk.facts.ts';
import type { JourneyRiskRow } from './risk-row.repository.ts';

/**
 * The facts the risk rules see for one journey on one day (rules/README.md lists them), derived
 * from the narrow journey columns. Day counts are calendar days in Denmark; -1 means "does not
 * apply" (e.g. days past the expected return when the youth is not paused).
 */
export function riskFactsOf(row: JourneyRiskRow, asOfDay: number, minimumHoursPerWeek: number): RiskFacts {
  const since = (at: number | null) => (at === null ? -1 : asOfDay - danishDayNumberOf(at));
  // Before any activity is recorded, the clock runs from when the youth joined a group (or first contact).
  const baseline = row.groupJoinedAt ?? row.firstContactAt;
  const lastActivity = row.lastActivityAt !== null && row.lastActivityAt > baseline ? row.lastActivityAt : baseline;
  const placed = row.placementState === 'placed';
  const weeksPlaced = placed && row.placedSince !== null ? Math.floor(since(row.placedSince) / 7) : 0;
  return {
    stage: row.stage as Stage,
    placementState: row.placementState ?? 'none',
    daysSinceFirstContact: since(row.firstContactAt),
    firstConversationHeld: row.firstConversationAt !== null,
    daysSinceVisitation: since(row.visitationAt),
    hasGroup: row.groupJoinedAt !== null,
    hasPlacement: placed,
    everPlaced: row.everPlaced,
    individualConversationsFirst6Months: row.conversationsFirst6Months,
    missedMeetingsInRow: row.missedMeetingsInRow,
    daysSinceLastActivity: since(lastActivity),
    daysSincePlacementEnded: row.placementState === 'between' ? since(row.placementEndedAt) : -1,
    daysInGroup: since(row.groupJoinedAt),
    weeksBelowMinimumHours:
      placed && row.placementHoursPerWeek !== null && row.placementHoursPerWeek < minimumHoursPerWeek
        ? Math.max(0, weeksPlaced)
        : 0,
    daysPastExpectedReturn:
      row.stage === 'paused' && row.expectedReturn ? Math.max(-1, asOfDay - dayNumberOf(row.expectedReturn)) : -1,
    daysSinceProgression: since(row.lastProgressionAt ?? baseline),
    daysFollowUpOverdue:
      row.stage === 'followUp' && row.nextFollowUpDue ? Math.max(-1, asOfDay - dayNumberOf(row.nextFollowUpDue)) : -1,
  };
}
