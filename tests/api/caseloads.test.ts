import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { loginAs, newUnit, newUser } from '../support/factories.ts';
import { referredYouth, sendEvent } from '../support/journeys.ts';

// Tuesday 1 December 2026: the youth below were referred on 20 November and have had no first
// conversation, so each journey has an open alert (first conversation overdue).
const NOW = new Date('2026-12-01T10:00:00Z');

type Headers = { cookie: string };

describe.each(engines)('moving caseloads on %s', (engine) => {
  let ctx: Awaited<ReturnType<typeof startTestApp>>;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  /** A caseworker of the unit, logged in. */
  async function caseworker(name: string): Promise<{ id: string; headers: Headers }> {
    const user = await newUser(ctx.db, { municipalityId: unit.municipality.id, role: 'caseworker', name });
    return { id: user.id, headers: await loginAs(ctx.app, user) };
  }

  /** `count` youth referred to the caseworker, with their journeys' ids and versions. */
  async function caseloadOf(headers: Headers, count: number) {
    const journeys: Array<{ id: string; version: number; youthId: string }> = [];
    for (let i = 0; i < count; i++) {
      const { youth, journey } = await referredYouth(ctx.app, headers, `Ung ${i + 1}`, '2026-11-20');
      const read = await ctx.app.inject({ method: 'GET', url: `/api/journeys/${journey.id}`, headers });
      journeys.push({ id: journey.id, version: read.json<{ version: number }>().version, youthId: youth.id });
    }
    return journeys;
  }

  const move = (payload: Record<string, unknown>, headers: Headers = unit.leader.headers) =>
    ctx.app.inject({ method: 'POST', url: '/api/journeys/reassign', headers, payload });
  const caseworkerOf = async (journeyId: string) =>
    (await ctx.app.inject({ method: 'GET', url: `/api/journeys/${journeyId}`, headers: unit.leader.headers })).json<{
      caseworkerId: string;
    }>().caseworkerId;

  it('moves several journeys at once with their open alerts, each move in the audit log', async () => {
    const anne = await caseworker('Anne Leaving');
    const bo = await caseworker('Bo Staying');
    const journeys = await caseloadOf(anne.headers, 3);
    const moved = await move({
      fromCaseworkerId: anne.id,
      toCaseworkerId: bo.id,
      journeys: journeys.slice(0, 2).map(({ id, version }) => ({ id, version })),
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toEqual({ moved: 2, fromCaseworkerId: anne.id, toCaseworkerId: bo.id });
    expect(await Promise.all(journeys.map((j) => caseworkerOf(j.id)))).toEqual([bo.id, bo.id, anne.id]);

    const alerts = await ctx.app.inject({
      method: 'GET',
      url: `/api/alerts?assignedTo=${bo.id}`,
      headers: unit.leader.headers,
    });
    expect(
      alerts
        .json<{ items: Array<{ journeyId: string }> }>()
        .items.map((a) => a.journeyId)
        .sort(),
    ).toEqual(
      journeys
        .slice(0, 2)
        .map((j) => j.id)
        .sort(),
    );

    const log = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'journey.reassigned')
      .where('user_id', '=', unit.leader.id)
      .where(
        'youth_id',
        'in',
        journeys.map((j) => j.youthId),
      )
      .execute();
    expect(log).toHaveLength(2);
    expect(new Set(log.map((r) => r.details.batchId)).size).toBe(1);
    expect(log.map((r) => [r.details.from, r.details.to, r.details.batchSize])).toEqual([
      [anne.id, bo.id, 2],
      [anne.id, bo.id, 2],
    ]);
  });

  it('moves none when one journey changed meanwhile, and names it', async () => {
    const anne = await caseworker('Anne Stale');
    const bo = await caseworker('Bo Stale');
    const journeys = await caseloadOf(anne.headers, 3);
    // After the leader's page was shown, the caseworker records the first conversation on one.
    const held = await sendEvent(ctx.app, anne.headers, journeys[1]!.id, {
      type: 'FIRST_CONVERSATION_HELD',
      mode: 'phone',
    });
    expect(held.statusCode).toBe(201);
    const refused = await move({
      fromCaseworkerId: anne.id,
      toCaseworkerId: bo.id,
      journeys: journeys.map(({ id, version }) => ({ id, version })),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'version_conflict',
      conflicts: [{ journeyId: journeys[1]!.id, reason: 'changed' }],
    });
    expect(await Promise.all(journeys.map((j) => caseworkerOf(j.id)))).toEqual([anne.id, anne.id, anne.id]);
  });

  it('moves none when another leader moved one meanwhile, or one is not in the municipality', async () => {
    const anne = await caseworker('Anne Moved');
    const bo = await caseworker('Bo Moved');
    const journeys = await caseloadOf(anne.headers, 2);
    await ctx.app.inject({
      method: 'PUT',
      url: `/api/journeys/${journeys[0]!.id}/caseworker`,
      headers: unit.leader.headers,
      payload: { caseworkerId: bo.id },
    });
    const elsewhere = await newUnit(ctx.app, ctx.db);
    const { journey: stranger } = await referredYouth(ctx.app, elsewhere.caseworker.headers, 'Fremmed', '2026-11-20');
    const foreign = { id: stranger.id, version: 1 };
    const refused = await move({
      fromCaseworkerId: anne.id,
      toCaseworkerId: bo.id,
      journeys: [...journeys.map(({ id, version }) => ({ id, version })), foreign],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.conflicts).toEqual(
      expect.arrayContaining([
        { journeyId: journeys[0]!.id, reason: 'moved' },
        { journeyId: foreign.id, reason: 'not_found' },
      ]),
    );
    expect(refused.json().error.conflicts).toHaveLength(2);
    expect(await caseworkerOf(journeys[1]!.id)).toBe(anne.id);
  });

  it('refuses the same caseworker, an inactive one and a caseworker doing it', async () => {
    const anne = await caseworker('Anne Refused');
    const gone = await caseworker('Gone Away');
    await ctx.db.updateTable('app_user').set({ active: false }).where('id', '=', gone.id).execute();
    const journeys = (await caseloadOf(anne.headers, 1)).map(({ id, version }) => ({ id, version }));
    const same = await move({ fromCaseworkerId: anne.id, toCaseworkerId: anne.id, journeys });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details).toEqual([
      { field: 'toCaseworkerId', message: 'Vælg en anden rådgiver end den, de unge flyttes fra.' },
    ]);
    const inactive = await move({ fromCaseworkerId: anne.id, toCaseworkerId: gone.id, journeys });
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().error.details[0].field).toBe('toCaseworkerId');
    const byCaseworker = await move({ fromCaseworkerId: anne.id, toCaseworkerId: gone.id, journeys }, anne.headers);
    expect(byCaseworker.statusCode).toBe(403);
    expect(await caseworkerOf(journeys[0]!.id)).toBe(anne.id);
  });

  it("lists each caseworker's open journeys, also a deactivated caseworker's, and not closed ones", async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    const user = await newUser(ctx.db, {
      municipalityId: fresh.municipality.id,
      role: 'caseworker',
      name: 'Carl Left',
    });
    const carl = { id: user.id, headers: await loginAs(ctx.app, user) };
    const { journey } = await referredYouth(ctx.app, carl.headers, 'Lukket', '2026-11-20');
    await referredYouth(ctx.app, carl.headers, 'Åben 1', '2026-11-20');
    await referredYouth(ctx.app, carl.headers, 'Åben 2', '2026-11-20');
    const withdrawn = await sendEvent(ctx.app, carl.headers, journey.id, { type: 'WITHDRAWN', reason: 'Flyttet' });
    expect(withdrawn.statusCode).toBe(201);
    await ctx.db.updateTable('app_user').set({ active: false }).where('id', '=', carl.id).execute();
    const listed = await ctx.app.inject({ method: 'GET', url: '/api/caseloads', headers: fresh.leader.headers });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([
      { caseworker: { id: carl.id, name: 'Carl Left', active: false }, openJourneys: 2 },
      { caseworker: { id: fresh.caseworker.id, name: 'Test caseworker', active: true }, openJourneys: 0 },
    ]);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/caseloads', headers: fresh.caseworker.headers })).statusCode,
    ).toBe(403);
  });
});
