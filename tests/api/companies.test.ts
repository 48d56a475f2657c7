import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCompany, newCvr, newGroup, newUnit, newYouth } from '../support/factories.ts';
import { bringIntoGroup, openJourney, sendEvent } from '../support/journeys.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

describe.each(engines)('companies and the company network on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let other: Awaited<ReturnType<typeof newUnit>>;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    other = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const headers = () => unit.caseworker.headers;
  type Headers = { cookie: string };
  const request = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, h?: Headers) =>
    ctx.app.inject({ method, url, headers: h ?? headers(), ...(payload ? { payload } : {}) });

  async function createCompany(overrides: Record<string, unknown> = {}, h?: Headers) {
    const response = await request(
      'POST',
      '/api/companies',
      { name: 'Bageriet Roskilde ApS', cvr: newCvr(), industry: 'Fødevarer', placementCapacity: 2, ...overrides },
      h,
    );
    if (response.statusCode !== 201) throw new Error(`create company failed: ${response.statusCode} ${response.body}`);
    return response.json<{ id: string; name: string; cvr: string; version: number }>();
  }

  /** The audit entries of one action, as a leader reads them. */
  async function auditEntries(action: string) {
    const response = await request('GET', `/api/audit?action=${action}&pageSize=100`, undefined, unit.leader.headers);
    expect(response.statusCode).toBe(200);
    return response.json<{ items: Array<{ userId: string; details: Record<string, unknown> }> }>().items;
  }

  describe('companies', () => {
    it('registers a company and answers 201 with its fields and version 1', async () => {
      const response = await request('POST', '/api/companies', {
        name: 'Tømrer Hansen ApS',
        cvr: '2425 6790',
        industry: 'Byggeri',
        address: 'Algade 12, 4000 Roskilde',
        placementCapacity: 3,
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        name: 'Tømrer Hansen ApS',
        cvr: '24256790',
        industry: 'Byggeri',
        address: 'Algade 12, 4000 Roskilde',
        placementCapacity: 3,
        active: true,
        version: 1,
      });
    });

    it.each([
      ['1234567', 'CVR-nummeret skal være 8 cifre.'],
      ['123456789', 'CVR-nummeret skal være 8 cifre.'],
      ['1234567A', 'CVR-nummeret skal være 8 cifre.'],
      ['12345678', 'CVR-nummeret er ikke gyldigt.'],
    ])('refuses CVR %s with the Danish field error "%s"', async (cvr, message) => {
      const response = await request('POST', '/api/companies', { name: 'Forkert ApS', cvr });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'validation_failed',
        details: [{ field: 'cvr', message }],
      });
    });

    it('gives the CVR field error in English when asked to', async () => {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/companies?lang=en',
        headers: headers(),
        payload: { name: 'Wrong ApS', cvr: '12345678' },
      });
      expect(response.json().error.details).toEqual([{ field: 'cvr', message: 'The CVR number is not valid.' }]);
    });

    it('answers 409 with the existing company id when the CVR is registered already', async () => {
      const first = await createCompany();
      const again = await request('POST', '/api/companies', { name: 'Samme CVR A/S', cvr: first.cvr });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({
        code: 'conflict',
        existingCompanyId: first.id,
        details: [{ field: 'cvr', message: 'Der findes allerede en virksomhed med dette CVR-nummer.' }],
      });
    });

    it('lets another municipality register the same CVR for its own network', async () => {
      const first = await createCompany();
      const response = await request(
        'POST',
        '/api/companies',
        { name: 'Samme firma', cvr: first.cvr },
        other.caseworker.headers,
      );
      expect(response.statusCode).toBe(201);
    });

    it('finds companies by part of the name and by active', async () => {
      const tag = `Søg${Date.now()}`;
      const active = await createCompany({ name: `Cafe ${tag} Nord` });
      const inactive = await createCompany({ name: `Cafe ${tag} Syd`, active: false });
      await createCompany({ name: 'Helt Andet ApS' });
      const all = await request('GET', `/api/companies?query=${encodeURIComponent(tag.toLowerCase())}`);
      expect(all.statusCode).toBe(200);
      expect(all.json().items.map((c: { id: string }) => c.id)).toEqual([active.id, inactive.id]);
      expect(all.json().total).toBe(2);
      const onlyActive = await request('GET', `/api/companies?query=${encodeURIComponent(tag)}&active=true`);
      expect(onlyActive.json().items.map((c: { id: string }) => c.id)).toEqual([active.id]);
    });

    /** A youth in a network group who starts a placement at the company; answers the placement's id. */
    async function placeAt(companyId: string): Promise<{ journeyId: string; placementId: string }> {
      const h = headers();
      const youth = await newYouth(ctx.app, h);
      const journey = await openJourney(ctx.app, h, youth.id);
      const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
      await bringIntoGroup(ctx.app, h, journey.id, group.id);
      const started = await sendEvent(ctx.app, h, journey.id, {
        type: 'PLACEMENT_STARTED',
        companyId,
        kind: 'internship',
        hoursPerWeek: 20,
        occurredAt: '2026-11-09T09:00:00Z',
      });
      if (started.statusCode !== 201) throw new Error(`PLACEMENT_STARTED: ${started.body}`);
      return { journeyId: journey.id, placementId: started.json().context.currentPlacement.placementId };
    }

    it('lists each company with its current contact persons and the youth placed there now', async () => {
      const tag = `Tæl${Date.now()}`;
      const busy = await createCompany({ name: `${tag} Travl`, placementCapacity: 3 });
      const quiet = await createCompany({ name: `${tag} Stille` });
      for (const name of ['Anna', 'Bent', 'Carl']) {
        await request('POST', `/api/companies/${busy.id}/contacts`, { name });
      }
      const removed = (await request('POST', `/api/companies/${busy.id}/contacts`, { name: 'Dorte' })).json();
      await request('DELETE', `/api/companies/${busy.id}/contacts/${removed.id}`);
      await placeAt(busy.id);
      const ended = await placeAt(busy.id);
      const end = await sendEvent(ctx.app, headers(), ended.journeyId, {
        type: 'PLACEMENT_ENDED',
        placementId: ended.placementId,
        occurredAt: '2026-11-20T09:00:00Z',
      });
      expect(end.statusCode).toBe(201);

      const response = await request('GET', `/api/companies?query=${encodeURIComponent(tag)}`);
      expect(response.statusCode).toBe(200);
      expect(
        response
          .json<{
            items: Array<{ id: string; contactCount: number; placedCount: number; placementCapacity: number }>;
          }>()
          .items.map((c) => [c.id, c.contactCount, c.placedCount, c.placementCapacity]),
      ).toEqual([
        [quiet.id, 0, 0, 2],
        [busy.id, 3, 1, 3],
      ]);
    });

    it('changes a company with the version it was read at and moves the version on', async () => {
      const company = await createCompany();
      const response = await request('PATCH', `/api/companies/${company.id}`, {
        version: 1,
        placementCapacity: 5,
        address: 'Ny vej 1, 4000 Roskilde',
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ placementCapacity: 5, address: 'Ny vej 1, 4000 Roskilde', version: 2 });
    });

    it('answers 409 version_conflict with the current version for a change made against an old version', async () => {
      const company = await createCompany();
      await request('PATCH', `/api/companies/${company.id}`, { version: 1, name: 'Første ændring' });
      const stale = await request('PATCH', `/api/companies/${company.id}`, { version: 1, name: 'Anden ændring' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({
        code: 'version_conflict',
        currentVersion: 2,
        message: 'Oplysningerne er ændret af en anden i mellemtiden. Hent dem igen.',
      });
      const read = await request('GET', `/api/companies/${company.id}`);
      expect(read.json().name).toBe('Første ændring');
    });

    it("refuses changing the CVR to another company's with 409 and that company's id", async () => {
      const first = await createCompany();
      const second = await createCompany();
      const response = await request('PATCH', `/api/companies/${second.id}`, { version: 1, cvr: first.cvr });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.existingCompanyId).toBe(first.id);
    });

    it('answers 404 to another municipality reading, changing or adding contacts to a company', async () => {
      const company = await createCompany();
      const h = other.caseworker.headers;
      expect((await request('GET', `/api/companies/${company.id}`, undefined, h)).statusCode).toBe(404);
      expect(
        (await request('PATCH', `/api/companies/${company.id}`, { version: 1, name: 'Overtaget' }, h)).statusCode,
      ).toBe(404);
      expect((await request('POST', `/api/companies/${company.id}/contacts`, { name: 'Ukendt' }, h)).statusCode).toBe(
        404,
      );
      const list = await request('GET', '/api/companies?pageSize=100', undefined, h);
      expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(company.id);
    });

    it('keeps the company register from the administrator (403)', async () => {
      const response = await request('GET', '/api/companies', undefined, unit.admin.headers);
      expect(response.statusCode).toBe(403);
    });

    it('audits registering and changing a company', async () => {
      const company = await createCompany();
      await request('PATCH', `/api/companies/${company.id}`, { version: 1, industry: 'Handel' });
      const created = await auditEntries('company.created');
      expect(created.find((e) => e.details.companyId === company.id)).toMatchObject({ userId: unit.caseworker.id });
      const updated = await auditEntries('company.updated');
      expect(updated.find((e) => e.details.companyId === company.id)?.details).toMatchObject({ fields: ['industry'] });
    });
  });

  describe('contact persons', () => {
    it('adds contact persons and shows them with the company', async () => {
      const company = await createCompany();
      const added = await request('POST', `/api/companies/${company.id}/contacts`, {
        name: 'Mette Holm',
        title: 'Butikschef',
        phone: '+45 20 30 40 50',
        email: 'mette@bageriet.dk',
      });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({
        companyId: company.id,
        name: 'Mette Holm',
        title: 'Butikschef',
        version: 1,
      });
      await request('POST', `/api/companies/${company.id}/contacts`, { name: 'Anders Berg' });
      const read = await request('GET', `/api/companies/${company.id}`);
      expect(read.json().contacts.map((c: { name: string }) => c.name)).toEqual(['Anders Berg', 'Mette Holm']);
    });

    it('refuses a contact with a malformed e-mail with a Danish field error', async () => {
      const company = await createCompany();
      const response = await request('POST', `/api/companies/${company.id}/contacts`, { name: 'Ole', email: 'ole@' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'email', message: 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.' },
      ]);
    });

    it('changes a contact with its version and refuses an old version with 409', async () => {
      const company = await createCompany();
      const contact = (await request('POST', `/api/companies/${company.id}/contacts`, { name: 'Kim' })).json();
      const url = `/api/companies/${company.id}/contacts/${contact.id}`;
      const changed = await request('PATCH', url, { version: 1, title: 'Værkfører' });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ title: 'Værkfører', version: 2 });
      const stale = await request('PATCH', url, { version: 1, title: 'Direktør' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    });

    it('removes a contact from the company with 204, and a second removal answers 404', async () => {
      const company = await createCompany();
      const contact = (await request('POST', `/api/companies/${company.id}/contacts`, { name: 'Sanne' })).json();
      const url = `/api/companies/${company.id}/contacts/${contact.id}`;
      expect((await request('DELETE', url)).statusCode).toBe(204);
      expect((await request('GET', `/api/companies/${company.id}`)).json().contacts).toEqual([]);
      expect((await request('DELETE', url)).statusCode).toBe(404);
    });

    it("answers 404 for a contact addressed through another company's id", async () => {
      const company = await createCompany();
      const elsewhere = await createCompany();
      const contact = (await request('POST', `/api/companies/${company.id}/contacts`, { name: 'Per' })).json();
      const response = await request('PATCH', `/api/companies/${elsewhere.id}/contacts/${contact.id}`, {
        version: 1,
        name: 'Flyttet',
      });
      expect(response.statusCode).toBe(404);
    });

    it('audits adding, changing and removing a contact', async () => {
      const company = await createCompany();
      const contact = (await request('POST', `/api/companies/${company.id}/contacts`, { name: 'Lis' })).json();
      const url = `/api/companies/${company.id}/contacts/${contact.id}`;
      await request('PATCH', url, { version: 1, phone: '12345678' });
      await request('DELETE', url);
      const changes = (await auditEntries('company.updated'))
        .filter((e) => e.details.contactId === contact.id)
        .map((e) => e.details.change);
      expect(changes.sort()).toEqual(['contact_added', 'contact_removed', 'contact_updated']);
    });
  });

  describe('company network meetings', () => {
    it('records a meeting with the companies that attended, by name', async () => {
      const a = await newCompany(ctx.db, { municipalityId: unit.municipality.id, name: 'Aa Bilværksted' });
      const b = await newCompany(ctx.db, { municipalityId: unit.municipality.id, name: 'Bb Blomster' });
      const response = await request('POST', '/api/company-meetings', {
        date: '2026-11-18',
        place: 'Jobcentret, kantinen',
        note: 'Tema: praktik for unge med angst',
        companyIds: [b.id, a.id],
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        date: '2026-11-18',
        place: 'Jobcentret, kantinen',
        note: 'Tema: praktik for unge med angst',
        attendees: [
          { id: a.id, name: 'Aa Bilværksted' },
          { id: b.id, name: 'Bb Blomster' },
        ],
        version: 1,
      });
      const read = await request('GET', `/api/company-meetings/${response.json().id}`);
      expect(read.json().attendees).toHaveLength(2);
    });

    it('replaces the attendance with exactly the companies named', async () => {
      const a = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const b = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const meeting = (
        await request('POST', '/api/company-meetings', { date: '2026-10-01', place: 'Hos Bb', companyIds: [a.id] })
      ).json();
      const response = await request('PUT', `/api/company-meetings/${meeting.id}/attendance`, { companyIds: [b.id] });
      expect(response.statusCode).toBe(200);
      expect(response.json().attendees.map((c: { id: string }) => c.id)).toEqual([b.id]);
      expect(response.json().version).toBe(2);
    });

    it('refuses attendance by a company of another municipality with a field error at its position', async () => {
      const own = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const foreign = await newCompany(ctx.db, { municipalityId: other.municipality.id });
      const meeting = (
        await request('POST', '/api/company-meetings', { date: '2026-10-02', place: 'Rådhuset' })
      ).json();
      const response = await request('PUT', `/api/company-meetings/${meeting.id}/attendance`, {
        companyIds: [own.id, foreign.id],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'companyIds.1', message: 'Virksomheden findes ikke i kommunens netværk.' },
      ]);
    });

    it('refuses a company named twice in the attendance', async () => {
      const a = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const response = await request('POST', '/api/company-meetings', {
        date: '2026-10-03',
        place: 'Rådhuset',
        companyIds: [a.id, a.id],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'companyIds.1', message: 'Virksomheden er allerede nævnt.' },
      ]);
    });

    it('refuses attendance taken against an old version of the meeting with 409', async () => {
      const meeting = (await request('POST', '/api/company-meetings', { date: '2026-10-04', place: 'Hal 2' })).json();
      await request('PUT', `/api/company-meetings/${meeting.id}/attendance`, { companyIds: [], version: 1 });
      const stale = await request('PUT', `/api/company-meetings/${meeting.id}/attendance`, {
        companyIds: [],
        version: 1,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.currentVersion).toBe(2);
    });

    it('lists the meetings of a period, newest first, with how many companies attended', async () => {
      const own = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const h = unit.leader.headers;
      const early = (
        await request('POST', '/api/company-meetings', { date: '2026-03-10', place: 'A', companyIds: [own.id] }, h)
      ).json();
      const late = (await request('POST', '/api/company-meetings', { date: '2026-05-12', place: 'B' }, h)).json();
      await request('POST', '/api/company-meetings', { date: '2026-07-01', place: 'C' }, h);
      const response = await request('GET', '/api/company-meetings?from=2026-03-10&to=2026-05-12', undefined, h);
      expect(response.statusCode).toBe(200);
      expect(response.json().items).toEqual([
        expect.objectContaining({ id: late.id, attendeeCount: 0 }),
        expect.objectContaining({ id: early.id, attendeeCount: 1 }),
      ]);
    });

    it('lists the meetings a company attended', async () => {
      const own = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const elsewhere = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const attended = (
        await request('POST', '/api/company-meetings', {
          date: '2026-09-01',
          place: 'Rådhuset',
          companyIds: [own.id, elsewhere.id],
        })
      ).json();
      await request('POST', '/api/company-meetings', {
        date: '2026-09-02',
        place: 'Rådhuset',
        companyIds: [elsewhere.id],
      });
      const later = (await request('POST', '/api/company-meetings', { date: '2026-09-03', place: 'Hallen' })).json();
      await request('PUT', `/api/company-meetings/${later.id}/attendance`, { companyIds: [own.id], version: 1 });
      const response = await request('GET', `/api/company-meetings?companyId=${own.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().items.map((m: { id: string }) => m.id)).toEqual([later.id, attended.id]);
      expect(response.json().total).toBe(2);
    });

    it('answers 404 to another municipality reading or taking attendance at a meeting', async () => {
      const meeting = (await request('POST', '/api/company-meetings', { date: '2026-10-05', place: 'Hal 3' })).json();
      const foreign = await newCompany(ctx.db, { municipalityId: other.municipality.id });
      const h = other.caseworker.headers;
      expect((await request('GET', `/api/company-meetings/${meeting.id}`, undefined, h)).statusCode).toBe(404);
      const put = await request(
        'PUT',
        `/api/company-meetings/${meeting.id}/attendance`,
        { companyIds: [foreign.id] },
        h,
      );
      expect(put.statusCode).toBe(404);
    });

    it('audits recording a meeting and its attendance', async () => {
      const a = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
      const meeting = (await request('POST', '/api/company-meetings', { date: '2026-10-06', place: 'Hal 4' })).json();
      await request('PUT', `/api/company-meetings/${meeting.id}/attendance`, { companyIds: [a.id] });
      const entries = (await auditEntries('company.meeting_recorded')).filter(
        (e) => e.details.meetingId === meeting.id,
      );
      expect(entries.map((e) => e.details.change).sort()).toEqual(['attendance', 'created']);
      expect(entries.find((e) => e.details.change === 'attendance')?.details).toMatchObject({ added: [a.id] });
    });
  });
});
