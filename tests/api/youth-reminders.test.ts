import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YouthActor } from '../../src/auth/actor.ts';
import { notifyAppointmentAbsence } from '../../src/appointments/appointment.youth.ts';
import { createAppDeps, type AppDeps } from '../../src/deps.ts';
import { notifyMeetingAbsence } from '../../src/groups/check-in.ts';
import { createMailer } from '../../src/alerts/digest.service.ts';
import { startScheduler } from '../../src/alerts/scheduler.ts';
import { createMessenger } from '../../src/messages/messenger.ts';
import { takeReminder } from '../../src/reminders/reminder.repository.ts';
import { reminderPeriod, sendDueReminders } from '../../src/reminders/reminder.service.ts';
import { startTestApp, TEST_SECRET, type TestContext, uniqueSuffix } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newUnit, newYouth } from '../support/factories.ts';
import { bringIntoGroup, openJourney, sendEvent } from '../support/journeys.ts';
import { decodeQuotedPrintable, startSmtp } from '../support/smtp.ts';
import { type Receiver, startReceiver } from '../support/webhooks.ts';
import { youthSession } from '../support/youth-login.ts';

// Monday 14 December 2026, 10:00 in Denmark (CET). The groups meet on Tuesdays at 10:00.
const MONDAY_MORNING = new Date('2026-12-14T09:00:00Z');
const MONDAY_1559 = new Date('2026-12-14T14:59:00Z');
const MONDAY_1600 = new Date('2026-12-14T15:00:00Z');
const MONDAY_LATE = new Date('2026-12-14T22:59:00Z');
const TUESDAY_1600 = new Date('2026-12-15T15:00:00Z');
const TUESDAY_MEETING = '2026-12-15T09:00:00.000Z';

type Headers = { cookie: string };

/** A phone number of its own for each youth, so the gateway's requests tell them apart. */
const newPhone = () => {
  const digits = String(randomInt(20_000_000, 99_999_999));
  return `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)}`;
};

