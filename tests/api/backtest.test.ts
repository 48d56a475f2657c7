import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/alerts/backtest.service.ts';
import { parameterNameOf } from '../../src/alerts/backtest.params.ts';
import { loadRuleSets } from '../../src/rules/rule-set.loader.ts';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newGroup, newUnit, newYouth } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';

const NOW = new Date('2026-11-22T10:00:00Z');
const ruleSets = await loadRuleSets();

/**
 * A hand-made history: referred 3 August, first conversation 4 August, visitation 5 August,
 * group 6 August, then one mentor contact on 1 September and nothing else.
 */
describe.each(engines)('risk backtest on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    const h = unit.caseworker.headers;
    const youth = await newYouth(ctx.app, h);
    const journey = await openJourney(ctx.app, h, youth.id, { firstContactAt: '2026-08-03' });
    await sendEvent(ctx.app, h, journey.id, {
      type: 'FIRST_CONVERSATION_HELD',
      mode: 'in_person',
      occurredAt: '2026-08-04T10:00:00+02:00',
    });
    await sendEvent(ctx.app, h, journey.id, { ...activityReadyVisitation(), occurredAt: '2026-08-05T10:00:00+02:00' });
    const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
    await sendEvent(ctx.app, h, journey.id, {
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId: group.id,
      occurredAt: '2026-08-06T10:00:00+02:00',
    });
    const contact = await ctx.app.inject({
      method: 'POST',
      url: `/api/journeys/${journey.id}/activities`,
      headers: h,
      payload: { kind: 'mentor_contact', occurredAt: '2026-09-01T10:00:00+02:00' },
    });
    expect(contact.statusCode).toBe(201);
  });
  afterAll(() => ctx.close());

  const counts = async (set = {}) => {
    const report = await runBacktest(ctx.db, ruleSets, {
      from: '2026-08-06',
      to: '2026-09-30',
      municipalityId: unit.municipality.id,
      set,
    });
    return Object.fromEntries(report.rules.map((r) => [r.code, [r.opened, r.youth]]));
  };

  it('counts what each rule would have opened, day by day over the history', async () => {
    const result = await counts();
    // Passive from 20 August (14 days after joining), again from 15 September (14 days after the contact).
    expect(result.passive).toEqual([2, 1]);
    // 28 days without activity only after the contact: 29 September.
    expect(result.passive_long).toEqual([1, 1]);
    // 42 days in a group without a placement: 17 September.
    expect(result.no_placement_after_intake).toEqual([1, 1]);
    expect(result.first_conversation_overdue).toEqual([0, 0]);
  });

  it('shows how a changed threshold would have changed the count', async () => {
    // With 27 days the first stretch (26 days) never reaches it; the second does on 28 September.
    expect((await counts({ passiveDays: 27 })).passive).toEqual([1, 1]);
  });

  it('answers leaders through the API for their own municipality', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/risk/backtest',
      headers: unit.leader.headers,
      payload: { from: '2026-08-06', to: '2026-09-30', set: { passiveDays: 27 } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().rules.find((r: { code: string }) => r.code === 'passive')).toEqual({
      code: 'passive',
      opened: 1,
      youth: 1,
    });
    const caseworker = await ctx.app.inject({
      method: 'POST',
      url: '/api/risk/backtest',
      headers: unit.caseworker.headers,
      payload: { from: '2026-08-06', to: '2026-09-30' },
    });
    expect(caseworker.statusCode).toBe(403);
  });

  it('reads "<rule>.days" on the command line as the parameter name', () => {
    expect(parameterNameOf('passive.days')).toBe('passiveDays');
    expect(parameterNameOf('passive_long.days')).toBe('passiveLongDays');
    expect(parameterNameOf('offerDays')).toBe('offerDays');
  });
});
