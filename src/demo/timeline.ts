import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { PlacementState, Stage } from '../../machines/journey.ts';
import { recordActivity } from '../activities/activity.service.ts';
import { recordActivityBody } from '../activities/activity.schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { addContact, createCompany } from '../companies/company.service.ts';
import { recordMeeting } from '../companies/meeting.service.ts';
import type { AppDeps } from '../deps.ts';
import { addMeeting, changeMeeting, createGroup, recordAttendance } from '../groups/group.service.ts';
import type { AttendanceStatus } from '../groups/group.tables.ts';
import { listJourneysOfYouth } from '../journeys/journey.repository.ts';
import { journeyCommandBody } from '../journeys/journey.schemas.ts';
import { openJourney, recordEvents, type RecordedEvents } from '../journeys/journey.service.ts';
import { createMatchEvent, recordInterests, recordWishes } from '../matching/match-event.service.ts';
import { logPlacementHours, switchPlacement } from '../placements/placement.service.ts';
import { addDays, daysBetween, isoWeek, isoWeekday, mondayOf } from '../shared/days.ts';
import { recordProgression } from '../progression/progression.service.ts';
import type { Scores } from '../progression/progression.repository.ts';
import { danishDate, danishLocalTime, startOfDanishDay } from '../shared/clock.ts';
import { createYouth } from '../youth/youth.service.ts';
import type { Calendar } from './calendar.ts';
import { type DemoGroup, demoCompanies, demoGroups, holidayWeeks, notes } from './catalogue.ts';
import { asciiSlug, cvrNumber, mobileNumber, type NameDrawer } from './people.ts';
import type { Random } from './random.ts';
import type { JourneyPlan, YouthPlan } from './stories.ts';

/**
 * Records the demo unit through the services, in the order things happened: the company network
 * and the groups first, then every step of every story, the group meetings, the match events and
 * the company network meetings, sorted by when they happened. Recording in time order lets every
 * service check what it checks for a real user (a full group, a company without room, who was
 * in a group at a meeting, who could take part in a match event) against the unit as it was then.
 */

type Deps = Pick<AppDeps, 'db' | 'clock' | 'vault' | 'ruleSets' | 'journeyEffects'>;

/** The two caseworkers share the caseload, the groups and the company network. */
export interface DemoActors {
  caseworkers: readonly [Actor, Actor];
}

export interface DemoCounts {
  youth: number;
  journeys: number;
  companies: number;
  contacts: number;
  groups: number;
  groupMeetingsHeld: number;
  matchEvents: number;
  companyMeetings: number;
  placements: number;
  hoursLogged: number;
  activities: number;
  progressionMeasurements: number;
  followUpsRecorded: number;
}

interface LiveCompany {
  id: string;
  capacity: number;
  contactId: string;
  running: number;
}

interface Membership {
  journey: LiveJourney;
  joinedAt: Date;
  leftAt: Date | null;
  alumniFrom: Date | null;
}

interface LiveGroup {
  id: string;
  plan: DemoGroup;
  facilitator: Actor;
  capacity: number;
  /** Youth join only once the group has begun (its first planned week). */
  opensAt: Date;
  memberships: Membership[];
}

interface LiveJourney {
  plan: JourneyPlan;
  youth: YouthPlan;
  actor: Actor;
  youthId: string;
  id: string;
  version: number;
  stage: Stage;
  placementState: PlacementState | null;
  membership: Membership | null;
  /** Placement ids and companies, by the plan's placement index. */
  placements: Array<{ id: string; company: LiveCompany } | undefined>;
  running: LiveCompany | null;
  /** Companies the youth wished for at a match event, first wish first. */
  wishes: LiveCompany[];
}

interface Step {
  at: Date;
  seq: number;
  run: () => Promise<void>;
}

const DAY_MS = 86_400_000;

