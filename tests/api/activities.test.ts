import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { individualConversationsBetween } from '../../src/activities/activity.repository.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newUnit, newYouth } from '../support/factories.ts';
import { openJourney, sendEvent } from '../support/journeys.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;

describe.each(engines)('activities and progression on %s', (engine) => {
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

  /** A journey whose first contact was 2 November 2026 (Danish time). */
  async function newJourney() {
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id, { firstContactAt: '2026-11-02' });
    return { youth, journeyId: journey.id };
  }
  const record = (journeyId: string, body: Record<string, unknown>, as = headers()) =>
    ctx.app.inject({ method: 'POST', url: `/api/journeys/${journeyId}/activities`, headers: as, payload: body });
  const list = (journeyId: string, query = '', as = headers()) =>
    ctx.app.inject({ method: 'GET', url: `/api/journeys/${journeyId}/activities${query}`, headers: as });
  const lastActivityAt = async (journeyId: string) =>
    (await ctx.app.inject({ method: 'GET', url: `/api/journeys/${journeyId}`, headers: headers() })).json()
      .lastActivityAt;

  it('records an individual job conversation and moves the last activity to when it was held', async () => {
    const { journeyId } = await newJourney();
    const recorded = await record(journeyId, {
      kind: 'conversation',
      conversationKind: 'individual',
      mode: 'in_person',
      jobConversation: true,
      occurredAt: '2026-11-12T13:00:00+01:00',
      note: 'Talte om praktik i detailhandlen',
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({
      journeyId,
      kind: 'conversation',
      conversationKind: 'individual',
      mode: 'in_person',
      jobConversation: true,
      occurredAt: '2026-11-12T12:00:00.000Z',
      note: 'Talte om praktik i detailhandlen',
      recordedBy: { id: unit.caseworker.id },
    });
    expect(await lastActivityAt(journeyId)).toBe('2026-11-12T12:00:00.000Z');
  });

  it.each([
    ['a group conversation', { kind: 'conversation', conversationKind: 'group', mode: 'in_person' }],
    ['a phone conversation', { kind: 'conversation', conversationKind: 'individual', mode: 'phone' }],
    ['a video conversation', { kind: 'conversation', conversationKind: 'individual', mode: 'video' }],
    ['a mentor contact', { kind: 'mentor_contact' }],
    ['another contact', { kind: 'other_contact' }],
  ])('counts %s as activity', async (_name, body) => {
    const { journeyId } = await newJourney();
    const recorded = await record(journeyId, { ...body, occurredAt: '2026-11-20T10:00:00+01:00' });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json().jobConversation).toBe(false);
    expect(await lastActivityAt(journeyId)).toBe('2026-11-20T09:00:00.000Z');
  });

  it('dates an activity without a time at now', async () => {
    const { journeyId } = await newJourney();
    const recorded = await record(journeyId, { kind: 'mentor_contact' });
    expect(recorded.json().occurredAt).toBe(NOW.toISOString());
    expect(await lastActivityAt(journeyId)).toBe(NOW.toISOString());
  });

  describe('validation', () => {
    it.each([
      [
        'a time in the future',
        { kind: 'mentor_contact', occurredAt: '2026-11-22T12:00:00+01:00' },
        [{ field: 'occurredAt', message: 'Tidspunktet kan ikke ligge i fremtiden.' }],
      ],
      [
        'a time before the first contact',
        { kind: 'mentor_contact', occurredAt: '2026-11-01T20:00:00+01:00' },
        [{ field: 'occurredAt', message: 'Tidspunktet kan ikke ligge før den første kontakt.' }],
      ],
      [
        'a group conversation marked as a job conversation',
        { kind: 'conversation', conversationKind: 'group', mode: 'in_person', jobConversation: true },
        [{ field: 'jobConversation', message: 'Kun en individuel samtale kan registreres som jobsamtale.' }],
      ],
      [
        'a conversation without its kind',
        { kind: 'conversation', mode: 'in_person' },
        [{ field: 'conversationKind', message: 'Skal udfyldes.' }],
      ],
      [
        'a conversation without how it was held',
        { kind: 'conversation', conversationKind: 'individual', jobConversation: true },
        [{ field: 'mode', message: 'Skal udfyldes.' }],
      ],
      [
        // Phone is how a conversation is held, no longer a kind of its own.
        'a conversation of the kind phone',
        { kind: 'conversation', conversationKind: 'phone', mode: 'phone' },
        [{ field: 'conversationKind', message: 'Vælg en af mulighederne.' }],
      ],
      ['a blank note', { kind: 'other_contact', note: '   ' }, [{ field: 'note', message: 'Må ikke være tomt.' }]],
    ])('refuses %s and records nothing', async (_name, body, details) => {
      const { journeyId } = await newJourney();
      const refused = await record(journeyId, body);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toEqual(details);
      expect((await list(journeyId)).json().total).toBe(0);
      expect(await lastActivityAt(journeyId)).toBeNull();
    });

    it('refuses a note longer than 2000 characters on the note field', async () => {
      const { journeyId } = await newJourney();
      const refused = await record(journeyId, { kind: 'other_contact', note: 'x'.repeat(2001) });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual(['note']);
      const accepted = await record(journeyId, { kind: 'other_contact', note: 'x'.repeat(2000) });
      expect(accepted.statusCode).toBe(201);
    });

    it('refuses an unknown kind of activity', async () => {
      const { journeyId } = await newJourney();
      const refused = await record(journeyId, { kind: 'sms' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].field).toBe('kind');
    });

    it('refuses activity on a closed journey with 422', async () => {
      const { journeyId } = await newJourney();
      await sendEvent(ctx.app, headers(), journeyId, { type: 'WITHDRAWN', reason: 'Flyttet til anden kommune' });
      const refused = await record(journeyId, { kind: 'mentor_contact' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'event_not_accepted', stage: 'closed' });
    });
  });

  describe('the list', () => {
    it('lists newest first, filtered by kind and by days, in pages', async () => {
      const { journeyId } = await newJourney();
      await record(journeyId, { kind: 'mentor_contact', occurredAt: '2026-11-05T10:00:00+01:00' });
      await record(journeyId, {
        kind: 'conversation',
        conversationKind: 'individual',
        mode: 'in_person',
        occurredAt: '2026-11-10T10:00:00+01:00',
      });
      await record(journeyId, {
        kind: 'conversation',
        conversationKind: 'individual',
        mode: 'phone',
        occurredAt: '2026-11-15T23:30:00+01:00',
      });
      await record(journeyId, { kind: 'other_contact', occurredAt: '2026-11-16T00:30:00+01:00' });

      const all = (await list(journeyId)).json();
      expect(all.total).toBe(4);
      expect(all.items.map((a: { kind: string }) => a.kind)).toEqual([
        'other_contact',
        'conversation',
        'conversation',
        'mentor_contact',
      ]);
      const conversations = (await list(journeyId, '?kind=conversation')).json();
      expect(
        conversations.items.map((a: { conversationKind: string; mode: string }) => [a.conversationKind, a.mode]),
      ).toEqual([
        ['individual', 'phone'],
        ['individual', 'in_person'],
      ]);
      expect(all.items.map((a: { mode: string | null }) => a.mode)).toEqual([null, 'phone', 'in_person', null]);
      // Days are Danish days, and `to` is the last day included.
      const days = (await list(journeyId, '?from=2026-11-10&to=2026-11-15')).json();
      expect(days.items.map((a: { occurredAt: string }) => a.occurredAt)).toEqual([
        '2026-11-15T22:30:00.000Z',
        '2026-11-10T09:00:00.000Z',
      ]);
      const page2 = (await list(journeyId, '?pageSize=3&page=2')).json();
      expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(page2.items.map((a: { kind: string }) => a.kind)).toEqual(['mentor_contact']);
    });
  });

  describe('individualConversationsBetween', () => {
    it('counts the individual job conversations in [from, to) of one journey, in person, by phone and by video', async () => {
      const { journeyId } = await newJourney();
      const { journeyId: otherJourneyId } = await newJourney();
      const job = { kind: 'conversation', conversationKind: 'individual', mode: 'in_person', jobConversation: true };
      await record(journeyId, { ...job, occurredAt: '2026-11-03T10:00:00+01:00' }); // before `from`
      await record(journeyId, { ...job, occurredAt: '2026-11-05T10:00:00+01:00' });
      await record(journeyId, { ...job, occurredAt: '2026-11-12T10:00:00+01:00' });
      // STAR: a job conversation may be held by phone or electronically, and counts as one.
      await record(journeyId, { ...job, mode: 'phone', occurredAt: '2026-11-13T10:00:00+01:00' });
      await record(journeyId, { ...job, mode: 'video', occurredAt: '2026-11-14T10:00:00+01:00' });
      await record(journeyId, { ...job, occurredAt: '2026-11-20T00:00:00+01:00' }); // at `to`: excluded
      await record(journeyId, {
        kind: 'conversation',
        conversationKind: 'individual',
        mode: 'in_person',
        occurredAt: '2026-11-06T10:00:00+01:00',
      });
      await record(journeyId, {
        kind: 'conversation',
        conversationKind: 'group',
        mode: 'in_person',
        occurredAt: '2026-11-07T10:00:00+01:00',
      });
      await record(journeyId, {
        kind: 'conversation',
        conversationKind: 'individual',
        mode: 'phone',
        occurredAt: '2026-11-08T10:00:00+01:00',
      });
      await record(journeyId, { kind: 'mentor_contact', occurredAt: '2026-11-09T10:00:00+01:00' });
      await record(otherJourneyId, { ...job, occurredAt: '2026-11-10T10:00:00+01:00' });

      const from = new Date('2026-11-04T00:00:00+01:00');
      const to = new Date('2026-11-20T00:00:00+01:00');
      expect(await individualConversationsBetween(ctx.db, unit.municipality.id, journeyId, from, to)).toBe(4);
      expect(await individualConversationsBetween(ctx.db, unit.municipality.id, otherJourneyId, from, to)).toBe(1);
      expect(await individualConversationsBetween(ctx.db, other.municipality.id, journeyId, from, to)).toBe(0);
    });
  });

  describe('another municipality', () => {
    it('gets 404 when recording or listing, and nothing is recorded', async () => {
      const { journeyId } = await newJourney();
      const recorded = await record(journeyId, { kind: 'mentor_contact' }, other.caseworker.headers);
      expect(recorded.statusCode).toBe(404);
      expect((await list(journeyId, '', other.caseworker.headers)).statusCode).toBe(404);
      expect((await list(journeyId)).json().total).toBe(0);
    });
  });

  describe('progression', () => {
    const measure = (journeyId: string, body: Record<string, unknown>, as = headers()) =>
      ctx.app.inject({ method: 'POST', url: `/api/journeys/${journeyId}/progression`, headers: as, payload: body });
    const progression = (journeyId: string, as = headers()) =>
      ctx.app.inject({ method: 'GET', url: `/api/journeys/${journeyId}/progression`, headers: as });

    it('keeps every measurement oldest first with the first and latest score of each factor', async () => {
      const { journeyId } = await newJourney();
      await measure(journeyId, {
        measuredOn: '2026-11-20',
        assessedBy: 'youth',
        scores: { beliefInOwnAbilities: 6, selfRatedHealth: 5, network: 4, meaningAndDirection: 7 },
      });
      const first = await measure(journeyId, {
        measuredOn: '2026-11-03',
        assessedBy: 'youth',
        scores: { beliefInOwnAbilities: 3, selfRatedHealth: 5, network: 2 },
      });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        measuredOn: '2026-11-03',
        assessedBy: 'youth',
        scores: { beliefInOwnAbilities: 3, selfRatedHealth: 5, network: 2, meaningAndDirection: null, readiness: null },
        recordedBy: { id: unit.caseworker.id },
      });
      await measure(journeyId, { measuredOn: '2026-11-04', assessedBy: 'caseworker', scores: { readiness: 4 } });

      const body = (await progression(journeyId)).json();
      expect(body.measurements.map((m: { measuredOn: string }) => m.measuredOn)).toEqual([
        '2026-11-03',
        '2026-11-04',
        '2026-11-20',
      ]);
      expect(body.factors).toEqual([
        {
          factor: 'beliefInOwnAbilities',
          label: { da: 'Tro på egne evner', en: 'Belief in own abilities' },
          first: { score: 3, measuredOn: '2026-11-03', assessedBy: 'youth' },
          latest: { score: 6, measuredOn: '2026-11-20', assessedBy: 'youth' },
          change: 3,
        },
        expect.objectContaining({
          factor: 'selfRatedHealth',
          label: expect.objectContaining({ da: 'Selvvurderet helbred' }),
          change: 0,
        }),
        expect.objectContaining({ factor: 'network', label: expect.objectContaining({ da: 'Netværk' }), change: 2 }),
        expect.objectContaining({
          factor: 'meaningAndDirection',
          label: expect.objectContaining({ da: 'Mening og retning' }),
          first: { score: 7, measuredOn: '2026-11-20', assessedBy: 'youth' },
          change: null,
        }),
        expect.objectContaining({
          factor: 'readiness',
          first: { score: 4, measuredOn: '2026-11-04', assessedBy: 'caseworker' },
          change: null,
        }),
      ]);
    });

    it('dates a measurement without a day today', async () => {
      const { journeyId } = await newJourney();
      const recorded = await measure(journeyId, { assessedBy: 'youth', scores: { network: 5 } });
      expect(recorded.json().measuredOn).toBe('2026-11-22');
    });

    it('validates every score field by field', async () => {
      const { journeyId } = await newJourney();
      const refused = await measure(journeyId, {
        assessedBy: 'youth',
        scores: { beliefInOwnAbilities: 0, selfRatedHealth: 5.5, network: 11, meaningAndDirection: 10 },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toEqual([
        { field: 'scores.beliefInOwnAbilities', message: 'Mindst 1.' },
        { field: 'scores.selfRatedHealth', message: 'Skal være et helt tal.' },
        { field: 'scores.network', message: 'Højst 10.' },
      ]);
      expect((await progression(journeyId)).json().measurements).toEqual([]);
    });

    it.each([
      ['no score at all', { assessedBy: 'youth', scores: {} }, 'scores', 'Angiv mindst én score fra 1 til 10.'],
      [
        'readiness rated by the youth',
        { assessedBy: 'youth', scores: { readiness: 8 } },
        'scores.readiness',
        'Parathed vurderes af rådgiveren, ikke af den unge.',
      ],
      [
        'a day in the future',
        { measuredOn: '2026-11-23', assessedBy: 'youth', scores: { network: 5 } },
        'measuredOn',
        'Datoen kan ikke ligge i fremtiden.',
      ],
      [
        'a day before the first contact',
        { measuredOn: '2026-11-01', assessedBy: 'youth', scores: { network: 5 } },
        'measuredOn',
        'Datoen kan ikke ligge før den første kontakt.',
      ],
    ])('refuses %s', async (_name, body, field, message) => {
      const { journeyId } = await newJourney();
      const refused = await measure(journeyId, body);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toEqual([{ field, message }]);
      expect((await progression(journeyId)).json().measurements).toEqual([]);
    });

    it('gives another municipality 404 and audits the measurement without the scores', async () => {
      const { youth, journeyId } = await newJourney();
      expect(
        (await measure(journeyId, { assessedBy: 'youth', scores: { network: 5 } }, other.caseworker.headers))
          .statusCode,
      ).toBe(404);
      expect((await progression(journeyId, other.caseworker.headers)).statusCode).toBe(404);

      const recorded = await measure(journeyId, { assessedBy: 'youth', scores: { selfRatedHealth: 2 } });
      const log = await ctx.app.inject({
        method: 'GET',
        url: `/api/audit?youthId=${youth.id}&action=progression.recorded`,
        headers: unit.leader.headers,
      });
      expect(log.json().items).toEqual([
        expect.objectContaining({
          details: {
            journeyId,
            measurementId: recorded.json().id,
            measuredOn: '2026-11-22',
            assessedBy: 'youth',
            factors: ['selfRatedHealth'],
          },
        }),
      ]);
    });
  });

  describe('audit', () => {
    it('audits recording and reading activities, without the note', async () => {
      const { youth, journeyId } = await newJourney();
      const recorded = await record(journeyId, {
        kind: 'conversation',
        conversationKind: 'individual',
        mode: 'video',
        jobConversation: true,
        note: 'Fortrolig oplysning om helbred',
      });
      await list(journeyId);
      const log = await ctx.app.inject({
        method: 'GET',
        url: `/api/audit?youthId=${youth.id}&pageSize=100`,
        headers: unit.leader.headers,
      });
      const entries = log.json().items as Array<{ action: string; userId: string; details: Record<string, unknown> }>;
      const entry = entries.find((e) => e.action === 'activity.recorded');
      expect(entry).toMatchObject({
        userId: unit.caseworker.id,
        details: {
          journeyId,
          activityId: recorded.json().id,
          kind: 'conversation',
          mode: 'video',
          jobConversation: true,
        },
      });
      expect(JSON.stringify(entry)).not.toContain('Fortrolig');
      expect(entries.some((e) => e.action === 'journey.read' && e.details.view === 'activities')).toBe(true);
    });
  });
});
