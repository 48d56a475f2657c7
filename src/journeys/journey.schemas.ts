import { journeyOrderColumns } from './journey.repository.ts';
import { z } from 'zod';
import {
  barriers,
  categories,
  conversationModes,
  eventPayloadSchemas,
  eventTypes,
  followUpMonths,
  type JourneyEventType,
} from '../../machines/events.ts';
import { stages } from '../../machines/journey.ts';
import { alertSchema, severities } from '../alerts/alert.schemas.ts';
import { pageQuery } from '../shared/schemas.ts';
import { deadlineKinds } from './journey.deadline.ts';
import { profiles, questionnaireAnswers } from '../visitation/questionnaire.ts';

export const referralSources = ['jobcenter', 'uu', 'self', 'other_unit'] as const;

export const earlierBenefitKinds = ['none', 'earlier_periods'] as const;

export const openJourneyBody = z
  .strictObject({
    source: z.enum(referralSources).describe('jobcenter, UU (youth guidance), the youth themself, or another unit'),
    firstContactAt: z.iso.datetime({ offset: true }).or(z.iso.date()).describe('When the youth first made contact'),
    reason: z.string().trim().min(1, 'not_blank').max(2000),
    caseworkerId: z.uuid().optional().describe('The responsible caseworker; the caseworker opening it by default'),
    earlierBenefit: z
      .enum(earlierBenefitKinds)
      .optional()
      .describe(
        'Earlier periods on public benefit, from the benefit history: none, or earlier periods. ' +
          'Earlier periods make the youth returning, as does an earlier journey in Ungeflow.',
      ),
    earlierBenefitMonths: z
      .number()
      .int()
      .min(1)
      .max(400)
      .optional()
      .describe('With earlier periods: how many months on benefit in all'),
  })
  .superRefine((body, ctx) => {
    if (body.earlierBenefit === 'earlier_periods' && body.earlierBenefitMonths === undefined) {
      ctx.addIssue({ code: 'custom', path: ['earlierBenefitMonths'], message: 'earlier_benefit_months_required' });
    }
  });

/** Barriers a caseworker weighs as considerable must be among the barriers chosen. */
export function considerableAmongChosen(
  body: { barriers: readonly string[]; considerableBarriers: readonly string[] },
  ctx: z.RefinementCtx,
): void {
  body.considerableBarriers.forEach((barrier, index) => {
    if (!body.barriers.includes(barrier)) {
      ctx.addIssue({
        code: 'custom',
        path: ['considerableBarriers', index],
        message: 'considerable_barrier_not_chosen',
      });
    }
  });
}

const barrierList = z
  .array(z.enum(barriers))
  .refine((list) => new Set(list).size === list.length, 'duplicate_value')
  .default([]);

const considerableBarriers = barrierList.describe(
  'The chosen barriers the caseworker weighs as considerable (betydelige); the others count as some (visse)',
);

const supportOverAYearReason = z
  .string()
  .trim()
  .min(1, 'not_blank')
  .max(1000)
  .optional()
  .describe(
    'The assessment that the youth clearly needs support for more than about a year before an education can begin, as its reason ' +
      '(STAR: Den gode ungeindsats i jobcentrene (2017), s. 10); left out when not assessed so',
  );

export const reassignBody = z.strictObject({
  caseworkerId: z.uuid(),
  expectedCaseworkerId: z
    .uuid()
    .optional()
    .describe('The caseworker the move was decided against; when another has it meanwhile, 409 and nothing moves'),
});

/** The most journeys moved at once: a whole caseload, with room. */
export const MOST_MOVED_AT_ONCE = 500;

export const reassignManyBody = z.strictObject({
  fromCaseworkerId: z.uuid().describe('The caseworker the journeys are moved from; each must still be theirs'),
  toCaseworkerId: z.uuid().describe('An active caseworker of the municipality, not the one they come from'),
  journeys: z
    .array(
      z.strictObject({
        id: z.uuid(),
        version: z.number().int().min(1).describe("The journey's version when the move was decided"),
      }),
    )
    .min(1)
    .max(MOST_MOVED_AT_ONCE),
});
export type ReassignManyInput = z.infer<typeof reassignManyBody>;

