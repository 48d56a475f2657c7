import { z } from 'zod';
import { placementStates, stages } from '../../machines/journey.ts';

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
    weeksBelowMinimumHours: count,
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
    weeksBelowMinimumHours: facts.weeksBelowMinimumHours,
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

/**
 * Every fact the risk rules may read, with its type and meaning for the reader of an alert and
 * for the domain expert who edits rules/risk.json (documented in rules/README.md as well).
 */
export const riskFactCatalogue: Readonly<Record<RiskFactName, RiskFactDescription>> = {
  stage: {
    type: 'stage',
    derived: false,
    da: 'Forløbets fase.',
    en: "The journey's stage.",
  },
  placementState: {
    type: 'placementState',
    derived: false,
    da: 'I den aktive fase: afsøger, i praktik eller mellem praktikker; none i alle andre faser.',
    en: 'In the active stage: exploring, placed or between placements; none in every other stage.',
  },
  daysSinceFirstContact: {
    type: 'days',
    derived: false,
    da: 'Dage siden første kontakt med jobcentret (starter fristen for første samtale).',
    en: 'Days since the first contact with the jobcentre (starts the clock for the first conversation).',
  },
  firstConversationHeld: {
    type: 'boolean',
    derived: false,
    da: 'Den første individuelle samtale er holdt.',
    en: 'The first individual conversation has been held.',
  },
  daysSinceVisitation: {
    type: 'days',
    derived: false,
    da: 'Dage siden visitationen blev afgjort; -1 før da.',
    en: 'Days since the visitation decision; -1 before it.',
  },
  hasGroup: {
    type: 'boolean',
    derived: false,
    da: 'Den unge er på et hold nu.',
    en: 'The youth is in a group now.',
  },
  hasPlacement: {
    type: 'boolean',
    derived: false,
    da: 'Den unge er i praktik nu.',
    en: 'The youth has a placement now.',
  },
  everPlaced: {
    type: 'boolean',
    derived: false,
    da: 'Den unge har været i praktik i dette forløb.',
    en: 'The youth has had a placement in this journey.',
  },
  individualConversationsFirst6Months: {
    type: 'count',
    derived: false,
    da: 'Individuelle samtaler holdt i de første 6 måneder efter første kontakt.',
    en: 'Individual conversations held in the first 6 months after first contact.',
  },
  conversationsDueSoFar: {
    type: 'count',
    derived: true,
    da: 'Samtaler der skulle være holdt nu: conversationsRequired × min(daysSinceFirstContact, conversationsPeriodDays) / conversationsPeriodDays, rundet ned.',
    en: 'Conversations due by now: conversationsRequired × min(daysSinceFirstContact, conversationsPeriodDays) / conversationsPeriodDays, rounded down.',
  },
  missedMeetingsInRow: {
    type: 'count',
    derived: false,
    da: 'Holdmøder udeblevet i træk, talt bagud fra det seneste.',
    en: 'Group meetings missed in a row, counted back from the latest.',
  },
  daysSinceLastActivity: {
    type: 'days',
    derived: false,
    da: 'Dage siden seneste registrerede aktivitet (fremmøde, praktiktimer, samtale, matchhændelse, mentorkontakt); -1 uden for den aktive fase.',
    en: 'Days since the latest recorded activity (attendance, placement hours, conversation, match event, mentor contact); -1 outside the active stage.',
  },
  daysSincePlacementEnded: {
    type: 'days',
    derived: false,
    da: 'Dage siden seneste praktik sluttede, så længe der ikke er en ny; ellers -1.',
    en: 'Days since the latest placement ended, while there is no new one; -1 otherwise.',
  },
  daysInGroup: {
    type: 'days',
    derived: false,
    da: 'Dage siden den unge første gang kom på et hold; -1 før da.',
    en: 'Days since the youth first joined a group; -1 before that.',
  },
  weeksBelowMinimumHours: {
    type: 'count',
    derived: false,
    da: 'Hele uger i træk i den nuværende praktik med færre timer end minimumHoursPerWeek; 0 uden praktik.',
    en: 'Whole weeks in a row of the current placement with fewer hours than minimumHoursPerWeek; 0 when not placed.',
  },
  daysPastExpectedReturn: {
    type: 'days',
    derived: false,
    da: 'Dage siden den forventede tilbagevenden fra en pause (0 indtil den dag); -1 uden pause.',
    en: 'Days since the expected return from a pause (0 until that day); -1 when not paused.',
  },
  daysSinceProgression: {
    type: 'days',
    derived: false,
    da: 'Dage siden seneste progressionsmåling (før den første: siden den unge kom på hold); -1 når det ikke er relevant.',
    en: 'Days since the latest progression measurement (before the first: since the youth joined a group); -1 when not applicable.',
  },
  daysFollowUpOverdue: {
    type: 'days',
    derived: false,
    da: 'Dage den tidligste manglende opfølgning efter 3, 6 eller 12 måneder er forsinket (0 indtil forfaldsdagen); -1 når ingen er forfalden.',
    en: 'Days the earliest unrecorded 3, 6 or 12-month follow-up is past its due date (0 until then); -1 when none is due.',
  },
};