export async function recordUnit(
  deps: Deps,
  actors: DemoActors,
  youth: readonly YouthPlan[],
  cal: Calendar,
  rng: Random,
  names: NameDrawer,
): Promise<DemoCounts> {
  const counts: DemoCounts = {
    youth: 0,
    journeys: 0,
    companies: 0,
    contacts: 0,
    groups: 0,
    groupMeetingsHeld: 0,
    matchEvents: 0,
    companyMeetings: 0,
    placements: 0,
    hoursLogged: 0,
    activities: 0,
    progressionMeasurements: 0,
    followUpsRecorded: 0,
  };
  const caseworker = (index: number): Actor => (index % 2 === 0 ? actors.caseworkers[0] : actors.caseworkers[1]);
  const today = cal.today;
  const daysAgoOf = (moment: Date) => daysBetween(danishDate(moment), today);

  // The company network, with one or two contact persons each.
  const companies: LiveCompany[] = [];
  const cvrs = new Set<string>();
  for (const [index, plan] of demoCompanies.entries()) {
    const actor = caseworker(index);
    let cvr = cvrNumber(rng);
    while (cvrs.has(cvr)) cvr = cvrNumber(rng);
    cvrs.add(cvr);
    const company = await createCompany(deps, actor, {
      name: plan.name,
      cvr,
      industry: plan.industry,
      sector: plan.sector,
      address: plan.address,
      placementCapacity: plan.placementCapacity,
      active: true,
    });
    counts.companies += 1;
    const domain = `${asciiSlug(plan.name)
      .replace(/\.(aps|a\.s)$/, '')
      .replace(/\./g, '-')}.demo.dk`;
    let first: string | undefined;
    for (const title of plan.contactTitles) {
      const person = names.draw();
      const contact = await addContact(deps, actor, company.id, {
        name: person.name,
        title,
        phone: mobileNumber(rng),
        email: `${asciiSlug(person.firstName)}@${domain}`,
      });
      first ??= contact.id;
      counts.contacts += 1;
    }
    if (!first) throw new Error(`Demo company ${plan.name} has no contact`);
    companies.push({ id: company.id, capacity: plan.placementCapacity, contactId: first, running: 0 });
  }

  // The network groups; each gets its coming weeks of meetings from its schedule.
  const groups: LiveGroup[] = [];
  for (const plan of demoGroups) {
    const facilitator = caseworker(plan.facilitator);
    const group = await createGroup(deps, facilitator, {
      name: plan.name,
      facilitatorId: facilitator.userId,
      weekday: plan.weekday,
      startTime: plan.startTime,
      durationMinutes: plan.durationMinutes,
      place: plan.place,
      capacity: 8,
      active: true,
    });
    counts.groups += 1;
    const firstWeek = mondayOf(addDays(today, -7 * plan.startedWeeksAgo));
    groups.push({
      id: group.id,
      plan,
      facilitator,
      capacity: group.capacity,
      opensAt: startOfDanishDay(firstWeek),
      memberships: [],
    });
  }

  const steps: Step[] = [];
  const live: LiveJourney[] = [];
  const at = (moment: Date, run: () => Promise<void>) => steps.push({ at: moment, seq: steps.length, run });

  // ---------------------------------------------------------------------------------------------
  // Journeys
  // ---------------------------------------------------------------------------------------------

  async function send(journey: LiveJourney, command: Record<string, unknown>): Promise<RecordedEvents> {
    // The command passes the same schema as a request body, defaults included.
    const { expectedVersion, ...input } = journeyCommandBody.parse({ ...command, expectedVersion: journey.version });
    const view = await recordEvents(deps, journey.actor, journey.id, expectedVersion, [input]);
    follow(journey, view);
    return view;
  }

  function follow(
    journey: LiveJourney,
    view: { journey: { version: number }; stage: Stage; placement: PlacementState | null },
  ) {
    journey.version = view.journey.version;
    journey.stage = view.stage;
    journey.placementState = view.placement;
  }

  function membersOf(group: LiveGroup): number {
    return group.memberships.filter((m) => m.leftAt === null && m.alumniFrom === null).length;
  }

  function chooseGroup(moment: Date): LiveGroup {
    const open = groups.filter(
      (g) => g.opensAt.getTime() <= moment.getTime() + 7 * DAY_MS && membersOf(g) < g.capacity,
    );
    const fewest = Math.min(...open.map(membersOf));
    const candidates = open.filter((g) => membersOf(g) === fewest);
    if (candidates.length === 0) throw new Error(`No demo group has room on ${moment.toISOString()}`);
    return rng.pick(candidates);
  }

  function chooseCompany(
    journey: LiveJourney,
    leaving?: LiveCompany,
  ): { company: LiveCompany; chosenByYouth: boolean } {
    const free = companies.filter((c) => c !== leaving && c.running < c.capacity);
    const wished = journey.wishes.find((c) => free.includes(c));
    if (wished) return { company: wished, chosenByYouth: true };
    if (free.length === 0) throw new Error('No demo company has room for another placement');
    // Magtskifte (Rockwool Fonden: Ny virksomhedsrettet ungeindsats (2019)): most youth choose their company themselves.
    return { company: rng.pick(free), chosenByYouth: rng.chance(0.8) };
  }

  function endRunning(journey: LiveJourney): void {
    if (journey.running) journey.running.running -= 1;
    journey.running = null;
  }

  function leaveGroup(journey: LiveJourney, moment: Date, stay: boolean): void {
    if (!journey.membership) return;
    if (stay) journey.membership.alumniFrom = moment;
    else journey.membership.leftAt = moment;
    if (!stay) journey.membership = null;
  }

  function scheduleJourney(journey: LiveJourney, opened: boolean): void {
    const { plan } = journey;
    const end = endOf(plan);

    if (!opened) {
      at(plan.firstContact, async () => {
        const record = await openJourney(deps, journey.actor, journey.youthId, {
          source: plan.source,
          firstContactAt: plan.firstContact.toISOString(),
          reason: plan.reason,
        });
        journey.id = record.id;
        journey.version = record.version;
        journey.stage = record.stage as Stage;
        counts.journeys += 1;
      });
    }
    if (plan.firstConversation) {
      const moment = plan.firstConversation;
      // Most first conversations are held at the jobcentre; some by phone or video, which count alike (LAB § 31).
      const mode = rng.pick(['in_person', 'in_person', 'in_person', 'in_person', 'phone', 'video'] as const);
      at(moment, async () => {
        // The first conversation is the first job conversation: the step records it, not a contact as well.
        await send(journey, { type: 'FIRST_CONVERSATION_HELD', occurredAt: moment.toISOString(), mode });
        await progression(journey, moment, 'youth');
      });
    }
    if (plan.visitation) {
      const decision = plan.visitation;
      at(decision.at, async () => {
        await progression(journey, decision.at, 'caseworker');
        await send(journey, {
          type: 'VISITATION_DECIDED',
          occurredAt: decision.at.toISOString(),
          category: decision.category,
          barriers: decision.barriers,
          ...(decision.considerableBarriers ? { considerableBarriers: decision.considerableBarriers } : {}),
          ...(decision.supportOverAYearReason ? { supportOverAYearReason: decision.supportOverAYearReason } : {}),
          profile: decision.profile,
          questionnaire: decision.questionnaire,
          inEducationOrJob: decision.inEducationOrJob,
          ...(decision.overrideReason ? { overrideReason: decision.overrideReason } : {}),
        });
        if ((journey.stage === 'redirected') !== decision.redirected) {
          throw new Error(`The visitation of ${journey.youth.person.name} ended in ${journey.stage}, not as planned`);
        }
      });
    }
    if (plan.groupJoin) {
      const moment = plan.groupJoin;
      // NExTWORK's entry condition of 15 hours a week; now and then a caseworker takes in a youth who cannot yet.
      const entry = rng.chance(0.1)
        ? { canTakePart15HoursAWeek: false, entryOverrideReason: notes.entryOverride }
        : { canTakePart15HoursAWeek: true };
      at(moment, async () => {
        const group = chooseGroup(moment);
        await send(journey, { type: 'GROUP_ASSIGNED', occurredAt: moment.toISOString(), groupId: group.id, ...entry });
        const membership: Membership = { journey, joinedAt: moment, leftAt: null, alumniFrom: null };
        group.memberships.push(membership);
        journey.membership = membership;
      });
    }
    plan.placements.forEach((placement, index) => {
      at(placement.start, async () => {
        const occurredAt = placement.start.toISOString();
        const { company, chosenByYouth } = chooseCompany(journey, journey.running ?? undefined);
        const agreement = {
          companyId: company.id,
          kind: placement.kind,
          hoursPerWeek: placement.hoursPerWeek,
          ...(placement.plannedEnd ? { plannedEnd: placement.plannedEnd } : {}),
          contactId: company.contactId,
          chosenByYouth,
        };
        let placementId: string;
        if (placement.switched) {
          const switched = await switchPlacement(deps, journey.actor, journey.id, {
            expectedVersion: journey.version,
            ...agreement,
            reason: plan.placements[index - 1]?.endReason,
            occurredAt,
          });
          journey.version = switched.journeyVersion;
          endRunning(journey);
          placementId = switched.started.id;
        } else {
          const view = await send(journey, { type: 'PLACEMENT_STARTED', occurredAt, ...agreement });
          const current = view.context.currentPlacement;
          if (!current) throw new Error('PLACEMENT_STARTED left no current placement');
          placementId = current.placementId;
        }
        company.running += 1;
        journey.running = company;
        journey.placements[index] = { id: placementId, company };
        counts.placements += 1;
      });
      const next = plan.placements[index + 1];
      if (placement.end && !next?.switched) {
        const end = placement.end;
        at(end, async () => {
          const started = journey.placements[index];
          if (!started) throw new Error('A demo placement ends before it started');
          await send(journey, {
            type: 'PLACEMENT_ENDED',
            occurredAt: end.toISOString(),
            placementId: started.id,
            ...(placement.endReason ? { reason: placement.endReason } : {}),
          });
          endRunning(journey);
        });
      }
      scheduleHours(journey, index);
    });
    for (const pause of plan.pauses) {
      at(pause.at, async () => {
        await send(journey, {
          type: 'PAUSED',
          occurredAt: pause.at.toISOString(),
          reason: pause.reason,
          expectedReturn: pause.expectedReturn,
          note: pause.note,
        });
      });
      if (pause.resumedAt) {
        const resumedAt = pause.resumedAt;
        at(resumedAt, async () => {
          await send(journey, { type: 'RESUMED', occurredAt: resumedAt.toISOString() });
        });
      }
    }
    if (plan.exit) {
      const exit = plan.exit;
      at(exit.at, async () => {
        await send(journey, {
          type: 'EXITED',
          occurredAt: exit.at.toISOString(),
          outcome: exit.outcome,
          ...(exit.otherSupportType ? { otherSupportType: exit.otherSupportType } : {}),
          note: exit.note,
          stayInGroup: exit.stayInGroup,
        });
        endRunning(journey);
        leaveGroup(journey, exit.at, exit.stayInGroup);
      });
    }
    // Back on benefit at a follow-up: the service opens a new journey as returning; it goes on there.
    const returning: LiveJourney | null = plan.returning
      ? {
          ...journey,
          plan: plan.returning,
          id: '',
          version: 0,
          membership: null,
          placements: [],
          running: null,
          wishes: [],
        }
      : null;
    for (const followUp of plan.followUps) {
      at(followUp.at, async () => {
        await send(journey, {
          type: 'FOLLOW_UP_RECORDED',
          occurredAt: followUp.at.toISOString(),
          month: followUp.month,
          status: followUp.status,
        });
        counts.followUpsRecorded += 1;
        if (returning && followUp.status === 'back_on_benefit') {
          const journeys = await listJourneysOfYouth(deps.db, journey.actor.municipalityId, journey.youthId);
          const opened = journeys.find((j) => j.open);
          if (!opened) throw new Error('Back on benefit opened no returning journey');
          returning.id = opened.id;
          returning.version = opened.version;
          returning.stage = opened.stage as Stage;
          counts.journeys += 1;
        }
      });
    }
    if (returning) {
      live.push(returning);
      scheduleJourney(returning, true);
    }
    if (plan.withdrawn) {
      const withdrawn = plan.withdrawn;
      at(withdrawn.at, async () => {
        await send(journey, { type: 'WITHDRAWN', occurredAt: withdrawn.at.toISOString(), reason: withdrawn.reason });
        endRunning(journey);
        leaveGroup(journey, withdrawn.at, false);
      });
    }
    scheduleContacts(journey, end);
  }

  /** The end of what is recorded for the journey: exit, withdrawal, going passive, or today. */
  function endOf(plan: JourneyPlan): Date {
    const redirected = plan.visitation?.redirected ? plan.visitation.at : null;
    const ends = [redirected, plan.exit?.at, plan.withdrawn?.at, plan.passiveFrom, cal.startOfToday()].filter(
      (d): d is Date => d instanceof Date,
    );
    return new Date(Math.min(...ends.map((d) => d.getTime())));
  }

  async function activity(journey: LiveJourney, input: Record<string, unknown>): Promise<void> {
    await recordActivity(deps, journey.actor, journey.id, recordActivityBody.parse(input));
    counts.activities += 1;
  }

  /**
   * The progression factors of STAR: Den gode ungeindsats i jobcentrene (2017), s. 29: the youth's own four, or the caseworker's view of
   * readiness. Scores start low and rise a little with time in the programme.
   */
  async function progression(journey: LiveJourney, moment: Date, assessedBy: 'youth' | 'caseworker') {
    const weeks = Math.max(0, (moment.getTime() - journey.plan.firstContact.getTime()) / (7 * DAY_MS));
    const score = (base: number) => Math.max(1, Math.min(10, Math.round(base + weeks / 6 + rng.int(-1, 1))));
    const scores: Scores =
      assessedBy === 'youth'
        ? {
            beliefInOwnAbilities: score(4),
            selfRatedHealth: score(5),
            network: score(3),
            meaningAndDirection: score(4),
          }
        : { readiness: score(3) };
    await recordProgression(deps, journey.actor, journey.id, {
      measuredOn: danishDate(moment),
      assessedBy,
      scores,
    });
    counts.progressionMeasurements += 1;
  }

  /** Conversations every month or so, phone calls, mentor contacts and progression, until the end. */
  function scheduleContacts(journey: LiveJourney, end: Date): void {
    const { plan } = journey;
    if (!plan.firstConversation) return;
    const lastDay = daysAgoOf(end) + 2;
    let day = daysAgoOf(plan.firstConversation);
    for (day -= rng.int(30, 40); day > lastDay; day -= rng.int(30, 42)) {
      const moment = cal.at(day);
      const mode = rng.pick(['in_person', 'in_person', 'in_person', 'phone', 'video'] as const);
      at(moment, () =>
        activity(journey, {
          kind: 'conversation',
          conversationKind: 'individual',
          mode,
          jobConversation: true,
          occurredAt: moment.toISOString(),
          note: rng.pick(notes.jobConversation),
        }),
      );
    }
    day = daysAgoOf(plan.firstConversation);
    for (day -= rng.int(10, 20); day > lastDay; day -= rng.int(18, 35)) {
      if (!rng.chance(0.5)) continue;
      const moment = cal.at(day);
      const other = rng.chance(0.25);
      at(moment, () =>
        activity(
          journey,
          other
            ? { kind: 'other_contact', occurredAt: moment.toISOString(), note: rng.pick(notes.other) }
            : {
                kind: 'conversation',
                conversationKind: 'individual',
                mode: 'phone',
                occurredAt: moment.toISOString(),
                note: rng.pick(notes.phone),
              },
        ),
      );
    }
    if (plan.mentor && plan.groupJoin) {
      for (day = daysAgoOf(plan.groupJoin) - rng.int(3, 8); day > lastDay; day -= rng.int(9, 16)) {
        const moment = cal.at(day);
        if (isPaused(plan, moment)) continue;
        at(moment, () =>
          activity(journey, { kind: 'mentor_contact', occurredAt: moment.toISOString(), note: rng.pick(notes.mentor) }),
        );
      }
    }
    if (plan.visitation && plan.groupJoin) {
      for (day = daysAgoOf(plan.groupJoin) - rng.int(35, 50); day > lastDay; day -= rng.int(42, 56)) {
        const moment = cal.at(day);
        at(moment, async () => {
          await progression(journey, moment, 'youth');
          await progression(journey, cal.later(moment, 15), 'caseworker');
        });
      }
    }
  }

  /**
   * Hours worked, logged per complete week: the agreed hours or a little more on the days worked, and
   * clearly fewer for the youth whose story is to work fewer hours than agreed.
   */
  function scheduleHours(journey: LiveJourney, index: number): void {
    const { plan } = journey;
    const placement = plan.placements[index];
    if (!placement) return;
    const startDay = danishDate(placement.start);
    const endDay = placement.end ? danishDate(placement.end) : null;
    const passiveWeek = plan.passiveFrom ? mondayOf(danishDate(plan.passiveFrom)) : null;
    for (let monday = mondayOf(startDay); addDays(monday, 7) <= today; monday = addDays(monday, 7)) {
      if (endDay !== null && monday > endDay) break;
      if (plan.exit && monday > danishDate(plan.exit.at)) break;
      if (plan.withdrawn && monday > danishDate(plan.withdrawn.at)) break;
      let worked = 0;
      let away = 0;
      for (let i = 0; i < 5; i += 1) {
        const day = addDays(monday, i);
        if (day < startDay || (endDay !== null && day >= endDay)) continue;
        if (plan.exit && day >= danishDate(plan.exit.at)) continue;
        if (isPaused(plan, danishLocalTime(day, '12:00'))) away += 1;
        else if (passiveWeek === null || monday < passiveWeek) worked += 1;
      }
      // A week spent wholly on pause is not logged; a week the youth stayed away is logged as 0.
      if (worked === 0 && away > 0) continue;
      const hours =
        worked === 0
          ? 0
          : Math.round(
              ((placement.hoursPerWeek * worked) / 5) *
                (placement.fewerHoursThanAgreed ? 0.45 + rng.next() * 0.2 : 1 + rng.next() * 0.1) *
                2,
            ) / 2;
      const weekStart = monday;
      const loggedAt = new Date(
        Math.min(danishLocalTime(addDays(monday, 7), '09:00').getTime(), cal.startOfToday().getTime() - 1),
      );
      at(loggedAt, async () => {
        const started = journey.placements[index];
        if (!started) throw new Error('Hours logged for a demo placement that never started');
        await logPlacementHours(deps, journey.actor, started.id, weekStart, hours);
        counts.hoursLogged += 1;
      });
    }
  }

  for (const plan of youth) {
    const actor = caseworker(plan.caseworker);
    const record = await createYouth(deps, actor, {
      name: plan.person.name,
      cpr: plan.cpr,
      phone: plan.phone,
      email: plan.email,
      address: plan.address,
    });
    counts.youth += 1;
    const journey: LiveJourney = {
      plan: plan.journey,
      youth: plan,
      actor,
      youthId: record.id,
      id: '',
      version: 0,
      stage: 'referred',
      placementState: null,
      membership: null,
      placements: [],
      running: null,
      wishes: [],
    };
    live.push(journey);
    scheduleJourney(journey, false);
  }

  // ---------------------------------------------------------------------------------------------
  // Group meetings, week by week since each group began
  // ---------------------------------------------------------------------------------------------

  for (const group of groups) {
    for (let week = group.plan.startedWeeksAgo; week >= 0; week -= 1) {
      const day = addDays(mondayOf(addDays(today, -7 * week)), group.plan.weekday - 1);
      const startsAt = danishLocalTime(day, group.plan.startTime);
      const endsAt = new Date(startsAt.getTime() + group.plan.durationMinutes * 60_000);
      if (endsAt >= cal.startOfToday()) continue;
      at(endsAt, () => holdMeeting(group, startsAt, endsAt, day));
    }
  }

  async function holdMeeting(group: LiveGroup, startsAt: Date, endsAt: Date, day: string): Promise<void> {
    // Who was in the group at the meeting, as the service reads it (joined before it ended, not
    // left before it began); the latest membership of a youth counts.
    const present = new Map<string, Membership>();
    for (const m of group.memberships) {
      if (m.joinedAt < endsAt && (m.leftAt === null || m.leftAt > startsAt)) present.set(m.journey.youthId, m);
    }
    if (present.size === 0) return; // The group had not begun.
    const meeting = await addMeeting(deps, group.facilitator, group.id, { startsAt: startsAt.toISOString() });
    const holiday = holidayWeeks.get(isoWeek(day));
    if (holiday) {
      await changeMeeting(deps, group.facilitator, meeting.id, {
        version: meeting.version,
        status: 'cancelled',
        note: holiday,
      });
      return;
    }
    const recent = daysBetween(day, today) <= 21;
    const entries: Array<{ youthId: string; status: AttendanceStatus }> = [];
    for (const m of present.values()) {
      const { plan } = m.journey;
      let status: AttendanceStatus;
      if (m.alumniFrom !== null && m.alumniFrom <= startsAt) {
        // Alumni come now and then; their attendance is not taken otherwise.
        if (!rng.chance(0.35)) continue;
        status = 'attended';
      } else if (plan.passiveFrom && startsAt >= plan.passiveFrom) status = 'absent';
      else if (isPaused(plan, startsAt)) status = 'absent_with_notice';
      else if (rng.next() < (recent ? 0.9 : plan.engagement)) status = 'attended';
      else status = recent || rng.chance(0.6) ? 'absent_with_notice' : 'absent';
      entries.push({ youthId: m.journey.youthId, status });
    }
    await recordAttendance(deps, group.facilitator, meeting.id, entries);
    counts.groupMeetingsHeld += 1;
  }

  // ---------------------------------------------------------------------------------------------
  // The company network: its meetings and a match event (Rockwool Fonden: Hvad er NExTWORK?; NExTWORK: Vejen til uddannelse går gennem job! (2018))
  // ---------------------------------------------------------------------------------------------

  const networkNotes = [
    'Netværksmøde: nyt om praktikpladser og forventninger til de unge.',
    'Netværksmøde med oplæg om mentorordningen.',
    'Netværksmøde: planlægning af match event.',
  ];
  [128, 72, 18].forEach((daysAgo, index) => {
    const date = cal.day(daysAgo);
    at(danishLocalTime(date, '16:00'), async () => {
      await recordMeeting(deps, caseworker(1), {
        date,
        place: 'Jobcentret, Søgade 12, kantinen',
        note: networkNotes[index],
        companyIds: rng.sample(companies, rng.int(9, 14)).map((c) => c.id),
      });
      counts.companyMeetings += 1;
    });
  });

  /** Youth who can take part in a match event now: intake, or active without a placement. */
  const canTakePart = (j: LiveJourney, moment: Date) =>
    j.id !== '' &&
    (j.stage === 'intake' || (j.stage === 'active' && j.placementState !== 'placed')) &&
    !(j.plan.passiveFrom && j.plan.passiveFrom <= moment);

  const matchDay = weekdayNear(today, -40, 4);
  const matchAt = danishLocalTime(matchDay, '13:00');
  at(matchAt, async () => {
    const taking = rng.sample(companies, 9);
    const youthTaking = rng.sample(
      live.filter((j) => canTakePart(j, matchAt)),
      14,
    );
    const event = await createMatchEvent(deps, caseworker(0), {
      date: matchDay,
      place: 'Ungehuset, Nørregade 5',
      note: 'Match event: ni virksomheder fra netværket mødte de unge til speeddating og rundvisning.',
      companyIds: taking.map((c) => c.id),
      journeyIds: youthTaking.map((j) => j.id),
    });
    counts.matchEvents += 1;
    for (const journey of youthTaking) {
      journey.wishes = rng.sample(taking, rng.int(2, 3));
      await recordWishes(deps, journey.actor, event.event.id, journey.id, {
        companyIds: journey.wishes.map((c) => c.id),
        version: event.youth.find((y) => y.journeyId === journey.id)?.wishesVersion ?? 1,
      });
    }
    for (const company of taking) {
      const interested = youthTaking.filter((j) => (j.wishes.includes(company) ? rng.chance(0.6) : rng.chance(0.1)));
      if (interested.length === 0) continue;
      await recordInterests(deps, caseworker(0), event.event.id, company.id, {
        journeyIds: interested.map((j) => j.id),
        version: event.companies.find((c) => c.id === company.id)?.interestsVersion ?? 1,
      });
    }
  });

  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
  for (const step of steps) {
    await step.run();
    // The embedded database answers on this thread without waiting for I/O, so the demo unit,
    // added while the server listens, gives the event loop a turn between steps: the log-in page
    // answers during the first start rather than after it.
    await yieldToEventLoop();
  }

  // The coming match event, with the youth who are looking for a placement now.
  const comingDay = weekdayNear(today, 12, 4);
  const now = deps.clock();
  await createMatchEvent(deps, caseworker(0), {
    date: comingDay,
    place: 'Ungehuset, Nørregade 5',
    note: 'Match event: virksomhederne fortæller om deres arbejdspladser; de unge ønsker bagefter.',
    companyIds: rng.sample(companies, 8).map((c) => c.id),
    journeyIds: rng
      .sample(
        live.filter((j) => canTakePart(j, now)),
        12,
      )
      .map((j) => j.id),
  });
  counts.matchEvents += 1;
  return counts;
}

function isPaused(plan: JourneyPlan, moment: Date): boolean {
  return plan.pauses.some((p) => p.at <= moment && (p.resumedAt === null || moment < p.resumedAt));
}

/** The day with the given ISO weekday nearest to `offset` days from today. */
function weekdayNear(today: string, offset: number, weekday: number): string {
  const day = addDays(today, offset);
  const shift = (((weekday - isoWeekday(day)) % 7) + 7) % 7;
  return addDays(day, shift > 3 ? shift - 7 : shift);
}