export const moveConflictReasons = ['changed', 'moved', 'closed', 'not_found'] as const;
export type MoveConflictReason = (typeof moveConflictReasons)[number];

export const reassignManyResponse = z.object({
  moved: z.number().int().describe('How many journeys moved: all of those sent'),
  fromCaseworkerId: z.uuid(),
  toCaseworkerId: z.uuid(),
});

export const caseloadSchema = z
  .object({
    caseworker: z.object({ id: z.uuid(), name: z.string(), active: z.boolean() }),
    openJourneys: z.number().int(),
  })
  .meta({ id: 'Caseload' });

/**
 * What the caseworker submits for the visitation decision. The service adds what the rules say
 * (suggested category, eligibility, randomisation) before the event reaches the machine.
 */
export const visitationDecidedCommand = z.strictObject({
  category: z
    .enum(categories)
    .describe("One of the categories of the visitation rule set in force on the decision's day"),
  barriers: barrierList,
  considerableBarriers,
  supportOverAYearReason,
  profile: z.enum(profiles).describe('Result of the statistical profile assessment (A, B or C)'),
  questionnaire: questionnaireAnswers.describe(
    'The ten answers of the preparation questionnaire (STAR: Den gode ungeindsats i jobcentrene (2017), s. 9)',
  ),
  inEducationOrJob: z.boolean().default(false),
  onBenefit: z.boolean().default(true),
  waitingForApprenticeship: z.boolean().default(false),
  overrideReason: z
    .string()
    .trim()
    .min(1, 'not_blank')
    .max(1000)
    .optional()
    .describe('Required when the category differs from the suggested one'),
});

/**
 * Each event type's payload as the client sends it. The service supplies the ids it creates
 * (a new placement's id) and the rule decisions.
 */
export const commandPayloadSchemas = {
  ...eventPayloadSchemas,
  FIRST_CONVERSATION_HELD: eventPayloadSchemas.FIRST_CONVERSATION_HELD.extend({
    mode: z
      .enum(conversationModes)
      .describe('How the conversation was held: in person, by phone or by video; each counts (LAB § 31 stk. 3)'),
  }),
  VISITATION_DECIDED: visitationDecidedCommand.superRefine(considerableAmongChosen),
  GROUP_ASSIGNED: eventPayloadSchemas.GROUP_ASSIGNED.extend({
    canTakePart15HoursAWeek: z
      .boolean()
      .optional()
      .describe(
        "NExTWORK's entry condition: the youth can take part at least 15 hours a week. Required when the youth " +
          'is taken in from intake; not asked on a move to another group',
      ),
    entryOverrideReason: z
      .string()
      .trim()
      .min(1, 'not_blank')
      .max(1000)
      .optional()
      .describe('Required when canTakePart15HoursAWeek is false: why the youth is taken in all the same'),
    overrideCapacity: z
      .boolean()
      .default(false)
      .describe('A leader may place a youth in a full group (up to 12 members)'),
  }),
  PLACEMENT_STARTED: eventPayloadSchemas.PLACEMENT_STARTED.omit({ placementId: true }).extend({
    plannedEnd: z.iso.date().optional(),
    contactId: z.uuid().optional().describe('The contact person at the company'),
    chosenByYouth: z
      .boolean()
      .default(true)
      .describe(
        'The youth chose the company themself (magtskifte: the youth chooses, Rockwool Fonden: Ny virksomhedsrettet ungeindsats (2019))',
      ),
  }),
  EXITED: eventPayloadSchemas.EXITED.extend({
    stayInGroup: z.boolean().default(false).describe('The youth stays in the network group as an alumni member'),
  }),
} satisfies Record<JourneyEventType, z.ZodObject>;

const envelope = {
  expectedVersion: z.number().int().min(1).describe('The journey version the event was decided on'),
  occurredAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('When it happened; defaults to now. Not in the future, not before first contact.'),
};

function commandOf<T extends JourneyEventType, S extends z.core.$ZodShape>(type: T, payload: z.ZodObject<S>) {
  return z.strictObject({ type: z.literal(type), ...envelope, ...payload.shape });
}

