/**
 * The events of the journey statechart (docs/domain.md, "The journey"), as zod schemas.
 *
 * The service validates what a caseworker submits against these schemas before it sends the
 * event to the machine, and publishes `eventPayloadSchemas` as JSON schemas. The machine's
 * `JourneyEvent` type is inferred from the union below, so the schema and the machine can
 * never disagree about an event's shape.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Codes. Each list is the single source of its union type; docs/domain.md, glossary is the glossary.
// ---------------------------------------------------------------------------------------------

/**
 * Every visitation category any rule set may use (STAR: Den gode ungeindsats i jobcentrene (2017), s. 6, 12-25;
 * bekendtgørelse om en aktiv beskæftigelsesindsats § 1 for jobparat). Which of them a decision can
 * choose, and their order of support, is the visitation rule set's (rules/visitation*.json).
 */
export const categories = ['obviously_education_ready', 'education_ready', 'job_ready', 'activity_ready'] as const;
export type Category = (typeof categories)[number];

/** Coded obstacles a caseworker records at visitation (docs/domain.md, glossary, "barriere"). */
export const barriers = [
  'academic',
  'social',
  'health',
  'mental_health',
  'substance_use',
  'housing',
  'debt',
  'criminal_record',
  'no_network',
  'other',
] as const;
export type Barrier = (typeof barriers)[number];

/** Arms of the optional evaluation randomisation (Rockwool Fonden: the NExTWORK evaluation summary (2025); docs/domain.md, "The journey"). */
export const randomisationArms = ['treatment', 'control'] as const;
export type RandomisationArm = (typeof randomisationArms)[number];

/** Internship, paid hours and wage subsidy share one lifecycle (docs/domain.md, glossary). */
export const placementKinds = ['internship', 'paid_hours', 'wage_subsidy'] as const;
export type PlacementKind = (typeof placementKinds)[number];

/** Why a youth pauses: the placement waits for them (docs/domain.md, glossary, "pause"). */
export const pauseReasons = ['illness', 'hospital', 'treatment', 'other'] as const;
export type PauseReason = (typeof pauseReasons)[number];

/** Exit outcomes (docs/domain.md, glossary, "afslutning"). */
export const exitOutcomes = ['job', 'education', 'other_support', 'dropped_out', 'moved', 'other'] as const;
export type ExitOutcome = (typeof exitOutcomes)[number];

/** Follow-up is due 3, 6 and 12 months after exit (docs/domain.md, glossary, "opfølgning"). */
export const followUpMonths = [3, 6, 12] as const;
export type FollowUpMonth = (typeof followUpMonths)[number];

/**
 * How a conversation was held. A job conversation counts towards the contact course whether it is
 * held in person, by phone or by video (LAB § 31 stk. 3; STAR: Spørgsmål og svar om kontaktforløbet:
 * "ved personligt fremmøde, telefonisk, elektronisk eller på anden måde").
 */
export const conversationModes = ['in_person', 'phone', 'video'] as const;
export type ConversationMode = (typeof conversationModes)[number];

