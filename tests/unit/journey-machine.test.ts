import { randomUUID } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { entryConditionIsMetOrOverridden, eventTypes, journeyEventSchema } from '../../machines/events.ts';
import type { JourneyEventOf, JourneyEventType } from '../../machines/events.ts';
import {
  acceptedEvents,
  applyEvent,
  initialSnapshot,
  isOpen,
  JOURNEY_MACHINE_VERSION,
  JourneyMachineVersionError,
  openFollowUpMonths,
  persist,
  placementStateOf,
  restore,
  stageOf,
  stages,
} from '../../machines/journey.ts';
import type { JourneyEvent, JourneyInput, JourneySnapshot, Stage } from '../../machines/journey.ts';

// ---------------------------------------------------------------------------------------------
// Factories
// ---------------------------------------------------------------------------------------------

const caseworker = randomUUID();

/** An instant on day `n` of March 2026, Danish winter time. */
function day(n: number): string {
  return `2026-03-${String(n).padStart(2, '0')}T10:00:00+01:00`;
}

function newInput(overrides: Partial<JourneyInput> = {}): JourneyInput {
  return {
    journeyId: randomUUID(),
    youthId: randomUUID(),
    returning: false,
    firstContactAt: day(1),
    ...overrides,
  };
}

type Payload<T extends JourneyEventType> = Omit<JourneyEventOf<T>, 'type' | 'occurredAt' | 'actorId'> & {
  occurredAt?: string;
};

/**
 * An event as the service would send it: validated by the same schema, so a test never relies
 * on a shape the API would refuse.
 */
function event<T extends JourneyEventType>(type: T, payload: Payload<T>): JourneyEventOf<T> {
  return journeyEventSchema.parse({
    occurredAt: day(2),
    actorId: caseworker,
    ...payload,
    type,
  }) as JourneyEventOf<T>;
}

const ev = {
  firstConversation: (p: Payload<'FIRST_CONVERSATION_HELD'> = {}) => event('FIRST_CONVERSATION_HELD', p),
  visitation: (p: Partial<Payload<'VISITATION_DECIDED'>> = {}) =>
    event('VISITATION_DECIDED', {
      category: 'activity_ready',
      suggestedCategory: 'activity_ready',
      barriers: ['mental_health'],
      eligibility: { eligible: true, code: 'eligible_activity_ready' },
      ...p,
    }),
  group: (groupId: string = randomUUID(), p: Partial<Payload<'GROUP_ASSIGNED'>> = {}) =>
    event('GROUP_ASSIGNED', { groupId, ...p }),
  start: (placementId: string = randomUUID(), p: Partial<Payload<'PLACEMENT_STARTED'>> = {}) =>
    event('PLACEMENT_STARTED', {
      placementId,
      companyId: randomUUID(),
      kind: 'internship',
      hoursPerWeek: 15,
      ...p,
    }),
  end: (placementId: string, p: Partial<Payload<'PLACEMENT_ENDED'>> = {}) =>
    event('PLACEMENT_ENDED', { placementId, ...p }),
  pause: (p: Partial<Payload<'PAUSED'>> = {}) =>
    event('PAUSED', { reason: 'illness', expectedReturn: '2026-04-01', ...p }),
  resume: (p: Payload<'RESUMED'> = {}) => event('RESUMED', p),
  exit: (p: Partial<Payload<'EXITED'>> = {}) => event('EXITED', { outcome: 'job', ...p }),
  followUp: (
    month: JourneyEventOf<'FOLLOW_UP_RECORDED'>['month'],
    status: JourneyEventOf<'FOLLOW_UP_RECORDED'>['status'] = 'in_job',
  ) => event('FOLLOW_UP_RECORDED', { month, status }),
  withdraw: (p: Partial<Payload<'WITHDRAWN'>> = {}) =>
    event('WITHDRAWN', { reason: 'Moved to another municipality', ...p }),
};

