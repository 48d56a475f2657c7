import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newUnit, newUser, newYouth, putSettings } from '../support/factories.ts';
import { openJourney, sendEvent } from '../support/journeys.ts';
import { activeJourney, days, sweep } from '../support/alerts.ts';
import { SWEEP_LOCK_KEY } from '../../src/alerts/sweep.service.ts';
import { acknowledgeAlerts } from '../../src/alerts/alert.service.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

describe.each(engines)('risk alerts on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  let unit: Awaited<ReturnType<typeof newUnit>>;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    // These tests move the clock by weeks, past any session: they act through API tokens, made for
    // the longest lifetime a token can have, as the clock goes months ahead.
    unit.caseworker.headers = await tokenHeaders(unit.caseworker.headers);
    unit.leader.headers = await tokenHeaders(unit.leader.headers);
  });
  const tokenHeaders = async (headers: { cookie: string }) => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers,
      payload: { name: 'test', expiresInDays: 365 },
    });
    if (created.statusCode !== 201) throw new Error(created.body);
    return { authorization: `Bearer ${created.json().token}` } as unknown as { cookie: string };
  };
  beforeEach(() => ctx.setNow(NOW));
  afterAll(() => ctx.close());

  const h = () => unit.caseworker.headers;
  const alertsOf = async (journeyId: string, status = 'unresolved') => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/alerts?status=${status}&pageSize=100`,
      headers: unit.leader.headers,
    });
    return response.json().items.filter((a: { journeyId: string }) => a.journeyId === journeyId);
  };

  it('opens first_conversation_overdue when a referral is more than 7 days old, and not at 7', async () => {
    const late = await openJourney(ctx.app, h(), (await newYouth(ctx.app, h())).id, { firstContactAt: '2026-11-14' });
    const onTime = await openJourney(ctx.app, h(), (await newYouth(ctx.app, h())).id, { firstContactAt: '2026-11-15' });
    const [alert] = await alertsOf(late.id);
    expect(alert).toMatchObject({
      code: 'first_conversation_overdue',
      severity: 'high',
      status: 'open',
      forLeader: true,
      assignedTo: unit.caseworker.id,
      facts: expect.objectContaining({ daysSinceFirstContact: 8, firstConversationHeld: false }),
    });
    expect(alert.message.da).toContain('8');
    const detail = (await ctx.app.inject({ method: 'GET', url: `/api/alerts/${alert.id}`, headers: h() })).json();
    expect(detail.conditions).toEqual(
      expect.arrayContaining([expect.objectContaining({ fact: 'daysSinceFirstContact', factValue: 8, result: true })]),
    );
    expect(await alertsOf(onTime.id)).toEqual([]);
  });

  it('resolves the alert by itself when the first conversation is recorded', async () => {
    const journey = await openJourney(ctx.app, h(), (await newYouth(ctx.app, h())).id, {
      firstContactAt: '2026-11-01',
    });
    expect((await alertsOf(journey.id)).map((a: { code: string }) => a.code)).toEqual(['first_conversation_overdue']);
    await sendEvent(ctx.app, h(), journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' });
    expect(await alertsOf(journey.id)).toEqual([]);
    const [resolved] = await alertsOf(journey.id, 'resolved');
    const detail = await ctx.app.inject({ method: 'GET', url: `/api/alerts/${resolved.id}`, headers: h() });
    expect(detail.json().history.map((e: { action: string }) => e.action)).toEqual(['opened', 'resolved']);
  });

  it('resolves the alerts of a journey with the event that closes it, and the nightly sweep looks at it no more', async () => {
    const journey = await openJourney(ctx.app, h(), (await newYouth(ctx.app, h())).id, {
      firstContactAt: '2026-11-01',
    });
    expect((await alertsOf(journey.id)).map((a: { code: string }) => a.code)).toEqual(['first_conversation_overdue']);
    await sweep(ctx);
    const withdrawn = await sendEvent(ctx.app, h(), journey.id, { type: 'WITHDRAWN', reason: 'Flyttet' });
    expect(withdrawn.statusCode).toBe(201);
    expect(await alertsOf(journey.id)).toEqual([]);
    expect((await alertsOf(journey.id, 'resolved')).map((a: { code: string }) => a.code)).toEqual([
      'first_conversation_overdue',
    ]);
    const checks = await ctx.db
      .selectFrom('journey_risk_check')
      .select('journey_id')
      .where('journey_id', '=', journey.id)
      .execute();
    expect(checks).toEqual([]);
  });

  it('opens passive on day 14 without activity, not on day 13, through the sweep', async () => {
    const { journeyId } = await activeJourney(ctx.app, ctx, unit, (await newYouth(ctx.app, h())).id, '2026-11-20');
    ctx.setNow(new Date(NOW.getTime() + days(13)));
    await sweep(ctx);
    expect((await alertsOf(journeyId)).map((a: { code: string }) => a.code)).not.toContain('passive');
    ctx.setNow(new Date(NOW.getTime() + days(14)));
    const result = await sweep(ctx);
    expect(result.status).toBe('completed');
    const passive = (await alertsOf(journeyId)).find((a: { code: string }) => a.code === 'passive');
    expect(passive).toMatchObject({
      severity: 'medium',
      forLeader: false,
      facts: expect.objectContaining({ daysSinceLastActivity: 14 }),
    });
    // From day 28 the long one stands in for it: one passivity alert per youth, and it goes to the leader.
    ctx.setNow(new Date(NOW.getTime() + days(28)));
    await sweep(ctx);
    const codes = (await alertsOf(journeyId)).map((a: { code: string }) => a.code);
    expect(codes).toContain('passive_long');
    expect(codes).not.toContain('passive');
    const long = (await alertsOf(journeyId)).find((a: { code: string }) => a.code === 'passive_long');
    expect(long.forLeader).toBe(true);
  });

  it('acknowledges several alerts in one go, all or none: a stale version refuses the lot', async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    const journeys = [];
    for (let i = 0; i < 2; i++) {
      const youth = await newYouth(ctx.app, fresh.caseworker.headers);
      journeys.push(await openJourney(ctx.app, fresh.caseworker.headers, youth.id, { firstContactAt: '2026-11-01' }));
    }
    const listed = await ctx.app.inject({
      method: 'GET',
      url: '/api/alerts?status=open',
      headers: fresh.leader.headers,
    });
    const alerts = listed.json<{ items: Array<{ id: string; version: number }> }>().items;
    expect(alerts).toHaveLength(2);
    const actor = {
      userId: fresh.leader.id,
      municipalityId: fresh.municipality.id,
      role: 'leader' as const,
      name: 'Leder',
      email: fresh.leader.email,
      passwordMustChange: false,
      via: { kind: 'session' as const, sessionId: 'test' },
      ip: null,
      requestId: null,
    };
    const deps = { db: ctx.db, clock: ctx.clock };
    const [first, second] = alerts as [{ id: string; version: number }, { id: string; version: number }];
    // The second one's version is stale: nothing is acknowledged, not even the first.
    await expect(
      acknowledgeAlerts(deps, actor, {
        alerts: [first, { id: second.id, version: second.version + 1 }],
        note: 'Ringet til begge',
      }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    const still = await ctx.app.inject({
      method: 'GET',
      url: '/api/alerts?status=open',
      headers: fresh.leader.headers,
    });
    expect(still.json().total).toBe(2);
    const done = await acknowledgeAlerts(deps, actor, { alerts: [first, second], note: 'Ringet til begge' });
    expect(done.map((a) => a.status)).toEqual(['acknowledged', 'acknowledged']);
    const history = await ctx.app.inject({
      method: 'GET',
      url: `/api/alerts/${first.id}`,
      headers: fresh.leader.headers,
    });
    expect(JSON.stringify(history.json())).toContain('Ringet til begge');
  });

  it('keeps one alert per journey and code, across sweeps and in the database itself', async () => {
    const journey = await openJourney(ctx.app, h(), (await newYouth(ctx.app, h())).id, {
      firstContactAt: '2026-11-01',
    });
    await sweep(ctx);
    await sweep(ctx);
    expect(await alertsOf(journey.id)).toHaveLength(1);
    const [alert] = await alertsOf(journey.id);
    await expect(
      sql`insert into alert (municipality_id, journey_id, youth_id, code, severity, status, opened_at, explanation, facts, rule_set_version)
          select municipality_id, journey_id, youth_id, code, severity, 'open', opened_at, explanation, facts, rule_set_version
          from alert where id = ${alert.id}`.execute(ctx.db),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('lets a caseworker acknowledge a leader alert with a note, and only the leader snooze, reassign and resolve it', async () => {
    const journey = await openJourney(ctx.app, h(), (await newYouth(ctx.app, h())).id, {
      firstContactAt: '2026-11-01',
    });
    const [alert] = await alertsOf(journey.id);
    const post = (action: string, body: Record<string, unknown>, headers = unit.leader.headers) =>
      ctx.app.inject({ method: 'POST', url: `/api/alerts/${alert.id}/${action}`, headers, payload: body });

    // The alert went to the leader (high severity): the caseworker may say what was done, not put it aside.
    const acked = await post(
      'acknowledge',
      { version: alert.version, note: 'Ringet til den unge, samtale aftalt' },
      h(),
    );
    expect(acked.statusCode).toBe(200);
    expect(acked.json()).toMatchObject({ status: 'acknowledged', version: alert.version + 1 });
    const stale = await post('acknowledge', { version: alert.version, note: 'igen' }, h());
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: alert.version + 1 });

    const byCaseworker = await post('snooze', { version: alert.version + 1, until: '2026-11-25', reason: 'Syg' }, h());
    expect(byCaseworker.statusCode).toBe(403);
    const badDate = await post('snooze', { version: alert.version + 1, until: '2026-11-22', reason: 'Syg' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details).toEqual([
      { field: 'until', message: 'Vælg en dato mellem i morgen og 90 dage frem.' },
    ]);
    const snoozed = await post('snooze', {
      version: alert.version + 1,
      until: '2026-11-25',
      reason: 'Indlagt til torsdag',
    });
    expect(snoozed.json()).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-11-25' });

    const reassigned = await post('reassign', { version: alert.version + 2, userId: unit.leader.id });
    expect(reassigned.json()).toMatchObject({ assignedTo: unit.leader.id, status: 'snoozed' });

    // On the snooze date the sweep wakes it while the condition still holds.
    ctx.setNow(new Date('2026-11-25T03:00:00Z'));
    await sweep(ctx);
    const [woken] = await alertsOf(journey.id);
    expect(woken).toMatchObject({ status: 'open', snoozedUntil: null });

    const resolved = await post('resolve', { version: woken.version, note: 'Samtalen er holdt, registreres i morgen' });
    expect(resolved.json().status).toBe('resolved');
    const history = await ctx.app.inject({ method: 'GET', url: `/api/alerts/${alert.id}`, headers: h() });
    expect(history.json().history.map((e: { action: string }) => e.action)).toEqual([
      'opened',
      'acknowledged',
      'snoozed',
      'reassigned',
      'woken',
      'resolved',
    ]);
    expect(history.json().history[1]).toMatchObject({
      actorId: unit.caseworker.id,
      note: 'Ringet til den unge, samtale aftalt',
    });
  });

  it('escalates a medium alert to the leader once it has been open for more than 7 days', async () => {
    const { journeyId } = await activeJourney(ctx.app, ctx, unit, (await newYouth(ctx.app, h())).id, '2026-11-20');
    ctx.setNow(new Date(NOW.getTime() + days(14)));
    await sweep(ctx);
    const opened = (await alertsOf(journeyId)).find((a: { code: string }) => a.code === 'passive');
    expect(opened).toMatchObject({ forLeader: false, escalatedAt: null });
    ctx.setNow(new Date(NOW.getTime() + days(21)));
    await sweep(ctx);
    expect((await alertsOf(journeyId)).find((a: { code: string }) => a.code === 'passive').forLeader).toBe(false);
    ctx.setNow(new Date(NOW.getTime() + days(22)));
    const result = await sweep(ctx);
    expect(result.status === 'completed' && result.escalated).toBeGreaterThan(0);
    expect((await alertsOf(journeyId)).find((a: { code: string }) => a.code === 'passive')).toMatchObject({
      forLeader: true,
      escalatedAt: expect.any(String),
    });
  });

  it('escalates an alert open more than 7 Danish days though its journey is not due, on a night after the clocks went forward', async () => {
    const { journeyId } = await activeJourney(ctx.app, ctx, unit, (await newYouth(ctx.app, h())).id, '2026-11-20');
    // Never placed since November (medium; passivity has gone to the leader as passive_long).
    // Opened at 23:45 on Thursday 25 March 2027; summer time begins on the Sunday after.
    ctx.setNow(new Date('2027-03-25T22:45:00Z'));
    await sweep(ctx);
    const opened = (await alertsOf(journeyId)).find((a: { code: string }) => a.code === 'no_placement_after_intake');
    expect(opened).toMatchObject({ escalatedAt: null });
    await ctx.db
      .updateTable('journey_risk_check')
      .set({ check_on: '2027-06-01' })
      .where('journey_id', '=', journeyId)
      .execute();
    // 00:30 on 2 April is 8 Danish days later, though 7 x 24 hours have not quite passed.
    ctx.setNow(new Date('2027-04-01T22:30:00Z'));
    await sweep(ctx);
    expect(
      (await alertsOf(journeyId)).find((a: { code: string }) => a.code === 'no_placement_after_intake'),
    ).toMatchObject({
      escalatedAt: expect.any(String),
    });
  });

  it('lists alerts with filters and counts per severity, and shows them on the journey', async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    const journey = await openJourney(
      ctx.app,
      fresh.caseworker.headers,
      (await newYouth(ctx.app, fresh.caseworker.headers)).id,
      {
        firstContactAt: '2026-11-01',
      },
    );
    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/alerts?severity=high',
      headers: fresh.leader.headers,
    });
    expect(list.json()).toMatchObject({ total: 1, countsBySeverity: { high: 1, medium: 0, low: 0, info: 0 } });
    const none = await ctx.app.inject({
      method: 'GET',
      url: `/api/alerts?caseworkerId=${fresh.leader.id}`,
      headers: fresh.leader.headers,
    });
    expect(none.json().total).toBe(0);
    const detail = await ctx.app.inject({
      method: 'GET',
      url: `/api/journeys/${journey.id}`,
      headers: fresh.caseworker.headers,
    });
    expect(detail.json().alerts.map((a: { code: string }) => a.code)).toEqual(['first_conversation_overdue']);
    const other = await ctx.app.inject({ method: 'GET', url: '/api/alerts', headers: unit.leader.headers });
    expect(other.json().items.some((a: { journeyId: string }) => a.journeyId === journey.id)).toBe(false);
  });

  it('lists the alerts assigned to a user, and counts the unresolved ones per status for the same filter', async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    const colleague = await newUser(ctx.db, { municipalityId: fresh.municipality.id, role: 'caseworker' });
    const cw = fresh.caseworker.headers;
    const overdue = async () =>
      openJourney(ctx.app, cw, (await newYouth(ctx.app, cw)).id, { firstContactAt: '2026-11-01' });
    await Promise.all([overdue(), overdue(), overdue()]);
    const list = async (query: string) =>
      (await ctx.app.inject({ method: 'GET', url: `/api/alerts?${query}`, headers: fresh.leader.headers })).json();
    const [first, second, third] = (await list('status=open')).items;
    const post = (id: string, action: string, payload: Record<string, unknown>) =>
      ctx.app.inject({ method: 'POST', url: `/api/alerts/${id}/${action}`, headers: fresh.leader.headers, payload });
    await post(first.id, 'acknowledge', { version: first.version, note: 'Ringet op' });
    await post(second.id, 'snooze', { version: second.version, until: '2026-11-30', reason: 'Syg' });
    await post(third.id, 'reassign', { version: third.version, userId: colleague.id });

    const open = await list('status=open');
    expect(open.items.map((a: { id: string }) => a.id)).toEqual([third.id]);
    expect(open.countsByStatus).toEqual({ open: 1, acknowledged: 1, snoozed: 1 });
    expect((await list('status=snoozed')).items.map((a: { id: string }) => a.id)).toEqual([second.id]);
    // The tabs count what the other filters leave: no medium alerts at all.
    expect((await list('severity=medium')).countsByStatus).toEqual({ open: 0, acknowledged: 0, snoozed: 0 });
    const theirs = await list(`assignedTo=${colleague.id}`);
    expect(theirs.items.map((a: { id: string; assignedTo: string }) => [a.id, a.assignedTo])).toEqual([
      [third.id, colleague.id],
    ]);
    expect((await list(`assignedTo=${fresh.caseworker.id}`)).total).toBe(2);
  });

  it.runIf(engine === 'postgres')('skips the sweep while another instance holds the advisory lock', async () => {
    // Another instance: its own connection, holding the lock as a running sweep does.
    await ctx.db.connection().execute(async (other) => {
      await sql`select pg_advisory_lock(${SWEEP_LOCK_KEY})`.execute(other);
      try {
        expect(await sweep(ctx)).toEqual({ status: 'skipped', reason: 'running_elsewhere' });
      } finally {
        await sql`select pg_advisory_unlock(${SWEEP_LOCK_KEY})`.execute(other);
      }
    });
    expect((await sweep(ctx)).status).toBe('completed');
  });

  it('looks again only at journeys whose verdict can change, and at all of them after new thresholds', async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    fresh.admin.headers = await tokenHeaders(fresh.admin.headers);
    await activeJourney(ctx.app, ctx, fresh, (await newYouth(ctx.app, fresh.caseworker.headers)).id, '2026-11-20');
    await sweep(ctx);
    const open = Number(
      (
        await ctx.db
          .selectFrom('journey')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('open', '=', true)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const again = await sweep(ctx);
    expect(again).toMatchObject({ status: 'completed', scope: 'due', journeys: 0 });
    expect((await putSettings(ctx.app, fresh.admin.headers, { risk: { passiveDays: 10 } })).statusCode).toBe(200);
    const afterChange = await sweep(ctx);
    expect(afterChange).toMatchObject({ scope: 'due', journeys: 1 });
    expect(open).toBeGreaterThan(1);
  });

  it('runs one sweep when two are started at once', async () => {
    const results = await Promise.all([sweep(ctx), sweep(ctx)]);
    expect(results.map((r) => r.status).sort()).toEqual(['completed', 'skipped']);
    const runs = await ctx.db
      .selectFrom('sweep_run')
      .select(['journeys', 'finished_at'])
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(runs[0]?.finished_at).not.toBeNull();
  });
});
