import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YouthActor } from '../../src/auth/actor.ts';
import { notifyAppointmentAbsence } from '../../src/appointments/appointment.youth.ts';
import { chooseOwnWishes } from '../../src/matching/match-event.service.ts';
import { reportHours } from '../../src/placements/hours-report.service.ts';
import { rateOneself } from '../../src/progression/self-rating.service.ts';
import { answerQuestionnaire } from '../../src/visitation/questionnaire-response.service.ts';
import { startTestApp } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCompany, newCpr, newGroup, newUnit, newYouth, putSettings } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';
import { pdfText } from '../support/pdf.ts';
import { youthSession } from '../support/youth-login.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;
type Headers = { cookie: string };

/** A CPR number of someone else, typed into a case note: it must come out masked. */
const PARENTS_CPR = '010170-1234';

describe.each(engines)("a young person's access export on %s", (engine) => {
  let ctx: Awaited<ReturnType<typeof startTestApp>>;
  let unit: Unit;
  let other: Unit;
  let youth: { id: string; name: string; cpr: string };
  let journeyId: string;

  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    other = await newUnit(ctx.app, ctx.db);
    const h = unit.caseworker.headers;
    const inject = async (method: 'POST' | 'PUT', url: string, payload: object) => {
      const response = await ctx.app.inject({ method, url, headers: h, payload });
      if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      return response.json<{ id: string }>();
    };
    const event = async (body: Record<string, unknown>) => {
      const response = await sendEvent(ctx.app, h, journeyId, body);
      if (response.statusCode !== 201) throw new Error(`${String(body.type)}: ${response.body}`);
    };
    const cpr = newCpr('2004-05-15');
    const created = await newYouth(ctx.app, h, {
      name: 'Søren Ærø Åberg',
      cpr,
      phone: '12 34 56 78',
      email: 'soeren@example.dk',
      address: 'Algade 1, 4000 Roskilde',
    });
    youth = { id: created.id, name: created.name, cpr };
    journeyId = (await openJourney(ctx.app, h, youth.id, { reason: 'Henvist efter frafald på erhvervsskolen' })).id;
    await event({ type: 'FIRST_CONVERSATION_HELD', mode: 'in_person', occurredAt: '2026-11-03T09:00:00+01:00' });
    await event({ ...activityReadyVisitation(), occurredAt: '2026-11-04T09:00:00+01:00' });
    const group = await newGroup(ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Gruppe Nord',
    });
    await event({
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId: group.id,
      occurredAt: '2026-11-05T09:00:00+01:00',
    });
    const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id, name: 'Høj & Søn Tømrer ApS' });
    await event({
      type: 'PLACEMENT_STARTED',
      companyId: company.id,
      kind: 'internship',
      hoursPerWeek: 15,
      occurredAt: '2026-11-09T09:00:00+01:00',
    });
    const placements = await ctx.app.inject({
      method: 'GET',
      url: `/api/journeys/${journeyId}/placements`,
      headers: h,
    });
    const placementId = placements.json<{ items: Array<{ id: string }> }>().items[0]?.id ?? '';
    await inject('PUT', `/api/placements/${placementId}/hours/2026-11-09`, { hours: 14.5 });
    await inject('POST', `/api/journeys/${journeyId}/activities`, {
      kind: 'conversation',
      conversationKind: 'individual',
      mode: 'phone',
      jobConversation: true,
      occurredAt: '2026-11-12T13:00:00+01:00',
      note: 'Talte om praktikken',
    });
    await inject('POST', `/api/journeys/${journeyId}/progression`, {
      measuredOn: '2026-11-05',
      assessedBy: 'youth',
      scores: { network: 3, beliefInOwnAbilities: 4 },
    });
    await inject('PUT', `/api/journeys/${journeyId}/plan-content`, {
      goal: 'Jeg vil være tømrer.',
      agreements: ['Du ringer, hvis du ikke kan komme.'],
      nextSteps: [],
      stabilisation: [],
    });
    await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'da' });
    await inject('POST', `/api/youth/${youth.id}/notes`, {
      kind: 'phone',
      text: `Mor ringede; hendes CPR ${PARENTS_CPR} står i sagen.`,
      concernsOn: '2026-11-20',
    });
    await inject('POST', `/api/youth/${youth.id}/appointments`, {
      kind: 'job_conversation',
      mode: 'in_person',
      startsAt: '2026-11-26T10:00:00+01:00',
      place: 'Jobcentret',
    });
  });
  afterAll(() => ctx.close());

  const exportOf = (query: string, as: Headers = unit.caseworker.headers, id = youth.id) =>
    ctx.app.inject({ method: 'GET', url: `/api/youth/${id}/access-export?${query}`, headers: as });

  it('gives the youth a PDF in Danish with every section, their own CPR number in full once and colleagues by role', async () => {
    const response = await exportOf('format=pdf&lang=da');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const text = await pdfText(response.rawPayload);
    for (const heading of [
      'Dine oplysninger i Ungeflow',
      'Dine personoplysninger',
      'Forløb 1: henvist',
      'Trin i forløbet',
      'Reglernes afgørelser og deres begrundelser',
      'Netværksgruppe og fremmøde',
      'Samtaler og kontakter',
      'Praktik, lønnede timer og løntilskud',
      'Tilbud og uddannelsespålæg',
      'Din udvikling',
      'Din plan',
      'Opfølgning efter forløbet',
      'Advarsler i dit forløb',
      'Notater (journal)',
      'Aftaler',
      'Hvem har set eller ændret dine oplysninger',
      'Datatilsynet',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Søren Ærø Åberg');
    expect(text).toContain('Henvist efter frafald på erhvervsskolen');
    expect(text).toContain('Høj & Søn Tømrer ApS');
    expect(text).toContain('Gruppe Nord');
    expect(text).toContain('Jeg vil være tømrer.');
    expect(text).toContain('Talte om praktikken');
    expect(text).toContain('14,5 timer');
    expect(text).toContain('Plan nr. 1 (dansk)');
    // The eligibility decision explains itself.
    expect(text).toContain('Ja, du hører til målgruppen.');
    // Their own CPR number once, in full; the parent's in the note masked.
    expect(text.split(youth.cpr).length - 1).toBe(1);
    expect(text).not.toContain(PARENTS_CPR);
    expect(text).toContain('010170-XXXX');
    // Colleagues by role only (the default): the caseworker's name is "Test caseworker".
    expect(text).toContain('Ung registreret, rådgiver');
    expect(text).not.toContain('Test caseworker');
    expect(text).not.toMatch(/undefined|NaN|\[object/);
  });

  it('writes the same export in English', async () => {
    const response = await exportOf('format=pdf&lang=en');
    expect(response.statusCode).toBe(200);
    const text = await pdfText(response.rawPayload);
    for (const heading of [
      'Your data in Ungeflow',
      'Your personal details',
      'Journey 1: referred',
      'Steps of the journey',
      "The rules' decisions and their reasons",
      'Network group and attendance',
      'Conversations and contacts',
      'Internships, paid hours and wage subsidy',
      'Your progress',
      'Your plan',
      'Case notes (journal)',
      'Appointments',
      'Who has seen or changed your data',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Yes, you belong to the target group.');
    expect(text.split(youth.cpr).length - 1).toBe(1);
  });

  it('gives a system the same data as JSON', async () => {
    const response = await exportOf('format=json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = response.json();
    expect(body).toMatchObject({
      format: 'ungeflow-access-export',
      formatVersion: 1,
      municipality: unit.municipality.name,
      colleaguesNamed: false,
      youth: {
        id: youth.id,
        name: 'Søren Ærø Åberg',
        cpr: youth.cpr,
        birthDate: '2004-05-15',
        phone: '12 34 56 78',
        email: 'soeren@example.dk',
        address: 'Algade 1, 4000 Roskilde',
      },
    });
    const [journey] = body.journeys;
    expect(journey.referral).toMatchObject({ source: 'jobcenter', reason: 'Henvist efter frafald på erhvervsskolen' });
    expect(journey.caseworker).toEqual({ role: 'caseworker' });
    expect(journey.events.map((e: { type: string }) => e.type)).toEqual([
      'FIRST_CONVERSATION_HELD',
      'VISITATION_DECIDED',
      'GROUP_ASSIGNED',
      'PLACEMENT_STARTED',
    ]);
    expect(journey.decisions.map((d: { ruleSet: string }) => d.ruleSet).sort()).toEqual(['eligibility', 'visitation']);
    expect(journey.groups).toMatchObject([{ group: 'Gruppe Nord', role: 'member' }]);
    expect(journey.placements).toMatchObject([
      {
        kind: 'internship',
        company: 'Høj & Søn Tømrer ApS',
        hoursPerWeek: 15,
        hoursWorked: [{ weekStart: '2026-11-09', hours: 14.5 }],
      },
    ]);
    expect(journey.offers).toMatchObject([{ kind: 'internship' }]);
    expect(journey.activities).toMatchObject([{ kind: 'conversation', mode: 'phone', note: 'Talte om praktikken' }]);
    expect(journey.progression).toMatchObject([
      { measuredOn: '2026-11-05', assessedBy: 'youth', scores: { network: 3 } },
    ]);
    expect(journey.plan.content.goal).toBe('Jeg vil være tømrer.');
    expect(journey.plan.versions).toMatchObject([{ number: 1, lang: 'da', by: { role: 'caseworker' } }]);
    expect(body.caseNotes).toMatchObject([
      { kind: 'phone', text: 'Mor ringede; hendes CPR 010170-XXXX står i sagen.' },
    ]);
    expect(body.appointments).toMatchObject([{ kind: 'job_conversation', status: 'planned' }]);
    const actions = body.auditTrail.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['youth.created', 'journey.opened', 'case_note.written']));
    expect(body.auditTrail[0]).toMatchObject({ by: { role: 'caseworker' }, actionText: { da: 'Ung registreret' } });
    // Their CPR number once; no colleague named.
    expect(response.body.split(youth.cpr).length - 1).toBe(1);
    expect(response.body).not.toContain(PARENTS_CPR);
    expect(response.body).not.toContain('Test caseworker');
  });

  it('names the colleagues when the municipality has chosen to', async () => {
    const changed = await putSettings(ctx.app, unit.admin.headers, { accessExport: { colleagueNames: true } });
    expect(changed.statusCode).toBe(200);
    try {
      const json = (await exportOf('format=json')).json();
      expect(json.colleaguesNamed).toBe(true);
      expect(json.journeys[0].caseworker).toEqual({ role: 'caseworker', name: 'Test caseworker' });
      const text = await pdfText((await exportOf('format=pdf')).rawPayload);
      expect(text).toContain('Test caseworker (rådgiver)');
    } finally {
      await putSettings(ctx.app, unit.admin.headers, { accessExport: { colleagueNames: false } });
    }
  });

  it('writes each export to the audit log with its format, and shows earlier exports in the next', async () => {
    await exportOf('format=pdf&lang=en', unit.leader.headers);
    const log = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?youthId=${youth.id}&action=youth.access_exported`,
      headers: unit.leader.headers,
    });
    expect(log.statusCode).toBe(200);
    const entries = log.json<{ items: Array<{ userId: string; details: Record<string, unknown> }> }>().items;
    expect(entries[0]).toMatchObject({ userId: unit.leader.id, details: { format: 'pdf', lang: 'en' } });
    expect(entries.some((e) => e.details.format === 'json' && e.userId === unit.caseworker.id)).toBe(true);
    const next = (await exportOf('format=json')).json();
    expect(next.auditTrail.map((e: { action: string }) => e.action)).toContain('youth.access_exported');
  });

  it('is for caseworkers and leaders of the youth’s own municipality', async () => {
    expect((await exportOf('format=pdf', unit.admin.headers)).statusCode).toBe(403);
    const elsewhere = await exportOf('format=json', other.caseworker.headers);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.body).not.toContain('Søren');
    const before = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?action=youth.access_exported`,
      headers: other.leader.headers,
    });
    expect(before.json().total).toBe(0);
  });

  it('holds what the youth recorded on their own side, marked as theirs, in the JSON and the PDF', async () => {
    const h = unit.caseworker.headers;
    const deps = { db: ctx.db, clock: ctx.clock };
    const ok = async (response: Promise<{ statusCode: number; body: string; json<T>(): T }>) => {
      const r = await response;
      if (r.statusCode >= 300) throw new Error(`${r.statusCode} ${r.body}`);
      return r.json<{ id: string }>();
    };
    const own = await newYouth(ctx.app, h, { name: 'Ida Egen' });
    const me: YouthActor = {
      youthId: own.id,
      municipalityId: unit.municipality.id,
      sessionId: randomUUID(),
      ip: '127.0.0.1',
      requestId: null,
    };
    const journey = await openJourney(ctx.app, h, own.id);
    await youthSession(ctx.db, own.id, { now: NOW });

    // Before the visitation: the questionnaire and a rating of their own.
    await answerQuestionnaire(deps, me, { wants_education: 'yes', advice_sources: ['friends'] });
    await rateOneself(deps, me, { scores: { wellbeing: 7, loneliness: 2 } });
    const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
    const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id, name: 'Egen Cykler ApS' });
    for (const body of [
      { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person', occurredAt: '2026-11-03T09:00:00+01:00' },
      { ...activityReadyVisitation(), occurredAt: '2026-11-04T09:00:00+01:00' },
      {
        type: 'GROUP_ASSIGNED',
        canTakePart15HoursAWeek: true,
        groupId: group.id,
        occurredAt: '2026-11-05T09:00:00+01:00',
      },
      {
        type: 'PLACEMENT_STARTED',
        companyId: company.id,
        kind: 'internship',
        hoursPerWeek: 15,
        occurredAt: '2026-11-09T09:00:00+01:00',
      },
    ]) {
      await ok(sendEvent(ctx.app, h, journey.id, body));
    }
    // Hours, an afbud and a match-event wish, each by the youth.
    await reportHours(deps, me, { weekStart: '2026-11-16', hours: 12, note: 'Syg fredag' });
    const appointment = await ok(
      ctx.app.inject({
        method: 'POST',
        url: `/api/youth/${own.id}/appointments`,
        headers: h,
        payload: { kind: 'conversation', mode: 'phone', startsAt: '2026-11-27T10:00:00+01:00' },
      }),
    );
    await notifyAppointmentAbsence(deps, me, appointment.id, { note: 'Tandlæge' });
    const event = await ok(
      ctx.app.inject({
        method: 'POST',
        url: '/api/match-events',
        headers: h,
        payload: { date: '2026-12-03', place: 'Jobcentret', companyIds: [company.id], journeyIds: [journey.id] },
      }),
    );
    await chooseOwnWishes(deps, me, event.id, [company.id]);

    const json = (await exportOf('format=json', h, own.id)).json();
    const [mine] = json.journeys;
    expect(mine.ownRatings).toMatchObject([
      {
        ratedOn: '2026-11-22',
        byYouth: true,
        askedByCaseworker: false,
        scores: { wellbeing: 7, loneliness: 2, network: null },
      },
    ]);
    expect(mine.questionnaire).toMatchObject({
      answers: { wants_education: 'yes', advice_sources: ['friends'] },
      byYouth: true,
      version: 1,
    });
    expect(mine.matchWishes).toEqual([
      { eventDate: '2026-12-03', place: 'Jobcentret', company: 'Egen Cykler ApS', rank: 1, byYouth: true },
    ]);
    expect(mine.hoursReports).toMatchObject([
      { company: 'Egen Cykler ApS', weekStart: '2026-11-16', hours: 12, note: 'Syg fredag', status: 'reported' },
    ]);
    expect(json.appointments).toMatchObject([{ notifiedAbsence: { note: 'Tandlæge' } }]);
    expect(json.youthDevices).toHaveLength(1);
    expect(json.youthDevices[0]).toMatchObject({ method: 'link', loggedInAt: NOW.toISOString() });
    const submitted = json.auditTrail.find((e: { action: string }) => e.action === 'questionnaire.submitted');
    expect(submitted).toMatchObject({ by: null, byYouth: true });
    const loggedIn = json.auditTrail.find((e: { action: string }) => e.action === 'youth_login.login_succeeded');
    expect(loggedIn).toMatchObject({ by: null, byYouth: true });
    expect(json.auditTrail.find((e: { action: string }) => e.action === 'youth.created')).toMatchObject({
      byYouth: false,
    });

    const da = await pdfText((await exportOf('format=pdf&lang=da', h, own.id)).rawPayload);
    for (const words of [
      'Dine egne svar om, hvordan det går (Min udvikling, 1-10)',
      'Hvordan jeg har det: 7',
      'Forberedelsesskemaet, som du udfyldte',
      'Du udfyldte skemaet selv.',
      'Har du lyst til at starte på en uddannelse af mindst 1 års varighed? Ja',
      'Hvem spørger du til råds om uddannelse og arbejde? Venner',
      'Dine ønsker til matchevents',
      '1. ønske: Egen Cykler ApS',
      'Valgt af dig selv',
      'Timer, du selv har meldt',
      'Uge 47',
      'Venter på din rådgiver.',
      'Du meldte afbud',
      'Tandlæge',
      'Enheder, du er logget ind på (Mit forløb)',
      'logget ind med link',
      'Den unge udfyldte forberedelsesskemaet, dig selv',
    ]) {
      expect(da, words).toContain(words);
    }
    expect(da).not.toMatch(/undefined|NaN|\[object/);
    const en = await pdfText((await exportOf('format=pdf&lang=en', h, own.id)).rawPayload);
    for (const words of [
      'Your own answers about how you are doing',
      'The preparation form you filled in',
      'Your wishes for match events',
      'Chosen by you',
      'Hours you reported yourself',
      'Devices you are logged in on',
    ]) {
      expect(en, words).toContain(words);
    }
  });

  it('refuses an unknown format with the field named', async () => {
    const response = await exportOf('format=docx');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toMatchObject([{ field: 'format' }]);
  });
});