/** One valid event of every type, for "refused everywhere" checks. */
function sampleOf(type: JourneyEventType): JourneyEvent {
  switch (type) {
    case 'FIRST_CONVERSATION_HELD':
      return ev.firstConversation();
    case 'VISITATION_DECIDED':
      return ev.visitation();
    case 'GROUP_ASSIGNED':
      return ev.group();
    case 'PLACEMENT_STARTED':
      return ev.start();
    case 'PLACEMENT_ENDED':
      return ev.end(randomUUID());
    case 'PAUSED':
      return ev.pause();
    case 'RESUMED':
      return ev.resume();
    case 'EXITED':
      return ev.exit();
    case 'FOLLOW_UP_RECORDED':
      return ev.followUp(3);
    case 'WITHDRAWN':
      return ev.withdraw();
    default: {
      const unhandled: never = type;
      throw new Error(`no sample for ${String(unhandled)}`);
    }
  }
}

function accept(snapshot: JourneySnapshot, e: JourneyEvent): JourneySnapshot {
  const result = applyEvent(snapshot, e);
  if (!result.accepted) throw new Error(`${e.type} was refused in ${JSON.stringify(snapshot.value)}`);
  return result.snapshot;
}

function run(events: JourneyEvent[], snapshot = initialSnapshot(newInput())): JourneySnapshot {
  return events.reduce(accept, snapshot);
}

// Journeys standing in each stage.
const referred = (): JourneySnapshot => initialSnapshot(newInput());
const inVisitation = (): JourneySnapshot => run([ev.firstConversation()]);
const inIntake = (): JourneySnapshot => run([ev.firstConversation(), ev.visitation()]);
const exploring = (groupId: string = randomUUID()): JourneySnapshot =>
  run([ev.firstConversation(), ev.visitation(), ev.group(groupId)]);
const placed = (placementId: string): JourneySnapshot => run([ev.start(placementId)], exploring());
const between = (): JourneySnapshot => {
  const id = randomUUID();
  return run([ev.end(id)], placed(id));
};
const inFollowUp = (): JourneySnapshot => run([ev.exit()], exploring());

// ---------------------------------------------------------------------------------------------

describe('a new journey', () => {
  it('starts in referred with the input copied into context', () => {
    const input = newInput({ returning: true });
    const s = initialSnapshot(input);
    expect(stageOf(s)).toBe('referred');
    expect(s.context).toMatchObject({ ...input, firstConversationAt: null, lastEventAt: null });
  });

  it('accepts only FIRST_CONVERSATION_HELD and WITHDRAWN', () => {
    expect(acceptedEvents(referred())).toEqual(['FIRST_CONVERSATION_HELD', 'WITHDRAWN']);
  });
});

describe('referred', () => {
  it('moves to visitation on FIRST_CONVERSATION_HELD and records when it happened', () => {
    const s = accept(referred(), ev.firstConversation({ occurredAt: day(3) }));
    expect(stageOf(s)).toBe('visitation');
    expect(s.context.firstConversationAt).toBe(day(3));
  });

  it('refuses GROUP_ASSIGNED', () => {
    expect(applyEvent(referred(), ev.group())).toEqual({ accepted: false });
  });

  it('refuses VISITATION_DECIDED before the first conversation', () => {
    expect(applyEvent(referred(), ev.visitation())).toEqual({ accepted: false });
  });
});

