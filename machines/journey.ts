/**
 * The journey statechart: one pass of a youth through the programme (docs/domain.md, "The journey").
 *
 * The machine is pure. Guards read only the snapshot's context and the event; anything that needs
 * the database or the rules engine (eligibility, the suggested category, randomisation) is
 * computed by the service before the event is sent and travels on the event. Transitions are
 * computed with xstate's pure `transition()`; no actor runs on the server.
 *
 * To change the journey, edit this file, bump JOURNEY_MACHINE_VERSION when states change, and
 * run `npm run machines:diagram` (see machines/README.md).
 */
import { and, assertEvent, assign, createActor, initialTransition, setup, transition } from 'xstate';
import type { Snapshot, SnapshotFrom } from 'xstate';
import {
  barriers as barrierOrder,
  entryConditionIsMetOrOverridden,
  eventTypes,
  followUpMonths,
  overrideIsJustified,
} from './events.ts';
import type {
  Barrier,
  Category,
  ExitOutcome,
  FollowUpMonth,
  FollowUpStatus,
  JourneyEvent,
  JourneyEventOf,
  JourneyEventType,
  PauseReason,
  PlacementKind,
  RandomisationArm,
} from './events.ts';

export type { JourneyEvent, JourneyEventType } from './events.ts';

/**
 * Stored with every persisted snapshot. A snapshot written by another version must be migrated
 * before it is restored: bump this whenever states, their names or the context's shape change.
 */
export const JOURNEY_MACHINE_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export interface JourneyInput {
  journeyId: string;
  youthId: string;
  /** A youth who has been through benefits or the programme before (docs/domain.md, glossary). */
  returning: boolean;
  /** Starts the 7-day clock for the first conversation (LAB § 31 stk. 5). */
  firstContactAt: string;
}

export interface Eligibility {
  eligible: boolean;
  code: string;
  recommendation?: string;
}

export interface Randomisation {
  arm: RandomisationArm;
  seed: string;
}

export interface CurrentPlacement {
  placementId: string;
  companyId: string;
  kind: PlacementKind;
  hoursPerWeek: number;
  startedAt: string;
}

export interface PlacementRecord {
  placementId: string;
  companyId: string;
  kind: PlacementKind;
  startedAt: string;
  endedAt: string | null;
}

export interface Pause {
  reason: PauseReason;
  /** 'YYYY-MM-DD' */
  expectedReturn: string;
  since: string;
}

export interface Exit {
  outcome: ExitOutcome;
  otherSupportType?: string;
  exitedAt: string;
}

export interface FollowUp {
  month: FollowUpMonth;
  status: FollowUpStatus;
  recordedAt: string;
}

export type ClosedReason = 'completed' | 'withdrawn' | 'back_on_benefit';

export interface JourneyContext {
  journeyId: string;
  youthId: string;
  returning: boolean;
  firstContactAt: string;
  firstConversationAt: string | null;
  /** The caseworker's decision; `suggestedCategory` is what the rules proposed. */
  category: Category | null;
  suggestedCategory: Category | null;
  barriers: Barrier[];
  eligibility: Eligibility | null;
  randomisation: Randomisation | null;
  groupId: string | null;
  currentPlacement: CurrentPlacement | null;
  /** Every placement of this journey, the current one included, oldest first. */
  placements: PlacementRecord[];
  pause: Pause | null;
  exit: Exit | null;
  followUps: FollowUp[];
  closedReason: ClosedReason | null;
  /** The latest `occurredAt` of any accepted event; the inactivity rules read it. */
  lastEventAt: string | null;
}

/** The stage a journey is in: the top-level state, stored denormalised (docs/domain.md, "The data"). */
export const stages = [
  'referred',
  'visitation',
  'intake',
  'control',
  'redirected',
  'active',
  'paused',
  'followUp',
  'closed',
] as const;
export type Stage = (typeof stages)[number];

export const placementStates = ['exploring', 'placed', 'between'] as const;
export type PlacementState = (typeof placementStates)[number];

// ---------------------------------------------------------------------------------------------
// Helpers used by actions (pure)
// ---------------------------------------------------------------------------------------------

