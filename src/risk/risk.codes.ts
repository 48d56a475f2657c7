/**
 * The codes of the passivity risk rules in rules/risk.json (docs/domain.md, "The rules"). Alerts,
 * statistics and the leader's digest refer to them, so a code in use is never renamed; a new
 * rule in the file needs its code here too (the tests check that the two lists agree).
 */
export const riskCodes = [
  'first_conversation_overdue',
  'conversations_behind',
  'no_offer_after_visitation',
  'missed_meetings',
  'passive',
  'passive_long',
  'between_placements',
  'no_placement_after_intake',
  'low_hours',
  'pause_overdue',
  'progression_overdue',
  'follow_up_due',
] as const;
export type RiskCode = (typeof riskCodes)[number];

export function isRiskCode(value: string): value is RiskCode {
  return (riskCodes as readonly string[]).includes(value);
}