describe('visitation', () => {
  it('moves an eligible youth to intake and records the decision', () => {
    const s = accept(
      inVisitation(),
      ev.visitation({
        category: 'education_ready',
        suggestedCategory: 'education_ready',
        barriers: ['debt'],
        eligibility: { eligible: true, code: 'eligible_with_barrier' },
      }),
    );
    expect(stageOf(s)).toBe('intake');
    expect(s.context).toMatchObject({
      category: 'education_ready',
      suggestedCategory: 'education_ready',
      barriers: ['debt'],
      eligibility: { eligible: true, code: 'eligible_with_barrier' },
      randomisation: null,
    });
  });

  it('moves an eligible youth drawn to treatment to intake', () => {
    const s = accept(inVisitation(), ev.visitation({ randomisation: { arm: 'treatment', seed: 'draw-1' } }));
    expect(stageOf(s)).toBe('intake');
    expect(s.context.randomisation).toEqual({ arm: 'treatment', seed: 'draw-1' });
  });

  it('ends the journey in control for an eligible youth drawn to control', () => {
    const s = accept(inVisitation(), ev.visitation({ randomisation: { arm: 'control', seed: 's' } }));
    expect(stageOf(s)).toBe('control');
    expect(s.status).toBe('done');
  });

  it('ends the journey in redirected, keeping the recommendation, for an ineligible youth', () => {
    const s = accept(
      inVisitation(),
      ev.visitation({
        category: 'obviously_education_ready',
        suggestedCategory: 'obviously_education_ready',
        barriers: [],
        eligibility: {
          eligible: false,
          code: 'obviously_education_ready',
          recommendation: 'Ordinary education and immediate activation',
        },
      }),
    );
    expect(stageOf(s)).toBe('redirected');
    expect(s.status).toBe('done');
    expect(s.context.eligibility?.recommendation).toBe('Ordinary education and immediate activation');
  });

  it('redirects an ineligible youth even when a control draw is attached', () => {
    const s = accept(
      inVisitation(),
      ev.visitation({
        eligibility: { eligible: false, code: 'not_in_target_group' },
        randomisation: { arm: 'control', seed: 's' },
      }),
    );
    expect(stageOf(s)).toBe('redirected');
  });

  it('refuses an override of the suggested category without a reason', () => {
    // Built by hand: the schema would already refuse it, the machine must refuse it too.
    const unjustified: JourneyEvent = {
      type: 'VISITATION_DECIDED',
      occurredAt: day(2),
      actorId: caseworker,
      category: 'activity_ready',
      suggestedCategory: 'education_ready',
      barriers: [],
      eligibility: { eligible: true, code: 'eligible_activity_ready' },
    };
    expect(journeyEventSchema.safeParse(unjustified).success).toBe(false);
    expect(applyEvent(inVisitation(), unjustified)).toEqual({ accepted: false });
  });

  it('accepts an override of the suggested category that gives a reason', () => {
    const s = accept(
      inVisitation(),
      ev.visitation({
        category: 'activity_ready',
        suggestedCategory: 'education_ready',
        overrideReason: 'Untreated anxiety; not ready for education within a year',
      }),
    );
    expect(s.context).toMatchObject({
      category: 'activity_ready',
      suggestedCategory: 'education_ready',
    });
  });

  it('stores each barrier once, in the glossary order', () => {
    const s = accept(inVisitation(), ev.visitation({ barriers: ['no_network', 'debt', 'academic', 'debt'] }));
    expect(s.context.barriers).toEqual(['academic', 'debt', 'no_network']);
  });
});

describe('intake', () => {
  it('moves to active, exploring, on GROUP_ASSIGNED and records the group', () => {
    const groupId = randomUUID();
    const s = accept(inIntake(), ev.group(groupId));
    expect(s.value).toEqual({ active: { network: 'member', placement: 'exploring' } });
    expect(s.context.groupId).toBe(groupId);
  });

  it('refuses PLACEMENT_STARTED before a group is assigned', () => {
    expect(applyEvent(inIntake(), ev.start())).toEqual({ accepted: false });
  });

  // NExTWORK's entry condition, "i udgangspunktet kan deltage minimum 15 timer per uge" (seed 002; seed 004 p. 24).
  it.each([
    ['can take part 15 hours a week', { canTakePart15HoursAWeek: true }, true],
    ['cannot, with a reason', { canTakePart15HoursAWeek: false, entryOverrideReason: 'Starter med få timer' }, true],
    ['cannot, without a reason', { canTakePart15HoursAWeek: false }, false],
    // Events recorded before the question was asked carry no answer, and must still replay.
    ['no answer, as an event recorded before the question', {}, true],
  ])('takes the youth in from intake when %s: %s', (_name, answer, accepted) => {
    expect(applyEvent(inIntake(), ev.group(randomUUID(), answer)).accepted).toBe(accepted);
  });

  it('counts a blank reason as no reason, should an event get past the schema', () => {
    expect(entryConditionIsMetOrOverridden({ canTakePart15HoursAWeek: false, entryOverrideReason: '  ' })).toBe(false);
  });
});