describe.each(engines)('reminders the day before on %s', (engine) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let gateway: Receiver;
  let ctx: TestContext & { setNow(d: Date): void };
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let deps: AppDeps;
  beforeAll(async () => {
    smtp = await startSmtp();
    gateway = await startReceiver();
    ctx = await startTestApp(engine, {
      now: MONDAY_MORNING,
      env: { SMTP_URL: smtp.url, SMS_GATEWAY_URL: gateway.url, PUBLIC_URL: 'http://ungeflow.aarhus.dk' },
    });
    unit = await newUnit(ctx.app, ctx.db);
    deps = await createAppDeps({ db: ctx.db, config: ctx.config, secret: TEST_SECRET, clock: ctx.clock });
  });
  afterAll(async () => {
    await ctx.close();
    await Promise.all([smtp.close(), gateway.close()]);
  });

  const cw = (): Headers => unit.caseworker.headers;
  const at = (instant: Date) => ctx.setNow(instant);
  /** One pass of the scheduler's reminder work, as an instance of its own would run it. */
  const run = (messenger = deps.messenger) =>
    sendDueReminders({
      db: ctx.db,
      clock: ctx.clock,
      messenger,
      publicUrl: ctx.config.publicUrl,
      remindersAt: ctx.config.remindersAt,
    });
  const youthActor = (youthId: string): YouthActor => ({
    youthId,
    municipalityId: unit.municipality.id,
    sessionId: randomUUID(),
    ip: null,
    requestId: null,
  });

  async function ok<T = any>(response: Promise<{ statusCode: number; body: string; json(): any }>, status = 201) {
    const r = await response;
    if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json() as T;
  }

  /** A group meeting on Tuesdays at 10:00 (its meetings are generated from the clock), and its members' place. */
  async function newGroup(name = `Gruppe ${uniqueSuffix()}`) {
    at(MONDAY_MORNING);
    const group = await ok<{ id: string }>(
      ctx.app.inject({
        method: 'POST',
        url: '/api/groups',
        headers: cw(),
        payload: {
          name,
          facilitatorId: unit.caseworker.id,
          weekday: 2,
          startTime: '10:00',
          place: 'Jobcentret, lokale 3',
        },
      }),
    );
    const meetings = await ok<{ items: Array<{ id: string; startsAt: string; version: number }> }>(
      ctx.app.inject({
        method: 'GET',
        url: `/api/groups/${group.id}/meetings?from=2026-12-15&to=2026-12-15`,
        headers: cw(),
      }),
      200,
    );
    const meeting = meetings.items.find((m) => m.startsAt === TUESDAY_MEETING);
    if (!meeting) throw new Error(`no meeting on Tuesday: ${JSON.stringify(meetings.items)}`);
    return { groupId: group.id, meeting };
  }

  /** A youth with a phone and an e-mail, in the group, in an open journey. */
  async function memberOf(groupId: string, name = 'Sofie Marie Hansen') {
    at(MONDAY_MORNING);
    const phone = newPhone();
    const email = `ung.${uniqueSuffix()}@example.dk`;
    const youth = await newYouth(ctx.app, cw(), { name, phone, email });
    const journey = await openJourney(ctx.app, cw(), youth.id, { firstContactAt: '2026-11-02' });
    await bringIntoGroup(ctx.app, cw(), journey.id, groupId);
    return { youthId: youth.id, journeyId: journey.id, cpr: youth.enteredCpr, phone, email };
  }

  /** The youth's own page, as their phone's browser uses it: shown, then the form sent. */
  async function choose(youthId: string, channel: 'sms' | 'email' | 'none') {
    const { cookie } = await youthSession(ctx.db, youthId, { now: ctx.clock() });
    const shown = await ctx.app.inject({ method: 'GET', url: '/mit-forloeb/paamindelser', headers: { cookie } });
    expect(shown.statusCode).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(shown.body)?.[1] ?? '';
    const csrfCookie = shown.cookies.find((c) => c.name === 'ungeflow_csrf')?.value ?? '';
    const posted = await ctx.app.inject({
      method: 'POST',
      url: '/mit-forloeb/paamindelser',
      payload: new URLSearchParams({ _csrf: csrf, channel }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `${cookie}; ungeflow_csrf=${csrfCookie}`,
      },
    });
    const after = await ctx.app.inject({ method: 'GET', url: '/mit-forloeb/paamindelser?gemt=1', headers: { cookie } });
    return { shown, posted, after };
  }

  const smsTo = (phone: string) =>
    gateway.requests
      .map((r) => JSON.parse(r.body) as { to: string; text: string })
      .filter((body) => body.to === `+45${phone.replace(/\s/g, '')}`);
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
  const remindersOf = (youthId: string) =>
    ctx.db
      .selectFrom('outgoing_message')
      .selectAll()
      .where('youth_id', '=', youthId)
      .where('kind', '=', 'reminder')
      .execute();

  it('lets the youth choose reminders on their own page, off by default, and audits it as their own', async () => {
    const { groupId } = await newGroup();
    const youth = await memberOf(groupId);
    const { shown, posted, after } = await choose(youth.youthId, 'sms');
    expect(shown.body).toContain('Vil du have en påmindelse dagen før?');
    expect(shown.body).toMatch(/value="none" checked/);
    expect(shown.body).toContain(`Ja, på sms til ${youth.phone}`);
    expect(shown.body).toContain(`Ja, på e-mail til ${youth.email}`);
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/mit-forloeb/paamindelser?gemt=1');
    expect(after.body).toContain('Gemt. Du får en påmindelse dagen før kl. 16.00.');
    expect(after.body).toMatch(/value="sms" checked/);

    const off = await choose(youth.youthId, 'none');
    expect(off.after.body).toContain('Gemt. Du får ikke påmindelser.');
    expect(off.after.body).toMatch(/value="none" checked/);

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['user_id', 'details'])
      .where('youth_id', '=', youth.youthId)
      .where('action', '=', 'youth_reminders.changed')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.user_id)).toEqual([null, null]);
    expect(audit.map((a) => (a.details as { by: string; reminders: string }).reminders)).toEqual(['sms', 'off']);
    expect(audit.every((a) => (a.details as { by: string }).by === 'youth')).toBe(true);
  });

  it('refuses SMS reminders to a youth without a phone number, in their words', async () => {
    at(MONDAY_MORNING);
    const youth = await newYouth(ctx.app, cw(), { email: `ung.${uniqueSuffix()}@example.dk` });
    const { shown, posted } = await choose(youth.id, 'sms');
    expect(shown.body).not.toContain('på sms til');
    expect(posted.statusCode).toBe(400);
    expect(posted.body).toContain('Vi har ikke dit telefonnummer. Vælg e-mail, eller spørg din rådgiver.');
  });

  it('sends the SMS the day before at 16:00, with the first name, the time, the place and the link, and only once', async () => {
    const { groupId } = await newGroup('Gruppen for unge med angst');
    const youth = await memberOf(groupId);
    await choose(youth.youthId, 'sms');

    at(MONDAY_1559);
    await run();
    expect(smsTo(youth.phone)).toHaveLength(0);

    at(MONDAY_1600);
    await run();
    const sent = smsTo(youth.phone);
    expect(sent).toHaveLength(1);
    const text = sent[0]!.text;
    expect(text).toBe(
      'Hej Sofie. Husk dit møde i morgen, tirsdag 15. december kl. 10.00. Sted: Jobcentret, lokale 3. ' +
        'Kan du ikke komme? Meld afbud på Mit forløb: http://ungeflow.aarhus.dk/mit-forloeb',
    );
    expect(text).not.toContain('Hansen');
    expect(text).not.toContain('angst');
    expect(text).not.toContain(youth.cpr);
    const [message] = await remindersOf(youth.youthId);
    expect(message).toMatchObject({ channel: 'sms', transport: 'http', status: 'sent', recipient: youth.phone });

    // Later that day, and after a restart (a new messenger, as a new process has): nothing more.
    at(new Date(MONDAY_1600.getTime() + 60_000));
    await run();
    at(MONDAY_LATE);
    await run(createMessenger(ctx.config));
    expect(smsTo(youth.phone)).toHaveLength(1);
    expect(await remindersOf(youth.youthId)).toHaveLength(1);
  });

  it('sends an appointment by phone by e-mail through the SMTP server, without its kind or note', async () => {
    const { groupId } = await newGroup();
    const youth = await memberOf(groupId, 'Ali Hassan');
    await choose(youth.youthId, 'email');
    await notifyMeetingAbsence(deps, youthActor(youth.youthId), (await newMeetingOf(groupId)).id, {});
    await ok(
      ctx.app.inject({
        method: 'POST',
        url: `/api/youth/${youth.youthId}/appointments`,
        headers: cw(),
        payload: {
          kind: 'job_conversation',
          mode: 'phone',
          startsAt: '2026-12-15T13:30:00+01:00',
          note: 'Tal om gæld og misbrugsbehandling',
        },
      }),
    );

    at(MONDAY_1600);
    await run();
    const mails = mailsTo(youth.email);
    expect(mails).toHaveLength(1);
    const text = decodeQuotedPrintable(mails[0]!.raw);
    expect(text).toContain('Hej Ali');
    expect(text).toContain('Husk dit møde i morgen, tirsdag 15. december kl. 13.30.');
    expect(text).toContain('Din rådgiver ringer til dig.');
    expect(text).toContain('http://ungeflow.aarhus.dk/mit-forloeb');
    expect(text).not.toContain('Hassan');
    expect(text).not.toMatch(/gæld|misbrug|jobsamtale/i);
    expect(text).not.toContain(youth.cpr);
    // The meeting the youth gave afbud for is not reminded of.
    expect(text).not.toContain('Jobcentret, lokale 3');
    const messages = await remindersOf(youth.youthId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: 'email', transport: 'smtp', status: 'sent' });
  });

  /** The group's meeting on Tuesday the 15th. */
  async function newMeetingOf(groupId: string) {
    const meetings = await ok<{ items: Array<{ id: string; startsAt: string; version: number }> }>(
      ctx.app.inject({
        method: 'GET',
        url: `/api/groups/${groupId}/meetings?from=2026-12-15&to=2026-12-15`,
        headers: cw(),
      }),
      200,
    );
    return meetings.items.find((m) => m.startsAt === TUESDAY_MEETING)!;
  }

  it('sends nothing after afbud, for a cancelled meeting or appointment, in a closed journey, or without the youth saying yes', async () => {
    const { groupId, meeting } = await newGroup();
    const afbud = await memberOf(groupId);
    const appointmentAfbud = await memberOf(groupId);
    const closed = await memberOf(groupId);
    const notAsked = await memberOf(groupId);
    const changedTheirMind = await memberOf(groupId);
    for (const youth of [afbud, appointmentAfbud, closed, changedTheirMind]) await choose(youth.youthId, 'sms');
    await choose(changedTheirMind.youthId, 'none');

    await notifyMeetingAbsence(deps, youthActor(afbud.youthId), meeting.id, { note: 'Tandlæge' });
    await ok(
      sendEvent(ctx.app, cw(), closed.journeyId, {
        type: 'WITHDRAWN',
        reason: 'Flyttet',
        occurredAt: '2026-12-14T09:00:00+01:00',
      }),
    );
    // The one with an appointment besides the meeting: the meeting is cancelled, the appointment gets afbud.
    const cancelled = await newGroup();
    const cancelledMember = await memberOf(cancelled.groupId);
    await choose(cancelledMember.youthId, 'sms');
    await ok(
      ctx.app.inject({
        method: 'PATCH',
        url: `/api/meetings/${cancelled.meeting.id}`,
        headers: cw(),
        payload: { version: cancelled.meeting.version, status: 'cancelled' },
      }),
      200,
    );
    const appointment = await ok<{ id: string }>(
      ctx.app.inject({
        method: 'POST',
        url: `/api/youth/${appointmentAfbud.youthId}/appointments`,
        headers: cw(),
        payload: { kind: 'conversation', mode: 'in_person', startsAt: '2026-12-15T14:00:00+01:00', place: 'Rådhuset' },
      }),
    );
    await notifyAppointmentAbsence(deps, youthActor(appointmentAfbud.youthId), appointment.id, {});
    const cancelledAppointment = await ok<{ id: string; version: number }>(
      ctx.app.inject({
        method: 'POST',
        url: `/api/youth/${cancelledMember.youthId}/appointments`,
        headers: cw(),
        payload: { kind: 'conversation', mode: 'video', startsAt: '2026-12-15T14:00:00+01:00' },
      }),
    );
    await ok(
      ctx.app.inject({
        method: 'PATCH',
        url: `/api/appointments/${cancelledAppointment.id}`,
        headers: cw(),
        payload: { version: cancelledAppointment.version, status: 'cancelled' },
      }),
      200,
    );

    at(MONDAY_1600);
    await run();
    for (const youth of [afbud, closed, notAsked, changedTheirMind, cancelledMember]) {
      expect(smsTo(youth.phone), youth.youthId).toHaveLength(0);
      expect(await remindersOf(youth.youthId)).toHaveLength(0);
    }
    // The youth who gave afbud for the appointment is still reminded of the group meeting, and only of it.
    const [only, ...more] = smsTo(appointmentAfbud.phone);
    expect(more).toHaveLength(0);
    expect(only!.text).toContain('kl. 10.00. Sted: Jobcentret, lokale 3.');
  });

  it('sends once when two instances run at the same minute, and a reminder cannot be taken on twice', async () => {
    const { groupId, meeting } = await newGroup();
    const youth = await memberOf(groupId);
    await choose(youth.youthId, 'email');
    at(MONDAY_1600);
    await Promise.all([run(createMessenger(ctx.config)), run(createMessenger(ctx.config))]);
    expect(mailsTo(youth.email)).toHaveLength(1);
    expect(await remindersOf(youth.youthId)).toHaveLength(1);

    // The unique key itself: a second instance that found the same reminder due takes nothing on.
    const again = await takeReminder(ctx.db, {
      municipalityId: unit.municipality.id,
      youthId: youth.youthId,
      subject: 'group_meeting',
      subjectId: meeting.id,
      startsAt: new Date(TUESDAY_MEETING),
      channel: 'email',
      now: MONDAY_1600,
    });
    expect(again).toBeUndefined();
  });

  it('is sent by the scheduler itself, as the server starts it, once the time has come', async () => {
    const { groupId } = await newGroup();
    const youth = await memberOf(groupId);
    await choose(youth.youthId, 'sms');
    at(MONDAY_1600);
    const scheduler = startScheduler({
      db: ctx.db,
      ruleSets: deps.ruleSets,
      clock: ctx.clock,
      log: ctx.app.log,
      mailer: createMailer({ smtpUrl: ctx.config.smtpUrl, from: ctx.config.mailFrom, log: ctx.app.log }),
      publicUrl: ctx.config.publicUrl,
      sweepAt: ctx.config.sweepAt,
      webhookAllowedHosts: [],
      reminders: { messenger: createMessenger(ctx.config), remindersAt: ctx.config.remindersAt },
    });
    try {
      await expect.poll(() => smsTo(youth.phone).length, { timeout: 30_000 }).toBe(1);
    } finally {
      await scheduler.stop();
    }
    expect(await remindersOf(youth.youthId)).toHaveLength(1);
  });

  it("reminds of the next day's meetings only: on Tuesday at 16:00, Wednesday's, not Tuesday's again", async () => {
    const { groupId } = await newGroup();
    const youth = await memberOf(groupId);
    await choose(youth.youthId, 'sms');
    at(MONDAY_1600);
    await run();
    at(TUESDAY_1600);
    await run();
    // The group meets on Tuesdays: nothing on Wednesday, and Tuesday's reminder went on Monday.
    expect(smsTo(youth.phone)).toHaveLength(1);
  });
});

