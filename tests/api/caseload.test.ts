import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { loginAs, newGroup, newUnit, newUser, newYouth } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';

describe.each(engines)('caseloads on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: new Date('2026-11-22T10:00:00Z') });
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const list = (query: string, headers = unit.caseworker.headers) =>
    ctx.app.inject({ method: 'GET', url: `/api/journeys?${query}`, headers });

  it('makes the caseworker who opens a journey responsible for it, and lists it in their caseload', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers, { name: 'Karla Caseload' });
    const journey = await openJourney(ctx.app, unit.caseworker.headers, youth.id);
    const response = await list(`caseworkerId=${unit.caseworker.id}`);
    expect(response.statusCode).toBe(200);
    const item = response.json().items.find((j: { id: string }) => j.id === journey.id);
    expect(item).toMatchObject({
      youth: { id: youth.id, name: 'Karla Caseload', age: 22 },
      stage: 'referred',
      caseworker: { id: unit.caseworker.id },
      lastActivityAt: null,
      daysSinceLastActivity: null,
    });
  });

  it('filters by stage and open, and paginates', async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    const h = fresh.caseworker.headers;
    const journeys = [];
    for (let i = 0; i < 3; i++) journeys.push(await openJourney(ctx.app, h, (await newYouth(ctx.app, h)).id));
    await sendEvent(ctx.app, h, journeys[0]!.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' });
    await sendEvent(ctx.app, h, journeys[1]!.id, { type: 'WITHDRAWN', reason: 'Flyttet' });
    expect((await list('stage=visitation', h)).json().items.map((j: { id: string }) => j.id)).toEqual([
      journeys[0]!.id,
    ]);
    expect((await list('open=false', h)).json().items.map((j: { id: string }) => j.id)).toEqual([journeys[1]!.id]);
    const page = (await list('pageSize=2&page=2', h)).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
  });

  it('lets a leader reassign a journey to another caseworker, and refuses a non-caseworker', async () => {
    const other = await newUser(ctx.db, { municipalityId: unit.municipality.id, role: 'caseworker' });
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const journey = await openJourney(ctx.app, unit.caseworker.headers, youth.id);
    const url = `/api/journeys/${journey.id}/caseworker`;
    const asCaseworker = await ctx.app.inject({
      method: 'PUT',
      url,
      headers: unit.caseworker.headers,
      payload: { caseworkerId: other.id },
    });
    expect(asCaseworker.statusCode).toBe(403);
    const toLeader = await ctx.app.inject({
      method: 'PUT',
      url,
      headers: unit.leader.headers,
      payload: { caseworkerId: unit.leader.id },
    });
    expect(toLeader.statusCode).toBe(400);
    expect(toLeader.json().error.details).toEqual([{ field: 'caseworkerId', message: 'Ukendt rådgiver.' }]);
    const moved = await ctx.app.inject({
      method: 'PUT',
      url,
      headers: unit.leader.headers,
      payload: { caseworkerId: other.id },
    });
    expect(moved.statusCode).toBe(204);
    // The journey's open alerts (the first conversation is overdue) move with it.
    const alerts = await ctx.db
      .selectFrom('alert')
      .select('assigned_to')
      .where('journey_id', '=', journey.id)
      .execute();
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a.assigned_to === other.id)).toBe(true);
    const theirs = await list(`caseworkerId=${other.id}`, await loginAs(ctx.app, other));
    expect(theirs.json().items.map((j: { id: string }) => j.id)).toEqual([journey.id]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'journey.reassigned')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ journeyId: journey.id, from: unit.caseworker.id, to: other.id });
  });

  it('moves a journey only from the caseworker the leader saw, and records nothing for a move to the same one', async () => {
    const first = await newUser(ctx.db, { municipalityId: unit.municipality.id, role: 'caseworker' });
    const second = await newUser(ctx.db, { municipalityId: unit.municipality.id, role: 'caseworker' });
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const journey = await openJourney(ctx.app, unit.caseworker.headers, youth.id);
    const move = (payload: Record<string, string>) =>
      ctx.app.inject({
        method: 'PUT',
        url: `/api/journeys/${journey.id}/caseworker`,
        headers: unit.leader.headers,
        payload,
      });
    const moves = () =>
      ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'journey.reassigned')
        .where('youth_id', '=', youth.id)
        .execute();
    // Two leaders decide on the same page: the first move goes through, the second is refused.
    expect((await move({ caseworkerId: first.id, expectedCaseworkerId: unit.caseworker.id })).statusCode).toBe(204);
    const stale = await move({ caseworkerId: second.id, expectedCaseworkerId: unit.caseworker.id });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const now = await ctx.app.inject({
      method: 'GET',
      url: `/api/journeys/${journey.id}`,
      headers: unit.leader.headers,
    });
    expect(now.json().caseworkerId).toBe(first.id);
    // To the caseworker it has: nothing to record.
    expect((await move({ caseworkerId: first.id })).statusCode).toBe(204);
    expect((await moves()).map((m) => m.details)).toEqual([
      expect.objectContaining({ from: unit.caseworker.id, to: first.id }),
    ]);
  });

  it('lets a leader open a journey for a named caseworker, and asks for one otherwise', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const url = `/api/youth/${youth.id}/journeys`;
    const payload = { source: 'uu', firstContactAt: '2026-11-20', reason: 'Henvist fra UU' };
    const missing = await ctx.app.inject({ method: 'POST', url, headers: unit.leader.headers, payload });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ field: 'caseworkerId', message: 'Vælg den ansvarlige rådgiver.' }]);
    const named = await ctx.app.inject({
      method: 'POST',
      url,
      headers: unit.leader.headers,
      payload: { ...payload, caseworkerId: unit.caseworker.id },
    });
    expect(named.statusCode).toBe(201);
    expect(named.json().caseworkerId).toBe(unit.caseworker.id);
  });

  it('gives each journey its next deadline: first conversation, return from a pause, or the next follow-up', async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    const h = fresh.caseworker.headers;
    const group = await newGroup(ctx.db, { municipalityId: fresh.municipality.id, facilitatorId: fresh.caseworker.id });
    const journeyOf = async (name: string, firstContactAt: string) =>
      openJourney(ctx.app, h, (await newYouth(ctx.app, h, { name })).id, { firstContactAt });
    const send = async (journeyId: string, event: Record<string, unknown>) => {
      const response = await sendEvent(ctx.app, h, journeyId, event);
      if (response.statusCode !== 201) throw new Error(`${String(event.type)} failed: ${response.body}`);
    };
    // The first conversation, visitation and a group on the day of first contact.
    const toActive = async (journeyId: string, day: string) => {
      await send(journeyId, {
        type: 'FIRST_CONVERSATION_HELD',
        mode: 'in_person',
        occurredAt: `${day}T09:00:00+01:00`,
      });
      await send(journeyId, { ...activityReadyVisitation(), occurredAt: `${day}T10:00:00+01:00` });
      await send(journeyId, {
        type: 'GROUP_ASSIGNED',
        canTakePart15HoursAWeek: true,
        groupId: group.id,
        occurredAt: `${day}T11:00:00+01:00`,
      });
    };
    // 23:30 UTC on 19 November is 20 November in Denmark: the 7 days count from the Danish day.
    await journeyOf('A Henvist', '2026-11-19T23:30:00Z');
    const paused = await journeyOf('B Pause', '2026-11-02');
    await toActive(paused.id, '2026-11-02');
    await send(paused.id, { type: 'PAUSED', reason: 'illness', expectedReturn: '2026-12-07' });
    const exited = await journeyOf('C Afsluttet', '2026-08-03');
    await toActive(exited.id, '2026-08-03');
    await send(exited.id, { type: 'EXITED', outcome: 'job', occurredAt: '2026-08-31T12:00:00+02:00' });
    await send(exited.id, { type: 'FOLLOW_UP_RECORDED', month: 3, status: 'in_job' });
    const active = await journeyOf('D Aktiv', '2026-11-02');
    await toActive(active.id, '2026-11-02');

    const items = (await list('', h)).json().items as Array<{ youth: { name: string }; nextDeadline: unknown }>;
    expect(items.map((j) => [j.youth.name, j.nextDeadline])).toEqual([
      ['A Henvist', { kind: 'first_conversation', due: '2026-11-27', month: null }],
      ['B Pause', { kind: 'pause_return', due: '2026-12-07', month: null }],
      ['C Afsluttet', { kind: 'follow_up', due: '2027-02-28', month: 6 }],
      ['D Aktiv', null],
    ]);
  });

  it('lists only the journeys with an alert nobody has acted on yet', async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    const h = fresh.caseworker.headers;
    const late = await openJourney(ctx.app, h, (await newYouth(ctx.app, h)).id, { firstContactAt: '2026-11-01' });
    const acted = await openJourney(ctx.app, h, (await newYouth(ctx.app, h)).id, { firstContactAt: '2026-11-01' });
    await openJourney(ctx.app, h, (await newYouth(ctx.app, h)).id, { firstContactAt: '2026-11-20' });
    const alerts = await ctx.app.inject({ method: 'GET', url: `/api/alerts?status=open`, headers: h });
    const alert = alerts.json().items.find((a: { journeyId: string }) => a.journeyId === acted.id);
    await ctx.app.inject({
      method: 'POST',
      url: `/api/alerts/${alert.id}/acknowledge`,
      headers: h,
      payload: { version: alert.version, note: 'Samtale aftalt' },
    });
    const withAlerts = (await list('withOpenAlerts=true', h)).json();
    expect(withAlerts.items.map((j: { id: string }) => j.id)).toEqual([late.id]);
    expect((await list('withOpenAlerts=false', h)).json().total).toBe(3);
  });

  it('audits a caseload listing with its criteria', async () => {
    await list(`stage=referred&caseworkerId=${unit.caseworker.id}`);
    const row = await ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'journey.listed')
      .where('user_id', '=', unit.caseworker.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.details).toMatchObject({ criteria: { stage: 'referred', caseworkerId: unit.caseworker.id } });
  });

  it("never lists another municipality's journeys", async () => {
    const other = await newUnit(ctx.app, ctx.db);
    await openJourney(ctx.app, other.caseworker.headers, (await newYouth(ctx.app, other.caseworker.headers)).id);
    const mine = await list('', unit.leader.headers);
    const ids = new Set(mine.json().items.map((j: { caseworker: { id: string } }) => j.caseworker.id));
    expect(ids.has(other.caseworker.id)).toBe(false);
  });
});