describe('active: network group', () => {
  it('moves the youth to another group without touching the placement state', () => {
    const placementId = randomUUID();
    const other = randomUUID();
    const s = accept(placed(placementId), ev.group(other));
    expect(s.context.groupId).toBe(other);
    expect(placementStateOf(s)).toBe('placed');
  });

  it('asks no entry condition on a move to another group', () => {
    expect(applyEvent(exploring(), ev.group(randomUUID(), { canTakePart15HoursAWeek: false })).accepted).toBe(true);
  });

  it('refuses GROUP_ASSIGNED to the group the youth is already in', () => {
    const groupId = randomUUID();
    expect(applyEvent(exploring(groupId), ev.group(groupId))).toEqual({ accepted: false });
  });
});

describe('active: placements', () => {
  it('moves exploring to placed on PLACEMENT_STARTED and records the placement', () => {
    const placementId = randomUUID();
    const companyId = randomUUID();
    const s = accept(
      exploring(),
      ev.start(placementId, { companyId, kind: 'paid_hours', hoursPerWeek: 12.5, occurredAt: day(5) }),
    );
    expect(placementStateOf(s)).toBe('placed');
    expect(s.context.currentPlacement).toEqual({
      placementId,
      companyId,
      kind: 'paid_hours',
      hoursPerWeek: 12.5,
      startedAt: day(5),
    });
    expect(s.context.placements).toEqual([
      { placementId, companyId, kind: 'paid_hours', startedAt: day(5), endedAt: null },
    ]);
  });

  it('refuses PLACEMENT_STARTED while already placed', () => {
    expect(applyEvent(placed(randomUUID()), ev.start())).toEqual({ accepted: false });
  });

  it('refuses PLACEMENT_ENDED with another placement id', () => {
    expect(applyEvent(placed(randomUUID()), ev.end(randomUUID()))).toEqual({ accepted: false });
  });

  it('refuses PLACEMENT_ENDED when not placed', () => {
    expect(applyEvent(exploring(), ev.end(randomUUID()))).toEqual({ accepted: false });
  });

  it('moves placed to between on PLACEMENT_ENDED and dates the end in the history', () => {
    const placementId = randomUUID();
    const s = accept(placed(placementId), ev.end(placementId, { occurredAt: day(9) }));
    expect(placementStateOf(s)).toBe('between');
    expect(s.context.currentPlacement).toBeNull();
    expect(s.context.placements).toEqual([expect.objectContaining({ placementId, endedAt: day(9) })]);
  });

  it('switches company as PLACEMENT_ENDED then PLACEMENT_STARTED, keeping both in the history', () => {
    const first = randomUUID();
    const second = randomUUID();
    const s = run([ev.end(first), ev.start(second)], placed(first));
    expect(placementStateOf(s)).toBe('placed');
    expect(s.context.currentPlacement?.placementId).toBe(second);
    expect(s.context.placements.map((p) => [p.placementId, p.endedAt === null])).toEqual([
      [first, false],
      [second, true],
    ]);
  });

  it('refuses PLACEMENT_STARTED with the id of a placement already in the history', () => {
    const id = randomUUID();
    const s = run([ev.end(id)], placed(id));
    expect(applyEvent(s, ev.start(id))).toEqual({ accepted: false });
  });

  it('refuses FOLLOW_UP_RECORDED before exit', () => {
    expect(applyEvent(exploring(), ev.followUp(3))).toEqual({ accepted: false });
  });
});

