import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCompany, newGroup, newUnit, newYouth } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';

// A Sunday: the current week began on Monday 16 November.
const NOW = new Date('2026-11-22T10:00:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;

describe.each(engines)('placements on %s', (engine) => {
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
  const inject = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, as = headers()) =>
    ctx.app.inject({ method, url, headers: as, ...(payload === undefined ? {} : { payload: payload as object }) });
  const journeyOf = async (id: string) => (await inject('GET', `/api/journeys/${id}`)).json();
  const placementsOf = async (id: string) => (await inject('GET', `/api/journeys/${id}/placements`)).json().items;

  /** A youth in a network group: open, first conversation, visitation, group. */
  async function activeJourney() {
    const youth = await newYouth(ctx.app, headers());
    const journey = await openJourney(ctx.app, headers(), youth.id);
    await sendEvent(ctx.app, headers(), journey.id, {
      type: 'FIRST_CONVERSATION_HELD',
      mode: 'in_person',
      occurredAt: '2026-11-03T09:00:00+01:00',
    });
    await sendEvent(ctx.app, headers(), journey.id, {
      ...activityReadyVisitation(),
      occurredAt: '2026-11-04T09:00:00+01:00',
    });
    const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
    const assigned = await sendEvent(ctx.app, headers(), journey.id, {
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId: group.id,
      occurredAt: '2026-11-05T09:00:00+01:00',
    });
    if (assigned.statusCode !== 201) throw new Error(`group assignment failed: ${assigned.body}`);
    return { youth, journeyId: journey.id };
  }

  /** An active journey placed at a new company since 10 November. */
  async function placedJourney(overrides: Record<string, unknown> = {}) {
    const active = await activeJourney();
    const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
    const started = await sendEvent(ctx.app, headers(), active.journeyId, {
      type: 'PLACEMENT_STARTED',
      companyId: company.id,
      kind: 'internship',
      hoursPerWeek: 20,
      occurredAt: '2026-11-10T09:00:00+01:00',
      ...overrides,
    });
    if (started.statusCode !== 201) throw new Error(`placement failed: ${started.body}`);
    const placementId: string = started.json().context.currentPlacement.placementId;
    return { ...active, company, placementId };
  }

  const newContactFor = async (companyId: string): Promise<string> => {
    const response = await inject('POST', `/api/companies/${companyId}/contacts`, { name: 'Kim Kontakt' });
    return response.json().id;
  };

  describe('starting a placement', () => {
    it('creates the placement row under the event placement id, starting on the Danish day it happened', async () => {
      const { journeyId } = await activeJourney();
      const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id, name: 'Roskilde Cykler ApS' });
      const contactId = await newContactFor(company.id);
      const started = await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PLACEMENT_STARTED',
        companyId: company.id,
        kind: 'internship',
        hoursPerWeek: 15,
        plannedEnd: '2027-01-31',
        contactId,
        chosenByYouth: true,
        // 23:30 UTC on the 9th is already the 10th in Denmark.
        occurredAt: '2026-11-09T23:30:00Z',
      });
      expect(started.statusCode).toBe(201);
      const placementId = started.json().context.currentPlacement.placementId;

      const items = await placementsOf(journeyId);
      expect(items).toEqual([
        expect.objectContaining({
          id: placementId,
          journeyId,
          company: { id: company.id, name: 'Roskilde Cykler ApS' },
          kind: 'internship',
          startDate: '2026-11-10',
          plannedEnd: '2027-01-31',
          hoursPerWeek: 15,
          contactId,
          chosenByYouth: true,
          active: true,
          endedAt: null,
          version: 1,
        }),
      ]);
    });

    it('shows when the company was not the youth own choice', async () => {
      const { placementId } = await placedJourney({ chosenByYouth: false });
      const placement = (await inject('GET', `/api/placements/${placementId}`)).json();
      expect(placement.chosenByYouth).toBe(false);
    });

    it('refuses an unknown company on companyId, writes nothing and leaves the journey version as it was', async () => {
      const { journeyId } = await activeJourney();
      const before = await journeyOf(journeyId);
      const refused = await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PLACEMENT_STARTED',
        companyId: randomUUID(),
        kind: 'paid_hours',
        hoursPerWeek: 20,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toEqual([{ field: 'companyId', message: 'Virksomheden findes ikke.' }]);
      const after = await journeyOf(journeyId);
      expect(after.version).toBe(before.version);
      expect(after.placement).toBe('exploring');
      expect(after.events).toHaveLength(before.events.length);
      expect(await placementsOf(journeyId)).toEqual([]);
    });

    it("refuses another municipality's company as unknown", async () => {
      const { journeyId } = await activeJourney();
      const foreign = await newCompany(ctx.db, { municipalityId: other.municipality.id });
      const refused = await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PLACEMENT_STARTED',
        companyId: foreign.id,
        kind: 'internship',
        hoursPerWeek: 20,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0]).toEqual({ field: 'companyId', message: 'Virksomheden findes ikke.' });
    });

    it('refuses a company that has left the company network', async () => {
      const { journeyId } = await activeJourney();
      const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id, name: 'Lukket Bageri ApS' });
      await ctx.db.updateTable('company').set({ active: false }).where('id', '=', company.id).execute();
      const refused = await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PLACEMENT_STARTED',
        companyId: company.id,
        kind: 'internship',
        hoursPerWeek: 20,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0]).toEqual({
        field: 'companyId',
        message: 'Lukket Bageri ApS er ikke længere aktiv i virksomhedsnetværket.',
      });
    });

    it('refuses a company whose places are all taken with 409', async () => {
      const first = await placedJourney();
      await ctx.db.updateTable('company').set({ placement_capacity: 1 }).where('id', '=', first.company.id).execute();
      const { journeyId } = await activeJourney();
      const refused = await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PLACEMENT_STARTED',
        companyId: first.company.id,
        kind: 'internship',
        hoursPerWeek: 20,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({ code: 'conflict', placementCapacity: 1, runningPlacements: 1 });
      expect(refused.json().error.details[0].message).toMatch(/ikke flere ledige pladser \(1 af 1 er optaget\)/);
    });

    it('refuses a planned end before the start date', async () => {
      const { journeyId } = await activeJourney();
      const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const refused = await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PLACEMENT_STARTED',
        companyId: company.id,
        kind: 'internship',
        hoursPerWeek: 20,
        plannedEnd: '2026-11-01',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0]).toEqual({
        field: 'plannedEnd',
        message: 'Den planlagte slutdato kan ikke ligge før startdatoen.',
      });
    });

    it('ends the placement row on PLACEMENT_ENDED with the reason', async () => {
      const { journeyId, placementId } = await placedJourney();
      const ended = await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PLACEMENT_ENDED',
        placementId,
        reason: 'Praktikken var for fysisk hård',
        occurredAt: '2026-11-20T15:00:00+01:00',
      });
      expect(ended.statusCode).toBe(201);
      const placement = (await inject('GET', `/api/placements/${placementId}`)).json();
      expect(placement).toMatchObject({
        active: false,
        endedAt: '2026-11-20T14:00:00.000Z',
        endReason: 'Praktikken var for fysisk hård',
        endCause: 'ended',
        version: 2,
      });
    });
  });

  describe('switching company', () => {
    it('ends the current placement and starts the next in one step', async () => {
      const { journeyId, placementId } = await placedJourney();
      const next = await newCompany(ctx.db, { municipalityId: unit.municipality.id, name: 'Lagerhuset A/S' });
      const before = await journeyOf(journeyId);
      const switched = await inject('POST', `/api/journeys/${journeyId}/placements/switch`, {
        expectedVersion: before.version,
        companyId: next.id,
        kind: 'paid_hours',
        hoursPerWeek: 25,
        chosenByYouth: true,
        reason: 'Vil hellere arbejde på lager',
        occurredAt: '2026-11-18T08:00:00+01:00',
      });
      expect(switched.statusCode).toBe(201);
      const body = switched.json();
      expect(body.journeyVersion).toBeGreaterThan(before.version);
      expect(body.ended).toMatchObject({
        id: placementId,
        active: false,
        endReason: 'Vil hellere arbejde på lager',
        endedAt: '2026-11-18T07:00:00.000Z',
      });
      expect(body.started).toMatchObject({
        company: { id: next.id, name: 'Lagerhuset A/S' },
        kind: 'paid_hours',
        hoursPerWeek: 25,
        startDate: '2026-11-18',
        active: true,
      });
      const after = await journeyOf(journeyId);
      expect(after.version).toBe(body.journeyVersion);
      expect(after.placement).toBe('placed');
      expect(after.context.currentPlacement.placementId).toBe(body.started.id);
      expect(after.events.slice(-2).map((e: { type: string }) => e.type)).toEqual([
        'PLACEMENT_ENDED',
        'PLACEMENT_STARTED',
      ]);
      expect((await placementsOf(journeyId)).map((p: { active: boolean }) => p.active)).toEqual([false, true]);
    });

    it('accepts the next event after a switch, the journey version following the event log', async () => {
      const { journeyId } = await placedJourney();
      const next = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const before = await journeyOf(journeyId);
      const switched = await inject('POST', `/api/journeys/${journeyId}/placements/switch`, {
        expectedVersion: before.version,
        companyId: next.id,
        kind: 'internship',
        hoursPerWeek: 20,
        chosenByYouth: true,
      });
      expect(switched.json().journeyVersion).toBe(before.version + 2);
      const paused = await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PAUSED',
        reason: 'illness',
        expectedReturn: '2026-12-01',
      });
      expect(paused.statusCode).toBe(201);
    });

    it('leaves the first placement running when the next one is refused', async () => {
      const { journeyId, placementId } = await placedJourney();
      const before = await journeyOf(journeyId);
      const refused = await inject('POST', `/api/journeys/${journeyId}/placements/switch`, {
        expectedVersion: before.version,
        companyId: randomUUID(),
        kind: 'internship',
        hoursPerWeek: 20,
        chosenByYouth: true,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].field).toBe('companyId');
      const after = await journeyOf(journeyId);
      expect(after.version).toBe(before.version);
      expect(after.context.currentPlacement.placementId).toBe(placementId);
      expect(await placementsOf(journeyId)).toEqual([expect.objectContaining({ id: placementId, active: true })]);
    });

    it('answers 409 with the current version when the journey changed in the meantime', async () => {
      const { journeyId } = await placedJourney();
      const next = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const current = await journeyOf(journeyId);
      const stale = await inject('POST', `/api/journeys/${journeyId}/placements/switch`, {
        expectedVersion: current.version - 1,
        companyId: next.id,
        kind: 'internship',
        hoursPerWeek: 20,
        chosenByYouth: true,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: current.version });
    });

    it('answers 422 when the youth is not in a placement', async () => {
      const { journeyId } = await activeJourney();
      const next = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const current = await journeyOf(journeyId);
      const refused = await inject('POST', `/api/journeys/${journeyId}/placements/switch`, {
        expectedVersion: current.version,
        companyId: next.id,
        kind: 'internship',
        hoursPerWeek: 20,
        chosenByYouth: true,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'event_not_accepted', placement: 'exploring' });
    });
  });

  describe('hours worked', () => {
    it('logs the hours of a past week and moves the last activity to the end of that week', async () => {
      const { journeyId, placementId } = await placedJourney();
      const logged = await inject('PUT', `/api/placements/${placementId}/hours/2026-11-09`, { hours: 18.5 });
      expect(logged.statusCode).toBe(200);
      expect(logged.json()).toMatchObject({
        weeks: [{ weekStart: '2026-11-09', hours: 18.5, recordedBy: unit.caseworker.id }],
        totalHours: 18.5,
      });
      // Sunday 15 November 23:59:59.999 in Denmark (UTC+1).
      expect((await journeyOf(journeyId)).lastActivityAt).toBe('2026-11-15T22:59:59.999Z');
    });

    it('dates the activity of the running week at now', async () => {
      const { journeyId, placementId } = await placedJourney();
      const logged = await inject('PUT', `/api/placements/${placementId}/hours/2026-11-16`, { hours: 12 });
      expect(logged.statusCode).toBe(200);
      expect((await journeyOf(journeyId)).lastActivityAt).toBe(NOW.toISOString());
    });

    it('replaces the hours when the same week is logged again', async () => {
      const { placementId } = await placedJourney();
      await inject('PUT', `/api/placements/${placementId}/hours/2026-11-09`, { hours: 10 });
      await inject('PUT', `/api/placements/${placementId}/hours/2026-11-16`, { hours: 8 });
      const again = await inject('PUT', `/api/placements/${placementId}/hours/2026-11-09`, { hours: 22 });
      expect(again.json().weeks.map((w: { weekStart: string; hours: number }) => [w.weekStart, w.hours])).toEqual([
        ['2026-11-09', 22],
        ['2026-11-16', 8],
      ]);
      expect(again.json().totalHours).toBe(30);
    });

    it('does not count a week of zero hours as activity', async () => {
      const { journeyId, placementId } = await placedJourney();
      const before = (await journeyOf(journeyId)).lastActivityAt;
      const logged = await inject('PUT', `/api/placements/${placementId}/hours/2026-11-16`, { hours: 0 });
      expect(logged.statusCode).toBe(200);
      expect((await journeyOf(journeyId)).lastActivityAt).toBe(before);
    });

    it.each([
      ['a day that is not a Monday', '2026-11-10', 10, 'weekStart', 'Ugen angives ved sin mandag.'],
      [
        'a week that has not begun',
        '2026-11-23',
        10,
        'weekStart',
        'Der kan ikke registreres timer for en uge, der ikke er begyndt.',
      ],
      [
        'a week before the placement started',
        '2026-11-02',
        10,
        'weekStart',
        'Ugen ligger før praktikken startede (2026-11-10).',
      ],
    ])('refuses %s', async (_name, weekStart, hours, field, message) => {
      const { placementId } = await placedJourney();
      const refused = await inject('PUT', `/api/placements/${placementId}/hours/${weekStart}`, { hours });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toEqual([{ field, message }]);
      expect((await inject('GET', `/api/placements/${placementId}`)).json().weeks).toEqual([]);
    });

    it.each([
      ['more than 60 hours', 61],
      ['negative hours', -1],
      ['a fraction other than a half hour', 7.3],
    ])('refuses %s on the hours field', async (_name, hours) => {
      const { placementId } = await placedJourney();
      const refused = await inject('PUT', `/api/placements/${placementId}/hours/2026-11-09`, { hours });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual(['hours']);
    });

    it('refuses a week after the placement ended', async () => {
      const { journeyId, placementId } = await placedJourney();
      await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PLACEMENT_ENDED',
        placementId,
        occurredAt: '2026-11-13T12:00:00+01:00',
      });
      const refused = await inject('PUT', `/api/placements/${placementId}/hours/2026-11-16`, { hours: 5 });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].message).toBe('Ugen ligger efter praktikken sluttede (2026-11-13).');
    });
  });

  describe('changing the agreement', () => {
    it('changes hours per week, planned end and contact against the version', async () => {
      const { placementId, company } = await placedJourney();
      const elsewhere = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const foreign = await inject('PATCH', `/api/placements/${placementId}`, {
        version: 1,
        contactId: await newContactFor(elsewhere.id),
      });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().error.details).toEqual([
        { field: 'contactId', message: 'Kontaktpersonen hører ikke til virksomheden.' },
      ]);
      const contactId = await newContactFor(company.id);
      const changed = await inject('PATCH', `/api/placements/${placementId}`, {
        version: 1,
        hoursPerWeek: 25.5,
        plannedEnd: '2027-02-28',
        contactId,
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ hoursPerWeek: 25.5, plannedEnd: '2027-02-28', contactId, version: 2 });
    });

    it('answers 409 with the current version for a stale change', async () => {
      const { placementId } = await placedJourney();
      await inject('PATCH', `/api/placements/${placementId}`, { version: 1, hoursPerWeek: 22 });
      const stale = await inject('PATCH', `/api/placements/${placementId}`, { version: 1, hoursPerWeek: 30 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
      expect((await inject('GET', `/api/placements/${placementId}`)).json().hoursPerWeek).toBe(22);
    });

    it('refuses to change a placement that has ended', async () => {
      const { journeyId, placementId } = await placedJourney();
      await sendEvent(ctx.app, headers(), journeyId, { type: 'PLACEMENT_ENDED', placementId });
      const refused = await inject('PATCH', `/api/placements/${placementId}`, { version: 2, hoursPerWeek: 30 });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.details[0].message).toBe('Praktikken er afsluttet og kan ikke ændres.');
    });
  });

  describe('pause', () => {
    it('keeps the placement running through a pause and a resume', async () => {
      const { journeyId, placementId } = await placedJourney();
      const paused = await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PAUSED',
        reason: 'hospital',
        expectedReturn: '2026-12-01',
        occurredAt: '2026-11-17T09:00:00+01:00',
      });
      expect(paused.json()).toMatchObject({ stage: 'paused', placement: 'placed' });
      expect(await placementsOf(journeyId)).toEqual([expect.objectContaining({ id: placementId, active: true })]);
      const resumed = await sendEvent(ctx.app, headers(), journeyId, { type: 'RESUMED' });
      expect(resumed.json()).toMatchObject({ stage: 'active', placement: 'placed' });
      expect(resumed.json().context.currentPlacement.placementId).toBe(placementId);
      expect(await placementsOf(journeyId)).toEqual([expect.objectContaining({ id: placementId, active: true })]);
    });

    it('refuses a pause whose expected return lies before the day it begins, and writes nothing', async () => {
      const { journeyId } = await placedJourney();
      const paused = await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PAUSED',
        reason: 'illness',
        expectedReturn: '2026-11-16',
        occurredAt: '2026-11-17T09:00:00+01:00',
      });
      expect(paused.statusCode).toBe(400);
      expect(paused.json().error.details).toEqual([
        {
          field: 'expectedReturn',
          message: 'Den forventede tilbagevenden kan ikke ligge før den dag, pausen begynder.',
        },
      ]);
      const sameDay = await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PAUSED',
        reason: 'illness',
        expectedReturn: '2026-11-17',
        occurredAt: '2026-11-17T09:00:00+01:00',
      });
      expect(sameDay.json()).toMatchObject({ stage: 'paused' });
    });
  });

  describe('lists', () => {
    it("lists a company's running placements with the youth", async () => {
      const { youth, company, placementId, journeyId } = await placedJourney();
      const list = await inject('GET', `/api/placements?companyId=${company.id}&active=true`);
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({
        total: 1,
        items: [{ id: placementId, journeyId, youth: { id: youth.id, name: youth.name }, active: true }],
      });
      const ended = await inject('GET', `/api/placements?companyId=${company.id}&active=false`);
      expect(ended.json().total).toBe(0);
    });
  });

  describe('another municipality', () => {
    it('gets 404 for every placement route and an empty list', async () => {
      const { journeyId, placementId, company } = await placedJourney();
      const theirs = other.caseworker.headers;
      const answers = await Promise.all([
        inject('GET', `/api/placements/${placementId}`, undefined, theirs),
        inject('PATCH', `/api/placements/${placementId}`, { version: 1, hoursPerWeek: 30 }, theirs),
        inject('PUT', `/api/placements/${placementId}/hours/2026-11-09`, { hours: 10 }, theirs),
        inject('GET', `/api/journeys/${journeyId}/placements`, undefined, theirs),
        inject(
          'POST',
          `/api/journeys/${journeyId}/placements/switch`,
          { expectedVersion: 5, companyId: company.id, kind: 'internship', hoursPerWeek: 20, chosenByYouth: true },
          theirs,
        ),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404]);
      const list = await inject('GET', `/api/placements?companyId=${company.id}`, undefined, theirs);
      expect(list.json()).toMatchObject({ items: [], total: 0 });
      expect((await inject('GET', `/api/placements/${placementId}`)).json()).toMatchObject({
        hoursPerWeek: 20,
        weeks: [],
      });
    });
  });

  describe('audit', () => {
    it('audits logging hours, changing, and reading a placement', async () => {
      const { youth, placementId, journeyId } = await placedJourney();
      await inject('PUT', `/api/placements/${placementId}/hours/2026-11-09`, { hours: 10 });
      await inject('PATCH', `/api/placements/${placementId}`, { version: 1, plannedEnd: '2027-03-01' });
      await inject('GET', `/api/placements/${placementId}`);
      const log = await inject('GET', `/api/audit?youthId=${youth.id}&pageSize=100`, undefined, unit.leader.headers);
      const entries = log.json().items as Array<{ action: string; details: Record<string, unknown> }>;
      expect(entries.find((e) => e.action === 'placement.hours_logged')?.details).toMatchObject({
        journeyId,
        placementId,
        weekStart: '2026-11-09',
        hours: 10,
      });
      expect(entries.find((e) => e.action === 'placement.updated')?.details).toMatchObject({
        placementId,
        fields: ['plannedEnd'],
      });
      expect(entries.some((e) => e.action === 'journey.read' && e.details.placementId === placementId)).toBe(true);
    });
  });
});