describe('when the reminders go out, on the Danish wall clock', () => {
  it.each([
    // now (UTC), REMINDERS_AT, the Danish day reminded of, its first and last instant (UTC)
    ['2026-12-14T14:59:00Z', '16:00', undefined, undefined, undefined],
    ['2026-12-14T15:00:00Z', '16:00', '2026-12-15', '2026-12-14T23:00:00.000Z', '2026-12-15T23:00:00.000Z'],
    ['2026-12-14T22:59:00Z', '16:00', '2026-12-15', '2026-12-14T23:00:00.000Z', '2026-12-15T23:00:00.000Z'],
    // Saturday before summer time begins: 16:00 is still CET, and Sunday has 23 hours.
    ['2027-03-27T14:59:00Z', '16:00', undefined, undefined, undefined],
    ['2027-03-27T15:00:00Z', '16:00', '2027-03-28', '2027-03-27T23:00:00.000Z', '2027-03-28T22:00:00.000Z'],
    // Saturday before summer time ends: 16:00 is CEST, and Sunday has 25 hours.
    ['2027-10-30T13:59:00Z', '16:00', undefined, undefined, undefined],
    ['2027-10-30T14:00:00Z', '16:00', '2027-10-31', '2027-10-30T22:00:00.000Z', '2027-10-31T23:00:00.000Z'],
    // Sunday after it began: 16:00 is CEST.
    ['2027-03-28T14:00:00Z', '16:00', '2027-03-29', '2027-03-28T22:00:00.000Z', '2027-03-29T22:00:00.000Z'],
  ])('at %s with REMINDERS_AT=%s: %s', (now, remindersAt, day, from, to) => {
    const period = reminderPeriod(new Date(now), remindersAt);
    if (day === undefined) expect(period).toBeUndefined();
    else
      expect(period && { day: period.day, from: period.from.toISOString(), to: period.to.toISOString() }).toEqual({
        day,
        from,
        to,
      });
  });
});
