import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { readFeed } from '../support/calendar.ts';
import { engines } from '../support/engines.ts';
import { newGroup, newUnit } from '../support/factories.ts';
import { referredYouth, youthAtIntake } from '../support/journeys.ts';

/** Monday 7 December 2026, 09.00 in Denmark. */
const NOW = new Date('2026-12-07T08:00:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;
type Headers = { cookie: string };

describe.each(engines)('appointments on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  let unit: Unit;
  let other: Unit;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    other = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const cw = () => unit.caseworker.headers;
  const request = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    headers: Headers,
    payload?: object,
  ) => ctx.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const book = (youthId: string, body: Record<string, unknown>, headers = cw()) =>
    request('POST', `/api/youth/${youthId}/appointments`, headers, {
      kind: 'job_conversation',
      mode: 'in_person',
      place: 'Jobcentret, lokale 2',
      startsAt: '2026-12-08T10:00:00+01:00',
      ...body,
    });
  const hold = (id: string, version: number, headers = cw()) =>
    request('POST', `/api/appointments/${id}/hold`, headers, { version });
  const journeyOf = async (journeyId: string) => (await request('GET', `/api/journeys/${journeyId}`, cw())).json();
  const atTime = async <T>(instant: string, action: () => Promise<T>) => {
    ctx.setNow(new Date(instant));
    try {
      return await action();
    } finally {
      ctx.setNow(NOW);
    }
  };

  it('books an appointment in person, by phone or by video, and lists it for the youth and the holder', async () => {
    const { youth, journey } = await referredYouth(ctx.app, cw(), 'Mikkel Holm', '2026-12-04');
    const booked = await book(youth.id, { note: 'Tag CV med' });
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({
      youth: { id: youth.id, name: 'Mikkel Holm' },
      journeyId: journey.id,
      caseworker: { id: unit.caseworker.id },
      kind: 'job_conversation',
      mode: 'in_person',
      place: 'Jobcentret, lokale 2',
      startsAt: '2026-12-08T09:00:00.000Z',
      durationMinutes: 45,
      status: 'planned',
      version: 1,
    });
    const byPhone = await book(youth.id, { mode: 'phone', place: 'ignored', startsAt: '2026-12-09T13:30:00+01:00' });
    expect(byPhone.json()).toMatchObject({ mode: 'phone', place: null });

    const ofYouth = (await request('GET', `/api/youth/${youth.id}/appointments`, cw())).json().items;
    expect(ofYouth.map((a: { startsAt: string }) => a.startsAt)).toEqual([
      '2026-12-08T09:00:00.000Z',
      '2026-12-09T12:30:00.000Z',
    ]);
    const mine = (await request('GET', '/api/appointments?to=2026-12-08', cw())).json().items;
    expect(mine.map((a: { id: string }) => a.id)).toContain(booked.json().id);
    expect(mine.map((a: { id: string }) => a.id)).not.toContain(byPhone.json().id);
    // Another municipality sees nothing of it.
    expect((await request('GET', `/api/appointments/${booked.json().id}`, other.caseworker.headers)).statusCode).toBe(
      404,
    );
  });

  it('refuses a meeting in person without a place, and a time that has passed, naming the fields', async () => {
    const { youth } = await referredYouth(ctx.app, cw(), 'Sara Lund', '2026-12-04');
    const refused = await book(youth.id, { place: '', startsAt: '2026-12-07T08:00:00+01:00' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual(['startsAt']);
    const noPlace = await book(youth.id, { place: '' });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json().error.details).toEqual([{ field: 'place', message: 'Skriv, hvor I mødes.' }]);
  });

  it('holds an appointment of a referred youth as the first conversation, with its mode and time, in one step', async () => {
    const { youth, journey } = await referredYouth(ctx.app, cw(), 'Ali Hassan', '2026-12-04');
    const booked = (await book(youth.id, { mode: 'video', startsAt: '2026-12-07T11:00:00+01:00' })).json();
    const early = await hold(booked.id, 1);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].field).toBe('startsAt');

    const held = await atTime('2026-12-07T11:00:00Z', () => hold(booked.id, 1));
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', heldAt: '2026-12-07T11:00:00.000Z', version: 2 });
    const after = await journeyOf(journey.id);
    expect(after.stage).toBe('visitation');
    expect(after.events.at(-1)).toMatchObject({
      type: 'FIRST_CONVERSATION_HELD',
      occurredAt: '2026-12-07T10:00:00.000Z',
      payload: { mode: 'video' },
    });
    // Held is held: it is neither held again nor moved.
    expect((await atTime('2026-12-07T11:00:00Z', () => hold(booked.id, 2))).statusCode).toBe(400);
    const moved = await request('PATCH', `/api/appointments/${booked.id}`, cw(), {
      version: 2,
      startsAt: '2026-12-10T10:00:00+01:00',
    });
    expect(moved.statusCode).toBe(400);
  });

  it('records nothing when the appointment changed meanwhile: the conversation and the mark go together', async () => {
    const { youth, journey } = await referredYouth(ctx.app, cw(), 'Emma Berg', '2026-12-04');
    const booked = (await book(youth.id, { startsAt: '2026-12-07T11:00:00+01:00' })).json();
    const stale = await atTime('2026-12-07T11:00:00Z', async () => {
      const moved = await request('PATCH', `/api/appointments/${booked.id}`, cw(), {
        version: 1,
        note: 'Flyttet lokale',
      });
      expect(moved.statusCode).toBe(200);
      return hold(booked.id, 1);
    });
    expect(stale.statusCode).toBe(409);
    expect((await journeyOf(journey.id)).stage).toBe('referred');
    const appointment = (await request('GET', `/api/appointments/${booked.id}`, cw())).json();
    expect(appointment).toMatchObject({ status: 'planned', version: 2 });
  });

  it('holds an appointment later in the journey as an individual job conversation that counts', async () => {
    const { youth, journey } = await youthAtIntake(ctx.app, cw(), 'Jonas Krog', { firstContactAt: '2026-11-20' });
    const booked = (await book(youth.id, { mode: 'phone', startsAt: '2026-12-07T13:00:00+01:00' })).json();
    const held = await atTime('2026-12-07T13:00:00Z', () => hold(booked.id, 1));
    expect(held.statusCode).toBe(200);
    const activities = (await request('GET', `/api/journeys/${journey.id}/activities`, cw())).json().items;
    expect(activities[0]).toMatchObject({
      kind: 'conversation',
      conversationKind: 'individual',
      mode: 'phone',
      jobConversation: true,
      occurredAt: '2026-12-07T12:00:00.000Z',
    });
    expect((await journeyOf(journey.id)).lastActivityAt).toBe('2026-12-07T12:00:00.000Z');
  });

  it('records one conversation when the same appointment is held twice at once', async () => {
    const { youth, journey } = await youthAtIntake(ctx.app, cw(), 'Oskar Friis', { firstContactAt: '2026-11-20' });
    const booked = (await book(youth.id, { startsAt: '2026-12-07T13:00:00+01:00' })).json();
    const answers = await atTime('2026-12-07T13:00:00Z', () => Promise.all([hold(booked.id, 1), hold(booked.id, 1)]));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode >= 400 && a.statusCode < 500)).toHaveLength(1);
    const activities = (await request('GET', `/api/journeys/${journey.id}/activities`, cw())).json();
    expect(activities.items.filter((a: { kind: string }) => a.kind === 'conversation')).toHaveLength(1);
  });

  it('moves and cancels with the version, and books a cancelled appointment again', async () => {
    const { youth } = await referredYouth(ctx.app, cw(), 'Lise Dam', '2026-12-04');
    const booked = (await book(youth.id, {})).json();
    const patch = (body: object) => request('PATCH', `/api/appointments/${booked.id}`, cw(), body);
    const moved = await patch({ version: 1, startsAt: '2026-12-10T14:00:00+01:00', mode: 'phone' });
    expect(moved.json()).toMatchObject({
      startsAt: '2026-12-10T13:00:00.000Z',
      mode: 'phone',
      place: null,
      version: 2,
    });
    expect((await patch({ version: 1, status: 'cancelled' })).statusCode).toBe(409);
    expect((await patch({ version: 2, status: 'cancelled' })).json()).toMatchObject({ status: 'cancelled' });
    expect((await patch({ version: 3, status: 'planned' })).json()).toMatchObject({ status: 'planned', version: 4 });
  });

  describe('the calendar feed', () => {
    it('is read without a session at its secret address, as iCalendar with first names only', async () => {
      const caseworker = unit.caseworker;
      const { youth } = await referredYouth(ctx.app, cw(), 'Frederik Nørgaard Olsen', '2026-12-04');
      await book(youth.id, { startsAt: '2026-12-11T09:30:00+01:00', durationMinutes: 60 });
      await book(youth.id, { kind: 'conversation', mode: 'video', startsAt: '2026-12-12T11:00:00+01:00' });
      const group = await newGroup(ctx.db, {
        municipalityId: unit.municipality.id,
        facilitatorId: caseworker.id,
        name: 'Tirsdagsgruppen',
      });
      await request('POST', `/api/groups/${group.id}/meetings`, cw(), { startsAt: '2026-12-15T10:00:00+01:00' });

      expect((await request('GET', '/api/auth/calendar-feed', cw())).json()).toEqual({ url: null, createdAt: null });
      const made = (await request('POST', '/api/auth/calendar-feed', cw())).json();
      expect(made.url).toMatch(/^http:\/\/localhost:3000\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
      // The address can be shown again: it is derived, not stored.
      expect((await request('GET', '/api/auth/calendar-feed', cw())).json().url).toBe(made.url);

      const path = new URL(made.url).pathname;
      const feed = await ctx.app.inject({ method: 'GET', url: path });
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const { events } = readFeed(feed.body);
      const summaries = events.map((e) => e.summary).sort();
      expect(summaries).toEqual(
        expect.arrayContaining(['Jobsamtale: Frederik', 'Samtale: Frederik', 'Netværksmøde: Tirsdagsgruppen']),
      );
      expect(feed.body).not.toContain('Olsen');
      // No CPR number anywhere but in the random event identifiers, whose hex digits can run to ten.
      const withoutIdentifiers = feed.body.replace(/^UID:.*$/gm, '');
      expect(withoutIdentifiers).not.toMatch(/\d{6}-?\d{4}/);
      expect(withoutIdentifiers).toContain('DTSTART');
      const jobConversation = events.find((e) => e.summary === 'Jobsamtale: Frederik');
      expect(jobConversation).toMatchObject({
        location: 'Jobcentret, lokale 2',
        start: new Date('2026-12-11T08:30:00Z'),
        end: new Date('2026-12-11T09:30:00Z'),
      });
      expect(events.find((e) => e.summary === 'Samtale: Frederik')?.location).toBe('Video');
      expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
      // The secret address never reaches the log.
      const token = path.slice('/kalender/'.length, -'.ics'.length);
      expect(ctx.logLines.filter((line) => line.includes(token))).toEqual([]);
      expect(ctx.logLines.some((line) => line.includes('/kalender/…'))).toBe(true);

      // A new address ends the old one.
      const renewed = (await request('POST', '/api/auth/calendar-feed', cw())).json();
      expect(renewed.url).not.toBe(made.url);
      expect((await ctx.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
      expect((await ctx.app.inject({ method: 'GET', url: new URL(renewed.url).pathname })).statusCode).toBe(200);
      expect((await ctx.app.inject({ method: 'GET', url: '/kalender/not-a-feed.ics' })).statusCode).toBe(404);
    });
  });

  describe('a notified absence (afbud)', () => {
    it('is recorded before the meeting, shown on its attendance, kept when attendance is taken', async () => {
      const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
      const { youth } = await youthAtIntake(ctx.app, cw(), 'Noah Vestergaard', {
        firstContactAt: '2026-11-20',
        groupId: group.id,
      });
      const meeting = (
        await request('POST', `/api/groups/${group.id}/meetings`, cw(), { startsAt: '2026-12-07T14:00:00+01:00' })
      ).json();
      const url = `/api/meetings/${meeting.id}/notified-absences/${youth.id}`;
      const notified = await request('PUT', url, cw(), { note: 'Hos lægen' });
      expect(notified.statusCode).toBe(200);
      const entry = notified.json().attendance.find((a: { youth: { id: string } }) => a.youth.id === youth.id);
      expect(entry).toMatchObject({ status: 'absent_with_notice', note: 'Hos lægen' });
      expect(notified.json().status).toBe('planned');

      const withdrawn = await request('DELETE', url, cw());
      expect(withdrawn.json().attendance.find((a: { youth: { id: string } }) => a.youth.id === youth.id).status).toBe(
        null,
      );
      await request('PUT', url, cw(), {});

      // Once the meeting has begun, the attendance of the whole group is taken instead.
      const late = await atTime('2026-12-07T13:30:00Z', () => request('PUT', url, cw(), {}));
      expect(late.statusCode).toBe(400);
      const detail = await atTime('2026-12-07T13:30:00Z', () => request('GET', `/api/meetings/${meeting.id}`, cw()));
      expect(detail.json().attendance.find((a: { youth: { id: string } }) => a.youth.id === youth.id).status).toBe(
        'absent_with_notice',
      );
    });

    it('is refused for a youth who is not in the group', async () => {
      const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
      const { youth } = await referredYouth(ctx.app, cw(), 'Ida Skov', '2026-12-04');
      const meeting = (
        await request('POST', `/api/groups/${group.id}/meetings`, cw(), { startsAt: '2026-12-09T10:00:00+01:00' })
      ).json();
      const refused = await request('PUT', `/api/meetings/${meeting.id}/notified-absences/${youth.id}`, cw(), {});
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].field).toBe('youthId');
    });
  });
});