/** Caseworkers record things late (docs/domain.md, "The journey"), so events do not arrive in time order. */
function later(current: string | null, candidate: string): string {
  if (current === null) return candidate;
  return Date.parse(candidate) > Date.parse(current) ? candidate : current;
}

function endPlacement(placements: PlacementRecord[], placementId: string, endedAt: string): PlacementRecord[] {
  return placements.map((p) => (p.placementId === placementId && p.endedAt === null ? { ...p, endedAt } : p));
}

// ---------------------------------------------------------------------------------------------
// The machine
// ---------------------------------------------------------------------------------------------

export const journeyMachine = setup({
  types: {
    context: {} as JourneyContext,
    events: {} as JourneyEvent,
    input: {} as JourneyInput,
  },
  guards: {
    /** An override of the suggested category needs a reason (docs/domain.md, "The rules"). */
    overrideIsJustified: ({ event }) => {
      assertEvent(event, 'VISITATION_DECIDED');
      return overrideIsJustified(event);
    },
    /** The NExTWORK target group, as decided by the eligibility rules (Rockwool Fonden: Hvad er NExTWORK? and Ny virksomhedsrettet ungeindsats (2019)). */
    isEligible: ({ event }) => {
      assertEvent(event, 'VISITATION_DECIDED');
      return event.eligibility.eligible;
    },
    /** Drawn to the control group of the evaluation (Rockwool Fonden: the NExTWORK evaluation summary (2025)). */
    isRandomisedToControl: ({ event }) => {
      assertEvent(event, 'VISITATION_DECIDED');
      return event.randomisation?.arm === 'control';
    },
    /** NExTWORK's entry condition of 15 hours a week, or the caseworker's reason to take the youth in anyway. */
    entryConditionIsMetOrOverridden: ({ event }) => {
      assertEvent(event, 'GROUP_ASSIGNED');
      return entryConditionIsMetOrOverridden(event);
    },
    /** Moving a youth to the group they are already in would record nothing. */
    isAnotherGroup: ({ context, event }) => {
      assertEvent(event, 'GROUP_ASSIGNED');
      return event.groupId !== context.groupId;
    },
    /** The placement history is keyed by placement id: an id cannot start twice. */
    isNewPlacement: ({ context, event }) => {
      assertEvent(event, 'PLACEMENT_STARTED');
      return !context.placements.some((p) => p.placementId === event.placementId);
    },
    /** Only the placement the youth is in can end. */
    isCurrentPlacement: ({ context, event }) => {
      assertEvent(event, 'PLACEMENT_ENDED');
      return context.currentPlacement?.placementId === event.placementId;
    },
    /** Each of the 3, 6 and 12-month follow-ups is recorded once. */
    isMonthNotYetRecorded: ({ context, event }) => {
      assertEvent(event, 'FOLLOW_UP_RECORDED');
      return !context.followUps.some((f) => f.month === event.month);
    },
    /**
     * The last follow-up closes the journey, and so does a relapse: back on benefit opens a new
     * journey as returning (docs/domain.md, glossary, "tilbagefald").
     */
    endsFollowUp: ({ event }) => {
      assertEvent(event, 'FOLLOW_UP_RECORDED');
      return event.month === 12 || event.status === 'back_on_benefit';
    },
  },
  actions: {
    recordEventTime: assign({
      lastEventAt: ({ context, event }) => later(context.lastEventAt, event.occurredAt),
    }),
    recordFirstConversation: assign({
      firstConversationAt: ({ event }) => {
        assertEvent(event, 'FIRST_CONVERSATION_HELD');
        return event.occurredAt;
      },
    }),
    recordVisitation: assign(({ event }) => {
      assertEvent(event, 'VISITATION_DECIDED');
      const eligibility: Eligibility = {
        eligible: event.eligibility.eligible,
        code: event.eligibility.code,
      };
      if (event.eligibility.recommendation !== undefined) {
        eligibility.recommendation = event.eligibility.recommendation;
      }
      return {
        category: event.category,
        suggestedCategory: event.suggestedCategory,
        // Stored once each, in the glossary's order, so equal decisions compare equal.
        barriers: barrierOrder.filter((b) => event.barriers.includes(b)),
        eligibility,
        randomisation: event.randomisation ? { arm: event.randomisation.arm, seed: event.randomisation.seed } : null,
      };
    }),
    assignGroup: assign({
      groupId: ({ event }) => {
        assertEvent(event, 'GROUP_ASSIGNED');
        return event.groupId;
      },
    }),
    startPlacement: assign(({ context, event }) => {
      assertEvent(event, 'PLACEMENT_STARTED');
      const { placementId, companyId, kind, hoursPerWeek, occurredAt } = event;
      return {
        currentPlacement: { placementId, companyId, kind, hoursPerWeek, startedAt: occurredAt },
        placements: [...context.placements, { placementId, companyId, kind, startedAt: occurredAt, endedAt: null }],
      };
    }),
    endPlacement: assign(({ context, event }) => {
      assertEvent(event, 'PLACEMENT_ENDED');
      return {
        currentPlacement: null,
        placements: endPlacement(context.placements, event.placementId, event.occurredAt),
      };
    }),
    recordPause: assign({
      pause: ({ event }) => {
        assertEvent(event, 'PAUSED');
        return { reason: event.reason, expectedReturn: event.expectedReturn, since: event.occurredAt };
      },
    }),
    clearPause: assign({ pause: null }),
    /** An exit ends any open placement and any pause (docs/domain.md, "The journey"). */
    recordExit: assign(({ context, event }) => {
      assertEvent(event, 'EXITED');
      const exit: Exit = { outcome: event.outcome, exitedAt: event.occurredAt };
      if (event.otherSupportType !== undefined) exit.otherSupportType = event.otherSupportType;
      return {
        exit,
        pause: null,
        currentPlacement: null,
        placements: context.currentPlacement
          ? endPlacement(context.placements, context.currentPlacement.placementId, event.occurredAt)
          : context.placements,
      };
    }),
    recordFollowUp: assign({
      followUps: ({ context, event }) => {
        assertEvent(event, 'FOLLOW_UP_RECORDED');
        return [...context.followUps, { month: event.month, status: event.status, recordedAt: event.occurredAt }];
      },
    }),
    closeAfterFollowUp: assign({
      closedReason: ({ event }) => {
        assertEvent(event, 'FOLLOW_UP_RECORDED');
        return event.status === 'back_on_benefit' ? 'back_on_benefit' : 'completed';
      },
    }),
    closeAsWithdrawn: assign({ closedReason: 'withdrawn' }),
  },
}).createMachine({
  id: 'journey',
  context: ({ input }) => ({
    journeyId: input.journeyId,
    youthId: input.youthId,
    returning: input.returning,
    firstContactAt: input.firstContactAt,
    firstConversationAt: null,
    category: null,
    suggestedCategory: null,
    barriers: [],
    eligibility: null,
    randomisation: null,
    groupId: null,
    currentPlacement: null,
    placements: [],
    pause: null,
    exit: null,
    followUps: [],
    closedReason: null,
    lastEventAt: null,
  }),
  initial: 'referred',
  states: {
    referred: {
      description: 'Referred; the first conversation is due within 7 days (LAB § 31 stk. 5).',
      on: {
        FIRST_CONVERSATION_HELD: {
          target: 'visitation',
          actions: ['recordFirstConversation', 'recordEventTime'],
        },
        WITHDRAWN: { target: 'closed', actions: ['closeAsWithdrawn', 'recordEventTime'] },
      },
    },
    visitation: {
      description:
        'Deciding category, barriers and eligibility (STAR: Den gode ungeindsats i jobcentrene (2017), s. 7-11).',
      on: {
        // Tried in order: the first branch whose guard passes is taken. An unjustified
        // override passes none, so the decision is refused.
        VISITATION_DECIDED: [
          {
            guard: and(['overrideIsJustified', 'isEligible', 'isRandomisedToControl']),
            target: 'control',
            actions: ['recordVisitation', 'recordEventTime'],
          },
          {
            guard: and(['overrideIsJustified', 'isEligible']),
            target: 'intake',
            actions: ['recordVisitation', 'recordEventTime'],
          },
          {
            guard: 'overrideIsJustified',
            target: 'redirected',
            actions: ['recordVisitation', 'recordEventTime'],
          },
        ],
        WITHDRAWN: { target: 'closed', actions: ['closeAsWithdrawn', 'recordEventTime'] },
      },
    },
    intake: {
      description: 'Eligible; waiting for a place in a network group.',
      on: {
        GROUP_ASSIGNED: {
          guard: 'entryConditionIsMetOrOverridden',
          target: 'active',
          actions: ['assignGroup', 'recordEventTime'],
        },
        WITHDRAWN: { target: 'closed', actions: ['closeAsWithdrawn', 'recordEventTime'] },
      },
    },
    control: {
      type: 'final',
      description:
        'Drawn to the evaluation control group: outside the programme (Rockwool Fonden: the NExTWORK evaluation summary (2025)).',
    },
    redirected: {
      type: 'final',
      description: 'Outside the target group; the rules recommendation is in context.eligibility.',
    },
    active: {
      type: 'parallel',
      description: 'In a network group and, in parallel, exploring, in or between placements.',
      states: {
        network: {
          initial: 'member',
          states: {
            member: {
              // Attendance is recorded as activity, not as transitions (docs/domain.md, "The journey").
              on: {
                GROUP_ASSIGNED: {
                  guard: 'isAnotherGroup',
                  actions: ['assignGroup', 'recordEventTime'],
                },
              },
            },
          },
        },
        placement: {
          initial: 'exploring',
          states: {
            exploring: {
              on: {
                PLACEMENT_STARTED: {
                  guard: 'isNewPlacement',
                  target: 'placed',
                  actions: ['startPlacement', 'recordEventTime'],
                },
              },
            },
            // No PLACEMENT_STARTED here: the youth may switch company (Rockwool Fonden: the NExTWORK evaluation summary (2025)), which the
            // service records as PLACEMENT_ENDED followed by PLACEMENT_STARTED.
            placed: {
              on: {
                PLACEMENT_ENDED: {
                  guard: 'isCurrentPlacement',
                  target: 'between',
                  actions: ['endPlacement', 'recordEventTime'],
                },
              },
            },
            between: {
              on: {
                PLACEMENT_STARTED: {
                  guard: 'isNewPlacement',
                  target: 'placed',
                  actions: ['startPlacement', 'recordEventTime'],
                },
              },
            },
          },
        },
        // RESUMED returns here: the placement waits for the youth during a pause
        // (docs/domain.md, glossary, "pause").
        history: { type: 'history', history: 'deep' },
      },
      on: {
        PAUSED: { target: 'paused', actions: ['recordPause', 'recordEventTime'] },
        EXITED: { target: 'followUp', actions: ['recordExit', 'recordEventTime'] },
        WITHDRAWN: { target: 'closed', actions: ['closeAsWithdrawn', 'recordEventTime'] },
      },
    },
    paused: {
      description: 'Illness, hospital or treatment; the placement waits.',
      on: {
        RESUMED: { target: 'active.history', actions: ['clearPause', 'recordEventTime'] },
        EXITED: { target: 'followUp', actions: ['recordExit', 'recordEventTime'] },
        WITHDRAWN: { target: 'closed', actions: ['closeAsWithdrawn', 'recordEventTime'] },
      },
    },
    followUp: {
      description: 'Exited; status checks at 3, 6 and 12 months (docs/domain.md, glossary).',
      on: {
        FOLLOW_UP_RECORDED: [
          {
            guard: and(['isMonthNotYetRecorded', 'endsFollowUp']),
            target: 'closed',
            actions: ['recordFollowUp', 'closeAfterFollowUp', 'recordEventTime'],
          },
          {
            guard: 'isMonthNotYetRecorded',
            actions: ['recordFollowUp', 'recordEventTime'],
          },
        ],
        WITHDRAWN: { target: 'closed', actions: ['closeAsWithdrawn', 'recordEventTime'] },
      },
    },
    closed: {
      type: 'final',
      description: 'Completed, withdrawn or back on benefit (context.closedReason says which).',
    },
  },
});

