import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCompany, newCpr, newGroup, newUnit, newYouth } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';

const NOW = new Date('2026-11-22T10:00:00Z');
/** A day before NOW: the event has taken place. Taking part counts from the start of the Danish day. */
const PAST_DAY = '2026-11-20';
const PAST_DAY_START = '2026-11-19T23:00:00.000Z';
const FUTURE_DAY = '2026-12-03';

type Headers = { cookie: string };

describe.each(engines)('match events on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let other: Awaited<ReturnType<typeof newUnit>>;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    other = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const headers = () => unit.caseworker.headers;
  const request = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, h?: Headers) =>
    ctx.app.inject({ method, url, headers: h ?? headers(), ...(payload ? { payload } : {}) });

  async function expectEvent(response: Awaited<ReturnType<typeof request>>, status = 201) {
    if (response.statusCode !== status) throw new Error(`${response.statusCode} ${response.body}`);
    return response.json<{ id: string; version: number }>();
  }

  /**
   * A journey in the given stage, with every event dated early in November so that nothing
   * recorded on it is newer than the match events below.
   */
  async function journeyIn(
    stage: 'intake' | 'active' | 'redirected' | 'closed',
    options: { name?: string; h?: Headers; municipalityId?: string; facilitatorId?: string } = {},
  ) {
    const h = options.h ?? headers();
    const born = stage === 'redirected' ? '1994-01-10' : '2003-06-01'; // 32 years old is outside the target group
    const youth = await newYouth(ctx.app, h, { cpr: newCpr(born), ...(options.name ? { name: options.name } : {}) });
    const journey = await openJourney(ctx.app, h, youth.id);
    const send = async (event: Record<string, unknown>) => {
      const response = await sendEvent(ctx.app, h, journey.id, event);
      if (response.statusCode !== 201)
        throw new Error(`${String(event.type)}: ${response.statusCode} ${response.body}`);
      return response.json<{ stage: string }>();
    };
    if (stage === 'closed') {
      await send({ type: 'WITHDRAWN', reason: 'Flyttet', occurredAt: '2026-11-03T09:00:00Z' });
      return { journeyId: journey.id, youthId: youth.id, name: youth.name };
    }
    await send({ type: 'FIRST_CONVERSATION_HELD', mode: 'in_person', occurredAt: '2026-11-03T09:00:00Z' });
    const decided = await send(activityReadyVisitation({ occurredAt: '2026-11-03T10:00:00Z' }));
    expect(decided.stage).toBe(stage === 'redirected' ? 'redirected' : 'intake');
    if (stage === 'active') {
      const group = await newGroup(ctx.db, {
        municipalityId: options.municipalityId ?? unit.municipality.id,
        facilitatorId: options.facilitatorId ?? unit.caseworker.id,
      });
      const assigned = await send({
        type: 'GROUP_ASSIGNED',
        canTakePart15HoursAWeek: true,
        groupId: group.id,
        occurredAt: '2026-11-04T09:00:00Z',
      });
      expect(assigned.stage).toBe('active');
    }
    return { journeyId: journey.id, youthId: youth.id, name: youth.name };
  }

  const company = (name?: string) =>
    newCompany(ctx.db, { municipalityId: unit.municipality.id, ...(name ? { name } : {}) });

  async function lastActivityAt(journeyId: string): Promise<string | null> {
    const response = await request('GET', `/api/journeys/${journeyId}`);
    expect(response.statusCode).toBe(200);
    return response.json<{ lastActivityAt: string | null }>().lastActivityAt;
  }

  /** An event still to come with the given number of new companies and youth (in intake) on it. */
  async function eventWith(companies: number, youth: number) {
    const cs = [];
    for (let i = 0; i < companies; i++) cs.push(await company());
    const ys = [];
    for (let i = 0; i < youth; i++) ys.push(await journeyIn('intake'));
    const event = await expectEvent(
      await request('POST', '/api/match-events', {
        date: FUTURE_DAY,
        place: 'Hal 8',
        companyIds: cs.map((c) => c.id),
        journeyIds: ys.map((y) => y.journeyId),
      }),
    );
    return { event, companies: cs, youth: ys };
  }

  describe('participants', () => {
    it('creates a match event with its companies and youth, shown by name', async () => {
      const bakery = await company('Bageriet ApS');
      const garage = await company('Autoværkstedet I/S');
      const inIntake = await journeyIn('intake', { name: 'Amalie Intake' });
      const active = await journeyIn('active', { name: 'Bo Aktiv' });
      const response = await request('POST', '/api/match-events', {
        date: FUTURE_DAY,
        place: 'Roskilde Kongrescenter',
        companyIds: [bakery.id, garage.id],
        journeyIds: [active.journeyId, inIntake.journeyId],
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        date: FUTURE_DAY,
        place: 'Roskilde Kongrescenter',
        takenPlace: false,
        version: 1,
        companies: [
          { id: garage.id, name: 'Autoværkstedet I/S', interestedIn: [] },
          { id: bakery.id, name: 'Bageriet ApS', interestedIn: [] },
        ],
        youth: [
          { journeyId: inIntake.journeyId, youthId: inIntake.youthId, name: 'Amalie Intake', wishes: [] },
          { journeyId: active.journeyId, youthId: active.youthId, name: 'Bo Aktiv', wishes: [] },
        ],
      });
    });

    it('refuses a redirected journey with a Danish field error at its position', async () => {
      const fine = await journeyIn('intake');
      const redirected = await journeyIn('redirected');
      const response = await request('POST', '/api/match-events', {
        date: FUTURE_DAY,
        place: 'Hal 1',
        journeyIds: [fine.journeyId, redirected.journeyId],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'validation_failed',
        details: [
          {
            field: 'journeyIds.1',
            message: 'Kun unge i et forløb i fasen opstart eller aktiv kan deltage i et match event.',
          },
        ],
      });
    });

    it('refuses a closed journey when participants are set', async () => {
      const event = await expectEvent(await request('POST', '/api/match-events', { date: FUTURE_DAY, place: 'Hal 2' }));
      const closed = await journeyIn('closed');
      const response = await request('PUT', `/api/match-events/${event.id}/participants`, {
        companyIds: [],
        journeyIds: [closed.journeyId],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        {
          field: 'journeyIds.0',
          message: 'Kun unge i et forløb i fasen opstart eller aktiv kan deltage i et match event.',
        },
      ]);
    });

    it("refuses another municipality's journey as unknown", async () => {
      const foreign = await journeyIn('intake', { h: other.caseworker.headers });
      const response = await request('POST', '/api/match-events', {
        date: FUTURE_DAY,
        place: 'Hal 3',
        journeyIds: [foreign.journeyId],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([{ field: 'journeyIds.0', message: 'Forløbet findes ikke.' }]);
    });

    it("refuses another municipality's company on the event with a field error", async () => {
      const foreign = await newCompany(ctx.db, { municipalityId: other.municipality.id });
      const response = await request('POST', '/api/match-events', {
        date: FUTURE_DAY,
        place: 'Hal 4',
        companyIds: [foreign.id],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'companyIds.0', message: 'Virksomheden findes ikke i kommunens netværk.' },
      ]);
    });

    it('replaces the participants, and a youth taken off loses the wishes recorded', async () => {
      const c = await company();
      const stays = await journeyIn('intake');
      const leaves = await journeyIn('intake');
      const event = await expectEvent(
        await request('POST', '/api/match-events', {
          date: FUTURE_DAY,
          place: 'Hal 5',
          companyIds: [c.id],
          journeyIds: [stays.journeyId, leaves.journeyId],
        }),
      );
      await request('PUT', `/api/match-events/${event.id}/wishes/${leaves.journeyId}`, {
        companyIds: [c.id],
        version: 1,
      });
      const replaced = await request('PUT', `/api/match-events/${event.id}/participants`, {
        companyIds: [c.id],
        journeyIds: [stays.journeyId],
        version: 1,
      });
      expect(replaced.statusCode).toBe(200);
      expect(replaced.json().youth.map((y: { journeyId: string }) => y.journeyId)).toEqual([stays.journeyId]);
      expect(replaced.json().version).toBe(2);
      const back = await request('PUT', `/api/match-events/${event.id}/participants`, {
        companyIds: [c.id],
        journeyIds: [stays.journeyId, leaves.journeyId],
      });
      const returned = back.json().youth.find((y: { journeyId: string }) => y.journeyId === leaves.journeyId);
      expect(returned.wishes).toEqual([]);
    });

    it('keeps a participant whose journey has moved on when the list is saved again', async () => {
      const event = await expectEvent(await request('POST', '/api/match-events', { date: FUTURE_DAY, place: 'Hal 6' }));
      const youth = await journeyIn('intake');
      await request('PUT', `/api/match-events/${event.id}/participants`, {
        companyIds: [],
        journeyIds: [youth.journeyId],
      });
      const withdrawn = await sendEvent(ctx.app, headers(), youth.journeyId, { type: 'WITHDRAWN', reason: 'Fik job' });
      expect(withdrawn.json().stage).toBe('closed');
      const again = await request('PUT', `/api/match-events/${event.id}/participants`, {
        companyIds: [],
        journeyIds: [youth.journeyId],
      });
      expect(again.statusCode).toBe(200);
    });

    it('refuses participants set against an old version with 409', async () => {
      const event = await expectEvent(await request('POST', '/api/match-events', { date: FUTURE_DAY, place: 'Hal 7' }));
      await request('PUT', `/api/match-events/${event.id}/participants`, {
        companyIds: [],
        journeyIds: [],
        version: 1,
      });
      const stale = await request('PUT', `/api/match-events/${event.id}/participants`, {
        companyIds: [],
        journeyIds: [],
        version: 1,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    });
  });

  describe('wishes and interests', () => {
    it("records a youth's wishes ranked in the order given", async () => {
      const { event, companies, youth } = await eventWith(3, 1);
      const [a, b, c] = companies.map((company) => ({ id: company.id })) as [
        { id: string },
        { id: string },
        { id: string },
      ];
      const journeyId = youth[0]!.journeyId;
      const response = await request('PUT', `/api/match-events/${event.id}/wishes/${journeyId}`, {
        companyIds: [c.id, a.id, b.id],
        version: 1,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().youth[0].wishes).toEqual([c.id, a.id, b.id]);
      const changed = await request('PUT', `/api/match-events/${event.id}/wishes/${journeyId}`, {
        companyIds: [b.id],
        version: 2,
      });
      expect(changed.json().youth[0].wishes).toEqual([b.id]);
    });

    it('refuses the same company wished twice', async () => {
      const { event, companies, youth } = await eventWith(2, 1);
      const [a, b] = companies.map((company) => ({ id: company.id })) as [{ id: string }, { id: string }];
      const response = await request('PUT', `/api/match-events/${event.id}/wishes/${youth[0]!.journeyId}`, {
        companyIds: [a.id, b.id, a.id],
        version: 1,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'companyIds.2', message: 'Hver virksomhed kan kun ønskes én gang.' },
      ]);
    });

    it('refuses a wish for a company that does not take part in the event', async () => {
      const { event, companies, youth } = await eventWith(1, 1);
      const outside = await company();
      const response = await request('PUT', `/api/match-events/${event.id}/wishes/${youth[0]!.journeyId}`, {
        companyIds: [companies[0]!.id, outside.id],
        version: 1,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'companyIds.1', message: 'Virksomheden deltager ikke i dette match event.' },
      ]);
    });

    it('refuses wishes for a youth who does not take part in the event', async () => {
      const { event, companies } = await eventWith(1, 0);
      const outsider = await journeyIn('intake');
      const response = await request('PUT', `/api/match-events/${event.id}/wishes/${outsider.journeyId}`, {
        companyIds: [companies[0]!.id],
        version: 1,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'journeyId', message: 'Den unge deltager ikke i dette match event.' },
      ]);
    });

    it("records a company's interest in youth of the event", async () => {
      const { event, companies, youth } = await eventWith(1, 2);
      const response = await request('PUT', `/api/match-events/${event.id}/interests/${companies[0]!.id}`, {
        journeyIds: [youth[1]!.journeyId],
        version: 1,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().companies[0].interestedIn).toEqual([youth[1]!.journeyId]);
    });

    it('refuses interest in a youth who does not take part in the event', async () => {
      const { event, companies, youth } = await eventWith(1, 1);
      const outsider = await journeyIn('intake');
      const response = await request('PUT', `/api/match-events/${event.id}/interests/${companies[0]!.id}`, {
        journeyIds: [youth[0]!.journeyId, outsider.journeyId],
        version: 1,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'journeyIds.1', message: 'Den unge deltager ikke i dette match event.' },
      ]);
    });

    it('refuses interest from a company that does not take part in the event', async () => {
      const { event, youth } = await eventWith(0, 1);
      const outside = await company();
      const response = await request('PUT', `/api/match-events/${event.id}/interests/${outside.id}`, {
        journeyIds: [youth[0]!.journeyId],
        version: 1,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'companyId', message: 'Virksomheden deltager ikke i dette match event.' },
      ]);
    });
  });

  describe('two caseworkers at the same event', () => {
    type Detail = {
      version: number;
      youth: Array<{ journeyId: string; wishes: string[]; wishesVersion: number }>;
      companies: Array<{ id: string; interestedIn: string[]; interestsVersion: number }>;
    };
    const read = async (id: string) => (await request('GET', `/api/match-events/${id}`)).json<Detail>();

    it('refuses wishes and interests sent without the version they were made against', async () => {
      const { event, companies, youth } = await eventWith(1, 1);
      const wishes = await request('PUT', `/api/match-events/${event.id}/wishes/${youth[0]!.journeyId}`, {
        companyIds: [companies[0]!.id],
      });
      expect(wishes.statusCode).toBe(400);
      expect(wishes.json().error.details).toEqual([{ field: 'version', message: 'Skal udfyldes.' }]);
      const interests = await request('PUT', `/api/match-events/${event.id}/interests/${companies[0]!.id}`, {
        journeyIds: [youth[0]!.journeyId],
      });
      expect(interests.statusCode).toBe(400);
      expect(interests.json().error.details).toEqual([{ field: 'version', message: 'Skal udfyldes.' }]);
    });

    it("refuses wishes made against an old version with 409 and keeps the colleague's wishes", async () => {
      const { event, companies, youth } = await eventWith(2, 1);
      const [a, b] = [companies[0]!, companies[1]!];
      const url = `/api/match-events/${event.id}/wishes/${youth[0]!.journeyId}`;
      const first = await request('PUT', url, { companyIds: [a.id], version: 1 });
      expect(first.statusCode).toBe(200);
      expect(first.json<Detail>().youth[0]).toMatchObject({ wishes: [a.id], wishesVersion: 2 });
      const stale = await request('PUT', url, { companyIds: [b.id, a.id], version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({
        code: 'version_conflict',
        currentVersion: 2,
        message: 'Oplysningerne er ændret af en anden i mellemtiden. Hent dem igen.',
      });
      expect((await read(event.id)).youth[0]).toMatchObject({ wishes: [a.id], wishesVersion: 2 });
      const current = await request('PUT', url, { companyIds: [b.id, a.id], version: 2 });
      expect(current.json<Detail>().youth[0]).toMatchObject({ wishes: [b.id, a.id], wishesVersion: 3 });
    });

    it("refuses a company's interest made against an old version with 409 and keeps the colleague's", async () => {
      const { event, companies, youth } = await eventWith(1, 2);
      const url = `/api/match-events/${event.id}/interests/${companies[0]!.id}`;
      expect((await request('PUT', url, { journeyIds: [youth[0]!.journeyId], version: 1 })).statusCode).toBe(200);
      const stale = await request('PUT', url, { journeyIds: [youth[1]!.journeyId], version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
      expect((await read(event.id)).companies[0]).toMatchObject({
        interestedIn: [youth[0]!.journeyId],
        interestsVersion: 2,
      });
    });

    it("lets colleagues enter different youth's wishes and different companies' interest without conflict", async () => {
      const { event, companies, youth } = await eventWith(2, 2);
      const base = `/api/match-events/${event.id}`;
      const responses = await Promise.all([
        request('PUT', `${base}/wishes/${youth[0]!.journeyId}`, { companyIds: [companies[0]!.id], version: 1 }),
        request('PUT', `${base}/wishes/${youth[1]!.journeyId}`, { companyIds: [companies[1]!.id], version: 1 }),
        request('PUT', `${base}/interests/${companies[0]!.id}`, { journeyIds: [youth[1]!.journeyId], version: 1 }),
        request('PUT', `${base}/interests/${companies[1]!.id}`, { journeyIds: [youth[0]!.journeyId], version: 1 }),
      ]);
      expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
      const detail = await read(event.id);
      expect(detail.youth.map((y) => y.wishesVersion)).toEqual([2, 2]);
      expect(detail.companies.map((c) => c.interestsVersion)).toEqual([2, 2]);
      expect(detail.version).toBe(1);
    });

    it('moves the wishes and interest that lose a participant to their next version', async () => {
      const { event, companies, youth } = await eventWith(2, 2);
      const [a, b] = [companies[0]!, companies[1]!];
      const [stays, leaves] = [youth[0]!, youth[1]!];
      const base = `/api/match-events/${event.id}`;
      await request('PUT', `${base}/wishes/${stays.journeyId}`, { companyIds: [a.id, b.id], version: 1 });
      await request('PUT', `${base}/interests/${b.id}`, {
        journeyIds: [stays.journeyId, leaves.journeyId],
        version: 1,
      });
      const replaced = await request('PUT', `${base}/participants`, {
        companyIds: [b.id],
        journeyIds: [stays.journeyId],
      });
      expect(replaced.statusCode).toBe(200);
      const detail = replaced.json<Detail>();
      expect(detail.youth).toMatchObject([{ journeyId: stays.journeyId, wishes: [b.id], wishesVersion: 3 }]);
      expect(detail.companies).toMatchObject([{ id: b.id, interestedIn: [stays.journeyId], interestsVersion: 3 }]);
      // A form read before the change is now stale.
      const stale = await request('PUT', `${base}/wishes/${stays.journeyId}`, { companyIds: [b.id], version: 2 });
      expect(stale.statusCode).toBe(409);
    });
  });

  describe('everything on the page at once', () => {
    type Detail = {
      youth: Array<{ journeyId: string; wishes: string[]; wishesVersion: number }>;
      companies: Array<{ id: string; interestedIn: string[]; interestsVersion: number }>;
    };
    const read = async (id: string) => (await request('GET', `/api/match-events/${id}`)).json<Detail>();

    it("saves two youth's wishes and a company's interest in one request", async () => {
      const { event, companies, youth } = await eventWith(2, 2);
      const [a, b] = [companies[0]!, companies[1]!];
      const response = await request('PUT', `/api/match-events/${event.id}/choices`, {
        wishes: [
          { journeyId: youth[0]!.journeyId, companyIds: [a.id, b.id], version: 1 },
          { journeyId: youth[1]!.journeyId, companyIds: [b.id], version: 1 },
        ],
        interests: [{ companyId: a.id, journeyIds: [youth[1]!.journeyId], version: 1 }],
      });
      expect(response.statusCode).toBe(200);
      const detail = await read(event.id);
      const byJourney = new Map(detail.youth.map((y) => [y.journeyId, y]));
      expect(byJourney.get(youth[0]!.journeyId)).toMatchObject({ wishes: [a.id, b.id], wishesVersion: 2 });
      expect(byJourney.get(youth[1]!.journeyId)).toMatchObject({ wishes: [b.id], wishesVersion: 2 });
      expect(detail.companies.find((c) => c.id === a.id)).toMatchObject({
        interestedIn: [youth[1]!.journeyId],
        interestsVersion: 2,
      });
      expect(detail.companies.find((c) => c.id === b.id)).toMatchObject({ interestedIn: [], interestsVersion: 1 });
    });

    it('saves nothing when one row was changed meanwhile, and names that row', async () => {
      const { event, companies, youth } = await eventWith(2, 2);
      const [a, b] = [companies[0]!, companies[1]!];
      const base = `/api/match-events/${event.id}`;
      const colleague = await request('PUT', `${base}/wishes/${youth[1]!.journeyId}`, {
        companyIds: [a.id],
        version: 1,
      });
      expect(colleague.statusCode).toBe(200);
      const response = await request('PUT', `${base}/choices`, {
        wishes: [
          { journeyId: youth[0]!.journeyId, companyIds: [b.id], version: 1 },
          { journeyId: youth[1]!.journeyId, companyIds: [b.id], version: 1 },
        ],
        interests: [{ companyId: b.id, journeyIds: [youth[0]!.journeyId], version: 1 }],
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'version_conflict',
        conflicts: [{ kind: 'wishes', journeyId: youth[1]!.journeyId, currentVersion: 2 }],
      });
      const detail = await read(event.id);
      const byJourney = new Map(detail.youth.map((y) => [y.journeyId, y]));
      expect(byJourney.get(youth[0]!.journeyId)).toMatchObject({ wishes: [], wishesVersion: 1 });
      expect(byJourney.get(youth[1]!.journeyId)).toMatchObject({ wishes: [a.id], wishesVersion: 2 });
      expect(detail.companies.find((c) => c.id === b.id)).toMatchObject({ interestedIn: [], interestsVersion: 1 });
    });

    it('saves nothing when one row names someone not on the event, and says where in Danish', async () => {
      const { event, companies, youth } = await eventWith(1, 1);
      const outsider = await journeyIn('intake');
      const outside = await company();
      const response = await request('PUT', `/api/match-events/${event.id}/choices`, {
        wishes: [
          { journeyId: youth[0]!.journeyId, companyIds: [companies[0]!.id, outside.id], version: 1 },
          { journeyId: outsider.journeyId, companyIds: [], version: 1 },
        ],
        interests: [{ companyId: companies[0]!.id, journeyIds: [youth[0]!.journeyId], version: 1 }],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'wishes.0.companyIds.1', message: 'Virksomheden deltager ikke i dette match event.' },
        { field: 'wishes.1.journeyId', message: 'Den unge deltager ikke i dette match event.' },
      ]);
      const detail = await read(event.id);
      expect(detail.youth[0]).toMatchObject({ wishes: [], wishesVersion: 1 });
      expect(detail.companies[0]).toMatchObject({ interestedIn: [], interestsVersion: 1 });
    });

    it('refuses the same youth in two rows', async () => {
      const { event, companies, youth } = await eventWith(1, 1);
      const row = { journeyId: youth[0]!.journeyId, companyIds: [companies[0]!.id], version: 1 };
      const response = await request('PUT', `/api/match-events/${event.id}/choices`, { wishes: [row, row] });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([{ field: 'wishes.1', message: 'Den unge er allerede nævnt.' }]);
    });
  });

  describe('the match list', () => {
    it('lists mutual interest first by rank, then wishes alone, then interest alone, with names', async () => {
      const x = await company('Xylofon ApS');
      const y = await company('Yding Bageri');
      const z = await company('Zoologisk Have');
      const ida = await journeyIn('intake', { name: 'Ida' });
      const jon = await journeyIn('active', { name: 'Jon' });
      const event = await expectEvent(
        await request('POST', '/api/match-events', {
          date: FUTURE_DAY,
          place: 'Hal 9',
          companyIds: [x.id, y.id, z.id],
          journeyIds: [ida.journeyId, jon.journeyId],
        }),
      );
      const put = (url: string, payload: object) => request('PUT', `/api/match-events/${event.id}${url}`, payload);
      await put(`/wishes/${ida.journeyId}`, { companyIds: [x.id, y.id], version: 1 });
      await put(`/wishes/${jon.journeyId}`, { companyIds: [y.id, z.id], version: 1 });
      await put(`/interests/${x.id}`, { journeyIds: [jon.journeyId], version: 1 });
      await put(`/interests/${y.id}`, { journeyIds: [ida.journeyId, jon.journeyId], version: 1 });

      const response = await request('GET', `/api/match-events/${event.id}/matches`);
      expect(response.statusCode).toBe(200);
      const rows = response
        .json<{
          items: Array<{
            kind: string;
            youth: { name: string };
            company: { name: string };
            youthRank: number | null;
            companyInterested: boolean;
          }>;
        }>()
        .items.map((r) => [r.kind, r.youth.name, r.company.name, r.youthRank, r.companyInterested]);
      expect(rows).toEqual([
        ['mutual', 'Jon', 'Yding Bageri', 1, true],
        ['mutual', 'Ida', 'Yding Bageri', 2, true],
        ['youth_wish', 'Ida', 'Xylofon ApS', 1, false],
        ['youth_wish', 'Jon', 'Zoologisk Have', 2, false],
        ['company_interest', 'Jon', 'Xylofon ApS', null, true],
      ]);
    });

    it('answers an empty list when nobody has expressed anything yet', async () => {
      const event = await expectEvent(
        await request('POST', '/api/match-events', { date: FUTURE_DAY, place: 'Hal 10' }),
      );
      const response = await request('GET', `/api/match-events/${event.id}/matches`);
      expect(response.json()).toEqual({ matchEventId: event.id, date: FUTURE_DAY, items: [] });
    });
  });

  describe('participation as activity', () => {
    it("moves the journey's last activity to the day of an event that has taken place", async () => {
      const youth = await journeyIn('active');
      expect(await lastActivityAt(youth.journeyId)).not.toBe(PAST_DAY_START);
      const event = await expectEvent(await request('POST', '/api/match-events', { date: PAST_DAY, place: 'Hal 11' }));
      const response = await request('PUT', `/api/match-events/${event.id}/participants`, {
        companyIds: [],
        journeyIds: [youth.journeyId],
      });
      expect(response.json().takenPlace).toBe(true);
      expect(await lastActivityAt(youth.journeyId)).toBe(PAST_DAY_START);
    });

    it('leaves the last activity alone for an event still to come', async () => {
      const youth = await journeyIn('intake');
      const before = await lastActivityAt(youth.journeyId);
      await expectEvent(
        await request('POST', '/api/match-events', {
          date: FUTURE_DAY,
          place: 'Hal 12',
          journeyIds: [youth.journeyId],
        }),
      );
      expect(await lastActivityAt(youth.journeyId)).toBe(before);
    });

    it('counts recording wishes after the event as activity', async () => {
      const c = await company();
      const youth = await journeyIn('intake');
      const event = await expectEvent(
        await request('POST', '/api/match-events', { date: PAST_DAY, place: 'Hal 13', companyIds: [c.id] }),
      );
      // Put on the list directly, so only the wishes can move the journey's activity.
      await ctx.db
        .insertInto('match_event_youth')
        .values({
          municipality_id: unit.municipality.id,
          match_event_id: event.id,
          journey_id: youth.journeyId,
          youth_id: youth.youthId,
        })
        .execute();
      expect(await lastActivityAt(youth.journeyId)).not.toBe(PAST_DAY_START);
      await request('PUT', `/api/match-events/${event.id}/wishes/${youth.journeyId}`, {
        companyIds: [c.id],
        version: 1,
      });
      expect(await lastActivityAt(youth.journeyId)).toBe(PAST_DAY_START);
    });
  });

  describe('municipalities', () => {
    it('answers 404 to another municipality reading an event or its match list', async () => {
      const event = await expectEvent(
        await request('POST', '/api/match-events', { date: FUTURE_DAY, place: 'Hal 14' }),
      );
      const h = other.caseworker.headers;
      expect((await request('GET', `/api/match-events/${event.id}`, undefined, h)).statusCode).toBe(404);
      expect((await request('GET', `/api/match-events/${event.id}/matches`, undefined, h)).statusCode).toBe(404);
      const list = await request('GET', '/api/match-events?pageSize=100', undefined, h);
      expect(list.json().items.map((e: { id: string }) => e.id)).not.toContain(event.id);
    });

    it('answers 404 to another municipality adding its own companies to the event', async () => {
      const event = await expectEvent(
        await request('POST', '/api/match-events', { date: FUTURE_DAY, place: 'Hal 15' }),
      );
      const theirs = await newCompany(ctx.db, { municipalityId: other.municipality.id });
      const response = await request(
        'PUT',
        `/api/match-events/${event.id}/participants`,
        { companyIds: [theirs.id], journeyIds: [] },
        other.caseworker.headers,
      );
      expect(response.statusCode).toBe(404);
      const read = await request('GET', `/api/match-events/${event.id}`);
      expect(read.json().companies).toEqual([]);
    });

    it('answers 404 to another municipality recording wishes or interests at the event', async () => {
      const c = await company();
      const youth = await journeyIn('intake');
      const event = await expectEvent(
        await request('POST', '/api/match-events', {
          date: FUTURE_DAY,
          place: 'Hal 16',
          companyIds: [c.id],
          journeyIds: [youth.journeyId],
        }),
      );
      const h = other.caseworker.headers;
      const base = `/api/match-events/${event.id}`;
      expect(
        (await request('PUT', `${base}/wishes/${youth.journeyId}`, { companyIds: [], version: 1 }, h)).statusCode,
      ).toBe(404);
      expect((await request('PUT', `${base}/interests/${c.id}`, { journeyIds: [], version: 1 }, h)).statusCode).toBe(
        404,
      );
    });
  });

  describe('audit', () => {
    it("audits creating an event, setting participants, wishes and interests, in each youth's log", async () => {
      const c = await company();
      const youth = await journeyIn('intake');
      const event = await expectEvent(
        await request('POST', '/api/match-events', { date: FUTURE_DAY, place: 'Hal 17', companyIds: [c.id] }),
      );
      const base = `/api/match-events/${event.id}`;
      await request('PUT', `${base}/participants`, { companyIds: [c.id], journeyIds: [youth.journeyId] });
      await request('PUT', `${base}/wishes/${youth.journeyId}`, { companyIds: [c.id], version: 1 });
      await request('PUT', `${base}/interests/${c.id}`, { journeyIds: [youth.journeyId], version: 1 });

      const log = await request(
        'GET',
        `/api/audit?youthId=${youth.youthId}&pageSize=100`,
        undefined,
        unit.leader.headers,
      );
      const entries = log
        .json<{ items: Array<{ action: string; details: Record<string, unknown> }> }>()
        .items.filter((e) => e.details.matchEventId === event.id);
      expect(entries.map((e) => [e.action, e.details.change]).sort()).toEqual([
        ['match_event.updated', 'interest_added'],
        ['match_event.updated', 'wishes'],
        ['match_event.updated', 'youth_added'],
      ]);
      const created = await request(
        'GET',
        '/api/audit?action=match_event.created&pageSize=100',
        undefined,
        unit.leader.headers,
      );
      expect(
        created
          .json<{ items: Array<{ details: Record<string, unknown> }> }>()
          .items.some((e) => e.details.matchEventId === event.id),
      ).toBe(true);
    });

    it('logs who read which youth on an event', async () => {
      const youth = await journeyIn('intake');
      const event = await expectEvent(
        await request('POST', '/api/match-events', {
          date: FUTURE_DAY,
          place: 'Hal 18',
          journeyIds: [youth.journeyId],
        }),
      );
      await request('GET', `/api/match-events/${event.id}/matches`, undefined, unit.leader.headers);
      const log = await request('GET', '/api/audit?action=journey.listed&pageSize=100', undefined, unit.leader.headers);
      const entry = log
        .json<{
          items: Array<{ userId: string; details: { criteria?: { matchEventId?: string }; journeyIds?: string[] } }>;
        }>()
        .items.find((e) => e.details.criteria?.matchEventId === event.id);
      expect(entry).toMatchObject({ userId: unit.leader.id, details: { journeyIds: [youth.journeyId] } });
    });
  });
});
