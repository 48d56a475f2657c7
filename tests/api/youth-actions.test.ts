import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YouthActor } from '../../src/auth/actor.ts';
import { createAppDeps, type AppDeps } from '../../src/deps.ts';
import { notifyAppointmentAbsence, withdrawAppointmentAbsence } from '../../src/appointments/appointment.youth.ts';
import { checkIn, comingMeetingsOfYouth, meetingCheckIn, notifyMeetingAbsence } from '../../src/groups/check-in.ts';
import {
  confirmHoursReport,
  hoursOfYouth,
  reportHours,
  waitingHoursReports,
} from '../../src/placements/hours-report.service.ts';
import type { Actor } from '../../src/auth/actor.ts';
import { DomainError } from '../../src/shared/errors.ts';
import { startTestApp, TEST_SECRET, type TestContext, uniqueSuffix } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCompany, newUnit, newYouth } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';

// Tuesday 24 November 2026, 09:00 in Denmark; the test groups meet at 10:00 for two hours.
const NOW = new Date('2026-11-24T08:00:00Z');
const MEETING_START = '2026-11-24T10:00:00+01:00';

type Headers = { cookie: string };
type Unit = Awaited<ReturnType<typeof newUnit>>;

describe.each(engines)("the youth's own check-in, afbud and hours on %s", (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  let unit: Unit;
  let deps: AppDeps;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    deps = await createAppDeps({ db: ctx.db, config: ctx.config, secret: TEST_SECRET, clock: ctx.clock });
  });
  afterAll(() => ctx.close());

  const cw = (): Headers => unit.caseworker.headers;
  const at = (iso: string) => ctx.setNow(new Date(iso));
  const staffActor = (): Actor => ({
    userId: unit.caseworker.id,
    municipalityId: unit.municipality.id,
    role: 'caseworker',
    name: 'Test caseworker',
    email: unit.caseworker.email,
    passwordMustChange: false,
    via: { kind: 'session', sessionId: randomUUID() },
    ip: null,
    requestId: null,
  });
  const youthActor = (youthId: string, municipalityId = unit.municipality.id): YouthActor => ({
    youthId,
    municipalityId,
    sessionId: randomUUID(),
    ip: null,
    requestId: null,
  });

  async function ok(response: Promise<{ statusCode: number; body: string; json(): any }>, status = 201) {
    const r = await response;
    if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json();
  }

  async function newGroupWithMeeting() {
    const group = await ok(
      ctx.app.inject({
        method: 'POST',
        url: '/api/groups',
        headers: cw(),
        payload: {
          name: `Gruppe ${uniqueSuffix()}`,
          facilitatorId: unit.caseworker.id,
          weekday: 3,
          startTime: '13:00',
          place: 'Jobcentret',
        },
      }),
    );
    const meeting = await ok(
      ctx.app.inject({
        method: 'POST',
        url: `/api/groups/${group.id}/meetings`,
        headers: cw(),
        payload: { startsAt: MEETING_START, durationMinutes: 120 },
      }),
    );
    return { groupId: group.id as string, meetingId: meeting.id as string };
  }

  async function memberOf(groupId: string) {
    const youth = await newYouth(ctx.app, cw());
    const journey = await openJourney(ctx.app, cw(), youth.id);
    await ok(
      sendEvent(ctx.app, cw(), journey.id, {
        type: 'FIRST_CONVERSATION_HELD',
        mode: 'in_person',
        occurredAt: '2026-11-03T09:00:00+01:00',
      }),
    );
    await ok(
      sendEvent(ctx.app, cw(), journey.id, activityReadyVisitation({ occurredAt: '2026-11-04T09:00:00+01:00' })),
    );
    await ok(
      sendEvent(ctx.app, cw(), journey.id, {
        type: 'GROUP_ASSIGNED',
        canTakePart15HoursAWeek: true,
        groupId,
        occurredAt: '2026-11-05T09:00:00+01:00',
      }),
    );
    return { youthId: youth.id, journeyId: journey.id };
  }

  /** The code the facilitator's page shows for the meeting at the time set. */
  async function codeOf(meetingId: string): Promise<string> {
    const shown = await meetingCheckIn(deps, staffActor(), meetingId);
    if (!shown.code) throw new Error('check-in is not open');
    return shown.code;
  }

  async function refusal(action: Promise<unknown>): Promise<{ code: string; message: string }> {
    try {
      await action;
    } catch (error) {
      if (error instanceof DomainError) return { code: error.code, message: error.fieldErrors[0]?.message.da ?? '' };
      throw error;
    }
    throw new Error('not refused');
  }

  const getJourney = async (id: string) =>
    ok(ctx.app.inject({ method: 'GET', url: `/api/journeys/${id}`, headers: cw() }), 200);
  const getMeeting = async (id: string) =>
    ok(ctx.app.inject({ method: 'GET', url: `/api/meetings/${id}`, headers: cw() }), 200);

  describe('checking in', () => {
    it('shows no code before the window and one code from 15 minutes before the start to the end', async () => {
      const { meetingId } = await newGroupWithMeeting();
      at('2026-11-24T08:44:00Z');
      expect((await meetingCheckIn(deps, staffActor(), meetingId)).code).toBeNull();
      at('2026-11-24T08:45:00Z');
      const first = await codeOf(meetingId);
      expect(first).toMatch(/^[A-Z2-9]{6}$/);
      at('2026-11-24T10:59:00Z');
      expect(await codeOf(meetingId)).toBe(first);
      at('2026-11-24T11:00:00Z');
      expect((await meetingCheckIn(deps, staffActor(), meetingId)).code).toBeNull();
    });

    it("gives the facilitator the meeting's code through the API in the window only, and no other municipality", async () => {
      const { meetingId } = await newGroupWithMeeting();
      const checkInOf = (headers: Headers = cw()) =>
        ctx.app.inject({ method: 'GET', url: `/api/meetings/${meetingId}/check-in`, headers });
      at('2026-11-24T08:44:00Z');
      expect(await ok(checkInOf(), 200)).toEqual({
        open: false,
        opens: '2026-11-24T08:45:00.000Z',
        closes: '2026-11-24T11:00:00.000Z',
        code: null,
      });
      at('2026-11-24T09:30:00Z');
      const shown = await ok(checkInOf(), 200);
      expect(shown).toMatchObject({ open: true, code: await codeOf(meetingId) });
      const elsewhere = await newUnit(ctx.app, ctx.db);
      expect((await checkInOf(elsewhere.caseworker.headers)).statusCode).toBe(404);
    });

    it("records the youth as present, checked in by the youth, counts it as activity and audits it as the youth's", async () => {
      const { groupId, meetingId } = await newGroupWithMeeting();
      const member = await memberOf(groupId);
      at('2026-11-24T09:10:00Z');
      const code = await codeOf(meetingId);
      const done = await checkIn(
        deps,
        youthActor(member.youthId),
        ` ${code.toLowerCase().slice(0, 3)}-${code.slice(3)} `,
      );
      expect(done).toMatchObject({ meetingId, already: false });

      const view = await getMeeting(meetingId);
      const row = view.attendance.find((a: { youth: { id: string } }) => a.youth.id === member.youthId);
      expect(row).toMatchObject({ status: 'attended', recordedByYouth: true, recordedBy: null });
      expect((await getJourney(member.journeyId)).lastActivityAt).toBe('2026-11-24T09:00:00.000Z');

      const audit = await ctx.db
        .selectFrom('audit_log')
        .select(['user_id', 'youth_id', 'details'])
        .where('action', '=', 'group.checked_in')
        .where('youth_id', '=', member.youthId)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.user_id).toBeNull();
      const details = typeof audit[0]?.details === 'string' ? JSON.parse(audit[0].details) : audit[0]?.details;
      expect(details).toMatchObject({ by: 'youth', meetingId });

      // Again: nothing changes.
      expect((await checkIn(deps, youthActor(member.youthId), code)).already).toBe(true);
    });

    it('dates an early check-in at the time of checking in, not in the future', async () => {
      const { groupId, meetingId } = await newGroupWithMeeting();
      const member = await memberOf(groupId);
      at('2026-11-24T08:50:00Z');
      await checkIn(deps, youthActor(member.youthId), await codeOf(meetingId));
      expect((await getJourney(member.journeyId)).lastActivityAt).toBe('2026-11-24T08:50:00.000Z');
    });

    it("refuses outside the meeting's window, at another group's meeting, for a youth in no group, and a code nobody has", async () => {
      const own = await newGroupWithMeeting();
      const other = await newGroupWithMeeting();
      const member = await memberOf(own.groupId);
      at('2026-11-24T09:30:00Z');
      const ownCode = await codeOf(own.meetingId);
      const otherCode = await codeOf(other.meetingId);

      expect((await refusal(checkIn(deps, youthActor(member.youthId), otherCode))).message).toContain(
        'andet holds møde',
      );
      const loner = await newYouth(ctx.app, cw());
      expect((await refusal(checkIn(deps, youthActor(loner.id), ownCode))).message).toContain(
        'ikke med i et netværkshold',
      );
      expect((await refusal(checkIn(deps, youthActor(member.youthId), 'ZZZZZZ'))).message).toContain('kender ikke');
      expect((await refusal(checkIn(deps, youthActor(member.youthId), '12'))).message).toContain('6 tegn');

      at('2026-11-24T11:00:00Z');
      expect((await refusal(checkIn(deps, youthActor(member.youthId), ownCode))).message).toContain(
        'mens mødet er i gang',
      );
      // A youth of another municipality does not find the code at all.
      const elsewhere = await newUnit(ctx.app, ctx.db);
      at('2026-11-24T09:30:00Z');
      expect(
        (await refusal(checkIn(deps, youthActor(member.youthId, elsewhere.municipality.id), ownCode))).message,
      ).toContain('kender ikke');
      const view = await getMeeting(own.meetingId);
      expect(view.attendance.find((a: { youth: { id: string } }) => a.youth.id === member.youthId).status).toBeNull();
    });

    it("keeps the youth's check-in when the facilitator saves the list unchanged, and a correction replaces it", async () => {
      const { groupId, meetingId } = await newGroupWithMeeting();
      const member = await memberOf(groupId);
      const other = await memberOf(groupId);
      at('2026-11-24T09:10:00Z');
      await checkIn(deps, youthActor(member.youthId), await codeOf(meetingId));
      const put = (entries: object[]) =>
        ok(
          ctx.app.inject({
            method: 'PUT',
            url: `/api/meetings/${meetingId}/attendance`,
            headers: cw(),
            payload: { entries },
          }),
          200,
        );
      let view = await put([
        { youthId: member.youthId, status: 'attended' },
        { youthId: other.youthId, status: 'absent' },
      ]);
      const rowOf = (v: any, id: string) => v.attendance.find((a: { youth: { id: string } }) => a.youth.id === id);
      expect(rowOf(view, member.youthId)).toMatchObject({ status: 'attended', recordedByYouth: true });
      view = await put([{ youthId: member.youthId, status: 'absent', note: 'Gik igen efter 5 minutter' }]);
      expect(rowOf(view, member.youthId)).toMatchObject({
        status: 'absent',
        recordedByYouth: false,
        recordedBy: { id: unit.caseworker.id },
      });
    });
  });

  describe('afbud', () => {
    it("records a meeting afbud as the youth's own before the start, and refuses it after", async () => {
      const { groupId, meetingId } = await newGroupWithMeeting();
      const member = await memberOf(groupId);
      at('2026-11-24T08:00:00Z');
      const coming = await comingMeetingsOfYouth(deps, youthActor(member.youthId));
      expect(coming.find((m) => m.id === meetingId)).toMatchObject({ notifiable: true, status: null });
      await notifyMeetingAbsence(deps, youthActor(member.youthId), meetingId, { note: 'Jeg er syg' });
      const view = await getMeeting(meetingId);
      expect(view.attendance.find((a: { youth: { id: string } }) => a.youth.id === member.youthId)).toMatchObject({
        status: 'absent_with_notice',
        note: 'Jeg er syg',
        recordedByYouth: true,
      });
      at('2026-11-24T09:00:00Z');
      expect((await refusal(notifyMeetingAbsence(deps, youthActor(member.youthId), meetingId, {}))).message).toContain(
        'allerede begyndt',
      );
      // Another youth cannot reach the meeting of a group they are not in.
      const stranger = await memberOf((await newGroupWithMeeting()).groupId);
      at('2026-11-24T08:00:00Z');
      expect((await refusal(notifyMeetingAbsence(deps, youthActor(stranger.youthId), meetingId, {}))).code).toBe(
        'not_found',
      );
    });

    it('records an appointment afbud that the caseworker sees, refuses it after the start and for another youth', async () => {
      const { groupId } = await newGroupWithMeeting();
      const member = await memberOf(groupId);
      const other = await memberOf(groupId);
      at('2026-11-24T08:00:00Z');
      const booked = await ok(
        ctx.app.inject({
          method: 'POST',
          url: `/api/youth/${member.youthId}/appointments`,
          headers: cw(),
          payload: { kind: 'conversation', mode: 'phone', startsAt: '2026-11-25T10:00:00+01:00' },
        }),
      );
      expect((await refusal(notifyAppointmentAbsence(deps, youthActor(other.youthId), booked.id, {}))).code).toBe(
        'not_found',
      );
      await notifyAppointmentAbsence(deps, youthActor(member.youthId), booked.id, { note: 'Tandlæge' });
      const seen = await ok(
        ctx.app.inject({ method: 'GET', url: `/api/appointments/${booked.id}`, headers: cw() }),
        200,
      );
      expect(seen.notifiedAbsence).toEqual({ at: '2026-11-24T08:00:00.000Z', note: 'Tandlæge' });
      expect(seen.status).toBe('planned');
      await withdrawAppointmentAbsence(deps, youthActor(member.youthId), booked.id);
      const again = await ok(
        ctx.app.inject({ method: 'GET', url: `/api/appointments/${booked.id}`, headers: cw() }),
        200,
      );
      expect(again.notifiedAbsence).toBeNull();
      at('2026-11-25T09:00:00Z');
      expect(
        (await refusal(notifyAppointmentAbsence(deps, youthActor(member.youthId), booked.id, {}))).message,
      ).toContain('allerede begyndt');
    });
  });

  describe('hours', () => {
    async function placed(hoursPerWeek = 20) {
      const { groupId } = await newGroupWithMeeting();
      const member = await memberOf(groupId);
      const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const started = await ok(
        sendEvent(ctx.app, cw(), member.journeyId, {
          type: 'PLACEMENT_STARTED',
          companyId: company.id,
          kind: 'internship',
          hoursPerWeek,
          occurredAt: '2026-11-09T09:00:00+01:00',
        }),
      );
      return { ...member, placementId: started.context.currentPlacement.placementId as string };
    }
    const weeksOf = async (placementId: string) =>
      (await ok(ctx.app.inject({ method: 'GET', url: `/api/placements/${placementId}`, headers: cw() }), 200)).weeks;

    it('counts reported hours only once the caseworker confirms or corrects them', async () => {
      at('2026-11-24T08:00:00Z');
      const youth = await placed();
      const before = (await getJourney(youth.journeyId)).lastActivityAt;
      const report = await reportHours(deps, youthActor(youth.youthId), {
        weekStart: '2026-11-16',
        hours: 18,
        note: 'Syg fredag',
      });
      expect(report).toMatchObject({ status: 'reported', hours: 18, note: 'Syg fredag' });
      // Waiting: no hours worked, no activity.
      expect(await weeksOf(youth.placementId)).toEqual([]);
      expect((await getJourney(youth.journeyId)).lastActivityAt).toBe(before);
      // Reported again while waiting: replaced.
      await reportHours(deps, youthActor(youth.youthId), { weekStart: '2026-11-16', hours: 19 });
      const waiting = await waitingHoursReports(deps, staffActor(), [youth.journeyId]);
      expect(waiting).toHaveLength(1);
      expect(waiting[0]).toMatchObject({ hours: 19 });

      const confirmed = await confirmHoursReport(deps, staffActor(), waiting[0]!.id, {
        version: waiting[0]!.version,
        hours: 17.5,
      });
      expect(confirmed).toMatchObject({ status: 'corrected', confirmedHours: 17.5 });
      expect(await weeksOf(youth.placementId)).toEqual([
        expect.objectContaining({ weekStart: '2026-11-16', hours: 17.5, recordedBy: unit.caseworker.id }),
      ]);
      expect((await getJourney(youth.journeyId)).lastActivityAt).toBe('2026-11-22T22:59:59.999Z');
      // Settled: the youth cannot report the week again, and the caseworker cannot confirm it twice.
      expect(
        (await refusal(reportHours(deps, youthActor(youth.youthId), { weekStart: '2026-11-16', hours: 30 }))).message,
      ).toContain('allerede godkendt');
      expect(
        (await refusal(confirmHoursReport(deps, staffActor(), confirmed.id, { version: confirmed.version }))).code,
      ).toBe('validation_failed');
      const overview = await hoursOfYouth(deps, youthActor(youth.youthId));
      expect(overview.weeks.find((w) => w.weekStart === '2026-11-16')).toMatchObject({
        reportable: false,
        worked: expect.objectContaining({ hours: 17.5, source: 'youth' }),
        report: expect.objectContaining({ status: 'corrected', hours: 19 }),
      });
    });

    it("settles a waiting report when the caseworker logs the week's hours themselves", async () => {
      at('2026-11-24T08:00:00Z');
      const youth = await placed();
      await reportHours(deps, youthActor(youth.youthId), { weekStart: '2026-11-16', hours: 12 });
      await ok(
        ctx.app.inject({
          method: 'PUT',
          url: `/api/placements/${youth.placementId}/hours/2026-11-16`,
          headers: cw(),
          payload: { hours: 12 },
        }),
        200,
      );
      expect(await waitingHoursReports(deps, staffActor(), [youth.journeyId])).toEqual([]);
      const overview = await hoursOfYouth(deps, youthActor(youth.youthId));
      expect(overview.weeks.find((w) => w.weekStart === '2026-11-16')?.report).toMatchObject({ status: 'confirmed' });
    });

    it("lists the journey's reported weeks and confirms one through the API, refusing a stale version and a second decision", async () => {
      at('2026-11-24T08:00:00Z');
      const youth = await placed();
      await reportHours(deps, youthActor(youth.youthId), { weekStart: '2026-11-16', hours: 18, note: 'Syg fredag' });
      const listed = await ok(
        ctx.app.inject({ method: 'GET', url: `/api/journeys/${youth.journeyId}/hours-reports`, headers: cw() }),
        200,
      );
      expect(listed.items).toEqual([
        expect.objectContaining({ weekStart: '2026-11-16', hours: 18, note: 'Syg fredag', status: 'reported' }),
      ]);
      const report = listed.items[0] as { id: string; version: number };
      const confirm = (payload: Record<string, unknown>) =>
        ctx.app.inject({ method: 'POST', url: `/api/hours-reports/${report.id}/confirmation`, headers: cw(), payload });
      expect((await confirm({ version: report.version + 1 })).statusCode).toBe(409);
      const confirmed = await ok(confirm({ version: report.version }), 200);
      expect(confirmed).toMatchObject({ status: 'confirmed', confirmedHours: 18, decidedAt: expect.any(String) });
      expect(await weeksOf(youth.placementId)).toEqual([
        expect.objectContaining({ weekStart: '2026-11-16', hours: 18 }),
      ]);
      const again = await confirm({ version: confirmed.version, hours: 10 });
      expect(again.statusCode).toBe(400);
      expect(again.json().error.details).toEqual([expect.objectContaining({ field: 'hours' })]);
      // Another municipality's caseworker finds neither the list nor the report.
      const elsewhere = await newUnit(ctx.app, ctx.db);
      const foreign = { cookie: elsewhere.caseworker.headers.cookie };
      const notHere = [
        await ctx.app.inject({
          method: 'GET',
          url: `/api/journeys/${youth.journeyId}/hours-reports`,
          headers: foreign,
        }),
        await ctx.app.inject({
          method: 'POST',
          url: `/api/hours-reports/${report.id}/confirmation`,
          headers: foreign,
          payload: { version: confirmed.version },
        }),
      ];
      expect(notHere.map((r) => r.statusCode)).toEqual([404, 404]);
    });

    it('refuses a week not begun, too far back, before the placement, and a youth with no placement', async () => {
      at('2026-11-24T08:00:00Z');
      const youth = await placed();
      const says = async (weekStart: string, youthId = youth.youthId) =>
        (await refusal(reportHours(deps, youthActor(youthId), { weekStart, hours: 10 }))).message;
      expect(await says('2026-11-30')).toContain('ikke begyndt');
      expect(await says('2026-10-26')).toContain('sidste 4 uger');
      expect(await says('2026-11-02')).toContain('ikke i praktik');
      const { groupId } = await newGroupWithMeeting();
      const unplaced = await memberOf(groupId);
      expect(await says('2026-11-16', unplaced.youthId)).toContain('ikke i praktik');
      expect(
        (await refusal(reportHours(deps, youthActor(youth.youthId), { weekStart: '2026-11-16', hours: 61 }))).message,
      ).toContain('mellem 0 og 60');
    });
  });

  describe('the staff pages', () => {
    const csrf = { cookie: '', token: '' };
    const keep = <T extends { cookies: Array<{ name: string; value: string }>; body: string }>(response: T): T => {
      const set = response.cookies.find((c) => c.name === 'ungeflow_csrf');
      if (set) csrf.cookie = `ungeflow_csrf=${set.value}`;
      csrf.token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? csrf.token;
      return response;
    };
    const open = async (url: string) =>
      keep(await ctx.app.inject({ method: 'GET', url, headers: { cookie: [cw().cookie, csrf.cookie].join('; ') } }));
    const post = async (url: string, fields: Record<string, string>) =>
      keep(
        await ctx.app.inject({
          method: 'POST',
          url,
          payload: new URLSearchParams({ _csrf: csrf.token, ...fields }).toString(),
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: [cw().cookie, csrf.cookie].join('; '),
          },
        }),
      );

    it("shows the facilitator the code and its QR code, 'checked in by the youth', and takes a correction", async () => {
      const { groupId, meetingId } = await newGroupWithMeeting();
      const member = await memberOf(groupId);
      const url = `/grupper/${groupId}/moeder/${meetingId}`;
      at('2026-11-24T08:00:00Z');
      expect((await open(url)).body).toContain('De unge kan tjekke ind fra');
      at('2026-11-24T09:05:00Z');
      const shown = await open(url);
      const code = /data-testid="check-in-code">([A-Z2-9]{6})</.exec(shown.body)?.[1] ?? '';
      expect(code).toMatch(/^[A-Z2-9]{6}$/);
      expect(shown.body).toContain('<svg role="img" aria-label="QR-kode til at tjekke ind til mødet"');

      await checkIn(deps, youthActor(member.youthId), code);
      const after = await open(url);
      expect(after.body).toContain('Tjekket ind af den unge');

      const corrected = await post(url, {
        [`status-${member.youthId}`]: 'absent',
        [`note-${member.youthId}`]: 'Gik igen',
      });
      expect(corrected.statusCode).toBe(303);
      const page = await open(url);
      expect(page.body).not.toContain('Tjekket ind af den unge');
      expect(page.body).toMatch(new RegExp(`value="absent" checked`));
    });

    it("lists the youth's reported hours on the youth's page, marks them in the timeline, and confirms them", async () => {
      at('2026-11-24T08:00:00Z');
      const { groupId } = await newGroupWithMeeting();
      const member = await memberOf(groupId);
      const company = await newCompany(ctx.db, {
        municipalityId: unit.municipality.id,
        name: `Cykler ${uniqueSuffix()} ApS`,
      });
      const started = await ok(
        sendEvent(ctx.app, cw(), member.journeyId, {
          type: 'PLACEMENT_STARTED',
          companyId: company.id,
          kind: 'internship',
          hoursPerWeek: 20,
          occurredAt: '2026-11-09T09:00:00+01:00',
        }),
      );
      const placementId = started.context.currentPlacement.placementId as string;
      const report = await reportHours(deps, youthActor(member.youthId), { weekStart: '2026-11-16', hours: 16 });
      const page = await open(`/unge/${member.youthId}`);
      expect(page.body).toContain('Timer meldt af den unge');
      expect(page.body).toContain('Meldte timer');
      expect(page.body).toContain('Den unges egen');
      const confirmed = await post(`/unge/${member.youthId}/timerapporter/${report.id}`, {
        version: String(report.version),
        hours: '16',
      });
      expect(confirmed.statusCode).toBe(303);
      const weeks = (
        await ok(ctx.app.inject({ method: 'GET', url: `/api/placements/${placementId}`, headers: cw() }), 200)
      ).weeks;
      expect(weeks).toEqual([expect.objectContaining({ weekStart: '2026-11-16', hours: 16 })]);
      expect((await open(`/unge/${member.youthId}`)).body).not.toContain('data-testid="hours-reports"');
    });

    it("shows the youth's afbud on the appointment's page", async () => {
      at('2026-11-24T08:00:00Z');
      const { groupId } = await newGroupWithMeeting();
      const member = await memberOf(groupId);
      const booked = await ok(
        ctx.app.inject({
          method: 'POST',
          url: `/api/youth/${member.youthId}/appointments`,
          headers: cw(),
          payload: { kind: 'conversation', mode: 'phone', startsAt: '2026-11-26T10:00:00+01:00' },
        }),
      );
      await notifyAppointmentAbsence(deps, youthActor(member.youthId), booked.id, { note: 'Jeg skal til lægen' });
      const page = await open(`/unge/${member.youthId}/aftaler/${booked.id}`);
      expect(page.body).toContain('Afbud fra den unge');
      expect(page.body).toContain('Jeg skal til lægen');
    });
  });
});