describe('pause', () => {
  it('moves active to paused on PAUSED and records reason, expected return and start', () => {
    const s = accept(exploring(), ev.pause({ reason: 'hospital', occurredAt: day(6) }));
    expect(stageOf(s)).toBe('paused');
    expect(s.context.pause).toEqual({ reason: 'hospital', expectedReturn: '2026-04-01', since: day(6) });
  });

  it('returns to placed on RESUMED, with the same placement', () => {
    const placementId = randomUUID();
    const before = placed(placementId);
    const s = run([ev.pause(), ev.resume()], before);
    expect(placementStateOf(s)).toBe('placed');
    expect(s.context.currentPlacement).toEqual(before.context.currentPlacement);
    expect(s.context.placements).toEqual(before.context.placements);
    expect(s.context.pause).toBeNull();
  });

  it('returns to between on RESUMED when paused between placements', () => {
    expect(placementStateOf(run([ev.pause(), ev.resume()], between()))).toBe('between');
  });

  it('returns to exploring on RESUMED when paused before any placement', () => {
    expect(placementStateOf(run([ev.pause(), ev.resume()], exploring()))).toBe('exploring');
  });

  it('reports the placement state that waits while paused', () => {
    expect(placementStateOf(run([ev.pause()], placed(randomUUID())))).toBe('placed');
  });

  it('refuses PLACEMENT_STARTED and PAUSED while paused', () => {
    const s = run([ev.pause()], between());
    expect(applyEvent(s, ev.start())).toEqual({ accepted: false });
    expect(applyEvent(s, ev.pause())).toEqual({ accepted: false });
  });

  it('refuses RESUMED when not paused', () => {
    expect(applyEvent(exploring(), ev.resume())).toEqual({ accepted: false });
  });
});

describe('exit', () => {
  it('moves active to followUp on EXITED and records outcome and date', () => {
    const s = accept(
      exploring(),
      ev.exit({ outcome: 'other_support', otherSupportType: 'psychiatry', occurredAt: day(20) }),
    );
    expect(stageOf(s)).toBe('followUp');
    expect(s.context.exit).toEqual({
      outcome: 'other_support',
      otherSupportType: 'psychiatry',
      exitedAt: day(20),
    });
  });

  it('ends an open placement on the exit date', () => {
    const placementId = randomUUID();
    const s = accept(placed(placementId), ev.exit({ occurredAt: day(20) }));
    expect(s.context.currentPlacement).toBeNull();
    expect(s.context.placements).toEqual([expect.objectContaining({ placementId, endedAt: day(20) })]);
  });

  it('moves paused to followUp on EXITED and clears the pause', () => {
    const s = run([ev.pause(), ev.exit({ outcome: 'moved' })], exploring());
    expect(stageOf(s)).toBe('followUp');
    expect(s.context.pause).toBeNull();
    expect(s.context.exit?.outcome).toBe('moved');
  });
});

