import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { loginAs, newCompany, newGroup, newUnit } from '../support/factories.ts';
import { pdfText } from '../support/pdf.ts';
import { questionnaireAnswers, sendEvent, youthAtIntake } from '../support/journeys.ts';

// A Sunday; the youth below are referred on 10 November and in their group from 13 November.
const NOW = new Date('2026-11-22T10:00:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;

/** An education-ready visitation the rules would not suggest alone, so it carries its reason. */
const educationReady = {
  category: 'education_ready',
  barriers: ['social', 'debt'],
  profile: 'B',
  overrideReason: 'Vil gerne i uddannelse; gælden fylder, men kan løses inden for et år',
};

describe.each(engines)('offers on %s', (engine) => {
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
  const inject = (method: 'GET' | 'POST', url: string, payload?: unknown, as = headers()) =>
    ctx.app.inject({ method, url, headers: as, ...(payload === undefined ? {} : { payload: payload as object }) });
  const offersOf = async (journeyId: string, as = headers()) =>
    (await inject('GET', `/api/journeys/${journeyId}/offers`, undefined, as)).json().items;

  /** A youth in a network group (stage active), activity-ready unless the visitation says otherwise. */
  async function activeJourney(visitation: Record<string, unknown> = {}) {
    const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
    const { youth, journey } = await youthAtIntake(ctx.app, headers(), 'Ung med tilbud', {
      groupId: group.id,
      visitation,
    });
    return { youthId: youth.id, journeyId: journey.id };
  }

  async function startPlacement(journeyId: string, kind: string, sector: 'private' | 'public' = 'private') {
    const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id, name: 'Roskilde Cykler ApS' });
    await ctx.db.updateTable('company').set({ sector }).where('id', '=', company.id).execute();
    const started = await sendEvent(ctx.app, headers(), journeyId, {
      type: 'PLACEMENT_STARTED',
      companyId: company.id,
      kind,
      hoursPerWeek: 12,
      plannedEnd: '2027-01-31',
      occurredAt: '2026-11-16T08:00:00+01:00',
    });
    if (started.statusCode !== 201) throw new Error(`placement failed: ${started.body}`);
    return started.json().context.currentPlacement.placementId as string;
  }

  describe('offers from placements', () => {
    it('an internship becomes a virksomhedspraktik offer with the placement day, end and hours', async () => {
      const { journeyId } = await activeJourney();
      const placementId = await startPlacement(journeyId, 'internship');
      expect(await offersOf(journeyId)).toEqual([
        expect.objectContaining({
          kind: 'internship',
          placementId,
          provider: 'Roskilde Cykler ApS',
          startDate: '2026-11-16',
          plannedEnd: '2027-01-31',
          hoursPerWeek: 12,
          endedOn: null,
          active: true,
        }),
      ]);
    });

    it('a wage subsidy becomes løntilskud of the company sector, private or public', async () => {
      const atPrivate = await activeJourney();
      await startPlacement(atPrivate.journeyId, 'wage_subsidy', 'private');
      const atPublic = await activeJourney();
      await startPlacement(atPublic.journeyId, 'wage_subsidy', 'public');
      expect((await offersOf(atPrivate.journeyId)).map((o: { kind: string }) => o.kind)).toEqual([
        'wage_subsidy_private',
      ]);
      expect((await offersOf(atPublic.journeyId)).map((o: { kind: string }) => o.kind)).toEqual([
        'wage_subsidy_public',
      ]);
    });

    it('paid ordinary hours give no offer: they are work, not activation', async () => {
      const { journeyId } = await activeJourney();
      await startPlacement(journeyId, 'paid_hours');
      expect(await offersOf(journeyId)).toEqual([]);
    });

    it('ending the placement ends its offer the same day, as completed', async () => {
      const { journeyId } = await activeJourney();
      const placementId = await startPlacement(journeyId, 'internship');
      const ended = await sendEvent(ctx.app, headers(), journeyId, {
        type: 'PLACEMENT_ENDED',
        placementId,
        reason: 'Praktikken er slut',
        occurredAt: '2026-11-20T15:00:00+01:00',
      });
      expect(ended.statusCode).toBe(201);
      expect(await offersOf(journeyId)).toEqual([
        expect.objectContaining({ placementId, endedOn: '2026-11-20', endCause: 'completed', active: false }),
      ]);
    });

    it('an exit stops the running offers and the placement offer with them', async () => {
      const { journeyId } = await activeJourney();
      await startPlacement(journeyId, 'internship');
      const recorded = await inject('POST', `/api/journeys/${journeyId}/offers`, {
        kind: 'mentor',
        provider: 'Mentor Mette',
        startDate: '2026-11-13',
        hoursPerWeek: 2,
      });
      expect(recorded.statusCode).toBe(201);
      const exited = await sendEvent(ctx.app, headers(), journeyId, {
        type: 'EXITED',
        outcome: 'job',
        occurredAt: '2026-11-21T12:00:00+01:00',
      });
      expect(exited.statusCode).toBe(201);
      const offers = await offersOf(journeyId);
      expect(offers.map((o: { endedOn: string; endCause: string }) => [o.endedOn, o.endCause])).toEqual([
        ['2026-11-21', 'stopped'],
        ['2026-11-21', 'stopped'],
      ]);
    });

    it('the offer follows a change of the placement hours and planned end', async () => {
      const { journeyId } = await activeJourney();
      const placementId = await startPlacement(journeyId, 'internship');
      const patched = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/placements/${placementId}`,
        headers: headers(),
        payload: { version: 1, hoursPerWeek: 20, plannedEnd: '2027-02-28' },
      });
      expect(patched.statusCode).toBe(200);
      expect(await offersOf(journeyId)).toEqual([
        expect.objectContaining({ hoursPerWeek: 20, plannedEnd: '2027-02-28' }),
      ]);
    });
  });

  describe('offers recorded on their own', () => {
    it('records brobygning as vejledning og opkvalificering and ends it', async () => {
      const { journeyId } = await activeJourney();
      const recorded = await inject('POST', `/api/journeys/${journeyId}/offers`, {
        kind: 'guidance_upskilling',
        subtype: 'bridge_building',
        provider: 'Roskilde Tekniske Skole',
        startDate: '2026-11-16',
        plannedEnd: '2026-12-11',
      });
      expect(recorded.statusCode).toBe(201);
      const offer = recorded.json();
      expect(offer).toMatchObject({ kind: 'guidance_upskilling', subtype: 'bridge_building', version: 1 });

      const ended = await inject('POST', `/api/offers/${offer.id}/end`, {
        version: 1,
        endedOn: '2026-11-20',
        cause: 'stopped',
      });
      expect(ended.statusCode).toBe(200);
      expect(ended.json()).toMatchObject({ endedOn: '2026-11-20', endCause: 'stopped', active: false, version: 2 });
    });

    it('reports every wrong field at once, in Danish', async () => {
      const { journeyId } = await activeJourney();
      const refused = await inject('POST', `/api/journeys/${journeyId}/offers`, {
        kind: 'mentor',
        subtype: 'bridge_building',
        startDate: '2026-11-20',
        plannedEnd: '2026-11-19',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toEqual([
        { field: 'subtype', message: 'Kun vejledning og opkvalificering har en undertype.' },
        { field: 'hoursPerWeek', message: 'Skriv, hvor mange timer om ugen mentorstøtten er bevilget til.' },
        { field: 'plannedEnd', message: 'Den planlagte slutdato kan ikke ligge før startdatoen.' },
      ]);
      expect(await offersOf(journeyId)).toEqual([]);
    });

    it('asks for the kind of vejledning og opkvalificering', async () => {
      const { journeyId } = await activeJourney();
      const refused = await inject('POST', `/api/journeys/${journeyId}/offers`, {
        kind: 'guidance_upskilling',
        startDate: '2026-11-20',
      });
      expect(refused.json().error.details).toEqual([
        { field: 'subtype', message: 'Vælg, hvilken slags vejledning og opkvalificering det er.' },
      ]);
    });

    it('refuses an internship recorded by hand: it is recorded as a placement', async () => {
      const { journeyId } = await activeJourney();
      const refused = await inject('POST', `/api/journeys/${journeyId}/offers`, {
        kind: 'internship',
        startDate: '2026-11-20',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual(['kind']);
    });

    it('refuses an offer starting before the first contact', async () => {
      const { journeyId } = await activeJourney();
      const refused = await inject('POST', `/api/journeys/${journeyId}/offers`, {
        kind: 'utility_work',
        startDate: '2026-11-01',
      });
      expect(refused.json().error.details).toEqual([
        { field: 'startDate', message: 'Tilbuddet kan ikke starte før den første kontakt (2026-11-10).' },
      ]);
    });

    it('refuses to end a placement offer by hand: the placement ends it', async () => {
      const { journeyId } = await activeJourney();
      await startPlacement(journeyId, 'internship');
      const [offer] = await offersOf(journeyId);
      const refused = await inject('POST', `/api/offers/${offer.id}/end`, {
        version: 1,
        endedOn: '2026-11-20',
        cause: 'completed',
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.details[0].message).toMatch(/Afslut praktikken i stedet/);
      expect((await offersOf(journeyId))[0].active).toBe(true);
    });

    it('refuses an end made against an old version and keeps the offer as the other change left it', async () => {
      const { journeyId } = await activeJourney();
      const offer = (
        await inject('POST', `/api/journeys/${journeyId}/offers`, { kind: 'utility_work', startDate: '2026-11-16' })
      ).json();
      const first = await inject('POST', `/api/offers/${offer.id}/end`, {
        version: 1,
        endedOn: '2026-11-18',
        cause: 'completed',
      });
      expect(first.statusCode).toBe(200);
      const stale = await inject('POST', `/api/offers/${offer.id}/end`, {
        version: 1,
        endedOn: '2026-11-20',
        cause: 'stopped',
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
      expect((await offersOf(journeyId))[0]).toMatchObject({ endedOn: '2026-11-18', endCause: 'completed' });
    });

    it("keeps another municipality's offers out of sight", async () => {
      const { journeyId } = await activeJourney();
      const offer = (
        await inject('POST', `/api/journeys/${journeyId}/offers`, { kind: 'utility_work', startDate: '2026-11-16' })
      ).json();
      const foreign = other.caseworker.headers;
      expect((await inject('GET', `/api/journeys/${journeyId}/offers`, undefined, foreign)).statusCode).toBe(404);
      expect(
        (
          await inject(
            'POST',
            `/api/journeys/${journeyId}/offers`,
            { kind: 'utility_work', startDate: '2026-11-16' },
            foreign,
          )
        ).statusCode,
      ).toBe(404);
      const end = await inject(
        'POST',
        `/api/offers/${offer.id}/end`,
        { version: 1, endedOn: '2026-11-20', cause: 'completed' },
        foreign,
      );
      expect(end.statusCode).toBe(404);
      expect((await offersOf(journeyId))[0].active).toBe(true);
    });
  });

  describe('the education injunction', () => {
    it('is given to an education-ready youth, one in force at a time, and can be ended', async () => {
      const { journeyId } = await activeJourney(educationReady);
      const given = await inject('POST', `/api/journeys/${journeyId}/education-injunctions`, {
        givenOn: '2026-11-18',
        goal: 'EUD: tømrer',
        startBy: '2027-01-04',
      });
      expect(given.statusCode).toBe(201);
      expect(given.json()).toMatchObject({ givenOn: '2026-11-18', goal: 'EUD: tømrer', inForce: true, version: 1 });

      const second = await inject('POST', `/api/journeys/${journeyId}/education-injunctions`, {
        givenOn: '2026-11-19',
        goal: 'HF',
      });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.details[0].message).toBe(
        'Den unge har allerede et uddannelsespålæg, der gælder (givet 2026-11-18). Afslut det, før der gives et nyt.',
      );

      const ended = await inject('POST', `/api/education-injunctions/${given.json().id}/end`, {
        version: 1,
        endedOn: '2026-11-20',
      });
      expect(ended.statusCode).toBe(200);
      expect(ended.json()).toMatchObject({ endedOn: '2026-11-20', inForce: false });
      const again = await inject('POST', `/api/journeys/${journeyId}/education-injunctions`, {
        givenOn: '2026-11-21',
        goal: 'HF',
      });
      expect(again.statusCode).toBe(201);
    });

    it('is given to an activity-ready youth too: LAB § 30 covers § 6, nr. 4 and 5', async () => {
      const { journeyId } = await activeJourney();
      const given = await inject('POST', `/api/journeys/${journeyId}/education-injunctions`, {
        givenOn: '2026-11-18',
        goal: 'Erhvervsuddannelse som tømrer',
      });
      expect(given.statusCode).toBe(201);
    });

    it('is refused for a job-ready youth (a completed vocational education), in Danish, and nothing is recorded', async () => {
      // Job-ready with a considerable social barrier: in the target group (rules/README.md).
      const { journeyId } = await activeJourney({
        category: 'job_ready',
        barriers: ['social'],
        considerableBarriers: ['social'],
        profile: 'B',
        questionnaire: questionnaireAnswers({ highest_education: 'vocational' }),
        overrideReason: 'Uddannet tømrer; de sociale problemer er under kontrol, så jobsøgning er realistisk',
      });
      const refused = await inject('POST', `/api/journeys/${journeyId}/education-injunctions`, {
        givenOn: '2026-11-18',
        goal: 'Erhvervsuddannelse som tømrer',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toEqual([
        {
          field: 'givenOn',
          message:
            'Et uddannelsespålæg kan ikke gives til en ung, der er visiteret »Jobparat«, efter de regler, der gælder på ' +
            'dagen (Lov om en aktiv beskæftigelsesindsats (LAB) med kontanthjælpsreformen fra 1. juli 2025).',
        },
      ]);
      const list = await inject('GET', `/api/journeys/${journeyId}/education-injunctions`);
      expect(list.json().items).toEqual([]);
    });

    it('is refused from the day the 2027 act takes over, which abolishes it (reform agreement, 9 April 2025)', async () => {
      const { journeyId } = await activeJourney(educationReady);
      ctx.setNow(new Date('2027-01-05T10:00:00Z'));
      try {
        // The session of November has expired by January: log in again.
        const january = await loginAs(ctx.app, unit.caseworker);
        const give = (givenOn: string) =>
          inject('POST', `/api/journeys/${journeyId}/education-injunctions`, { givenOn, goal: 'HF' }, january);
        const refused = await give('2027-01-04');
        expect(refused.statusCode).toBe(400);
        expect(refused.json().error.details[0].message).toContain('Ny hovedlov om en aktiv beskæftigelsesindsats');
        const before = await give('2026-12-30');
        expect(before.statusCode).toBe(201);
      } finally {
        ctx.setNow(NOW);
      }
    });
  });

  describe('the plan', () => {
    const planText = async (journeyId: string) => {
      const response = await inject('GET', `/api/journeys/${journeyId}/plan.pdf`);
      expect(response.statusCode).toBe(200);
      return pdfText(response.rawPayload);
    };

    it('lists the running offers and the injunction in force to the youth, and leaves ended ones out', async () => {
      const { journeyId } = await activeJourney(educationReady);
      await startPlacement(journeyId, 'internship');
      const record = (body: Record<string, unknown>) => inject('POST', `/api/journeys/${journeyId}/offers`, body);
      await record({ kind: 'mentor', provider: 'Mentor Mette', startDate: '2026-11-13', hoursPerWeek: 2 });
      await record({
        kind: 'guidance_upskilling',
        subtype: 'bridge_building',
        provider: 'Roskilde Tekniske Skole',
        startDate: '2026-11-30',
        plannedEnd: '2026-12-11',
      });
      const ended = (await record({ kind: 'utility_work', startDate: '2026-11-13' })).json();
      await inject('POST', `/api/offers/${ended.id}/end`, { version: 1, endedOn: '2026-11-14', cause: 'completed' });
      await inject('POST', `/api/journeys/${journeyId}/education-injunctions`, {
        givenOn: '2026-11-18',
        goal: 'EUD: tømrer',
        startBy: '2027-01-04',
      });

      const text = await planText(journeyId);
      expect(text).toContain('Mine tilbud');
      expect(text).toContain(
        'Du har fået et uddannelsespålæg onsdag den 18. november 2026. Det betyder, at du skal i gang med en ' +
          'uddannelse. Dit mål er: EUD: tømrer. Du skal starte senest mandag den 4. januar 2027.',
      );
      expect(text).toContain(
        'Du er i virksomhedspraktik. Hvem: Roskilde Cykler ApS Fra 16. november 2026 til 31. januar 2027 12 timer om ugen',
      );
      expect(text).toContain(
        'Du har en mentor, som hjælper dig. Hvem: Mentor Mette Fra 13. november 2026 2 timer om ugen',
      );
      expect(text).toContain(
        'Du får vejledning og opkvalificering. Du er i brobygning, så du kan prøve en uddannelse. ' +
          'Hvem: Roskilde Tekniske Skole Fra 30. november 2026 til 11. december 2026',
      );
      expect(text).not.toContain('nytteindsats');
    });

    it('says so when the youth has no offer yet', async () => {
      const { journeyId } = await activeJourney();
      expect(await planText(journeyId)).toContain('Du har ikke fået et tilbud endnu. Vi finder det rigtige sammen.');
    });
  });
});