export type JourneyMachine = typeof journeyMachine;
export type JourneySnapshot = SnapshotFrom<JourneyMachine>;

// ---------------------------------------------------------------------------------------------
// Reading a snapshot
// ---------------------------------------------------------------------------------------------

function isStage(value: string): value is Stage {
  return (stages as readonly string[]).includes(value);
}

/** The top-level state of a snapshot. */
export function stageOf(snapshot: JourneySnapshot): Stage {
  const value: unknown = snapshot.value;
  const key = typeof value === 'string' ? value : Object.keys(value as object)[0];
  if (key === undefined || !isStage(key)) {
    throw new Error(`Journey snapshot has no known stage: ${JSON.stringify(value)}`);
  }
  return key;
}

/**
 * Whether the journey is still in the programme. `control` and `redirected` are final for the
 * programme; `closed` is the end of every other journey.
 */
export function isOpen(stage: Stage): boolean {
  switch (stage) {
    case 'referred':
    case 'visitation':
    case 'intake':
    case 'active':
    case 'paused':
    case 'followUp':
      return true;
    case 'control':
    case 'redirected':
    case 'closed':
      return false;
    default: {
      const unhandled: never = stage;
      throw new Error(`Unknown stage: ${String(unhandled)}`);
    }
  }
}

const HISTORY_ID = 'journey.active.history';
const PLACEMENT_REGION_ID = 'journey.active.placement';