describe('follow-up', () => {
  it('records the 3-month follow-up and stays in followUp', () => {
    const s = accept(inFollowUp(), ev.followUp(3, 'in_education'));
    expect(stageOf(s)).toBe('followUp');
    expect(s.context.followUps).toEqual([{ month: 3, status: 'in_education', recordedAt: day(2) }]);
  });

  it('refuses a month that is already recorded', () => {
    const s = run([ev.followUp(3)], inFollowUp());
    expect(applyEvent(s, ev.followUp(3, 'unknown'))).toEqual({ accepted: false });
  });

  it('closes the journey as completed after the 12-month follow-up', () => {
    const s = run([ev.followUp(3), ev.followUp(6), ev.followUp(12)], inFollowUp());
    expect(stageOf(s)).toBe('closed');
    expect(s.context.closedReason).toBe('completed');
    expect(s.context.followUps.map((f) => f.month)).toEqual([3, 6, 12]);
  });

  it('closes the journey as back_on_benefit when a follow-up finds the youth back on benefit', () => {
    const s = accept(inFollowUp(), ev.followUp(3, 'back_on_benefit'));
    expect(stageOf(s)).toBe('closed');
    expect(s.context.closedReason).toBe('back_on_benefit');
  });

  it('offers only the months not yet recorded', () => {
    expect(openFollowUpMonths(run([ev.followUp(3)], inFollowUp()))).toEqual([6, 12]);
  });
});

describe('withdrawal', () => {
  const openJourneys: [Stage, () => JourneySnapshot][] = [
    ['referred', referred],
    ['visitation', inVisitation],
    ['intake', inIntake],
    ['active', exploring],
    ['paused', () => run([ev.pause()], exploring())],
    ['followUp', inFollowUp],
  ];

  it.each(openJourneys)('closes a journey in %s as withdrawn', (stage, journey) => {
    const before = journey();
    expect(stageOf(before)).toBe(stage);
    const s = accept(before, ev.withdraw());
    expect(stageOf(s)).toBe('closed');
    expect(s.context.closedReason).toBe('withdrawn');
  });
});

describe('final stages', () => {
  const ended: [Stage, () => JourneySnapshot][] = [
    ['closed', () => run([ev.withdraw()], exploring())],
    ['control', () => run([ev.visitation({ randomisation: { arm: 'control', seed: 's' } })], inVisitation())],
    ['redirected', () => run([ev.visitation({ eligibility: { eligible: false, code: 'x' } })], inVisitation())],
  ];

  for (const [stage, journey] of ended) {
    it.each(eventTypes)(`refuses %s in ${stage}`, (type) => {
      expect(applyEvent(journey(), sampleOf(type))).toEqual({ accepted: false });
    });
  }
});

describe('lastEventAt', () => {
  it('keeps the latest occurredAt when an earlier event is recorded later', () => {
    const s = run([ev.firstConversation({ occurredAt: day(10) }), ev.visitation({ occurredAt: day(8) })]);
    expect(s.context.lastEventAt).toBe(day(10));
  });

  it('moves to the occurredAt of every accepted event in a whole journey', () => {
    const first = randomUUID();
    const journey: JourneyEvent[] = [
      ev.firstConversation(),
      ev.visitation(),
      ev.group(),
      ev.group(),
      ev.start(first),
      ev.pause(),
      ev.resume(),
      ev.end(first),
      ev.start(),
      ev.exit(),
      ev.followUp(3),
      ev.followUp(6),
      ev.withdraw(),
    ].map((e, i) => ({ ...e, occurredAt: day(i + 2) }));
    let s = referred();
    for (const e of journey) {
      s = accept(s, e);
      expect(s.context.lastEventAt, e.type).toBe(e.occurredAt);
    }
  });
});

