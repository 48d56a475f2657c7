import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCompany, newCpr, newGroup, newUnit, newYouth, putSettings } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';
import { pdfText } from '../support/pdf.ts';

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

  it('refuses an unknown format with the field named', async () => {
    const response = await exportOf('format=docx');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toMatchObject([{ field: 'format' }]);
  });
});