export const followUpStatuses = ['in_job', 'in_education', 'back_on_benefit', 'unknown'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/** The machine's event types, in the order a journey usually meets them. */
export const eventTypes = [
  'FIRST_CONVERSATION_HELD',
  'VISITATION_DECIDED',
  'GROUP_ASSIGNED',
  'PLACEMENT_STARTED',
  'PLACEMENT_ENDED',
  'PAUSED',
  'RESUMED',
  'EXITED',
  'FOLLOW_UP_RECORDED',
  'WITHDRAWN',
] as const;
export type JourneyEventType = (typeof eventTypes)[number];

// ---------------------------------------------------------------------------------------------
// Payloads: what each event says, without the envelope (type, occurredAt, actorId).
// ---------------------------------------------------------------------------------------------

const category = z.enum(categories);

/**
 * The first conversation is the first of the four job conversations of the first six months (LAB
 * § 31 stk. 5 calls it "første jobsamtale"; docs/law/employment-law-2025-2027.md, section 3).
 * `mode` is absent on events recorded before Ungeflow asked how the conversation was held; such an
 * event still counts, with its mode unknown. New events must say it (src/journeys/journey.schemas.ts).
 */
const firstConversationHeldPayload = z.object({ mode: z.enum(conversationModes).optional() });

const visitationDecidedFields = z.object({
  /** What the caseworker decided. */
  category,
  barriers: z.array(z.enum(barriers)),
  /** What the visitation rules suggested (docs/domain.md, "The rules", "Visitation suggestion"). */
  suggestedCategory: category,
  /** Required when `category` differs from `suggestedCategory`. */
  overrideReason: z.string().trim().min(1).max(1000).optional(),
  /** The eligibility rules' answer, computed by the service before sending the event. */
  eligibility: z.object({
    eligible: z.boolean(),
    /** The rule's stable code, so a decision can be explained and re-checked (section 4). */
    code: z.string().min(1),
    /** For a youth outside the target group: what the rules recommend instead. */
    recommendation: z.string().min(1).optional(),
  }),
  /** Present only where the municipality randomises for evaluation (Rockwool Fonden: the NExTWORK evaluation summary (2025)). */
  randomisation: z
    .object({
      arm: z.enum(randomisationArms),
      /** Lets the draw be reproduced and audited. */
      seed: z.string().min(1),
    })
    .optional(),
});

/**
 * The caseworker decides the category and may override the suggestion, but only with a reason
 * (docs/domain.md, "The rules", "the caseworker decides and may override with a reason"). The machine
 * applies the same predicate as a guard, so an event that skipped validation is still refused.
 */
export function overrideIsJustified(decision: {
  category: Category;
  suggestedCategory: Category;
  overrideReason?: string | undefined;
}): boolean {
  return (
    decision.category === decision.suggestedCategory ||
    (decision.overrideReason !== undefined && decision.overrideReason.trim().length > 0)
  );
}

const requireOverrideReason = (decision: z.infer<typeof visitationDecidedFields>, ctx: z.RefinementCtx): void => {
  if (!overrideIsJustified(decision)) {
    ctx.addIssue({
      code: 'custom',
      path: ['overrideReason'],
      message: 'A reason is required when the decided category differs from the suggested one',
    });
  }
};

const visitationDecidedPayload = visitationDecidedFields.superRefine(requireOverrideReason);

/**
 * NExTWORK's entry condition: the youth "i udgangspunktet kan deltage minimum 15 timer per uge"
 * (Rockwool Fonden: the NExTWORK evaluation summary (2025); STAR: Den gode ungeindsats i
 * jobcentrene (2017), s. 24, where a placement may be "fra få timer og op til 37 timer om ugen").
 * It is asked once, when the youth is taken in from intake; the caseworker may take in a youth who
 * cannot, with a reason. A move to another group asks nothing, and events recorded before the
 * question existed carry neither field.
 */
const groupAssignedPayload = z.object({
  groupId: z.uuid(),
  canTakePart15HoursAWeek: z.boolean().optional(),
  /** Required when `canTakePart15HoursAWeek` is false: why the youth is taken in all the same. */
  entryOverrideReason: z.string().trim().min(1).max(1000).optional(),
});

/**
 * A youth who cannot take part 15 hours a week is taken in only with a reason. Only an explicit
 * "no" needs one: a move to another group, and an event recorded before the question, answer
 * nothing. The machine applies this as a guard; the journey service asks the question at intake.
 */
export function entryConditionIsMetOrOverridden(assignment: {
  canTakePart15HoursAWeek?: boolean | undefined;
  entryOverrideReason?: string | undefined;
}): boolean {
  return (
    assignment.canTakePart15HoursAWeek !== false ||
    (assignment.entryOverrideReason !== undefined && assignment.entryOverrideReason.trim().length > 0)
  );
}

const placementStartedPayload = z.object({
  placementId: z.uuid(),
  companyId: z.uuid(),
  kind: z.enum(placementKinds),
  /** Chosen with the youth; half hours happen, so not only whole numbers. */
  hoursPerWeek: z.number().min(1).max(40),
});

const placementEndedPayload = z.object({
  placementId: z.uuid(),
  reason: z.string().trim().min(1).max(1000).optional(),
});

const pausedPayload = z.object({
  reason: z.enum(pauseReasons),
  /** A calendar day; the pause_overdue risk rule counts from it (docs/domain.md, "The rules"). */
  expectedReturn: z.iso.date(),
  note: z.string().trim().min(1).max(1000).optional(),
});

const resumedPayload = z.object({});

const exitedPayload = z.object({
  outcome: z.enum(exitOutcomes),
  /** E.g. treatment or psychiatry, when the outcome is `other_support`. */
  otherSupportType: z.string().trim().min(1).max(200).optional(),
  note: z.string().trim().min(1).max(1000).optional(),
});

const followUpRecordedPayload = z.object({
  month: z.literal(followUpMonths),
  status: z.enum(followUpStatuses),
});

const withdrawnPayload = z.object({
  reason: z.string().trim().min(1).max(500),
  /** The journey should never have been opened (a wrong person, a double referral): it makes no one returning and counts in no figure. */
  registeredByMistake: z.boolean().optional(),
});

/**
 * Each event's payload schema, for publishing as JSON schema and validating request bodies.
 * VISITATION_DECIDED carries its override-reason refinement here too.
 */
export const eventPayloadSchemas = {
  FIRST_CONVERSATION_HELD: firstConversationHeldPayload,
  VISITATION_DECIDED: visitationDecidedPayload,
  GROUP_ASSIGNED: groupAssignedPayload,
  PLACEMENT_STARTED: placementStartedPayload,
  PLACEMENT_ENDED: placementEndedPayload,
  PAUSED: pausedPayload,
  RESUMED: resumedPayload,
  EXITED: exitedPayload,
  FOLLOW_UP_RECORDED: followUpRecordedPayload,
  WITHDRAWN: withdrawnPayload,
} as const satisfies Record<JourneyEventType, z.ZodObject>;

// ---------------------------------------------------------------------------------------------
// Events: envelope + type + payload.
// ---------------------------------------------------------------------------------------------

/**
 * Every event says when it happened (caseworkers often record things the day after, and the
 * rules use this time) and who did it (docs/domain.md, "The journey").
 */
export const eventEnvelope = z.object({
  occurredAt: z.iso.datetime({ offset: true }),
  actorId: z.uuid(),
});

export const firstConversationHeldEvent = eventEnvelope.extend({
  type: z.literal('FIRST_CONVERSATION_HELD'),
  ...firstConversationHeldPayload.shape,
});
export const visitationDecidedEvent = eventEnvelope
  .extend({ type: z.literal('VISITATION_DECIDED'), ...visitationDecidedFields.shape })
  .superRefine(requireOverrideReason);
export const groupAssignedEvent = eventEnvelope.extend({
  type: z.literal('GROUP_ASSIGNED'),
  ...groupAssignedPayload.shape,
});
export const placementStartedEvent = eventEnvelope.extend({
  type: z.literal('PLACEMENT_STARTED'),
  ...placementStartedPayload.shape,
});
export const placementEndedEvent = eventEnvelope.extend({
  type: z.literal('PLACEMENT_ENDED'),
  ...placementEndedPayload.shape,
});
export const pausedEvent = eventEnvelope.extend({
  type: z.literal('PAUSED'),
  ...pausedPayload.shape,
});
export const resumedEvent = eventEnvelope.extend({
  type: z.literal('RESUMED'),
  ...resumedPayload.shape,
});
export const exitedEvent = eventEnvelope.extend({
  type: z.literal('EXITED'),
  ...exitedPayload.shape,
});
export const followUpRecordedEvent = eventEnvelope.extend({
  type: z.literal('FOLLOW_UP_RECORDED'),
  ...followUpRecordedPayload.shape,
});
export const withdrawnEvent = eventEnvelope.extend({
  type: z.literal('WITHDRAWN'),
  ...withdrawnPayload.shape,
});

export const journeyEventSchema = z.discriminatedUnion('type', [
  firstConversationHeldEvent,
  visitationDecidedEvent,
  groupAssignedEvent,
  placementStartedEvent,
  placementEndedEvent,
  pausedEvent,
  resumedEvent,
  exitedEvent,
  followUpRecordedEvent,
  withdrawnEvent,
]);

export type JourneyEvent = z.infer<typeof journeyEventSchema>;
export type JourneyEventOf<T extends JourneyEventType> = Extract<JourneyEvent, { type: T }>;

// Compile-time proof that `eventTypes` and the union list the same types: adding an event to
// one and not the other fails type checking here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const eventTypesMatchUnion: Same<JourneyEventType, JourneyEvent['type']> = true;
void eventTypesMatchUnion;