describe('acceptedEvents', () => {
  const expected: [string, () => JourneySnapshot, JourneyEventType[]][] = [
    ['referred', referred, ['FIRST_CONVERSATION_HELD', 'WITHDRAWN']],
    ['visitation', inVisitation, ['VISITATION_DECIDED', 'WITHDRAWN']],
    ['intake', inIntake, ['GROUP_ASSIGNED', 'WITHDRAWN']],
    ['active, exploring', exploring, ['GROUP_ASSIGNED', 'PLACEMENT_STARTED', 'PAUSED', 'EXITED', 'WITHDRAWN']],
    [
      'active, placed',
      () => placed(randomUUID()),
      ['GROUP_ASSIGNED', 'PLACEMENT_ENDED', 'PAUSED', 'EXITED', 'WITHDRAWN'],
    ],
    ['active, between', between, ['GROUP_ASSIGNED', 'PLACEMENT_STARTED', 'PAUSED', 'EXITED', 'WITHDRAWN']],
    ['paused', () => run([ev.pause()], placed(randomUUID())), ['RESUMED', 'EXITED', 'WITHDRAWN']],
    ['followUp', inFollowUp, ['FOLLOW_UP_RECORDED', 'WITHDRAWN']],
    [
      'followUp with 3 and 6 recorded',
      () => run([ev.followUp(3), ev.followUp(6)], inFollowUp()),
      ['FOLLOW_UP_RECORDED', 'WITHDRAWN'],
    ],
    ['closed', () => run([ev.withdraw()], referred()), []],
    ['control', () => run([ev.visitation({ randomisation: { arm: 'control', seed: 's' } })], inVisitation()), []],
    ['redirected', () => run([ev.visitation({ eligibility: { eligible: false, code: 'x' } })], inVisitation()), []],
  ];

  it.each(expected)('lists what the journey accepts in %s', (_name, journey, types) => {
    expect(acceptedEvents(journey())).toEqual(types);
  });
});

describe('stages', () => {
  it('counts only control, redirected and closed as not open', () => {
    expect(stages.filter((s) => !isOpen(s))).toEqual(['control', 'redirected', 'closed']);
  });

  it('has no placement state outside active and paused', () => {
    expect(placementStateOf(inIntake())).toBeNull();
    expect(placementStateOf(inFollowUp())).toBeNull();
  });
});

describe('persistence', () => {
  const throughJson = (s: JourneySnapshot) => JSON.parse(JSON.stringify(persist(s))) as ReturnType<typeof persist>;

  it('stamps the persisted snapshot with the machine version', () => {
    expect(persist(referred()).machineVersion).toBe(JOURNEY_MACHINE_VERSION);
  });

  it('restores value and context unchanged after a JSON round trip', () => {
    const original = run([ev.pause()], placed(randomUUID()));
    const restored = restore(throughJson(original));
    expect(restored.value).toEqual(original.value);
    expect(restored.context).toEqual(original.context);
    expect(acceptedEvents(restored)).toEqual(acceptedEvents(original));
  });

  it('makes the same further transitions after a JSON round trip, deep history included', () => {
    const placementId = randomUUID();
    const original = run([ev.pause()], placed(placementId));
    const restored = restore(throughJson(original));
    const further = [
      ev.start(), // refused while paused
      ev.resume({ occurredAt: day(12) }),
      ev.start(), // refused: still placed after resuming
      ev.end(placementId, { occurredAt: day(13) }),
      ev.start(randomUUID(), { occurredAt: day(14) }),
      ev.exit({ occurredAt: day(20) }),
      ev.followUp(12, 'in_job'),
    ];
    let a = original;
    let b = restored;
    for (const e of further) {
      const ra = applyEvent(a, e);
      const rb = applyEvent(b, e);
      expect(rb.accepted, e.type).toBe(ra.accepted);
      if (ra.accepted && rb.accepted) {
        expect(rb.snapshot.value, e.type).toEqual(ra.snapshot.value);
        expect(rb.snapshot.context, e.type).toEqual(ra.snapshot.context);
        a = ra.snapshot;
        b = rb.snapshot;
      }
    }
    expect(stageOf(b)).toBe('closed');
  });

  it('refuses to restore a snapshot written by another machine version', () => {
    const stored = { ...throughJson(referred()), machineVersion: JOURNEY_MACHINE_VERSION + 1 };
    expect(() => restore(stored)).toThrow(JourneyMachineVersionError);
  });

  it('detaches the persisted snapshot from the live one', () => {
    const s = placed(randomUUID());
    const p = persist(s);
    (p.snapshot as unknown as { context: { placements: unknown[] } }).context.placements.push('x');
    expect(s.context.placements).toHaveLength(1);
  });
});
