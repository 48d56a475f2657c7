import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newCpr, newGroup, newUnit, newYouth } from '../support/factories.ts';
import {
  activityReadyVisitation,
  openJourney,
  questionnaireAnswers,
  sendEvent,
  youthAtIntake,
} from '../support/journeys.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

describe.each(engines)('journeys on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const headers = () => unit.caseworker.headers;
  const get = (id: string) => ctx.app.inject({ method: 'GET', url: `/api/journeys/${id}`, headers: headers() });

  it('refuses an expected return that already lies in the past, in Danish, and takes today', async () => {
    const caseworker = unit.caseworker.headers;
    const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
    const { journey } = await youthAtIntake(ctx.app, caseworker, 'Oskar Lind', { groupId: group.id });
    const yesterday = await sendEvent(ctx.app, caseworker, journey.id, {
      type: 'PAUSED',
      reason: 'illness',
      expectedReturn: '2026-11-21',
    });
    expect(yesterday.statusCode).toBe(400);
    expect(yesterday.json().error.details).toEqual([
      { field: 'expectedReturn', message: 'Den forventede tilbagevenden kan ikke ligge før den dag, pausen begynder.' },
    ]);
    const today = await sendEvent(ctx.app, caseworker, journey.id, {
      type: 'PAUSED',
      reason: 'illness',
      expectedReturn: '2026-11-22',
    });
    expect(today.json()).toMatchObject({ stage: 'paused' });
  });

  it('opens a journey in referred, and lists the events it accepts with their payload schemas', async () => {
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id);
    expect(journey).toMatchObject({ stage: 'referred', returning: false, version: 1 });
    const detail = (await get(journey.id)).json();
    expect(detail.acceptedEvents.map((e: { type: string }) => e.type).sort()).toEqual([
      'FIRST_CONVERSATION_HELD',
      'WITHDRAWN',
    ]);
    const withdrawn = detail.acceptedEvents.find((e: { type: string }) => e.type === 'WITHDRAWN');
    expect(withdrawn.schema).toMatchObject({ type: 'object', required: ['reason'] });
    expect(detail.youth).toMatchObject({ id: youth.id, cpr: expect.stringMatching(/-XXXX$/) });
  });

  it('refuses a second open journey for the same youth with 409', async () => {
    const youth = await newYouth(ctx.app, headers());
    const first = await openJourney(ctx.app, headers(), youth.id);
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/youth/${youth.id}/journeys`,
      headers: headers(),
      payload: { source: 'uu', firstContactAt: '2026-11-10', reason: 'Igen' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'conflict', openJourneyId: first.id });
  });

  it('walks a youth from referral through visitation into intake with the rules explained', async () => {
    const youth = await newYouth(ctx.app, headers(), { cpr: newCpr('2003-06-01') });
    const journey = await openJourney(ctx.app, headers(), youth.id);
    const held = await sendEvent(ctx.app, headers(), journey.id, {
      type: 'FIRST_CONVERSATION_HELD',
      mode: 'in_person',
      occurredAt: '2026-11-05T09:00:00+01:00',
    });
    expect(held.statusCode).toBe(201);
    expect(held.json()).toMatchObject({ stage: 'visitation', version: 2 });

    const decided = await sendEvent(ctx.app, headers(), journey.id, activityReadyVisitation());
    expect(decided.statusCode).toBe(201);
    const body = decided.json();
    expect(body).toMatchObject({ stage: 'intake', version: 3 });
    expect(body.context).toMatchObject({
      category: 'activity_ready',
      suggestedCategory: 'activity_ready',
      barriers: ['mental_health'],
    });
    // The answer carries the journey's state; its history and rule decisions are a GET away.
    const detail = (await get(journey.id)).json();
    expect(detail).toMatchObject({ stage: 'intake', version: 3 });
    const eligibility = detail.decisions.find((d: { ruleSet: string }) => d.ruleSet === 'eligibility');
    expect(eligibility).toMatchObject({
      outcome: 'eligible_activity_ready',
      eventSeq: 3,
      ruleSetVersion: expect.stringMatching(/^[0-9a-f]{12}$/),
      facts: expect.objectContaining({ age: 23, category: 'activity_ready', minAge: 18, maxAge: 29 }),
    });
    expect(eligibility.explanation.da).toMatch(/målgruppen/);
    expect(eligibility.conditions.length).toBeGreaterThan(0);
    const visitation = detail.decisions.find((d: { ruleSet: string }) => d.ruleSet === 'visitation');
    expect(visitation.outcome).toBe('activity_ready');
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual([
      'FIRST_CONVERSATION_HELD',
      'VISITATION_DECIDED',
    ]);
    expect(detail.events[1].payload).toMatchObject({ profile: 'C', questionnaire: questionnaireAnswers() });
  });

  it('refuses a referral at an age no target group can have, in Danish at the date of first contact', async () => {
    for (const [birthDate, age] of [
      ['2013-01-10', 13],
      ['1989-05-01', 37],
    ] as const) {
      const youth = await newYouth(ctx.app, headers(), { cpr: newCpr(birthDate) });
      const response = await ctx.app.inject({
        method: 'POST',
        url: `/api/youth/${youth.id}/journeys`,
        headers: headers(),
        payload: { source: 'jobcenter', firstContactAt: '2026-11-02', reason: 'Henvist fra jobcentret' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        {
          field: 'firstContactAt',
          message:
            `Den unge er ${age} år på dagen for første kontakt. Målgruppen kan i ingen kommune gå ud over 15 til 35 år. ` +
            'Tjek CPR-nummeret og datoen for første kontakt.',
        },
      ]);
      const journeys = await ctx.app.inject({
        method: 'GET',
        url: `/api/youth/${youth.id}/journeys`,
        headers: headers(),
      });
      expect(journeys.json().items).toEqual([]);
    }
  });

  it('stores with each decision the law it followed and the citations of its rules', async () => {
    const youth = await newYouth(ctx.app, headers(), { cpr: newCpr('2003-06-01') });
    const journey = await openJourney(ctx.app, headers(), youth.id);
    await sendEvent(ctx.app, headers(), journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' });
    expect((await sendEvent(ctx.app, headers(), journey.id, activityReadyVisitation())).statusCode).toBe(201);
    const rows = await ctx.db
      .selectFrom('rule_decision')
      .select(['rule_set', 'result'])
      .where('journey_id', '=', journey.id)
      .orderBy('rule_set')
      .execute();
    const law = {
      id: 'lab_2019',
      title: {
        da: 'Lov om en aktiv beskæftigelsesindsats (LAB) med kontanthjælpsreformen fra 1. juli 2025',
        en: 'The Active Employment Act (LAB) with the cash benefit reform of 1 July 2025',
      },
      inForceFrom: '2025-07-01',
    };
    expect(rows.map((r) => [r.rule_set, r.result.law])).toEqual([
      ['eligibility', law],
      ['visitation', law],
    ]);
    expect(rows[0]?.result.citations).toEqual([
      'Rockwool Fonden: Hvad er NExTWORK?',
      'STAR: Den gode ungeindsats i jobcentrene (2017), s. 20-25',
    ]);
    const reasons = rows[1]?.result.reasons as Array<{ code: string; citations: string[] }>;
    expect(reasons.find((r) => r.code === 'considerable_barriers')?.citations).toEqual([
      'STAR: Den gode ungeindsats i jobcentrene (2017), s. 21',
    ]);
  });

  it('redirects a youth outside the target group with the recommendation in words', async () => {
    const youth = await newYouth(ctx.app, headers(), { cpr: newCpr('1994-01-10') });
    const journey = await openJourney(ctx.app, headers(), youth.id);
    await sendEvent(ctx.app, headers(), journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' });
    const decided = await sendEvent(ctx.app, headers(), journey.id, activityReadyVisitation());
    expect(decided.json().stage).toBe('redirected');
    const detail = (await get(journey.id)).json();
    const eligibility = detail.decisions.find((d: { ruleSet: string }) => d.ruleSet === 'eligibility');
    expect(eligibility.explanation).toEqual({
      da: 'Ikke i målgruppen: alderen 32 er over 29.',
      en: 'Not in the target group: age 32 is above 29.',
    });
    expect(decided.json().acceptedEvents).toEqual([]);
    expect(detail.acceptedEvents).toEqual([]);
    expect(decided.json().open).toBe(false);
  });

  it('recommends bridge-building for an education-ready youth without barriers', async () => {
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id);
    await sendEvent(ctx.app, headers(), journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' });
    const decided = await sendEvent(ctx.app, headers(), journey.id, {
      type: 'VISITATION_DECIDED',
      category: 'education_ready',
      barriers: [],
      profile: 'B',
      questionnaire: questionnaireAnswers(),
    });
    expect(decided.statusCode).toBe(201);
    const detail = (await get(journey.id)).json();
    const eligibility = detail.decisions.find((d: { ruleSet: string }) => d.ruleSet === 'eligibility');
    expect(decided.json().stage).toBe('redirected');
    expect(eligibility.recommendation.da).toMatch(/brobygning/i);
  });

  it('asks for a reason when the caseworker overrides the suggested category', async () => {
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id);
    await sendEvent(ctx.app, headers(), journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' });
    const refused = await sendEvent(
      ctx.app,
      headers(),
      journey.id,
      activityReadyVisitation({ profile: 'A', barriers: [], considerableBarriers: [] }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      suggestedCategory: 'obviously_education_ready',
      details: [
        {
          field: 'overrideReason',
          message: 'Skriv en begrundelse, når du vælger en anden kategori end den foreslåede.',
        },
      ],
    });
    const accepted = await sendEvent(
      ctx.app,
      headers(),
      journey.id,
      activityReadyVisitation({
        profile: 'A',
        barriers: [],
        considerableBarriers: [],
        overrideReason: 'Angst fylder meget i samtalen',
      }),
    );
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().context).toMatchObject({
      category: 'activity_ready',
      suggestedCategory: 'obviously_education_ready',
    });
    expect((await get(journey.id)).json().events.at(-1).payload).toMatchObject({
      overrideReason: 'Angst fylder meget i samtalen',
    });
  });

  it('answers 422 with the accepted events for an event the stage does not take', async () => {
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id);
    const response = await sendEvent(ctx.app, headers(), journey.id, {
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId: '7a0b6e7e-7d5b-4d39-9b1a-2f3c4d5e6f70',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'event_not_accepted',
      message: 'Det kan ikke registreres i forløbets nuværende fase.',
      stage: 'referred',
    });
    expect(response.json().error.acceptedEvents.sort()).toEqual(['FIRST_CONVERSATION_HELD', 'WITHDRAWN']);
    expect((await get(journey.id)).json().version).toBe(1);
  });

  it('answers 409 with the current version for a stale expectedVersion, and writes nothing', async () => {
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id);
    await sendEvent(ctx.app, headers(), journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' });
    const stale = await ctx.app.inject({
      method: 'POST',
      url: `/api/journeys/${journey.id}/events`,
      headers: headers(),
      payload: { type: 'WITHDRAWN', expectedVersion: 1, reason: 'Flyttet' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect((await get(journey.id)).json()).toMatchObject({ stage: 'visitation', version: 2 });
  });

  it('refuses an occurredAt in the future or before first contact', async () => {
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id, { firstContactAt: '2026-11-10' });
    for (const occurredAt of ['2026-11-23T08:00:00Z', '2026-11-09T12:00:00Z']) {
      const response = await sendEvent(ctx.app, headers(), journey.id, {
        type: 'FIRST_CONVERSATION_HELD',
        mode: 'in_person',
        occurredAt,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe('occurredAt');
    }
  });

  it('validates each event type’s payload field by field', async () => {
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id);
    const response = await sendEvent(ctx.app, headers(), journey.id, {
      type: 'VISITATION_DECIDED',
      category: 'very_ready',
      barriers: ['ghosts'],
      profile: 'D',
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'barriers.0', 'profile', 'questionnaire']));
    const unknownType = await sendEvent(ctx.app, headers(), journey.id, { type: 'TELEPORTED' });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json().error.details[0].field).toBe('type');
  });

  it('marks a youth with an earlier journey as returning', async () => {
    const youth = await newYouth(ctx.app, headers());
    const first = await openJourney(ctx.app, headers(), youth.id);
    await sendEvent(ctx.app, headers(), first.id, { type: 'WITHDRAWN', reason: 'Startede på uddannelse selv' });
    const second = await openJourney(ctx.app, headers(), youth.id, { firstContactAt: '2026-11-20' });
    expect(second.returning).toBe(true);
    const list = await ctx.app.inject({ method: 'GET', url: `/api/youth/${youth.id}/journeys`, headers: headers() });
    expect(list.json().items.map((j: { id: string; stage: string }) => [j.id, j.stage])).toEqual([
      [second.id, 'referred'],
      [first.id, 'closed'],
    ]);
  });

  it('records the benefit history at referral: earlier periods make the youth returning (issue 14.3)', async () => {
    const none = await openJourney(ctx.app, headers(), (await newYouth(ctx.app, headers())).id, {
      earlierBenefit: 'none',
    });
    expect(none.returning).toBe(false);
    const earlier = await openJourney(ctx.app, headers(), (await newYouth(ctx.app, headers())).id, {
      earlierBenefit: 'earlier_periods',
      earlierBenefitMonths: 14,
    });
    expect(earlier.returning).toBe(true);
    const withoutMonths = await ctx.app.inject({
      method: 'POST',
      url: `/api/youth/${(await newYouth(ctx.app, headers())).id}/journeys`,
      headers: headers(),
      payload: {
        source: 'jobcenter',
        firstContactAt: '2026-11-02',
        reason: 'Henvist',
        earlierBenefit: 'earlier_periods',
      },
    });
    expect(withoutMonths.statusCode).toBe(400);
    expect(withoutMonths.json().error.details).toEqual([
      {
        field: 'earlierBenefitMonths',
        message: 'Skriv, hvor mange måneder den unge i alt har været på offentlig forsørgelse før.',
      },
    ]);
  });

  it('a journey withdrawn as registered by mistake makes no one returning', async () => {
    const youth = await newYouth(ctx.app, headers());
    const mistake = await openJourney(ctx.app, headers(), youth.id, { earlierBenefit: 'none' });
    const withdrawn = await sendEvent(ctx.app, headers(), mistake.id, {
      type: 'WITHDRAWN',
      reason: 'Oprettet på den forkerte person',
      registeredByMistake: true,
    });
    expect(withdrawn.statusCode).toBe(201);
    const again = await openJourney(ctx.app, headers(), youth.id, {
      firstContactAt: '2026-11-20',
      earlierBenefit: 'none',
    });
    expect(again.returning).toBe(false);
  });

  it('weighs barriers: one considerable mental-health barrier suggests activity-ready, some does not (STAR 2017, s. 16 and 21)', async () => {
    const visit = async (considerableBarriers: string[]) => {
      const journey = await openJourney(ctx.app, headers(), (await newYouth(ctx.app, headers())).id);
      await sendEvent(ctx.app, headers(), journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' });
      return sendEvent(
        ctx.app,
        headers(),
        journey.id,
        activityReadyVisitation({ profile: 'B', barriers: ['mental_health'], considerableBarriers }),
      );
    };
    expect((await visit(['mental_health'])).statusCode).toBe(201);
    const some = await visit([]);
    expect(some.statusCode).toBe(400);
    expect(some.json().error).toMatchObject({ suggestedCategory: 'education_ready' });
    const notChosen = await sendEvent(
      ctx.app,
      headers(),
      (await openJourney(ctx.app, headers(), (await newYouth(ctx.app, headers())).id)).id,
      activityReadyVisitation({ barriers: ['debt'], considerableBarriers: ['mental_health'] }),
    );
    expect(notChosen.statusCode).toBe(400);
    expect(notChosen.json().error.details).toContainEqual({
      field: 'considerableBarriers.0',
      message: 'En barriere kan kun vægtes som betydelig, når den også er valgt som barriere.',
    });
  });

  it('lets exactly one of two concurrent events win, and loses nothing', async () => {
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id);
    const send = (type: string, extra: Record<string, unknown> = {}) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/journeys/${journey.id}/events`,
        headers: headers(),
        payload: { type, expectedVersion: 1, ...extra },
      });
    const responses = await Promise.all([
      send('FIRST_CONVERSATION_HELD', { mode: 'in_person' }),
      send('WITHDRAWN', { reason: 'Samtidig' }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const detail = (await get(journey.id)).json();
    expect(detail.version).toBe(2);
    expect(detail.events).toHaveLength(1);
    const winner = ['FIRST_CONVERSATION_HELD', 'WITHDRAWN'][responses.findIndex((r) => r.statusCode === 201)];
    expect(detail.events[0].type).toBe(winner);
  });

  it('keeps the event log append-only in the database', async () => {
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id);
    await sendEvent(ctx.app, headers(), journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' });
    await expect(sql`update journey_event set type = 'X'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from journey_event`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it("gives 404 for another municipality's journey and youth", async () => {
    const other = await newUnit(ctx.app, ctx.db);
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id);
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/journeys/${journey.id}`, headers: other.caseworker.headers }))
        .statusCode,
    ).toBe(404);
    const event = await ctx.app.inject({
      method: 'POST',
      url: `/api/journeys/${journey.id}/events`,
      headers: other.caseworker.headers,
      payload: { type: 'WITHDRAWN', expectedVersion: 1, reason: 'x' },
    });
    expect(event.statusCode).toBe(404);
    const open = await ctx.app.inject({
      method: 'POST',
      url: `/api/youth/${youth.id}/journeys`,
      headers: other.caseworker.headers,
      payload: { source: 'self', firstContactAt: '2026-11-01', reason: 'x' },
    });
    expect(open.statusCode).toBe(404);
  });

  it('audits opening, reading and every event of a journey', async () => {
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id);
    await sendEvent(ctx.app, headers(), journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' });
    const actions = (
      await ctx.db.selectFrom('audit_log').select('action').where('youth_id', '=', youth.id).orderBy('id').execute()
    ).map((r) => r.action);
    expect(actions).toEqual(['youth.created', 'journey.opened', 'journey.read', 'journey.event_recorded']);
  });
});
