import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newGroup, newUnit } from '../support/factories.ts';
import { referredYouth, youthAtIntake } from '../support/journeys.ts';

/** Monday 7 December 2026, 09.00 in Denmark. */
const NOW = new Date('2026-12-07T08:00:00Z');

describe.each(engines)("the caseworker's day (GET /api/today) on %s", (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    const h = unit.caseworker.headers;
    const group = await newGroup(ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Mandagsgruppen',
    });
    const meeting = await inject('POST', `/api/groups/${group.id}/meetings`, { startsAt: '2026-12-07T14:00:00+01:00' });
    expect(meeting.statusCode).toBe(201);
    // Referred on Thursday: the first conversation is due on Thursday this week.
    const mikkel = await referredYouth(ctx.app, h, 'Mikkel Hansen', '2026-12-03');
    ids.mikkel = mikkel.journey.id;
    const booked = await inject('POST', `/api/youth/${mikkel.youth.id}/appointments`, {
      kind: 'job_conversation',
      mode: 'phone',
      startsAt: '2026-12-07T11:00:00+01:00',
    });
    expect(booked.statusCode).toBe(201);
    // Referred 17 days ago and never seen: overdue, an alert, and no contact since.
    ids.bo = (await referredYouth(ctx.app, h, 'Bo Nielsen', '2026-11-20')).journey.id;
    // At intake with a plan to go through on Tuesday; Ida's review is next month.
    ids.sara = (await youthAtIntake(ctx.app, h, 'Sara Holm', { firstContactAt: '2026-12-01' })).journey.id;
    ids.ida = (await youthAtIntake(ctx.app, h, 'Ida Berg', { firstContactAt: '2026-12-01' })).journey.id;
    for (const [journey, reviewOn] of [
      [ids.sara, '2026-12-08'],
      [ids.ida, '2027-01-12'],
    ] as const) {
      const saved = await inject('PUT', `/api/journeys/${journey}/plan-content`, {
        goal: null,
        agreements: [],
        nextSteps: [],
        stabilisation: [],
        reviewOn,
      });
      expect(saved.statusCode).toBe(200);
    }
  });
  afterAll(() => ctx.close());

  function inject(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers = unit.caseworker.headers) {
    return ctx.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  }

  it("holds the meeting, the appointment, the week's deadlines with the plan review, the alert and youth without contact", async () => {
    const response = await inject('GET', '/api/today');
    expect(response.statusCode).toBe(200);
    const today = response.json();
    expect(today.day).toBe('2026-12-07');
    expect(today.meetings.map((m: { groupName: string; startsAt: string }) => [m.groupName, m.startsAt])).toEqual([
      ['Mandagsgruppen', '2026-12-07T13:00:00.000Z'],
    ]);
    expect(today.appointments.map((a: { startsAt: string }) => a.startsAt)).toEqual(['2026-12-07T10:00:00.000Z']);
    expect(
      today.deadlines.map((d: { youth: { name: string }; kind: string; due: string; overdue: boolean }) => [
        d.youth.name,
        d.kind,
        d.due,
        d.overdue,
      ]),
    ).toEqual([
      ['Bo Nielsen', 'first_conversation', '2026-11-27', true],
      ['Sara Holm', 'plan_review', '2026-12-08', false],
      ['Mikkel Hansen', 'first_conversation', '2026-12-10', false],
    ]);
    expect(today.alerts.map((a: { youthName: string; code: string }) => a.youthName)).toEqual(['Bo Nielsen']);
    expect(today.withoutContact.map((w: { youth: { name: string } }) => w.youth.name)).toEqual(['Bo Nielsen']);
    expect(today.contactDays).toBe(14);

    const shorter = (await inject('GET', '/api/today?contactDays=3')).json();
    expect(shorter.withoutContact.map((w: { youth: { name: string } }) => w.youth.name).sort()).toEqual([
      'Bo Nielsen',
      'Ida Berg',
      'Mikkel Hansen',
      'Sara Holm',
    ]);
  });

  it('gives the plan review as the next deadline in the caseload, and sorts by it', async () => {
    const list = (await inject('GET', '/api/journeys?sort=deadline')).json();
    expect(
      list.items.map((j: { youth: { name: string }; nextDeadline: { kind: string; due: string } | null }) => [
        j.youth.name,
        j.nextDeadline?.kind ?? null,
        j.nextDeadline?.due ?? null,
      ]),
    ).toEqual([
      ['Bo Nielsen', 'first_conversation', '2026-11-27'],
      ['Sara Holm', 'plan_review', '2026-12-08'],
      ['Mikkel Hansen', 'first_conversation', '2026-12-10'],
      ['Ida Berg', 'plan_review', '2027-01-12'],
    ]);
  });

  it('refuses a day of 0 or 400 days without contact field by field, and a leader or administrator', async () => {
    const bad = await inject('GET', '/api/today?contactDays=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('contactDays');
    expect((await inject('GET', '/api/today?contactDays=400')).statusCode).toBe(400);
    expect((await inject('GET', '/api/today', undefined, unit.leader.headers)).statusCode).toBe(403);
    expect((await inject('GET', '/api/today', undefined, unit.admin.headers)).statusCode).toBe(403);
  });

  it('is audited as a list naming the journeys it showed', async () => {
    await inject('GET', '/api/today');
    const entry = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('municipality_id', '=', unit.municipality.id)
      .where('action', '=', 'journey.listed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const details = entry.details as { view: string; journeyIds: string[] };
    expect(details.view).toBe('today');
    expect(details.journeyIds.sort()).toEqual([ids.mikkel, ids.bo, ids.sara].sort());
  });
});
