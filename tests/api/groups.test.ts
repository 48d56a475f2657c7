import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missedMeetingsInRow } from '../../src/groups/group.repository.ts';
import { startTestApp, type TestContext, uniqueSuffix } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newUnit, newYouth } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';

// Sunday 22 November 2026, 11:00 in Denmark.
const NOW = new Date('2026-11-22T10:00:00Z');

type Headers = { cookie: string };
type Unit = Awaited<ReturnType<typeof newUnit>>;

describe.each(engines)('network groups on %s', (engine) => {
  let ctx: TestContext;
  let unit: Unit;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const cw = () => unit.caseworker.headers;
  const leader = () => unit.leader.headers;

  const request = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, headers: Headers, payload?: object) =>
    ctx.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  async function createGroup(body: Record<string, unknown> = {}, headers: Headers = cw(), owner: Unit = unit) {
    const response = await request('POST', '/api/groups', headers, {
      name: `Gruppe ${uniqueSuffix()}`,
      facilitatorId: owner.caseworker.id,
      weekday: 2,
      startTime: '10:00',
      place: 'Jobcentret, mødelokale 3',
      ...body,
    });
    if (response.statusCode !== 201) throw new Error(`create group failed: ${response.statusCode} ${response.body}`);
    return response.json<{ id: string; version: number; capacity: number }>();
  }

  async function expectCreated(response: Promise<{ statusCode: number; body: string }>) {
    const r = await response;
    if (r.statusCode !== 201) throw new Error(`event failed: ${r.statusCode} ${r.body}`);
  }

  /** A youth whose journey is in intake, decided a few days after first contact (2 November). */
  async function intakeJourney(visitation: Record<string, unknown> = {}, headers: Headers = cw()) {
    const youth = await newYouth(ctx.app, headers);
    const journey = await openJourney(ctx.app, headers, youth.id);
    await expectCreated(
      sendEvent(ctx.app, headers, journey.id, {
        type: 'FIRST_CONVERSATION_HELD',
        mode: 'in_person',
        occurredAt: '2026-11-03T09:00:00+01:00',
      }),
    );
    await expectCreated(
      sendEvent(
        ctx.app,
        headers,
        journey.id,
        activityReadyVisitation({ occurredAt: '2026-11-04T09:00:00+01:00', ...visitation }),
      ),
    );
    return { youth, journeyId: journey.id };
  }

  const assign = (journeyId: string, groupId: string, extra: Record<string, unknown> = {}, headers: Headers = cw()) =>
    sendEvent(ctx.app, headers, journeyId, {
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId,
      occurredAt: '2026-11-05T09:00:00+01:00',
      ...extra,
    });

  /** A youth in the group since 5 November (or `assignedAt`). */
  async function memberOf(
    groupId: string,
    options: { assignedAt?: string; visitation?: Record<string, unknown> } = {},
  ) {
    const journey = await intakeJourney(options.visitation);
    await expectCreated(
      assign(journey.journeyId, groupId, options.assignedAt ? { occurredAt: options.assignedAt } : {}),
    );
    return journey;
  }

  const getGroup = async (id: string, headers: Headers = cw()) =>
    (await request('GET', `/api/groups/${id}`, headers)).json();
  const getJourney = async (id: string) => (await request('GET', `/api/journeys/${id}`, cw())).json();
  const meetingsOf = async (groupId: string, query = '') =>
    (await request('GET', `/api/groups/${groupId}/meetings${query}`, cw())).json().items as Array<{
      id: string;
      startsAt: string;
      status: string;
      version: number;
    }>;
  async function addMeeting(groupId: string, startsAt: string) {
    const response = await request('POST', `/api/groups/${groupId}/meetings`, cw(), { startsAt });
    if (response.statusCode !== 201) throw new Error(`add meeting failed: ${response.statusCode} ${response.body}`);
    return response.json<{ id: string; version: number; startsAt: string }>();
  }
  const recordAttendance = (meetingId: string, entries: Array<Record<string, unknown>>, headers: Headers = cw()) =>
    request('PUT', `/api/meetings/${meetingId}/attendance`, headers, { entries });

  // -------------------------------------------------------------------------------------------
  // Groups
  // -------------------------------------------------------------------------------------------

  describe('groups', () => {
    it('creates a group with room for 8 by default and lists it with its next meeting', async () => {
      const created = await createGroup({ name: `Tirsdagsgruppen ${uniqueSuffix()}` });
      expect(created).toMatchObject({
        capacity: 8,
        active: true,
        memberCount: 0,
        version: 1,
        facilitator: { id: unit.caseworker.id },
        nextMeetingAt: '2026-11-24T09:00:00.000Z',
      });
      const list = await request('GET', '/api/groups?pageSize=100', cw());
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((g: { id: string }) => g.id)).toContain(created.id);
    });

    it('refuses capacity 13 and a time that is no time, field by field in Danish', async () => {
      const response = await request('POST', '/api/groups', cw(), {
        name: 'For stor',
        facilitatorId: unit.caseworker.id,
        weekday: 2,
        startTime: '25:00',
        place: 'Jobcentret',
        capacity: 13,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual(
        expect.arrayContaining([
          { field: 'startTime', message: 'Klokkeslættet skal have formen TT:MM, fx 09:30.' },
          { field: 'capacity', message: 'En gruppe kan højst have 12 deltagere.' },
        ]),
      );
    });

    it('refuses a facilitator who is not a caseworker or leader of the municipality', async () => {
      const other = await newUnit(ctx.app, ctx.db);
      for (const facilitatorId of [randomUUID(), unit.admin.id, other.caseworker.id]) {
        const response = await request('POST', '/api/groups', cw(), {
          name: 'Gruppe',
          facilitatorId,
          weekday: 2,
          startTime: '10:00',
          place: 'Jobcentret',
        });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.details).toEqual([
          { field: 'facilitatorId', message: 'Ukendt facilitator. Vælg en rådgiver eller leder i kommunen.' },
        ]);
      }
    });

    it('filters the list by active', async () => {
      const open = await createGroup();
      const closed = await createGroup({ active: false });
      const ids = async (active: string) =>
        (await request('GET', `/api/groups?active=${active}&pageSize=100`, cw()))
          .json()
          .items.map((g: { id: string }) => g.id);
      expect(await ids('true')).toContain(open.id);
      expect(await ids('true')).not.toContain(closed.id);
      expect(await ids('false')).toContain(closed.id);
      expect(await ids('false')).not.toContain(open.id);
    });

    it('changes a group against its version and answers 409 with the current version for a stale one', async () => {
      const group = await createGroup();
      const changed = await request('PATCH', `/api/groups/${group.id}`, leader(), {
        version: 1,
        name: 'Onsdagsgruppen',
        capacity: 10,
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ name: 'Onsdagsgruppen', capacity: 10, version: 2 });
      const stale = await request('PATCH', `/api/groups/${group.id}`, cw(), { version: 1, name: 'Gammel' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
      expect((await getGroup(group.id)).name).toBe('Onsdagsgruppen');
    });

    it('leaves the number of places to the leader, and takes a form that sends every field as it stands', async () => {
      const group = await createGroup();
      const everything = {
        name: 'Torsdagsgruppen',
        facilitatorId: unit.caseworker.id,
        weekday: 2,
        startTime: '10:00',
        durationMinutes: 120,
        place: 'Jobcentret, mødelokale 3',
        capacity: 8,
      };
      // The same capacity is no change: a caseworker may rename the group.
      const renamed = await request('PATCH', `/api/groups/${group.id}`, cw(), { version: 1, ...everything });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({ name: 'Torsdagsgruppen', capacity: 8, version: 2 });
      const logged = await ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'group.updated')
        .where('user_id', '=', unit.caseworker.id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(logged.details).toEqual({ groupId: group.id, fields: ['name'] });
      const raised = await request('PATCH', `/api/groups/${group.id}`, cw(), { version: 2, capacity: 10 });
      expect(raised.statusCode).toBe(403);
      expect(raised.json().error.details).toEqual([
        { field: 'capacity', message: 'Kun en leder kan ændre antallet af pladser i en gruppe.' },
      ]);
      const byLeader = await request('PATCH', `/api/groups/${group.id}`, leader(), { version: 2, capacity: 10 });
      expect(byLeader.json()).toMatchObject({ capacity: 10, version: 3 });
    });

    it('lets a caseworker start a group of up to 8, and only a leader one of up to 12', async () => {
      const body = { name: 'Stor gruppe', facilitatorId: unit.caseworker.id, weekday: 3, startTime: '13:00' };
      const byCaseworker = await request('POST', '/api/groups', cw(), { ...body, place: 'Biblioteket', capacity: 10 });
      expect(byCaseworker.statusCode).toBe(403);
      expect(byCaseworker.json().error.details).toEqual([
        { field: 'capacity', message: 'Kun en leder kan give en gruppe mere end 8 pladser.' },
      ]);
      expect((await createGroup({ capacity: 6 })).capacity).toBe(6);
      expect((await createGroup({ capacity: 12 }, leader())).capacity).toBe(12);
    });

    it('refuses capacity 13 in a change too', async () => {
      const group = await createGroup();
      const response = await request('PATCH', `/api/groups/${group.id}`, cw(), { version: 1, capacity: 13 });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'capacity', message: 'En gruppe kan højst have 12 deltagere.' },
      ]);
    });

    it('moves the coming meetings when the weekday changes', async () => {
      const group = await createGroup();
      const changed = await request('PATCH', `/api/groups/${group.id}`, cw(), { version: 1, weekday: 4 });
      expect(changed.statusCode).toBe(200);
      const meetings = await meetingsOf(group.id);
      expect(meetings).toHaveLength(8);
      // Thursday 26 November, 10:00 in Denmark.
      expect(meetings[0]?.startsAt).toBe('2026-11-26T09:00:00.000Z');
    });

    it('refuses to close a group that still has members', async () => {
      const group = await createGroup();
      await memberOf(group.id);
      const response = await request('PATCH', `/api/groups/${group.id}`, leader(), { version: 1, active: false });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.details).toEqual([
        {
          field: 'active',
          message: 'Gruppen har stadig 1 medlem. Flyt den unge til en anden gruppe, før gruppen lukkes.',
        },
      ]);
    });

    it("shows this week's meetings and the next planned one", async () => {
      const group = await createGroup();
      const tuesday = await addMeeting(group.id, '2026-11-17T10:00:00+01:00');
      const [coming] = await meetingsOf(group.id);
      await request('PATCH', `/api/meetings/${coming?.id}`, cw(), { version: 1, status: 'cancelled' });
      const detail = await getGroup(group.id);
      expect(detail.thisWeek.map((m: { id: string }) => m.id)).toEqual([tuesday.id]);
      expect(detail.nextMeeting).toMatchObject({ startsAt: '2026-12-01T09:00:00.000Z', status: 'planned' });
    });

    it('removes the coming meetings of a group that closes, and generates none for it', async () => {
      const group = await createGroup();
      const closed = await request('PATCH', `/api/groups/${group.id}`, leader(), { version: 1, active: false });
      expect(closed.json()).toMatchObject({ active: false, nextMeetingAt: null });
      expect(await meetingsOf(group.id)).toEqual([]);
      const generate = await request('POST', `/api/groups/${group.id}/meetings/generate`, cw(), { weeks: 4 });
      expect(generate.statusCode).toBe(409);
      expect(generate.json().error.details).toEqual([
        { field: 'active', message: 'Gruppen er lukket og holder ikke møder.' },
      ]);
    });

    it('keeps an administrator out of the groups', async () => {
      const response = await request('GET', '/api/groups', unit.admin.headers);
      expect(response.statusCode).toBe(403);
    });
  });

  // -------------------------------------------------------------------------------------------
  // Meetings
  // -------------------------------------------------------------------------------------------

  describe('meetings', () => {
    it("creates a new group's next 8 weekly meetings on its weekday at 10:00 Danish time", async () => {
      const group = await createGroup();
      const meetings = await meetingsOf(group.id);
      expect(meetings.map((m) => m.startsAt)).toEqual([
        '2026-11-24T09:00:00.000Z',
        '2026-12-01T09:00:00.000Z',
        '2026-12-08T09:00:00.000Z',
        '2026-12-15T09:00:00.000Z',
        '2026-12-22T09:00:00.000Z',
        '2026-12-29T09:00:00.000Z',
        '2027-01-05T09:00:00.000Z',
        '2027-01-12T09:00:00.000Z',
      ]);
      expect(meetings.every((m) => m.status === 'planned')).toBe(true);
    });

    it('keeps the meeting at 10:00 Danish time across the change to summer time', async () => {
      const group = await createGroup();
      const response = await request('POST', `/api/groups/${group.id}/meetings/generate`, cw(), { weeks: 26 });
      expect(response.statusCode).toBe(200);
      const starts = response.json().items.map((m: { startsAt: string }) => m.startsAt);
      // Summer time begins on Sunday 28 March 2027: 10:00 is 09:00 UTC before and 08:00 UTC after.
      expect(starts).toContain('2027-03-23T09:00:00.000Z');
      expect(starts).toContain('2027-03-30T08:00:00.000Z');
      expect(starts).toHaveLength(26);
    });

    it('generates a meeting at the same time only once', async () => {
      const group = await createGroup();
      const first = await request('POST', `/api/groups/${group.id}/meetings/generate`, cw(), { weeks: 12 });
      expect(first.json().created).toBe(4);
      const again = await request('POST', `/api/groups/${group.id}/meetings/generate`, cw(), { weeks: 12 });
      expect(again.json().created).toBe(0);
      expect(await meetingsOf(group.id)).toHaveLength(12);
    });

    it('refuses to generate 27 weeks', async () => {
      const group = await createGroup();
      const response = await request('POST', `/api/groups/${group.id}/meetings/generate`, cw(), { weeks: 27 });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([{ field: 'weeks', message: 'Vælg 1 til 26 uger.' }]);
    });

    it('moves a meeting and answers 409 with the current version for a stale move', async () => {
      const group = await createGroup();
      const [first] = await meetingsOf(group.id);
      const moved = await request('PATCH', `/api/meetings/${first?.id}`, cw(), {
        version: 1,
        startsAt: '2026-11-25T13:00:00+01:00',
        place: 'Biblioteket',
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ startsAt: '2026-11-25T12:00:00.000Z', place: 'Biblioteket', version: 2 });
      const stale = await request('PATCH', `/api/meetings/${first?.id}`, cw(), { version: 1, status: 'cancelled' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    });

    it('does not bring a moved meeting back at its old time when generating again', async () => {
      const group = await createGroup();
      const [first] = await meetingsOf(group.id);
      await request('PATCH', `/api/meetings/${first?.id}`, cw(), { version: 1, startsAt: '2026-11-25T10:00:00+01:00' });
      const again = await request('POST', `/api/groups/${group.id}/meetings/generate`, cw(), { weeks: 8 });
      expect(again.json().created).toBe(0);
      expect((await meetingsOf(group.id)).map((m) => m.startsAt)).not.toContain('2026-11-24T09:00:00.000Z');
    });

    it('cancels a meeting, which stays cancelled when generating again', async () => {
      const group = await createGroup();
      const [first] = await meetingsOf(group.id);
      const cancelled = await request('PATCH', `/api/meetings/${first?.id}`, cw(), { version: 1, status: 'cancelled' });
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', version: 2 });
      await request('POST', `/api/groups/${group.id}/meetings/generate`, cw(), { weeks: 8 });
      const meetings = await meetingsOf(group.id);
      expect(meetings.filter((m) => m.startsAt === '2026-11-24T09:00:00.000Z').map((m) => m.status)).toEqual([
        'cancelled',
      ]);
    });

    it("refuses to move a meeting onto another meeting's time with 409", async () => {
      const group = await createGroup();
      const [first, second] = await meetingsOf(group.id);
      const response = await request('PATCH', `/api/meetings/${second?.id}`, cw(), {
        version: 1,
        startsAt: first?.startsAt,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.details).toEqual([
        { field: 'startsAt', message: 'Gruppen har allerede et møde på det tidspunkt.' },
      ]);
    });

    it('lists the meetings between two Danish days, both included', async () => {
      const group = await createGroup();
      const meetings = await meetingsOf(group.id, '?from=2026-12-01&to=2026-12-08');
      expect(meetings.map((m) => m.startsAt)).toEqual(['2026-12-01T09:00:00.000Z', '2026-12-08T09:00:00.000Z']);
    });

    it('shows a coming meeting with each current member and no status yet', async () => {
      const group = await createGroup();
      const member = await memberOf(group.id);
      const [next] = await meetingsOf(group.id);
      const response = await request('GET', `/api/meetings/${next?.id}`, cw());
      expect(response.statusCode).toBe(200);
      expect(response.json().attendance).toEqual([
        expect.objectContaining({ youth: { id: member.youth.id, name: member.youth.name }, status: null }),
      ]);
    });
  });

  // -------------------------------------------------------------------------------------------
  // Membership through the journey
  // -------------------------------------------------------------------------------------------

  describe('membership', () => {
    it('puts the youth in the group on GROUP_ASSIGNED', async () => {
      const group = await createGroup();
      const journey = await intakeJourney();
      const response = await assign(journey.journeyId, group.id);
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ stage: 'active', context: { groupId: group.id } });
      const detail = await getGroup(group.id);
      expect(detail.memberCount).toBe(1);
      expect(detail.members).toEqual([
        expect.objectContaining({
          youth: { id: journey.youth.id, name: journey.youth.name },
          journeyId: journey.journeyId,
          role: 'member',
          joinedAt: '2026-11-05T08:00:00.000Z',
          category: 'activity_ready',
        }),
      ]);
    });

    it('refuses a youth in a full group with "Gruppen er fuld (8 af 8)." and records nothing', async () => {
      const group = await createGroup();
      for (let i = 0; i < 8; i++) await memberOf(group.id);
      const ninth = await intakeJourney();
      const response = await assign(ninth.journeyId, group.id);
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'conflict',
        details: [{ field: 'groupId', message: 'Gruppen er fuld (8 af 8).' }],
      });
      expect((await getJourney(ninth.journeyId)).stage).toBe('intake');
      expect((await getGroup(group.id)).memberCount).toBe(8);
    });

    it('lets a leader place a youth in a full group', async () => {
      const group = await createGroup({ capacity: 1 });
      await memberOf(group.id);
      const journey = await intakeJourney();
      const response = await assign(journey.journeyId, group.id, { overrideCapacity: true }, leader());
      expect(response.statusCode).toBe(201);
      expect((await getGroup(group.id)).memberCount).toBe(2);
    });

    it("refuses a caseworker's override of a full group with 403", async () => {
      const group = await createGroup({ capacity: 1 });
      await memberOf(group.id);
      const journey = await intakeJourney();
      const response = await assign(journey.journeyId, group.id, { overrideCapacity: true });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.details).toEqual([
        { field: 'overrideCapacity', message: 'Kun en leder kan placere en ung i en fuld gruppe.' },
      ]);
      expect((await getGroup(group.id)).memberCount).toBe(1);
    });

    it('never lets a group grow beyond 12, not even for a leader', async () => {
      const group = await createGroup({ capacity: 12 }, leader());
      for (let i = 0; i < 12; i++) await memberOf(group.id);
      const journey = await intakeJourney();
      const response = await assign(journey.journeyId, group.id, { overrideCapacity: true }, leader());
      expect(response.statusCode).toBe(409);
      expect(response.json().error.details).toEqual([
        { field: 'groupId', message: 'Gruppen er fuld (12 af 12). En gruppe kan højst have 12 medlemmer.' },
      ]);
    });

    it("refuses another municipality's group and a closed group with a field error on groupId", async () => {
      const other = await newUnit(ctx.app, ctx.db);
      const foreign = await createGroup({}, other.caseworker.headers, other);
      const closed = await createGroup({ active: false });
      for (const groupId of [foreign.id, closed.id]) {
        const journey = await intakeJourney();
        const response = await assign(journey.journeyId, groupId);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.details).toEqual([
          { field: 'groupId', message: 'Gruppen findes ikke eller er lukket.' },
        ]);
      }
    });

    it('ends the old membership and starts the new one when the youth moves group', async () => {
      const from = await createGroup();
      const to = await createGroup();
      const journey = await memberOf(from.id);
      const moved = await assign(journey.journeyId, to.id, { occurredAt: '2026-11-12T09:00:00+01:00' });
      expect(moved.statusCode).toBe(201);
      expect((await getGroup(from.id)).members).toEqual([]);
      expect((await getGroup(to.id)).members).toEqual([
        expect.objectContaining({
          youth: expect.objectContaining({ id: journey.youth.id }),
          joinedAt: '2026-11-12T08:00:00.000Z',
        }),
      ]);
      const rows = await ctx.db
        .selectFrom('group_membership')
        .select(['group_id', 'joined_at', 'left_at'])
        .where('journey_id', '=', journey.journeyId)
        .orderBy('joined_at')
        .execute();
      expect(rows.map((r) => [r.group_id, r.joined_at.toISOString(), r.left_at?.toISOString() ?? null])).toEqual([
        [from.id, '2026-11-05T08:00:00.000Z', '2026-11-12T08:00:00.000Z'],
        [to.id, '2026-11-12T08:00:00.000Z', null],
      ]);
    });

    it('makes a youth who exits and stays in the group an alumni member who takes no place', async () => {
      const group = await createGroup({ capacity: 1 });
      const leaving = await memberOf(group.id);
      const exited = await sendEvent(ctx.app, cw(), leaving.journeyId, {
        type: 'EXITED',
        outcome: 'job',
        stayInGroup: true,
        occurredAt: '2026-11-20T12:00:00+01:00',
      });
      expect(exited.statusCode).toBe(201);
      const detail = await getGroup(group.id);
      expect(detail).toMatchObject({ memberCount: 0, alumniCount: 1 });
      expect(detail.members).toEqual([
        expect.objectContaining({ youth: expect.objectContaining({ id: leaving.youth.id }), role: 'alumni' }),
      ]);
      const newcomer = await intakeJourney();
      expect((await assign(newcomer.journeyId, group.id)).statusCode).toBe(201);
    });

    it('ends the membership when the youth exits without staying', async () => {
      const group = await createGroup();
      const journey = await memberOf(group.id);
      await sendEvent(ctx.app, cw(), journey.journeyId, { type: 'EXITED', outcome: 'education' });
      expect((await getGroup(group.id)).members).toEqual([]);
    });

    it('ends the membership when the journey is withdrawn', async () => {
      const group = await createGroup();
      const journey = await memberOf(group.id);
      await sendEvent(ctx.app, cw(), journey.journeyId, { type: 'WITHDRAWN', reason: 'Flyttet til Aarhus' });
      expect((await getGroup(group.id)).members).toEqual([]);
    });

    it("shows the group's composition per category, barrier, number of barriers and returning", async () => {
      const group = await createGroup();
      await memberOf(group.id);
      await memberOf(group.id, {
        visitation: {
          category: 'education_ready',
          barriers: ['social', 'debt', 'mental_health'],
          overrideReason: 'Gæld og angst fylder, men vil gerne i uddannelse',
        },
      });
      const { composition } = await getGroup(group.id);
      expect(composition.byCategory).toEqual({
        obviously_education_ready: 0,
        education_ready: 1,
        job_ready: 0,
        activity_ready: 1,
        undecided: 0,
      });
      expect(composition.byBarrier).toMatchObject({ mental_health: 2, social: 1, debt: 1, housing: 0 });
      expect(composition.byBarrierCount).toEqual({ none: 0, one: 1, two: 0, threeOrMore: 1 });
      expect(composition.returning).toBe(0);
    });
  });

  // -------------------------------------------------------------------------------------------
  // Attendance
  // -------------------------------------------------------------------------------------------

  describe('attendance', () => {
    /** A group with three members since 5 November and a meeting held on Tuesday 17 November. */
    async function groupWithPastMeeting() {
      const group = await createGroup();
      const members = [await memberOf(group.id), await memberOf(group.id), await memberOf(group.id)] as const;
      const meeting = await addMeeting(group.id, '2026-11-17T10:00:00+01:00');
      return { group, members, meeting };
    }

    it("records the whole group's attendance in one request and marks the meeting held", async () => {
      const { members, meeting } = await groupWithPastMeeting();
      const [a, b, c] = members;
      const response = await recordAttendance(meeting.id, [
        { youthId: a.youth.id, status: 'attended' },
        { youthId: b.youth.id, status: 'absent_with_notice', note: 'Til lægen' },
        { youthId: c.youth.id, status: 'absent' },
      ]);
      expect(response.statusCode).toBe(200);
      expect(response.json().status).toBe('held');
      const shown = await request('GET', `/api/meetings/${meeting.id}`, cw());
      const byYouth = Object.fromEntries(
        shown.json().attendance.map((x: { youth: { id: string }; status: string }) => [x.youth.id, x.status]),
      );
      expect(byYouth).toEqual({
        [a.youth.id]: 'attended',
        [b.youth.id]: 'absent_with_notice',
        [c.youth.id]: 'absent',
      });
    });

    it('refuses a youth who was not in the group at the meeting, and writes nothing', async () => {
      const { group, members, meeting } = await groupWithPastMeeting();
      const latecomer = await memberOf(group.id, { assignedAt: '2026-11-20T09:00:00+01:00' });
      const response = await recordAttendance(meeting.id, [
        { youthId: members[0].youth.id, status: 'attended' },
        { youthId: latecomer.youth.id, status: 'attended' },
      ]);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'entries.1.youthId', message: 'Den unge var ikke med i gruppen på mødets tidspunkt.' },
      ]);
      const shown = (await request('GET', `/api/meetings/${meeting.id}`, cw())).json();
      expect(shown.status).toBe('planned');
      expect(shown.attendance.map((x: { status: string | null }) => x.status)).toEqual([null, null, null]);
      expect((await getJourney(members[0].journeyId)).lastActivityAt).toBeNull();
    });

    it("sets an attending youth's lastActivityAt to the meeting time, and an absent youth's not", async () => {
      const { group, members, meeting } = await groupWithPastMeeting();
      await recordAttendance(meeting.id, [
        { youthId: members[0].youth.id, status: 'attended' },
        { youthId: members[1].youth.id, status: 'absent' },
      ]);
      expect((await getJourney(members[0].journeyId)).lastActivityAt).toBe('2026-11-17T09:00:00.000Z');
      expect((await getJourney(members[1].journeyId)).lastActivityAt).toBeNull();
      const list = (await request('GET', `/api/journeys?groupId=${group.id}`, cw())).json();
      const listed = Object.fromEntries(
        list.items.map((j: { id: string; lastActivityAt: string | null }) => [j.id, j.lastActivityAt]),
      );
      expect(listed[members[0].journeyId]).toBe('2026-11-17T09:00:00.000Z');
      expect(listed[members[1].journeyId]).toBeNull();
    });

    it('lets an alumni member attend', async () => {
      const { members, meeting } = await groupWithPastMeeting();
      const alumnus = members[0];
      await sendEvent(ctx.app, cw(), alumnus.journeyId, {
        type: 'EXITED',
        outcome: 'job',
        stayInGroup: true,
        occurredAt: '2026-11-10T12:00:00+01:00',
      });
      const response = await recordAttendance(meeting.id, [{ youthId: alumnus.youth.id, status: 'attended' }]);
      expect(response.statusCode).toBe(200);
      expect(response.json().attendance).toContainEqual(
        expect.objectContaining({
          youth: expect.objectContaining({ id: alumnus.youth.id }),
          role: 'alumni',
          status: 'attended',
        }),
      );
    });

    it('refuses attendance for a cancelled meeting', async () => {
      const { members, meeting } = await groupWithPastMeeting();
      await request('PATCH', `/api/meetings/${meeting.id}`, cw(), { version: meeting.version, status: 'cancelled' });
      const response = await recordAttendance(meeting.id, [{ youthId: members[0].youth.id, status: 'attended' }]);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'entries', message: 'Mødet er aflyst; der kan ikke registreres fremmøde.' },
      ]);
    });

    it('refuses attendance for a meeting that has not begun', async () => {
      const group = await createGroup();
      const member = await memberOf(group.id);
      const [next] = await meetingsOf(group.id);
      const response = await recordAttendance(next?.id ?? '', [{ youthId: member.youth.id, status: 'attended' }]);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'entries', message: 'Mødet er ikke begyndt endnu; fremmøde registreres fra mødets start.' },
      ]);
    });

    it('refuses to move a meeting that was held', async () => {
      const { members, meeting } = await groupWithPastMeeting();
      const recorded = await recordAttendance(meeting.id, [{ youthId: members[0].youth.id, status: 'attended' }]);
      const response = await request('PATCH', `/api/meetings/${meeting.id}`, cw(), {
        version: recorded.json().version,
        startsAt: '2026-11-18T10:00:00+01:00',
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.details[0].message).toBe(
        'Mødet er holdt, og fremmødet er registreret. Det kan ikke flyttes eller aflyses.',
      );
    });

    it('counts the meetings missed in a row, newest first, ignoring cancelled ones', async () => {
      const group = await createGroup();
      const youth = await memberOf(group.id);
      const other = await memberOf(group.id);
      const meetingOn = (day: string) => addMeeting(group.id, `2026-11-${day}T10:00:00+01:00`);
      const m10 = await meetingOn('10');
      const m12 = await meetingOn('12');
      const m14 = await meetingOn('14');
      const m17 = await meetingOn('17');
      const m19 = await meetingOn('19');
      const attendance = async (meetingId: string, status: string) =>
        expect(
          (
            await recordAttendance(meetingId, [
              { youthId: youth.youth.id, status },
              { youthId: other.youth.id, status: 'attended' },
            ])
          ).statusCode,
        ).toBe(200);
      const missed = () => missedMeetingsInRow(ctx.db, unit.municipality.id, youth.journeyId);

      await attendance(m10.id, 'attended');
      await attendance(m12.id, 'absent');
      await request('PATCH', `/api/meetings/${m14.id}`, cw(), { version: 1, status: 'cancelled' });
      await attendance(m17.id, 'absent');
      // Nothing is recorded for 19 November yet: not held, so it does not count either way.
      expect(await missed()).toBe(2);

      await attendance(m19.id, 'absent_with_notice');
      expect(await missed()).toBe(0);
    });

    it('counts no missed meetings for a journey in no group', async () => {
      const journey = await intakeJourney();
      expect(await missedMeetingsInRow(ctx.db, unit.municipality.id, journey.journeyId)).toBe(0);
    });
  });

  // -------------------------------------------------------------------------------------------
  // Tenancy and audit
  // -------------------------------------------------------------------------------------------

  it('answers 404 to another municipality for the group, its meetings and their attendance', async () => {
    const group = await createGroup();
    const member = await memberOf(group.id);
    const meeting = await addMeeting(group.id, '2026-11-17T10:00:00+01:00');
    const other = (await newUnit(ctx.app, ctx.db)).caseworker.headers;
    const attempts = [
      request('GET', `/api/groups/${group.id}`, other),
      request('PATCH', `/api/groups/${group.id}`, other, { version: 1, name: 'Overtaget' }),
      request('GET', `/api/groups/${group.id}/meetings`, other),
      request('POST', `/api/groups/${group.id}/meetings/generate`, other, { weeks: 2 }),
      request('POST', `/api/groups/${group.id}/meetings`, other, { startsAt: '2026-11-18T10:00:00+01:00' }),
      request('GET', `/api/meetings/${meeting.id}`, other),
      request('PATCH', `/api/meetings/${meeting.id}`, other, { version: 1, status: 'cancelled' }),
      recordAttendance(meeting.id, [{ youthId: member.youth.id, status: 'attended' }], other),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    const list = (await request('GET', '/api/groups?pageSize=100', other)).json();
    expect(list.items.map((g: { id: string }) => g.id)).not.toContain(group.id);
  });

  it('audits every write, with the youth on membership and attendance entries', async () => {
    const own = await newUnit(ctx.app, ctx.db);
    const headers = own.caseworker.headers;
    const group = await createGroup({}, headers, own);
    await request('PATCH', `/api/groups/${group.id}`, headers, { version: 1, place: 'Biblioteket' });
    await request('POST', `/api/groups/${group.id}/meetings/generate`, headers, { weeks: 10 });
    const meeting = (
      await request('POST', `/api/groups/${group.id}/meetings`, headers, {
        startsAt: '2026-11-17T10:00:00+01:00',
      })
    ).json();
    const journey = await intakeJourney({}, headers);
    await expectCreated(assign(journey.journeyId, group.id, {}, headers));
    await request('PATCH', `/api/meetings/${meeting.id}`, headers, { version: 1, note: 'Tema: jobsamtaler' });
    await recordAttendance(meeting.id, [{ youthId: journey.youth.id, status: 'attended' }], headers);

    const entries = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'youth_id', 'user_id'])
      .where('municipality_id', '=', own.municipality.id)
      .where('action', 'like', 'group.%')
      .orderBy('id')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'group.created',
      'group.meetings_changed',
      'group.updated',
      'group.meetings_changed',
      'group.meetings_changed',
      'group.meetings_changed',
      'group.membership_changed',
      'group.meetings_changed',
      'group.attendance_recorded',
    ]);
    expect(entries.every((e) => e.user_id === own.caseworker.id)).toBe(true);
    expect(entries.filter((e) => e.youth_id).map((e) => [e.action, e.youth_id])).toEqual([
      ['group.membership_changed', journey.youth.id],
      ['group.attendance_recorded', journey.youth.id],
    ]);
  });

  it('logs who saw which youth when a group is shown', async () => {
    const group = await createGroup();
    const member = await memberOf(group.id);
    await getGroup(group.id, leader());
    const reads = await ctx.db
      .selectFrom('audit_log')
      .select(['user_id', 'details'])
      .where('action', '=', 'youth.read')
      .where('youth_id', '=', member.youth.id)
      .execute();
    expect(reads).toContainEqual({ user_id: unit.leader.id, details: { via: 'group', groupId: group.id } });
  });
});