function asPlacementState(key: string | undefined): PlacementState | null {
  return key !== undefined && (placementStates as readonly string[]).includes(key) ? (key as PlacementState) : null;
}

/**
 * Where the youth is in the placement region. While paused, the state the journey resumes to
 * (the deep history of `active`), because the placement waits for the youth. Null in every other
 * stage.
 */
export function placementStateOf(snapshot: JourneySnapshot): PlacementState | null {
  const stage = stageOf(snapshot);
  if (stage === 'active') {
    const value = snapshot.value as { active?: { placement?: string } };
    return asPlacementState(value.active?.placement);
  }
  if (stage === 'paused') {
    const remembered = snapshot.historyValue[HISTORY_ID] ?? [];
    const node = remembered.find((n) => n.parent?.id === PLACEMENT_REGION_ID);
    return asPlacementState(node?.key);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// What the caseworker may do next
// ---------------------------------------------------------------------------------------------

// Ids used only to ask the machine "would some payload be accepted?". unusedProbeId picks one
// that differs from the ids in context, so an id-comparing guard answers as for a fresh id.
const PROBE_IDS = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'] as const;
const PROBE_ACTOR = '00000000-0000-4000-8000-000000000000';

function unusedProbeId(used: readonly (string | null)[]): string {
  return PROBE_IDS.find((id) => !used.includes(id)) ?? PROBE_IDS[0];
}

/**
 * Representative events of one type for the current context. `snapshot.can()` evaluates guards,
 * and several guards depend on the payload, so the probe must be a payload a caseworker could
 * actually send: the current placement's id for PLACEMENT_ENDED, an id not yet used for
 * PLACEMENT_STARTED and GROUP_ASSIGNED, every follow-up month for FOLLOW_UP_RECORDED, and a
 * visitation decision that agrees with its suggestion. No guard reads `occurredAt` or `actorId`.
 */
function probeEvents(type: JourneyEventType, context: JourneyContext): JourneyEvent[] {
  const envelope = {
    occurredAt: context.lastEventAt ?? context.firstContactAt,
    actorId: PROBE_ACTOR,
  };
  switch (type) {
    case 'FIRST_CONVERSATION_HELD':
    case 'RESUMED':
      return [{ type, ...envelope }];
    case 'VISITATION_DECIDED':
      // Every justified decision leads somewhere (control, intake or redirected), so one
      // representative answers for all of them.
      return [
        {
          type,
          ...envelope,
          category: 'activity_ready',
          suggestedCategory: 'activity_ready',
          barriers: [],
          eligibility: { eligible: true, code: 'probe' },
        },
      ];
    case 'GROUP_ASSIGNED':
      return [{ type, ...envelope, groupId: unusedProbeId([context.groupId]) }];
    case 'PLACEMENT_STARTED':
      return [
        {
          type,
          ...envelope,
          placementId: unusedProbeId(context.placements.map((p) => p.placementId)),
          companyId: PROBE_IDS[0],
          kind: 'internship',
          hoursPerWeek: 15,
        },
      ];
    case 'PLACEMENT_ENDED':
      return [
        {
          type,
          ...envelope,
          placementId: context.currentPlacement?.placementId ?? PROBE_IDS[0],
        },
      ];
    case 'PAUSED':
      return [
        {
          type,
          ...envelope,
          reason: 'illness',
          expectedReturn: envelope.occurredAt.slice(0, 10),
        },
      ];
    case 'EXITED':
      return [{ type, ...envelope, outcome: 'job' }];
    case 'FOLLOW_UP_RECORDED':
      return followUpMonths.map((month) => ({ type, ...envelope, month, status: 'unknown' }));
    case 'WITHDRAWN':
      return [{ type, ...envelope, reason: 'probe' }];
    default: {
      const unhandled: never = type;
      throw new Error(`Unknown event type: ${String(unhandled)}`);
    }
  }
}

/**
 * The event types the current state accepts for some valid payload, in `eventTypes` order. The
 * caseworker's screen offers exactly these, so it never hard-codes what comes next
 * (docs/domain.md, "The journey").
 */
export function acceptedEvents(snapshot: JourneySnapshot): JourneyEventType[] {
  return eventTypes.filter((type) => probeEvents(type, snapshot.context).some((event) => snapshot.can(event)));
}

/** Follow-up months that may still be recorded (for the follow-up form). */
export function openFollowUpMonths(snapshot: JourneySnapshot): FollowUpMonth[] {
  return followUpMonths.filter((month) =>
    snapshot.can({
      type: 'FOLLOW_UP_RECORDED',
      occurredAt: snapshot.context.lastEventAt ?? snapshot.context.firstContactAt,
      actorId: PROBE_ACTOR,
      month,
      status: 'unknown',
    } satisfies JourneyEventOf<'FOLLOW_UP_RECORDED'>),
  );
}

// ---------------------------------------------------------------------------------------------
// Pure transitions and persistence
// ---------------------------------------------------------------------------------------------

/** The snapshot of a new journey, computed without running an actor. */
export function initialSnapshot(input: JourneyInput): JourneySnapshot {
  const [snapshot] = initialTransition(journeyMachine, input);
  return snapshot;
}

export type ApplyResult = { accepted: true; snapshot: JourneySnapshot } | { accepted: false };

/**
 * The journey after `event`. Refused when the current state has no transition for the event or
 * every guard fails: xstate then returns the very same snapshot, which is what is checked here.
 */
export function applyEvent(snapshot: JourneySnapshot, event: JourneyEvent): ApplyResult {
  const [next] = transition(journeyMachine, snapshot, event);
  return next === snapshot ? { accepted: false } : { accepted: true, snapshot: next };
}

/** What is stored for a journey: xstate's persisted snapshot and the machine version it fits. */
export interface PersistedJourney {
  machineVersion: number;
  snapshot: Snapshot<unknown>;
}

/**
 * A JSON-safe copy of the snapshot (xstate's `getPersistedSnapshot`, which also turns history
 * state nodes into ids), stamped with JOURNEY_MACHINE_VERSION. The JSON round trip detaches it
 * from the live snapshot, so later changes to one cannot leak into the other.
 */
export function persist(snapshot: JourneySnapshot): PersistedJourney {
  const persisted = journeyMachine.getPersistedSnapshot(snapshot);
  return {
    machineVersion: JOURNEY_MACHINE_VERSION,
    snapshot: JSON.parse(JSON.stringify(persisted)) as Snapshot<unknown>,
  };
}

export class JourneyMachineVersionError extends Error {
  constructor(readonly found: unknown) {
    super(
      `Persisted journey has machine version ${String(found)}, expected ${JOURNEY_MACHINE_VERSION}; migrate it first`,
    );
    this.name = 'JourneyMachineVersionError';
  }
}

/**
 * The snapshot back from storage, through xstate's documented restore path
 * (`createActor(machine, { snapshot })`, which revives history and state nodes). The actor is
 * never started: nothing runs, the snapshot is only read from it.
 */
export function restore(persisted: PersistedJourney): JourneySnapshot {
  if (persisted.machineVersion !== JOURNEY_MACHINE_VERSION) {
    throw new JourneyMachineVersionError(persisted.machineVersion);
  }
  // `input` only seeds a new journey's context; a restored snapshot brings its own, so xstate
  // ignores it here (the type still asks for the key because the machine requires input).
  return createActor(journeyMachine, {
    snapshot: persisted.snapshot,
    input: undefined,
  }).getSnapshot();
}
