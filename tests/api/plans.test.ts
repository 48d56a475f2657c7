import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlanTemplate, planTemplateDirFor } from '../../src/plans/plan.template.ts';
import { startTestApp } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { loginAs, newCompany, newCpr, newGroup, newUnit, newYouth, putSettings } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';
import { pdfText } from '../support/pdf.ts';

// A Sunday; the plan is made on this Danish day.
const NOW = new Date('2026-11-22T10:00:00Z');

const da = (await loadPlanTemplate('da')).texts;
const en = (await loadPlanTemplate('en')).texts;

type Unit = Awaited<ReturnType<typeof newUnit>>;
type Headers = { cookie: string };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Words a youth must never read on the plan. */
function expectNoLeaks(text: string): void {
  expect(text).not.toMatch(/undefined|null|NaN|\[object|\{|\}/);
  // Nothing shaped like a CPR number (DDMMYY-SSSS), masked or not.
  expect(text).not.toMatch(/(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}-?(\d{4}|XXXX)/);
}

describe.each(engines)('the plan "Min plan" on %s', (engine) => {
  let ctx: Awaited<ReturnType<typeof startTestApp>>;
  let unit: Unit;
  let other: Unit;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    other = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const headers = () => unit.caseworker.headers;
  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, as: Headers = headers()) =>
    ctx.app.inject({ method, url, headers: as, ...(payload === undefined ? {} : { payload: payload as object }) });

  async function event(journeyId: string, body: Record<string, unknown>, as: Headers = headers()) {
    const response = await sendEvent(ctx.app, as, journeyId, body);
    if (response.statusCode !== 201) throw new Error(`${String(body.type)} failed: ${response.body}`);
    return response.json();
  }

  /** A referred youth born 15 May 2004, with Danish letters in the name. */
  async function referredJourney(of: Unit = unit) {
    const cpr = newCpr('2004-05-15');
    const youth = await newYouth(ctx.app, of.caseworker.headers, { name: 'Søren Ærø Åberg', cpr });
    const journey = await openJourney(ctx.app, of.caseworker.headers, youth.id);
    return { youth, journeyId: journey.id, cpr };
  }

  /** In a group meeting Tuesdays at 10.00, placed at a company with a contact person, measured twice. */
  async function fullJourney(of: Unit = unit) {
    const referred = await referredJourney(of);
    const h = of.caseworker.headers;
    const { journeyId } = referred;
    await event(
      journeyId,
      { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person', occurredAt: '2026-11-03T09:00:00+01:00' },
      h,
    );
    await event(journeyId, { ...activityReadyVisitation(), occurredAt: '2026-11-04T09:00:00+01:00' }, h);
    const group = await newGroup(ctx.db, {
      municipalityId: of.municipality.id,
      facilitatorId: of.caseworker.id,
      name: 'Gruppe Nord',
    });
    await event(
      journeyId,
      {
        type: 'GROUP_ASSIGNED',
        canTakePart15HoursAWeek: true,
        groupId: group.id,
        occurredAt: '2026-11-05T09:00:00+01:00',
      },
      h,
    );
    const company = await newCompany(ctx.db, { municipalityId: of.municipality.id, name: 'Høj & Søn Tømrer ApS' });
    const contact = await inject(
      'POST',
      `/api/companies/${company.id}/contacts`,
      { name: 'Åse Jørgensen', phone: '46 31 30 00' },
      h,
    );
    expect(contact.statusCode).toBe(201);
    await event(
      journeyId,
      {
        type: 'PLACEMENT_STARTED',
        companyId: company.id,
        kind: 'internship',
        hoursPerWeek: 15,
        contactId: contact.json().id,
        occurredAt: '2026-11-10T09:00:00+01:00',
      },
      h,
    );
    for (const [measuredOn, network] of [
      ['2026-11-05', 3],
      ['2026-11-19', 6],
    ] as const) {
      const measured = await inject(
        'POST',
        `/api/journeys/${journeyId}/progression`,
        { measuredOn, assessedBy: 'caseworker', scores: { network, readiness: 4 } },
        h,
      );
      expect(measured.statusCode).toBe(201);
    }
    const content = await inject(
      'PUT',
      `/api/journeys/${journeyId}/plan-content`,
      {
        goal: 'Jeg vil være tømrer og arbejde med træ.',
        agreements: ['Du sender en sms til Mette før kl. 9, hvis du ikke kan komme.'],
        nextSteps: [{ what: 'Køb arbejdssko', when: '2026-11-26', who: 'Dig selv' }],
        stabilisation: ['Du står op kl. 7.30 på hverdage.'],
        reviewOn: '2027-02-22',
      },
      h,
    );
    expect(content.statusCode).toBe(200);
    return { ...referred, group, company };
  }

  describe('the current plan as a PDF', () => {
    it('prints a full journey: name, group on a written-out weekday, workplace, contact, progress and no CPR', async () => {
      const { journeyId, cpr } = await fullJourney();
      const response = await inject('GET', `/api/journeys/${journeyId}/plan.pdf`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(response.rawPayload);

      expect(text).toContain('Søren Ærø Åberg');
      expect(text).toContain('Født 15. maj 2004');
      expect(text).toContain('Planen er lavet søndag den 22. november 2026.');
      expect(text).toContain('»Jeg vil være tømrer og arbejde med træ.«');
      expect(text).toContain('Du mødes med din gruppe hver tirsdag kl. 10.00 i Jobcentret, mødelokale 3.');
      expect(text).toContain('Din gruppe hedder Gruppe Nord.');
      expect(text).toContain('Test caseworker leder gruppen.');
      expect(text).toContain('Du er i praktik hos Høj & Søn Tømrer ApS.');
      expect(text).toContain('Adressen er Algade 1, 4000 Roskilde.');
      expect(text).toContain('Du er der 15 timer om ugen.');
      expect(text).toContain('Du startede tirsdag den 10. november 2026.');
      expect(text).toContain('Din kontaktperson på arbejdspladsen er Åse Jørgensen.');
      expect(text).toContain('Telefon: 46 31 30 00');
      expect(text).toContain('Køb arbejdssko Hvornår: torsdag den 26. november 2026 Hvem: Dig selv');
      expect(text).toContain('Vi gennemgår planen sammen igen senest mandag den 22. februar 2027.');
      expect(text).toContain('Din kontaktperson er Test caseworker.');
      expect(text).toContain(`E-mail: ${unit.caseworker.email}`);
      expect(text).toContain('Du står op kl. 7.30 på hverdage.');
      expect(text).toContain('Du mødes med din netværksgruppe og er i gang på din arbejdsplads.');
      expect(text).toContain(da.progression.factors.network);
      expect(text).not.toContain(da.progression.notYet);
      expect(text).not.toContain(cpr);
      expect(text).not.toContain(cpr.replace('-', ''));
      expectNoLeaks(text);
    });

    it('names the file after the day it was made and shows it inline', async () => {
      const { journeyId } = await referredJourney();
      const response = await inject('GET', `/api/journeys/${journeyId}/plan.pdf`);
      expect(response.headers['content-disposition']).toBe('inline; filename="min-plan-2026-11-22.pdf"');
      expect(response.headers['cache-control']).toBe('private, no-store');
    });

    it('prints an almost empty journey with the "not agreed yet" sentences', async () => {
      const { journeyId } = await referredJourney();
      const response = await inject('GET', `/api/journeys/${journeyId}/plan.pdf`);
      expect(response.statusCode).toBe(200);
      const text = await pdfText(response.rawPayload);
      for (const sentence of [
        da.goal.notYet,
        'Du er ikke med i en netværksgruppe. Vi taler om, hvad der passer til dig, når vi har holdt den første samtale.',
        'Du har ikke en praktik eller et job gennem os. Det taler vi om, når vi har lært dig at kende.',
        da.nextSteps.notYet,
        da.progression.notYet,
        da.agreements.notYet,
      ]) {
        expect(text).toContain(sentence);
      }
      expect(text).toContain('Du er henvist til ungeindsatsen.');
      // Not activity-ready (no visitation yet): no section on health and everyday life.
      expect(text).not.toContain(da.stabilisation.heading);
      expectNoLeaks(text);
    });

    it('prints the plan in English with ?lang=en', async () => {
      const { journeyId } = await fullJourney();
      const response = await inject('GET', `/api/journeys/${journeyId}/plan.pdf?lang=en`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toBe('inline; filename="my-plan-2026-11-22.pdf"');
      const text = await pdfText(response.rawPayload);
      expect(text).toContain(en.header.title);
      expect(text).toContain('You meet your group every Tuesday at 10:00 at Jobcentret, mødelokale 3.');
      expect(text).toContain('You are doing an internship at Høj & Søn Tømrer ApS.');
      expect(text).toContain('You meet with your network group and have started at your workplace.');
      expect(text).not.toContain('tirsdag');
      expectNoLeaks(text);
    });

    it('refuses a language it has no template for', async () => {
      const { journeyId } = await referredJourney();
      const response = await inject('GET', `/api/journeys/${journeyId}/plan.pdf?lang=sv`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe('lang');
    });

    it("uses the municipality's own wording from its template folder", async () => {
      const own = await newUnit(ctx.app, ctx.db);
      const dir = planTemplateDirFor(own.municipality.id);
      await mkdir(dir, { recursive: true });
      try {
        await writeFile(join(dir, 'da.json'), JSON.stringify({ goal: { heading: 'Det drømmer jeg om' } }));
        const { journeyId } = await referredJourney(own);
        const response = await inject('GET', `/api/journeys/${journeyId}/plan.pdf`, undefined, own.caseworker.headers);
        const text = await pdfText(response.rawPayload);
        expect(text).toContain('Det drømmer jeg om');
        expect(text).not.toContain(da.goal.heading);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('answers 404 to another municipality and 403 to an administrator', async () => {
      const { journeyId } = await referredJourney();
      expect(
        (await inject('GET', `/api/journeys/${journeyId}/plan.pdf`, undefined, other.caseworker.headers)).statusCode,
      ).toBe(404);
      expect(
        (await inject('GET', `/api/journeys/${journeyId}/plan.pdf`, undefined, unit.admin.headers)).statusCode,
      ).toBe(403);
    });
  });

  describe('the letter in every stage of the journey', () => {
    /** Where a youth can be: a stage, and for follow-up and closed the ways there. */
    type Situation =
      | 'referred'
      | 'visitation'
      | 'intake'
      | 'active'
      | 'paused'
      | 'followUp'
      | 'followUpInGroup'
      | 'withdrawn'
      | 'redirected'
      | 'control';

    /** A youth brought to the situation with the journey's own events, dated early in November. */
    async function youthIn(situation: Situation, of: Unit = unit) {
      const h = of.caseworker.headers;
      // 32 years old is outside the target group: the visitation redirects.
      const born = situation === 'redirected' ? '1994-01-10' : '2004-05-15';
      const youth = await newYouth(ctx.app, h, { name: 'Søren Ærø Åberg', cpr: newCpr(born) });
      const { id: journeyId } = await openJourney(ctx.app, h, youth.id);
      const result = { youthId: youth.id, journeyId, groupId: null as string | null, stage: 'referred' };
      const send = async (body: Record<string, unknown>) => {
        result.stage = (await event(journeyId, body, h)).stage;
      };
      if (situation === 'referred') return result;
      await send({ type: 'FIRST_CONVERSATION_HELD', mode: 'in_person', occurredAt: '2026-11-03T09:00:00+01:00' });
      if (situation === 'visitation') return result;
      await send({ ...activityReadyVisitation(), occurredAt: '2026-11-04T09:00:00+01:00' });
      if (situation === 'intake' || situation === 'redirected' || situation === 'control') return result;
      const group = await newGroup(ctx.db, {
        municipalityId: of.municipality.id,
        facilitatorId: of.caseworker.id,
        name: 'Gruppe Nord',
      });
      await send({
        type: 'GROUP_ASSIGNED',
        canTakePart15HoursAWeek: true,
        groupId: group.id,
        occurredAt: '2026-11-05T09:00:00+01:00',
      });
      const at = '2026-11-12T09:00:00+01:00';
      if (situation === 'paused')
        await send({ type: 'PAUSED', reason: 'illness', expectedReturn: '2026-12-01', occurredAt: at });
      if (situation === 'followUp') await send({ type: 'EXITED', outcome: 'job', occurredAt: at });
      if (situation === 'followUpInGroup')
        await send({ type: 'EXITED', outcome: 'job', stayInGroup: true, occurredAt: at });
      if (situation === 'withdrawn') await send({ type: 'WITHDRAWN', reason: 'Flyttet til Aarhus', occurredAt: at });
      // The group the youth is in after it: none once they left it.
      const staysInGroup = ['active', 'paused', 'followUpInGroup'].includes(situation);
      return { ...result, groupId: staysInGroup ? group.id : null };
    }

    /** A youth drawn into the control group of a municipality that randomises 95 of 100 into it. */
    async function youthInControlGroup() {
      const trial = await newUnit(ctx.app, ctx.db);
      const set = await putSettings(ctx.app, trial.admin.headers, {
        randomisation: { enabled: true, controlShare: 0.95 },
      });
      expect(set.statusCode).toBe(200);
      // The draw is random: 20 youth all drawn into treatment happens once in 10^26.
      for (let attempt = 0; attempt < 20; attempt++) {
        const drawn = await youthIn('control', trial);
        if (drawn.stage === 'control') return { ...drawn, of: trial };
      }
      throw new Error('No youth was drawn into the control group');
    }

    const promiseOfGroup = 'Vi finder en gruppe til dig';
    const promiseOfWorkplace = 'Vi finder en arbejdsplads sammen';
    const groupSentence = 'Din gruppe hedder Gruppe Nord.';
    const cases: Array<{ situation: Situation; stage: string; group: string; placement: string; promises: string[] }> =
      [
        {
          situation: 'referred',
          stage: 'referred',
          group:
            'Du er ikke med i en netværksgruppe. Vi taler om, hvad der passer til dig, når vi har holdt den første samtale.',
          placement: 'Du har ikke en praktik eller et job gennem os. Det taler vi om, når vi har lært dig at kende.',
          promises: [],
        },
        {
          situation: 'visitation',
          stage: 'visitation',
          group: 'Du er ikke med i en netværksgruppe. Vi finder ud af sammen med dig, om en gruppe passer til dig.',
          placement:
            'Du har ikke en praktik eller et job gennem os endnu. Det taler vi om, når vi ved, hvilken hjælp der passer til dig.',
          promises: [],
        },
        {
          situation: 'intake',
          stage: 'intake',
          group: 'Du er ikke med i en netværksgruppe endnu. Vi finder en gruppe til dig.',
          placement: 'Du har ikke en praktik eller et job endnu. Vi finder en arbejdsplads sammen.',
          promises: [promiseOfGroup, promiseOfWorkplace],
        },
        {
          situation: 'active',
          stage: 'active',
          group: groupSentence,
          placement: 'Du har ikke en praktik eller et job lige nu. Vi finder en arbejdsplads sammen.',
          promises: [promiseOfWorkplace],
        },
        {
          situation: 'paused',
          stage: 'paused',
          group: groupSentence,
          placement: 'Du har ikke en praktik eller et job, mens dit forløb holder pause.',
          promises: [],
        },
        {
          situation: 'followUp',
          stage: 'followUp',
          group: 'Du er ikke længere med i en netværksgruppe.',
          placement: 'Du er ikke længere i praktik eller job gennem os.',
          promises: [],
        },
        {
          situation: 'followUpInGroup',
          stage: 'followUp',
          group: groupSentence,
          placement: 'Du er ikke længere i praktik eller job gennem os.',
          promises: [],
        },
        {
          situation: 'withdrawn',
          stage: 'closed',
          group: 'Du er ikke med i en netværksgruppe.',
          placement: 'Du er ikke i praktik eller job gennem os.',
          promises: [],
        },
        {
          situation: 'redirected',
          stage: 'redirected',
          group: 'Du skal ikke være med i en netværksgruppe.',
          placement: 'Du skal ikke i praktik gennem NExTWORK.',
          promises: [],
        },
        {
          situation: 'control',
          stage: 'control',
          group: 'Du skal ikke være med i en netværksgruppe.',
          placement: 'Du skal ikke i praktik gennem NExTWORK.',
          promises: [],
        },
      ];

    it.each(cases)(
      "says what is true for a youth in $situation, names the group the youth's page shows, and promises nothing else",
      async ({ situation, stage, group, placement, promises }) => {
        const youth =
          situation === 'control' ? await youthInControlGroup() : { ...(await youthIn(situation)), of: unit };
        expect(youth.stage).toBe(stage);
        const as = youth.of.caseworker.headers;
        const response = await inject('GET', `/api/journeys/${youth.journeyId}/plan.pdf`, undefined, as);
        expect(response.statusCode).toBe(200);
        const text = await pdfText(response.rawPayload);
        expect(text).toContain(group);
        expect(text).toContain(placement);
        for (const promise of [promiseOfGroup, promiseOfWorkplace]) {
          if (promises.includes(promise)) expect(text).toContain(promise);
          else expect(text).not.toContain(promise);
        }
        if (group !== groupSentence) expect(text).not.toContain(groupSentence);
        // The template's old sentences, said whatever the stage, are said only where they are true.
        if (situation !== 'intake') {
          expect(text).not.toContain(da.networkGroup.notYet);
          expect(text).not.toContain(da.placement.notYet);
        }
        expectNoLeaks(text);

        // The youth's page shows the group the letter names, and no group when the letter says none.
        const youthPage = await inject('GET', `/unge/${youth.youthId}`, undefined, as);
        expect(youthPage.statusCode).toBe(200);
        if (youth.groupId) expect(youthPage.body).toContain(`href="/grupper/${youth.groupId}"`);
        else expect(youthPage.body).not.toContain('href="/grupper/');
      },
    );

    it('asks the youth to ring only when the caseworker has a phone number, and to write otherwise', async () => {
      const phoned = await newUnit(ctx.app, ctx.db);
      const { journeyId } = await youthIn('active', phoned);
      const letter = async () =>
        pdfText(
          (await inject('GET', `/api/journeys/${journeyId}/plan.pdf`, undefined, phoned.caseworker.headers)).rawPayload,
        );
      const without = await letter();
      expect(without).toContain('Skriv, hvis du har spørgsmål, eller hvis du ikke kan komme.');
      expect(without).not.toContain('Ring');
      expect(without).not.toContain('Telefon:');

      const given = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/users/${phoned.caseworker.id}`,
        headers: phoned.admin.headers,
        payload: { version: 1, phone: '+45 12 34 56 78' },
      });
      expect(given.statusCode).toBe(200);
      const withPhone = await letter();
      expect(withPhone).toContain('Telefon: 12 34 56 78');
      expect(withPhone).toContain('Ring eller skriv, hvis du har spørgsmål, eller hvis du ikke kan komme.');

      const english = await pdfText(
        (await inject('GET', `/api/journeys/${journeyId}/plan.pdf?lang=en`, undefined, phoned.caseworker.headers))
          .rawPayload,
      );
      expect(english).toContain('Call or write if you have questions, or if you cannot come.');
      expect(english).toContain('You do not have an internship or a job right now. We will find a workplace together.');
    });
  });

  describe('what the plan prints, before it is printed', () => {
    it('gives the group, workplace, contact person, status and content the plan takes from the journey', async () => {
      const { journeyId, cpr } = await fullJourney();
      const response = await inject('GET', `/api/journeys/${journeyId}/plan-data`);
      expect(response.statusCode).toBe(200);
      const data = response.json();
      expect(data).toMatchObject({
        madeOn: '2026-11-22',
        youth: { name: 'Søren Ærø Åberg', birthDate: '2004-05-15' },
        goal: 'Jeg vil være tømrer og arbejde med træ.',
        category: 'activity_ready',
        networkGroup: { name: 'Gruppe Nord', weekday: 2, startTime: '10:00', place: 'Jobcentret, mødelokale 3' },
        placement: {
          kind: 'internship',
          companyName: 'Høj & Søn Tømrer ApS',
          hoursPerWeek: 15,
          startDate: '2026-11-10',
          contactPerson: { name: 'Åse Jørgensen', phone: '46 31 30 00' },
        },
        contactPerson: { name: 'Test caseworker', email: unit.caseworker.email },
        progression: { network: { first: 3, latest: 6 } },
        agreements: ['Du sender en sms til Mette før kl. 9, hvis du ikke kan komme.'],
      });
      expect(data.status).toBe('Du mødes med din netværksgruppe og er i gang på din arbejdsplads.');
      expect(JSON.stringify(data)).not.toContain(cpr.slice(0, 6));
    });

    it('writes the status sentence in English with ?lang=en', async () => {
      const { journeyId } = await fullJourney();
      const response = await inject('GET', `/api/journeys/${journeyId}/plan-data?lang=en`);
      expect(response.json().status).toBe('You meet with your network group and have started at your workplace.');
    });

    it('audits the read, and answers 404 to another municipality and 403 to an administrator', async () => {
      const { youth, journeyId } = await referredJourney();
      expect((await inject('GET', `/api/journeys/${journeyId}/plan-data`)).statusCode).toBe(200);
      const log = await inject('GET', `/api/audit?youthId=${youth.id}&pageSize=100`, undefined, unit.leader.headers);
      const entries = log.json().items as Array<{ action: string; userId: string; details: Record<string, unknown> }>;
      expect(entries).toContainEqual(
        expect.objectContaining({
          action: 'journey.read',
          userId: unit.caseworker.id,
          details: { journeyId, view: 'plan_data' },
        }),
      );
      expect(
        (await inject('GET', `/api/journeys/${journeyId}/plan-data`, undefined, other.caseworker.headers)).statusCode,
      ).toBe(404);
      expect(
        (await inject('GET', `/api/journeys/${journeyId}/plan-data`, undefined, unit.admin.headers)).statusCode,
      ).toBe(403);
    });
  });

  describe('plan content', () => {
    it('is empty with no version before anything is written', async () => {
      const { journeyId } = await referredJourney();
      const response = await inject('GET', `/api/journeys/${journeyId}/plan-content`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        journeyId,
        goal: null,
        agreements: [],
        nextSteps: [],
        stabilisation: [],
        reviewOn: null,
        version: null,
        updatedBy: null,
        updatedAt: null,
      });
    });

    it('saves the content at version 1 and reads it back, with who changed it and when', async () => {
      const { journeyId } = await referredJourney();
      const saved = await inject('PUT', `/api/journeys/${journeyId}/plan-content`, {
        goal: '  Jeg vil være smed.  ',
        agreements: ['Du kommer til gruppen hver uge.'],
        nextSteps: [{ what: 'Besøg smedjen' }],
        stabilisation: [],
      });
      expect(saved.statusCode).toBe(200);
      const expected = {
        journeyId,
        goal: 'Jeg vil være smed.',
        agreements: ['Du kommer til gruppen hver uge.'],
        nextSteps: [{ what: 'Besøg smedjen', when: null, who: null }],
        stabilisation: [],
        reviewOn: null,
        version: 1,
        updatedBy: { id: unit.caseworker.id, name: 'Test caseworker' },
        updatedAt: NOW.toISOString(),
      };
      expect(saved.json()).toEqual(expected);
      expect((await inject('GET', `/api/journeys/${journeyId}/plan-content`)).json()).toEqual(expected);
    });

    it('answers a stale version with 409 version_conflict and the current version', async () => {
      const { journeyId } = await referredJourney();
      const body = { goal: 'Job i en butik', agreements: [], nextSteps: [], stabilisation: [] };
      await inject('PUT', `/api/journeys/${journeyId}/plan-content`, body);
      expect((await inject('PUT', `/api/journeys/${journeyId}/plan-content`, { ...body, version: 1 })).statusCode).toBe(
        200,
      );
      const stale = await inject('PUT', `/api/journeys/${journeyId}/plan-content`, { ...body, version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({
        code: 'version_conflict',
        currentVersion: 2,
        message: 'Oplysningerne er ændret af en anden i mellemtiden. Hent dem igen.',
      });
    });

    it('answers 409 to a change without a version once content exists', async () => {
      const { journeyId } = await referredJourney();
      const body = { goal: 'Uddannelse som frisør', agreements: [], nextSteps: [], stabilisation: [] };
      await inject('PUT', `/api/journeys/${journeyId}/plan-content`, body);
      const again = await inject('PUT', `/api/journeys/${journeyId}/plan-content`, body);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.currentVersion).toBe(1);
    });

    it('names every bad field in Danish', async () => {
      const { journeyId } = await referredJourney();
      const response = await inject('PUT', `/api/journeys/${journeyId}/plan-content`, {
        goal: 'x'.repeat(1_001),
        agreements: ['   '],
        nextSteps: [{ what: 'Ring til Netto', when: '2026-02-30', who: 'y'.repeat(101) }],
        stabilisation: [],
      });
      expect(response.statusCode).toBe(400);
      const details = response.json().error.details as Array<{ field: string; message: string }>;
      expect(Object.fromEntries(details.map((d) => [d.field, d.message]))).toEqual({
        goal: 'For lang: højst 1.000 tegn.',
        'agreements.0': 'Må ikke være tomt.',
        'nextSteps.0.when': 'Datoen skal have formen ÅÅÅÅ-MM-DD.',
        'nextSteps.0.who': 'For lang: højst 100 tegn.',
      });
    });

    it('refuses a step dated more than a year back or two years ahead, and keeps a date the plan has', async () => {
      const { journeyId } = await referredJourney();
      const put = (nextSteps: unknown[], version?: number, as: Headers = headers()) =>
        inject(
          'PUT',
          `/api/journeys/${journeyId}/plan-content`,
          { ...(version === undefined ? {} : { version }), goal: null, agreements: [], nextSteps, stabilisation: [] },
          as,
        );
      const refused = await put([
        { what: 'Ring til UU', when: '2025-11-22' },
        { what: 'Start på skolen', when: '2016-11-01' },
        { what: 'Svendeprøve', when: '2028-11-23' },
      ]);
      expect(refused.statusCode).toBe(400);
      const details = refused.json().error.details as Array<{ field: string; message: string }>;
      expect(Object.fromEntries(details.map((d) => [d.field, d.message]))).toEqual({
        'nextSteps.1.when':
          'Datoen ligger mere end et år tilbage. Skriv en dato fra 22. november 2025 og frem, eller lad feltet stå tomt.',
        'nextSteps.2.when':
          'Datoen ligger mere end to år frem. Skriv en dato til og med 22. november 2028, eller lad feltet stå tomt.',
      });
      expect((await inject('GET', `/api/journeys/${journeyId}/plan-content`)).json().version).toBeNull();

      expect((await put([{ what: 'Ring til UU', when: '2025-11-22' }])).statusCode).toBe(200);
      // Two years on, the plan is saved again with the date it has and a new step.
      ctx.setNow(new Date('2028-06-01T10:00:00Z'));
      try {
        const later = await loginAs(ctx.app, unit.caseworker);
        const saved = await put(
          [
            { what: 'Ring til UU', when: '2025-11-22' },
            { what: 'Møde med mentor', when: '2028-06-10' },
          ],
          1,
          later,
        );
        expect(saved.statusCode).toBe(200);
      } finally {
        ctx.setNow(NOW);
      }
    });

    it('sets the next review day, keeps it when left out, removes it with null, and refuses unlikely days', async () => {
      const { journeyId } = await referredJourney();
      const put = (fields: Record<string, unknown>, version?: number) =>
        inject('PUT', `/api/journeys/${journeyId}/plan-content`, {
          ...(version === undefined ? {} : { version }),
          goal: null,
          agreements: [],
          nextSteps: [],
          stabilisation: [],
          ...fields,
        });
      const refused = await put({ reviewOn: '2026-11-21' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toEqual([
        {
          field: 'reviewOn',
          message:
            'Datoen for næste gennemgang ligger før i dag. Skriv dagen, I gennemgår planen sammen igen, eller lad feltet stå tomt.',
        },
      ]);
      const farAhead = await put({ reviewOn: '2027-11-23' });
      expect(farAhead.json().error.details).toEqual([
        {
          field: 'reviewOn',
          message:
            'Datoen ligger mere end et år frem. Skriv en dato til og med 22. november 2027, eller lad feltet stå tomt.',
        },
      ]);
      expect((await put({ reviewOn: '2026-12-18' })).json()).toMatchObject({ reviewOn: '2026-12-18', version: 1 });
      // Left out, as a client from before the review day would send it: the day stays.
      expect((await put({ goal: 'Job i en butik' }, 1)).json()).toMatchObject({ reviewOn: '2026-12-18', version: 2 });
      expect((await put({ reviewOn: null }, 2)).json()).toMatchObject({ reviewOn: null, version: 3 });
    });

    it('keeps a review day that has passed when the rest of the plan is saved', async () => {
      const { journeyId } = await referredJourney();
      const body = { goal: null, agreements: [], nextSteps: [], stabilisation: [], reviewOn: '2026-11-25' };
      expect((await inject('PUT', `/api/journeys/${journeyId}/plan-content`, body)).statusCode).toBe(200);
      ctx.setNow(new Date('2026-12-10T10:00:00Z'));
      try {
        const later = await loginAs(ctx.app, unit.caseworker);
        const saved = await inject(
          'PUT',
          `/api/journeys/${journeyId}/plan-content`,
          { ...body, version: 1, goal: 'Uddannelse' },
          later,
        );
        expect(saved.statusCode).toBe(200);
        expect(saved.json().reviewOn).toBe('2026-11-25');
      } finally {
        ctx.setNow(NOW);
      }
    });

    it('refuses a change to the plan of a closed journey', async () => {
      const { journeyId } = await referredJourney();
      await event(journeyId, { type: 'WITHDRAWN', reason: 'Flyttet til en anden kommune' });
      const response = await inject('PUT', `/api/journeys/${journeyId}/plan-content`, {
        goal: 'Job',
        agreements: [],
        nextSteps: [],
        stabilisation: [],
      });
      expect(response.statusCode).toBe(422);
    });

    it('answers 404 to another municipality reading or changing it', async () => {
      const { journeyId } = await referredJourney();
      const body = { goal: 'Job', agreements: [], nextSteps: [], stabilisation: [] };
      const h = other.caseworker.headers;
      expect((await inject('GET', `/api/journeys/${journeyId}/plan-content`, undefined, h)).statusCode).toBe(404);
      expect((await inject('PUT', `/api/journeys/${journeyId}/plan-content`, body, h)).statusCode).toBe(404);
      expect((await inject('GET', `/api/journeys/${journeyId}/plan-content`)).json().version).toBeNull();
    });
  });

  describe('stored plan versions', () => {
    it('numbers the versions of a journey 1, 2 and lists them in that order', async () => {
      const { journeyId } = await referredJourney();
      const first = await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'da' });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        number: 1,
        lang: 'da',
        createdAt: NOW.toISOString(),
        templateVersion: expect.stringMatching(/^[0-9a-f]{12}$/),
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const second = await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'en' });
      expect(second.json()).toMatchObject({ number: 2, lang: 'en' });
      const list = await inject('GET', `/api/journeys/${journeyId}/plans`);
      expect(list.json().items.map((v: { id: string; number: number }) => [v.id, v.number])).toEqual([
        [first.json().id, 1],
        [second.json().id, 2],
      ]);
    });

    it('stores the hash of the very PDF the current plan gives', async () => {
      const { journeyId } = await fullJourney();
      const stored = (await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'da' })).json();
      const current = await inject('GET', `/api/journeys/${journeyId}/plan.pdf`);
      expect(sha256(current.rawPayload)).toBe(stored.contentHash);
    });

    it('gives the identical bytes again after the plan content and the templates have changed', async () => {
      const own = await newUnit(ctx.app, ctx.db);
      const h = own.caseworker.headers;
      const { journeyId } = await fullJourney(own);
      const stored = (await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'da' }, h)).json();

      const changed = await inject(
        'PUT',
        `/api/journeys/${journeyId}/plan-content`,
        { version: 1, goal: 'Jeg vil være elektriker.', agreements: [], nextSteps: [], stabilisation: [] },
        h,
      );
      expect(changed.statusCode).toBe(200);
      const dir = planTemplateDirFor(own.municipality.id);
      await mkdir(dir, { recursive: true });
      try {
        await writeFile(join(dir, 'da.json'), JSON.stringify({ goal: { heading: 'Det drømmer jeg om' } }));
        const again = await inject('GET', `/api/plans/${stored.id}.pdf`, undefined, h);
        expect(again.statusCode).toBe(200);
        expect(again.headers['content-type']).toBe('application/pdf');
        expect(again.headers['content-disposition']).toBe('inline; filename="min-plan-2026-11-22-v1.pdf"');
        expect(again.headers['x-plan-identical']).toBe('true');
        expect(sha256(again.rawPayload)).toBe(stored.contentHash);
        const text = await pdfText(again.rawPayload);
        expect(text).toContain('»Jeg vil være tømrer og arbejde med træ.«');
        expect(text).toContain(da.goal.heading);

        // The current plan has moved on: new goal, new heading, other bytes.
        const current = await inject('GET', `/api/journeys/${journeyId}/plan.pdf`, undefined, h);
        expect(sha256(current.rawPayload)).not.toBe(stored.contentHash);
        const currentText = await pdfText(current.rawPayload);
        expect(currentText).toContain('»Jeg vil være elektriker.«');
        expect(currentText).toContain('Det drømmer jeg om');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('says what changed between two versions, field by field in words', async () => {
      const { journeyId } = await fullJourney();
      const netto = await newCompany(ctx.db, { municipalityId: unit.municipality.id, name: 'Netto' });
      const bilka = await newCompany(ctx.db, { municipalityId: unit.municipality.id, name: 'Bilka' });
      const placementId = (await inject('GET', `/api/journeys/${journeyId}`)).json().context.currentPlacement
        .placementId;
      await event(journeyId, { type: 'PLACEMENT_ENDED', placementId, occurredAt: '2026-11-16T09:00:00+01:00' });
      await event(journeyId, {
        type: 'PLACEMENT_STARTED',
        companyId: netto.id,
        kind: 'internship',
        hoursPerWeek: 15,
        occurredAt: '2026-11-16T10:00:00+01:00',
      });
      const v1 = (await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'da' })).json();

      const current = (await inject('GET', `/api/journeys/${journeyId}`)).json().context.currentPlacement;
      await event(journeyId, {
        type: 'PLACEMENT_ENDED',
        placementId: current.placementId,
        occurredAt: '2026-11-18T09:00:00+01:00',
      });
      await event(journeyId, {
        type: 'PLACEMENT_STARTED',
        companyId: bilka.id,
        kind: 'paid_hours',
        hoursPerWeek: 20,
        occurredAt: '2026-11-18T10:00:00+01:00',
      });
      await inject('PUT', `/api/journeys/${journeyId}/plan-content`, {
        version: 1,
        goal: 'Jeg vil være tømrer og arbejde med træ.',
        agreements: ['Du sender en sms til Mette før kl. 9, hvis du ikke kan komme.', 'Du møder kl. 8 i Bilka.'],
        nextSteps: [],
        stabilisation: ['Du står op kl. 7.30 på hverdage.'],
        reviewOn: '2027-03-01',
      });
      const v2 = (await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'da' })).json();

      const diff = await inject('GET', `/api/journeys/${journeyId}/plans/diff?from=${v1.id}&to=${v2.id}`);
      expect(diff.statusCode).toBe(200);
      expect(diff.json().from).toMatchObject({ id: v1.id, number: 1 });
      expect(diff.json().to).toMatchObject({ id: v2.id, number: 2 });
      expect(diff.json().changes).toEqual([
        {
          field: 'placement.kind',
          label: 'Praktik eller job',
          from: 'Virksomhedspraktik',
          to: 'Lønnede timer',
        },
        { field: 'placement.company', label: 'Arbejdsplads', from: 'Netto', to: 'Bilka' },
        { field: 'placement.hoursPerWeek', label: 'Timer om ugen', from: '15', to: '20' },
        {
          field: 'placement.startDate',
          label: 'Startdato på arbejdspladsen',
          from: '16. november 2026',
          to: '18. november 2026',
        },
        { field: 'reviewOn', label: 'Næste gennemgang', from: '22. februar 2027', to: '1. marts 2027' },
        {
          field: 'nextSteps',
          label: 'Næste skridt',
          from: 'Køb arbejdssko (Hvornår: 26. november 2026, Hvem: Dig selv)',
          to: null,
        },
        { field: 'agreements', label: 'Aftale', from: null, to: 'Du møder kl. 8 i Bilka.' },
      ]);
    });

    it('shows a second progression measurement as the latest score, the first staying as it was', async () => {
      const { journeyId } = await referredJourney();
      const measure = (measuredOn: string, network: number) =>
        inject('POST', `/api/journeys/${journeyId}/progression`, {
          measuredOn,
          assessedBy: 'youth',
          scores: { network },
        });
      await measure('2026-11-05', 3);
      const v1 = (await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'da' })).json();
      await measure('2026-11-19', 6);
      const v2 = (await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'da' })).json();
      const diff = await inject('GET', `/api/journeys/${journeyId}/plans/diff?from=${v1.id}&to=${v2.id}`);
      expect(diff.json().changes).toEqual([
        { field: 'progression.network.latest', label: 'Netværk, seneste måling', from: null, to: '6' },
      ]);
    });

    it('gives the labels in English with ?lang=en, and nothing for a version compared with itself', async () => {
      const { journeyId } = await referredJourney();
      const v1 = (await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'da' })).json();
      const v2 = (await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'en' })).json();
      const diff = await inject('GET', `/api/journeys/${journeyId}/plans/diff?from=${v1.id}&to=${v2.id}&lang=en`);
      expect(diff.json().changes).toContainEqual({
        field: 'language',
        label: 'Language',
        from: 'Danish',
        to: 'English',
      });
      expect(diff.json().changes.map((c: { field: string }) => c.field)).toContain('status');
      const same = await inject('GET', `/api/journeys/${journeyId}/plans/diff?from=${v1.id}&to=${v1.id}`);
      expect(same.json().changes).toEqual([]);
    });

    it("answers 404 to a version of another journey in the diff, and to another municipality's versions", async () => {
      const { journeyId } = await referredJourney();
      const elsewhere = await referredJourney();
      const mine = (await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'da' })).json();
      const theirs = (await inject('POST', `/api/journeys/${elsewhere.journeyId}/plans`, { lang: 'da' })).json();
      const mixed = await inject('GET', `/api/journeys/${journeyId}/plans/diff?from=${mine.id}&to=${theirs.id}`);
      expect(mixed.statusCode).toBe(404);

      const h = other.caseworker.headers;
      expect((await inject('GET', `/api/plans/${mine.id}.pdf`, undefined, h)).statusCode).toBe(404);
      expect((await inject('GET', `/api/journeys/${journeyId}/plans`, undefined, h)).statusCode).toBe(404);
      expect((await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'da' }, h)).statusCode).toBe(404);
      const diff = `/api/journeys/${journeyId}/plans/diff?from=${mine.id}&to=${mine.id}`;
      expect((await inject('GET', diff, undefined, h)).statusCode).toBe(404);
      expect((await inject('GET', `/api/journeys/${journeyId}/plans`)).json().items).toHaveLength(1);
    });
  });

  describe('audit', () => {
    it('audits changing the content, printing the plan and storing a version, without the words or the CPR', async () => {
      const { youth, journeyId, cpr } = await fullJourney();
      await inject('GET', `/api/journeys/${journeyId}/plan.pdf?lang=en`);
      const stored = (await inject('POST', `/api/journeys/${journeyId}/plans`, { lang: 'da' })).json();
      await inject('GET', `/api/plans/${stored.id}.pdf`);
      await inject('GET', `/api/journeys/${journeyId}/plan-content`);

      const log = await inject('GET', `/api/audit?youthId=${youth.id}&pageSize=100`, undefined, unit.leader.headers);
      const entries = log.json().items as Array<{ action: string; userId: string; details: Record<string, unknown> }>;
      expect(entries.find((e) => e.action === 'plan.content_changed')).toMatchObject({
        userId: unit.caseworker.id,
        details: { journeyId, version: 1, fields: ['goal', 'agreements', 'nextSteps', 'stabilisation', 'reviewOn'] },
      });
      const rendered = entries.filter((e) => e.action === 'plan.rendered').map((e) => e.details);
      expect(rendered).toContainEqual(expect.objectContaining({ journeyId, lang: 'en' }));
      expect(rendered).toContainEqual(expect.objectContaining({ journeyId, planVersionId: stored.id, number: 1 }));
      expect(entries.find((e) => e.action === 'plan.version_created')?.details).toMatchObject({
        journeyId,
        planVersionId: stored.id,
        number: 1,
        contentHash: stored.contentHash,
      });
      expect(entries.some((e) => e.action === 'journey.read' && e.details.view === 'plan_content')).toBe(true);

      const logged = JSON.stringify(entries);
      expect(logged).not.toContain('tømrer');
      expect(logged).not.toContain(cpr);
      expect(logged).not.toContain(cpr.replace('-', ''));
    });
  });
});
