import { z } from 'zod';
import { placementStates, stages } from '../../machines/journey.ts';
import { texts } from '../shared/texts.ts';

/**
 * What the passivity risk rules (rules/risk.json) see about one journey on one day. The caller
 * (the incremental update after an event, the nightly sweep, the backtest) computes these from
 * the journey and its recorded activity; the rules only compare them with the thresholds.
 *
 * Every fact is always present: json-rules-engine runs with allowUndefinedFacts false, so a
 * forgotten fact is an error, never a silent "no". A day count that does not apply (no visitation
 * yet, not paused, ...) is -1, which is below every threshold, so a rule never fires on it.
 */

/** The placement state of the active stage; `none` in every other stage. */
export const riskPlacementStates = [...placementStates, 'none'] as const;
export type RiskPlacementState = (typeof riskPlacementStates)[number];

/** Whole days; -1 when the count does not apply. */
const days = z.number().int().min(-1);
const count = z.number().int().min(0);

export const riskFactsSchema = z
  .object({
    stage: z.enum(stages),
    placementState: z.enum(riskPlacementStates),
    daysSinceFirstContact: days,
    firstConversationHeld: z.boolean(),
    daysSinceVisitation: days,
    hasGroup: z.boolean(),
    hasPlacement: z.boolean(),
    everPlaced: z.boolean(),
    individualConversationsFirst6Months: count,
    missedMeetingsInRow: count,
    daysSinceLastActivity: days,
    daysSincePlacementEnded: days,
    daysInGroup: days,
    weeksBelowAgreedHours: count,
    daysPastExpectedReturn: days,
    daysSinceProgression: days,
    daysFollowUpOverdue: days,
  })
  .strict();
export type RiskFacts = z.infer<typeof riskFactsSchema>;

/** The facts Ungeflow derives from the supplied ones and the effective parameters. */
// A type alias, not an interface: the facts are read by name as a record.
export type DerivedRiskFacts = { conversationsDueSoFar: number };
export type RiskFactsWithDerived = RiskFacts & DerivedRiskFacts;
export type RiskFactName = keyof RiskFactsWithDerived;

/**
 * Adds the derived facts. conversationsDueSoFar spreads LAB § 31 stk. 3 (4 individual
 * conversations in the first 6 months) evenly over the period, so a youth who is behind is
 * noticed while there is still time: with the defaults the 1st is due by day 46, the 2nd by day
 * 91, the 3rd by day 137 and the 4th by day 182. Rounded down, and 0 when the first contact is
 * not known (-1).
 */
export function withDerivedFacts(
  facts: RiskFacts,
  parameters: { readonly conversationsRequired: number; readonly conversationsPeriodDays: number },
): RiskFactsWithDerived {
  const { conversationsRequired, conversationsPeriodDays } = parameters;
  const elapsed = Math.max(0, Math.min(facts.daysSinceFirstContact, conversationsPeriodDays));
  // Written out rather than spread: the sweep calls this for every journey, and an object of this
  // size is copied many times faster field by field than with `...` (a missing fact is a type error).
  return {
    stage: facts.stage,
    placementState: facts.placementState,
    daysSinceFirstContact: facts.daysSinceFirstContact,
    firstConversationHeld: facts.firstConversationHeld,
    daysSinceVisitation: facts.daysSinceVisitation,
    hasGroup: facts.hasGroup,
    hasPlacement: facts.hasPlacement,
    everPlaced: facts.everPlaced,
    individualConversationsFirst6Months: facts.individualConversationsFirst6Months,
    missedMeetingsInRow: facts.missedMeetingsInRow,
    daysSinceLastActivity: facts.daysSinceLastActivity,
    daysSincePlacementEnded: facts.daysSincePlacementEnded,
    daysInGroup: facts.daysInGroup,
    weeksBelowAgreedHours: facts.weeksBelowAgreedHours,
    daysPastExpectedReturn: facts.daysPastExpectedReturn,
    daysSinceProgression: facts.daysSinceProgression,
    daysFollowUpOverdue: facts.daysFollowUpOverdue,
    conversationsDueSoFar: Math.floor((conversationsRequired * elapsed) / conversationsPeriodDays),
  };
}

/** How a fact's value is to be read. */
export const riskFactTypes = {
  stage:
    'the journey stage (machines/journey.ts): referred, visitation, intake, control, redirected, active, paused, followUp, closed',
  placementState: 'exploring, placed, between (the active stage) or none (every other stage)',
  boolean: 'true or false',
  count: 'a whole number, 0 or more',
  days: 'whole days, 0 or more; -1 when it does not apply',
} as const;
export type RiskFactType = keyof typeof riskFactTypes;

export interface RiskFactDescription {
  type: RiskFactType;
  /** Computed by Ungeflow from the other facts and the parameters, not supplied by the caller. */
  derived: boolean;
  da: string;
  en: string;
}

const factKinds: Readonly<Record<RiskFactName, Omit<RiskFactDescription, 'da' | 'en'>>> = {
  stage: {
    type: 'stage',
    derived: false,
  },
  placementState: {
    type: 'placementState',
    derived: false,
  },
  daysSinceFirstContact: {
    type: 'days',
    derived: false,
  },
  firstConversationHeld: {
    type: 'boolean',
    derived: false,
  },
  daysSinceVisitation: {
    type: 'days',
    derived: false,
  },
  hasGroup: {
    type: 'boolean',
    derived: false,
  },
  hasPlacement: {
    type: 'boolean',
    derived: false,
  },
  everPlaced: {
    type: 'boolean',
    derived: false,
  },
  individualConversationsFirst6Months: {
    type: 'count',
    derived: false,
  },
  conversationsDueSoFar: {
    type: 'count',
    derived: true,
  },
  missedMeetingsInRow: {
    type: 'count',
    derived: false,
  },
  daysSinceLastActivity: {
    type: 'days',
    derived: false,
  },
  daysSincePlacementEnded: {
    type: 'days',
    derived: false,
  },
  daysInGroup: {
    type: 'days',
    derived: false,
  },
  weeksBelowAgreedHours: {
    type: 'count',
    derived: false,
  },
  daysPastExpectedReturn: {
    type: 'days',
    derived: false,
  },
  daysSinceProgression: {
    type: 'days',
    derived: false,
  },
  daysFollowUpOverdue: {
    type: 'days',
    derived: false,
  },
};

/**
 * Every fact the risk rules may read, with its type and meaning for the reader of an alert and
 * for the domain expert who edits rules/risk.json (documented in rules/README.md as well; the
 * meanings are in templates/texts/risk.*.json).
 */
export const riskFactCatalogue = Object.fromEntries(
  Object.entries(factKinds).map(([name, kind]) => [name, { ...kind, ...texts(`risk.facts.${name as RiskFactName}`) }]),
) as Readonly<Record<RiskFactName, RiskFactDescription>>;