const c = commandPayloadSchemas;
export const journeyCommandBody = z.discriminatedUnion('type', [
  commandOf('FIRST_CONVERSATION_HELD', c.FIRST_CONVERSATION_HELD),
  commandOf('VISITATION_DECIDED', c.VISITATION_DECIDED).superRefine(considerableAmongChosen),
  commandOf('GROUP_ASSIGNED', c.GROUP_ASSIGNED),
  commandOf('PLACEMENT_STARTED', c.PLACEMENT_STARTED),
  commandOf('PLACEMENT_ENDED', c.PLACEMENT_ENDED),
  commandOf('PAUSED', c.PAUSED),
  commandOf('RESUMED', c.RESUMED),
  commandOf('EXITED', c.EXITED),
  commandOf('FOLLOW_UP_RECORDED', c.FOLLOW_UP_RECORDED),
  commandOf('WITHDRAWN', c.WITHDRAWN),
]);

export type JourneyCommand = z.infer<typeof journeyCommandBody>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A command without its expected version: several can be recorded against one version at once. */
export type JourneyCommandInput = DistributiveOmit<JourneyCommand, 'expectedVersion'>;
export type JourneyCommandOf<T extends JourneyEventType> = Extract<JourneyCommandInput, { type: T }>;

/** JSON schema of each event's payload, for forms built from what the state accepts. */
export const commandJsonSchemas = Object.fromEntries(
  eventTypes.map((type) => [
    type,
    z.toJSONSchema(commandPayloadSchemas[type], { io: 'input' }) as Record<string, unknown>,
  ]),
) as Record<JourneyEventType, Record<string, unknown>>;

const text = z.object({ da: z.string(), en: z.string() });

export const journeySummarySchema = z
  .object({
    id: z.uuid(),
    youthId: z.uuid(),
    stage: z.enum(stages),
    open: z.boolean(),
    returning: z.boolean(),
    referral: z.object({
      source: z.enum(referralSources),
      reason: z.string(),
      firstContactAt: z.iso.datetime(),
    }),
    caseworkerId: z.uuid(),
    lastActivityAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'JourneySummary' });

export const decisionSchema = z
  .object({
    ruleSet: z.string(),
    ruleSetVersion: z.string(),
    eventSeq: z.number().int(),
    outcome: z.string(),
    explanation: text,
    recommendation: text.extend({ code: z.string() }).optional(),
    reasons: z.array(text.extend({ code: z.string() })).optional(),
    facts: z.record(z.string(), z.unknown()),
    conditions: z.array(z.record(z.string(), z.unknown())),
    decidedAt: z.iso.datetime(),
  })
  .meta({ id: 'RuleDecision' });

export const journeyDetailSchema = journeySummarySchema
  .extend({
    youth: z.object({
      id: z.uuid(),
      name: z.string(),
      cpr: z.string(),
      birthDate: z.iso.date(),
      age: z.number().int(),
    }),
    machineVersion: z.number().int(),
    placement: z.enum(['exploring', 'placed', 'between']).nullable(),
    context: z.record(z.string(), z.unknown()),
    acceptedEvents: z.array(z.object({ type: z.enum(eventTypes), schema: z.record(z.string(), z.unknown()) })),
    events: z.array(
      z.object({
        seq: z.number().int(),
        type: z.enum(eventTypes),
        payload: z.record(z.string(), z.unknown()),
        occurredAt: z.iso.datetime(),
        recordedAt: z.iso.datetime(),
        actorId: z.uuid(),
      }),
    ),
    olderEventsBefore: z
      .number()
      .int()
      .nullable()
      .describe('`events` is a page of the history: older events are there with `eventsBefore` set to this'),
    decisions: z.array(decisionSchema),
    alerts: z.array(alertSchema),
  })
  .meta({ id: 'Journey' });

export const journeyHistoryQuery = z.object({
  eventsPageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(100)
    .describe('How many events of the history to send: the newest, or the newest before `eventsBefore`'),
  eventsBefore: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe("Only events before this `seq`: the next page back is the answer's `olderEventsBefore`"),
});

