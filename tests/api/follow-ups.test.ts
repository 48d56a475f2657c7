import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { loginAs, newCompany, newGroup, newUnit, newUser, newYouth } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;
type Headers = { cookie: string };

describe.each(engines)('pause, exit and follow-up on %s', (engine) => {
  let ctx: TestContext;
  let unit: Unit;
  let other: Unit;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    other = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const headers = () => unit.caseworker.headers;
  const get = (url: string, as: Headers = headers()) => ctx.app.inject({ method: 'GET', url, headers: as });
  const followUpsOf = async (journeyId: string) => (await get(`/api/journeys/${journeyId}/follow-ups`)).json().items;

  /**
   * A youth in a network group since `startDay`, with the first conversation, visitation and group
   * on the days after. Optionally with a named responsible caseworker.
   */
  async function activeJourney(startDay: string, caseworkerId?: string) {
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id, {
      firstContactAt: startDay,
      ...(caseworkerId ? { caseworkerId } : {}),
    });
    const at = (time: string) => `${startDay}T${time}+01:00`;
    await sendEvent(ctx.app, headers(), journey.id, {
      type: 'FIRST_CONVERSATION_HELD',
      mode: 'in_person',
      occurredAt: at('09:00:00'),
    });
    await sendEvent(ctx.app, headers(), journey.id, { ...activityReadyVisitation(), occurredAt: at('10:00:00') });
    const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
    const assigned = await sendEvent(ctx.app, headers(), journey.id, {
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId: group.id,
      occurredAt: at('11:00:00'),
    });
    if (assigned.statusCode !== 201) throw new Error(`group assignment failed: ${assigned.body}`);
    return { youth, journeyId: journey.id };
  }

  async function exit(journeyId: string, occurredAt: string) {
    const exited = await sendEvent(ctx.app, headers(), journeyId, { type: 'EXITED', outcome: 'job', occurredAt });
    if (exited.statusCode !== 201) throw new Error(`exit failed: ${exited.body}`);
    return exited.json();
  }

  const recordFollowUp = (journeyId: string, month: number, status: string, occurredAt: string, as = headers()) =>
    sendEvent(ctx.app, as, journeyId, { type: 'FOLLOW_UP_RECORDED', month, status, occurredAt });

  describe('exit', () => {
    it('schedules the follow-ups 3, 6 and 12 months after the Danish exit day', async () => {
      const { journeyId } = await activeJourney('2026-11-02');
      // 23:30 UTC on 19 November is 20 November in Denmark.
      await exit(journeyId, '2026-11-19T23:30:00Z');
      expect(await followUpsOf(journeyId)).toEqual([
        expect.objectContaining({ month: 3, dueOn: '2027-02-20', status: null, recordedAt: null }),
        expect.objectContaining({ month: 6, dueOn: '2027-05-20', status: null, recordedAt: null }),
        expect.objectContaining({ month: 12, dueOn: '2027-11-20', status: null, recordedAt: null }),
      ]);
    });

    it('falls back to the last day of a shorter month', async () => {
      const { journeyId } = await activeJourney('2026-08-03');
      await exit(journeyId, '2026-08-31T12:00:00+02:00');
      expect((await followUpsOf(journeyId)).map((f: { dueOn: string }) => f.dueOn)).toEqual([
        '2026-11-30',
        '2027-02-28',
        '2027-08-31',
      ]);
    });

    it('ends the running placement at the exit', async () => {
      const { journeyId } = await activeJourney('2026-11-02');
      const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PLACEMENT_STARTED',
        companyId: company.id,
        kind: 'wage_subsidy',
        hoursPerWeek: 30,
        occurredAt: '2026-11-09T08:00:00+01:00',
      });
      await exit(journeyId, '2026-11-20T12:00:00+01:00');
      const placements = (await get(`/api/journeys/${journeyId}/placements`)).json().items;
      expect(placements).toEqual([
        expect.objectContaining({ active: false, endedAt: '2026-11-20T11:00:00.000Z', endCause: 'exited' }),
      ]);
    });

    it('ends the placement that waited during a pause when the youth exits from the pause', async () => {
      const { journeyId } = await activeJourney('2026-11-02');
      const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PLACEMENT_STARTED',
        companyId: company.id,
        kind: 'internship',
        hoursPerWeek: 15,
        occurredAt: '2026-11-09T08:00:00+01:00',
      });
      await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PAUSED',
        reason: 'treatment',
        expectedReturn: '2027-01-15',
        occurredAt: '2026-11-16T08:00:00+01:00',
      });
      const placementsWhilePaused = (await get(`/api/journeys/${journeyId}/placements`)).json().items;
      expect(placementsWhilePaused).toEqual([expect.objectContaining({ active: true })]);
      await exit(journeyId, '2026-11-20T12:00:00+01:00');
      const placements = (await get(`/api/journeys/${journeyId}/placements`)).json().items;
      expect(placements).toEqual([expect.objectContaining({ active: false, endCause: 'exited' })]);
    });
  });

  describe('recording follow-ups', () => {
    it('puts the status on the follow-up and keeps the journey in follow-up', async () => {
      const { journeyId } = await activeJourney('2026-03-02');
      await exit(journeyId, '2026-05-04T12:00:00+02:00');
      const recorded = await recordFollowUp(journeyId, 3, 'in_education', '2026-08-05T10:00:00+02:00');
      expect(recorded.statusCode).toBe(201);
      expect(recorded.json()).toMatchObject({ stage: 'followUp', open: true });
      expect((await followUpsOf(journeyId))[0]).toMatchObject({
        month: 3,
        status: 'in_education',
        recordedAt: '2026-08-05T08:00:00.000Z',
        recordedBy: unit.caseworker.id,
      });
    });

    it('refuses a month recorded twice and keeps the first status', async () => {
      const { journeyId } = await activeJourney('2026-03-02');
      await exit(journeyId, '2026-05-04T12:00:00+02:00');
      await recordFollowUp(journeyId, 3, 'in_job', '2026-08-05T10:00:00+02:00');
      const again = await recordFollowUp(journeyId, 3, 'unknown', '2026-08-06T10:00:00+02:00');
      expect(again.statusCode).toBe(422);
      expect((await followUpsOf(journeyId))[0]).toMatchObject({ month: 3, status: 'in_job' });
    });

    it('closes the journey when the 12-month follow-up is recorded', async () => {
      const { journeyId } = await activeJourney('2025-09-01');
      await exit(journeyId, '2025-11-03T12:00:00+01:00');
      await recordFollowUp(journeyId, 3, 'in_job', '2026-02-03T10:00:00+01:00');
      await recordFollowUp(journeyId, 6, 'in_job', '2026-05-04T10:00:00+02:00');
      const last = await recordFollowUp(journeyId, 12, 'in_job', '2026-11-03T10:00:00+01:00');
      expect(last.statusCode).toBe(201);
      expect(last.json()).toMatchObject({ stage: 'closed', open: false, context: { closedReason: 'completed' } });
      expect((await followUpsOf(journeyId)).map((f: { status: string }) => f.status)).toEqual([
        'in_job',
        'in_job',
        'in_job',
      ]);
    });

    it('drops the follow-ups left when the 12-month one is recorded first', async () => {
      const { journeyId } = await activeJourney('2025-09-01');
      await exit(journeyId, '2025-11-03T12:00:00+01:00');
      await recordFollowUp(journeyId, 12, 'in_education', '2026-11-03T10:00:00+01:00');
      expect(await followUpsOf(journeyId)).toEqual([expect.objectContaining({ month: 12, status: 'in_education' })]);
    });

    it('closes the journey on back on benefit and opens a new returning journey in referred with the same caseworker', async () => {
      const { youth, journeyId } = await activeJourney('2026-01-05');
      await exit(journeyId, '2026-03-02T12:00:00+01:00');
      await recordFollowUp(journeyId, 3, 'in_job', '2026-06-02T10:00:00+02:00');
      // Recorded by the leader: the new journey still belongs to the youth's caseworker.
      const relapse = await recordFollowUp(
        journeyId,
        6,
        'back_on_benefit',
        '2026-09-03T10:00:00+02:00',
        unit.leader.headers,
      );
      expect(relapse.statusCode).toBe(201);
      expect(relapse.json()).toMatchObject({
        stage: 'closed',
        open: false,
        context: { closedReason: 'back_on_benefit' },
      });

      const journeys = (await get(`/api/youth/${youth.id}/journeys`)).json().items;
      expect(journeys).toHaveLength(2);
      const next = journeys.find((j: { id: string }) => j.id !== journeyId);
      expect(next).toMatchObject({
        stage: 'referred',
        open: true,
        returning: true,
        referral: {
          source: 'jobcenter',
          reason: 'Tilbage på ydelse efter afslutning (opfølgning efter 6 måneder)',
          firstContactAt: '2026-09-03T08:00:00.000Z',
        },
        caseworkerId: unit.caseworker.id,
        version: 1,
      });
      const detail = (await get(`/api/journeys/${next.id}`)).json();
      expect(detail.acceptedEvents.map((e: { type: string }) => e.type).sort()).toEqual([
        'FIRST_CONVERSATION_HELD',
        'WITHDRAWN',
      ]);
      // The 12-month follow-up of the closed journey is no longer due.
      expect((await followUpsOf(journeyId)).map((f: { month: number; status: string }) => [f.month, f.status])).toEqual(
        [
          [3, 'in_job'],
          [6, 'back_on_benefit'],
        ],
      );
    });
  });

  describe('the overview', () => {
    it('lists overdue and upcoming follow-ups with the youth name and due date', async () => {
      const caseworker = await newUser(ctx.db, { municipalityId: unit.municipality.id, role: 'caseworker' });
      const { youth, journeyId } = await activeJourney('2026-01-05', caseworker.id);
      await exit(journeyId, '2026-03-02T12:00:00+01:00');

      const overdue = await get(`/api/follow-ups?due=overdue&caseworkerId=${caseworker.id}`);
      expect(overdue.statusCode).toBe(200);
      expect(overdue.json()).toMatchObject({ total: 2, page: 1 });
      expect(overdue.json().items).toEqual([
        {
          id: expect.any(String),
          journeyId,
          youth: { id: youth.id, name: youth.name },
          caseworker: { id: caseworker.id, name: 'Test caseworker' },
          month: 3,
          dueOn: '2026-06-02',
          daysOverdue: 173,
        },
        expect.objectContaining({ month: 6, dueOn: '2026-09-02', daysOverdue: 81 }),
      ]);
      const upcoming = (await get(`/api/follow-ups?due=upcoming&caseworkerId=${caseworker.id}`)).json();
      expect(upcoming.items).toEqual([expect.objectContaining({ month: 12, dueOn: '2027-03-02', daysOverdue: 0 })]);

      await recordFollowUp(journeyId, 3, 'in_job', '2026-06-03T10:00:00+02:00');
      const after = (await get(`/api/follow-ups?due=overdue&caseworkerId=${caseworker.id}`)).json();
      expect(after.items.map((f: { month: number }) => f.month)).toEqual([6]);
    });

    it('leaves out the follow-ups of a withdrawn journey', async () => {
      const caseworker = await newUser(ctx.db, { municipalityId: unit.municipality.id, role: 'caseworker' });
      const { journeyId } = await activeJourney('2026-01-05', caseworker.id);
      await exit(journeyId, '2026-03-02T12:00:00+01:00');
      await sendEvent(ctx.app, headers(), journeyId, { type: 'WITHDRAWN', reason: 'Flyttet til udlandet' });
      const list = (await get(`/api/follow-ups?caseworkerId=${caseworker.id}`)).json();
      expect(list).toMatchObject({ items: [], total: 0 });
    });
  });

  describe('another municipality', () => {
    it('gets 404 for the follow-ups of a journey and sees none in its overview', async () => {
      const { journeyId } = await activeJourney('2026-01-05');
      await exit(journeyId, '2026-03-02T12:00:00+01:00');
      const theirs = other.caseworker.headers;
      expect((await get(`/api/journeys/${journeyId}/follow-ups`, theirs)).statusCode).toBe(404);
      const recorded = await ctx.app.inject({
        method: 'POST',
        url: `/api/journeys/${journeyId}/events`,
        headers: theirs,
        payload: { type: 'FOLLOW_UP_RECORDED', expectedVersion: 6, month: 3, status: 'in_job' },
      });
      expect(recorded.statusCode).toBe(404);
      expect((await get('/api/follow-ups', theirs)).json()).toMatchObject({ items: [], total: 0 });
      expect((await followUpsOf(journeyId))[0].status).toBeNull();
    });
  });

  describe('audit', () => {
    it('audits the follow-up, the new journey it opens and the overview', async () => {
      const caseworker = await newUser(ctx.db, { municipalityId: unit.municipality.id, role: 'caseworker' });
      const caseworkerHeaders = await loginAs(ctx.app, caseworker);
      const { youth, journeyId } = await activeJourney('2026-01-05', caseworker.id);
      await exit(journeyId, '2026-03-02T12:00:00+01:00');
      await recordFollowUp(journeyId, 3, 'back_on_benefit', '2026-06-02T10:00:00+02:00');
      await get('/api/follow-ups?due=overdue', caseworkerHeaders);

      const log = await get(`/api/audit?youthId=${youth.id}&pageSize=100`, unit.leader.headers);
      const entries = log.json().items as Array<{ action: string; details: Record<string, unknown> }>;
      const followUp = entries.find((e) => e.action === 'follow_up.recorded');
      expect(followUp?.details).toMatchObject({ journeyId, month: 3, status: 'back_on_benefit' });
      const opened = entries.filter((e) => e.action === 'journey.opened');
      expect(opened.map((e) => e.details)).toContainEqual(
        expect.objectContaining({
          journeyId: followUp?.details.newJourneyId,
          returning: true,
          previousJourneyId: journeyId,
        }),
      );
      const listed = await get(`/api/audit?action=journey.listed&userId=${caseworker.id}`, unit.leader.headers);
      expect(listed.json().items[0].details).toMatchObject({ view: 'follow_ups', criteria: { due: 'overdue' } });
    });
  });
});