/** What an event changed, in the answer to it: the alerts the risk rules opened or resolved with it. */
export const alertChangesSchema = z.object({
  opened: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      severity: z.enum(severities),
      forLeader: z.boolean(),
      message: text,
    }),
  ),
  resolved: z.array(z.object({ id: z.uuid(), code: z.string() })),
});

export const journeyEventAnswerSchema = journeySummarySchema
  .extend({
    machineVersion: z.number().int(),
    placement: z.enum(['exploring', 'placed', 'between']).nullable(),
    context: z.record(z.string(), z.unknown()),
    acceptedEvents: z.array(z.enum(eventTypes)).describe('The events the new stage takes (their schemas: the GET)'),
    alerts: alertChangesSchema,
  })
  .meta({ id: 'JourneyEventAnswer' });

export const journeyListQuery = z.object({
  caseworkerId: z.uuid().optional(),
  stage: z.enum(stages).optional(),
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  groupId: z.uuid().optional(),
  from: z.iso.date().optional().describe('First contact on or after this day'),
  to: z.iso.date().optional().describe('First contact before this day'),
  withOpenAlerts: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only journeys with an alert nobody has acted on yet'),
  sort: z
    .enum(journeyOrderColumns)
    .default('name')
    .describe(
      "The column to sort by: the youth's name, stage, caseworker, last activity, unresolved alerts or next deadline",
    ),
  dir: z.enum(['asc', 'desc']).default('asc'),
  ...pageQuery,
});

export const deadlineSchema = z
  .object({
    kind: z.enum(deadlineKinds),
    due: z.iso.date(),
    month: z.literal(followUpMonths).nullable().describe('For a follow-up: 3, 6 or 12 months after exit'),
  })
  .meta({ id: 'Deadline' });

export const journeyListItemSchema = z
  .object({
    id: z.uuid(),
    youth: z.object({ id: z.uuid(), name: z.string(), age: z.number().int() }),
    stage: z.enum(stages),
    open: z.boolean(),
    returning: z.boolean(),
    caseworker: z.object({ id: z.uuid(), name: z.string() }),
    firstContactAt: z.iso.datetime(),
    lastActivityAt: z.iso.datetime().nullable(),
    daysSinceLastActivity: z.number().int().nullable(),
    nextDeadline: deadlineSchema
      .nullable()
      .describe(
        'The next dated step: the first conversation (referred), the return from a pause (paused), ' +
          "the next 3/6/12-month follow-up (after exit), or the plan's review day, whichever comes first",
      ),
    version: z.number().int(),
  })
  .meta({ id: 'JourneyListItem' });

export const eligibilityEvaluateBody = z
  .strictObject({
    age: z.number().int().min(0).max(130),
    category: z.enum(categories),
    barriers: barrierList,
    considerableBarriers,
    returning: z.boolean().default(false),
    inEducationOrJob: z.boolean().default(false),
    onBenefit: z.boolean().default(true),
    on: z.iso.date().optional().describe('The decision date; today by default'),
  })
  .superRefine(considerableAmongChosen);

export const eligibilityEvaluateResponse = z.object({
  eligible: z.boolean(),
  code: z.string(),
  explanation: text,
  recommendation: text.extend({ code: z.string() }).optional(),
  ruleSetVersion: z.string(),
  facts: z.record(z.string(), z.unknown()),
  conditions: z.array(z.record(z.string(), z.unknown())),
});

export const visitationSuggestBody = z
  .strictObject({
    profile: z.enum(profiles),
    barriers: barrierList,
    considerableBarriers,
    answers: questionnaireAnswers,
    waitingForApprenticeship: z.boolean().default(false),
    returning: z.boolean().default(false).describe('Has been on public benefit before (returning)'),
    supportOverAYearReason,
    on: z.iso.date().optional(),
  })
  .superRefine(considerableAmongChosen);

export const visitationSuggestResponse = z.object({
  category: z.enum(categories),
  reasons: z.array(text.extend({ code: z.string(), category: z.enum(categories) })),
  ruleSetVersion: z.string(),
  facts: z.record(z.string(), z.unknown()),
  conditions: z.array(z.record(z.string(), z.unknown())),
});
