import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newCpr, newUnit, newYouth } from '../support/factories.ts';

describe.each(engines)('youth registry on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: new Date('2026-11-22T10:00:00Z') });
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const headers = () => unit.caseworker.headers;

  it('registers a youth and answers 201 with the CPR masked and the age derived', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/youth',
      headers: headers(),
      payload: {
        name: 'Sofie Æblerød',
        cpr: '150504-4321',
        phone: '+45 12 34 56 78',
        email: 'sofie@example.dk',
        address: 'Øster Allé 3, 4000 Roskilde',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: 'Sofie Æblerød',
      cpr: '150504-XXXX',
      birthDate: '2004-05-15',
      age: 22,
      phone: '+45 12 34 56 78',
      email: 'sofie@example.dk',
      address: 'Øster Allé 3, 4000 Roskilde',
      version: 1,
    });
    expect(response.body).not.toContain('4321');
  });

  it('stores the CPR number encrypted: neither the number nor its digits appear in the row', async () => {
    const youth = await newYouth(ctx.app, headers(), { cpr: '020305-4987' });
    const row = await ctx.db.selectFrom('youth').selectAll().where('id', '=', youth.id).executeTakeFirstOrThrow();
    // The ids are random hex and may hold any four digits; everything else in the row is checked.
    const { id: _id, municipality_id: _municipality, ...fields } = row;
    const stored = JSON.stringify(fields);
    expect(stored).not.toContain('0203054987');
    expect(stored).not.toContain('020305-4987');
    expect(stored).not.toContain('4987');
    expect(row.cpr_encrypted).toMatch(/^v1:/);
  });

  it('shows the full CPR number only on ?reveal=cpr', async () => {
    const youth = await newYouth(ctx.app, headers(), { cpr: '241203-4555' });
    const masked = await ctx.app.inject({ method: 'GET', url: `/api/youth/${youth.id}`, headers: headers() });
    expect(masked.json().cpr).toBe('241203-XXXX');
    const revealed = await ctx.app.inject({
      method: 'GET',
      url: `/api/youth/${youth.id}?reveal=cpr`,
      headers: headers(),
    });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json().cpr).toBe('241203-4555');
  });

  it.each([
    ['310204-1234', 'CPR-nummeret indeholder ikke en gyldig fødselsdato.'],
    ['001304-4000', 'CPR-nummeret indeholder ikke en gyldig fødselsdato.'],
    ['15050443', 'CPR-nummeret skal have formen DDMMÅÅ-XXXX eller 10 cifre.'],
    ['150504-43210', 'CPR-nummeret skal have formen DDMMÅÅ-XXXX eller 10 cifre.'],
    ['15O504-4321', 'CPR-nummeret skal have formen DDMMÅÅ-XXXX eller 10 cifre.'],
    ['abcdefghij', 'CPR-nummeret skal have formen DDMMÅÅ-XXXX eller 10 cifre.'],
    ['010130-5000', 'CPR-nummerets fødselsdato ligger i fremtiden.'],
  ])('refuses CPR %s with a field error in Danish', async (cpr, message) => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/youth',
      headers: headers(),
      payload: { name: 'X', cpr },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Nogle felter er ikke udfyldt korrekt.',
        details: [{ field: 'cpr', message }],
      },
    });
  });

  it('names every bad field at once, in English when asked', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/youth?lang=en',
      headers: headers(),
      payload: { name: '  ', cpr: '12', email: 'not-an-email', phone: 'call me', shoeSize: 44 },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.message).toBe('Some fields are not filled in correctly.');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'Must not be empty.' },
        { field: 'cpr', message: 'The CPR number must have the form DDMMYY-XXXX or 10 digits.' },
        { field: 'email', message: 'Write a valid e-mail address, e.g. name@municipality.dk.' },
        { field: 'phone', message: 'The phone number may only contain digits, spaces, + and -.' },
        { field: 'shoeSize', message: 'Unknown field.' },
      ]),
    );
    expect(error.details).toHaveLength(5);
  });

  it('answers 409 with the existing youth id for the same CPR twice, with or without the dash', async () => {
    const first = await newYouth(ctx.app, headers(), { cpr: '111104-4111' });
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/youth',
      headers: headers(),
      payload: { name: 'Y', cpr: '1111044111' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'duplicate_cpr', existingYouthId: first.id });
  });

  it('lets two municipalities register the same CPR number independently', async () => {
    const other = await newUnit(ctx.app, ctx.db);
    await newYouth(ctx.app, headers(), { cpr: '121204-4121' });
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/youth',
      headers: other.caseworker.headers,
      payload: { name: 'Z', cpr: '121204-4121' },
    });
    expect(response.statusCode).toBe(201);
  });

  it('finds youth by part of the name, case-insensitively, and by CPR in either form', async () => {
    const marker = `Kvist${Date.now()}`;
    const a = await newYouth(ctx.app, headers(), { name: `Ida ${marker}`, cpr: '050605-4050' });
    await newYouth(ctx.app, headers(), { name: `Ole ${marker}` });
    const byName = await ctx.app.inject({
      method: 'GET',
      url: `/api/youth?query=${marker.toLowerCase()}`,
      headers: headers(),
    });
    expect(byName.json().total).toBe(2);
    for (const q of ['050605-4050', '0506054050']) {
      const byCpr = await ctx.app.inject({ method: 'GET', url: `/api/youth?query=${q}`, headers: headers() });
      expect(byCpr.json().items.map((y: { id: string }) => y.id)).toEqual([a.id]);
    }
    const wildcard = await ctx.app.inject({ method: 'GET', url: '/api/youth?query=%25', headers: headers() });
    expect(wildcard.json().total).toBe(0);
  });

  it('paginates search results', async () => {
    const marker = `Side${Date.now()}`;
    for (let i = 0; i < 5; i++) await newYouth(ctx.app, headers(), { name: `${marker} ${i}` });
    const page1 = await ctx.app.inject({
      method: 'GET',
      url: `/api/youth?query=${marker}&pageSize=2&page=1`,
      headers: headers(),
    });
    const page3 = await ctx.app.inject({
      method: 'GET',
      url: `/api/youth?query=${marker}&pageSize=2&page=3`,
      headers: headers(),
    });
    expect(page1.json()).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(page1.json().items.map((y: { name: string }) => y.name)).toEqual([`${marker} 0`, `${marker} 1`]);
    expect(page3.json().items.map((y: { name: string }) => y.name)).toEqual([`${marker} 4`]);
  });

  it('changes a youth with the current version and refuses a stale version with 409', async () => {
    const youth = await newYouth(ctx.app, headers());
    const changed = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/youth/${youth.id}`,
      headers: headers(),
      payload: { version: 1, phone: '87654321', address: '' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, phone: '87654321', address: null });

    const stale = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/youth/${youth.id}`,
      headers: headers(),
      payload: { version: 1, name: 'Nyt navn' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    const reread = await ctx.app.inject({ method: 'GET', url: `/api/youth/${youth.id}`, headers: headers() });
    expect(reread.json().name).toBe(youth.name);
  });

  it('changes only what differs: the same details again write nothing, and the log names the changed fields', async () => {
    const youth = await newYouth(ctx.app, headers(), { phone: '11223344', email: 'ida@example.dk' });
    const patch = (payload: Record<string, unknown>) =>
      ctx.app.inject({ method: 'PATCH', url: `/api/youth/${youth.id}`, headers: headers(), payload });
    // A form sends every field: only the e-mail is new.
    const changed = await patch({
      version: 1,
      name: youth.name,
      phone: '11223344',
      email: 'ida.holm@example.dk',
      address: '',
    });
    expect(changed.json()).toMatchObject({ version: 2, email: 'ida.holm@example.dk', address: null });
    const same = await patch({ version: 2, name: youth.name, phone: '11223344', email: 'ida.holm@example.dk' });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ version: 2, email: 'ida.holm@example.dk' });
    // Unchanged details against a stale version are still a conflict: the page must show what is stored.
    expect((await patch({ version: 1, name: youth.name })).statusCode).toBe(409);
    const logged = await ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('youth_id', '=', youth.id)
      .where('action', '=', 'youth.updated')
      .execute();
    expect(logged.map((row) => row.details)).toEqual([{ fields: ['email'] }]);
  });

  it('corrects a CPR number and re-derives the birth date', async () => {
    const youth = await newYouth(ctx.app, headers(), { cpr: '010101-4001' });
    const changed = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/youth/${youth.id}`,
      headers: headers(),
      payload: { version: 1, cpr: '020202-4002' },
    });
    expect(changed.json()).toMatchObject({ cpr: '020202-XXXX', birthDate: '2002-02-02' });
  });

  it('refuses to change a CPR number into one another youth has', async () => {
    const taken = await newYouth(ctx.app, headers());
    const youth = await newYouth(ctx.app, headers());
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/youth/${youth.id}`,
      headers: headers(),
      payload: { version: 1, cpr: taken.enteredCpr },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'duplicate_cpr', existingYouthId: taken.id });
  });

  it('lets a leader read youth but not an administrator', async () => {
    const youth = await newYouth(ctx.app, headers());
    const asLeader = await ctx.app.inject({
      method: 'GET',
      url: `/api/youth/${youth.id}`,
      headers: unit.leader.headers,
    });
    expect(asLeader.statusCode).toBe(200);
    const asAdmin = await ctx.app.inject({ method: 'GET', url: `/api/youth/${youth.id}`, headers: unit.admin.headers });
    expect(asAdmin.statusCode).toBe(403);
    expect(asAdmin.json().error).toEqual({ code: 'forbidden', message: 'Du har ikke adgang til dette.' });
  });

  it('gives 404 for an unknown youth id and 400 for a malformed one', async () => {
    const unknown = await ctx.app.inject({
      method: 'GET',
      url: '/api/youth/00000000-0000-4000-8000-000000000000',
      headers: headers(),
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await ctx.app.inject({ method: 'GET', url: '/api/youth/123', headers: headers() });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].field).toBe('id');
  });

  it('keeps a unique CPR per municipality in the database itself', async () => {
    const youth = await newYouth(ctx.app, headers());
    const row = await ctx.db.selectFrom('youth').selectAll().where('id', '=', youth.id).executeTakeFirstOrThrow();
    await expect(
      sql`insert into youth (municipality_id, name, cpr_encrypted, cpr_hash, birth_date) values (${row.municipality_id}, 'copy', 'x', ${row.cpr_hash}, '2004-01-01')`.execute(
        ctx.db,
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('creates a youth only once when the same CPR is registered twice at the same time', async () => {
    const cpr = newCpr('2003-03-03');
    const responses = await Promise.all(
      [1, 2, 3].map(() =>
        ctx.app.inject({ method: 'POST', url: '/api/youth', headers: headers(), payload: { name: 'Samtidig', cpr } }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });
});

describe.each(engines)('tenant isolation on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp(engine);
  });
  afterAll(() => ctx.close());

  it("gives 404 for another municipality's youth by id, for reading, revealing and changing", async () => {
    const ours = await newUnit(ctx.app, ctx.db);
    const theirs = await newUnit(ctx.app, ctx.db);
    const youth = await newYouth(ctx.app, theirs.caseworker.headers);
    for (const url of [`/api/youth/${youth.id}`, `/api/youth/${youth.id}?reveal=cpr`]) {
      const response = await ctx.app.inject({ method: 'GET', url, headers: ours.caseworker.headers });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(youth.name);
    }
    const patch = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/youth/${youth.id}`,
      headers: ours.leader.headers,
      payload: { version: 1, name: 'Kapret' },
    });
    expect(patch.statusCode).toBe(404);
  });

  it("never finds another municipality's youth by name or by CPR", async () => {
    const ours = await newUnit(ctx.app, ctx.db);
    const theirs = await newUnit(ctx.app, ctx.db);
    const name = `Fremmed${Date.now()}`;
    const youth = await newYouth(ctx.app, theirs.caseworker.headers, { name });
    for (const query of [name, youth.enteredCpr]) {
      const response = await ctx.app.inject({
        method: 'GET',
        url: `/api/youth?query=${query}`,
        headers: ours.caseworker.headers,
      });
      expect(response.json()).toMatchObject({ total: 0, items: [] });
      const own = await ctx.app.inject({
        method: 'GET',
        url: `/api/youth?query=${query}`,
        headers: theirs.caseworker.headers,
      });
      expect(own.json().total).toBe(1);
    }
  });

  it("does not list or change another municipality's users", async () => {
    const ours = await newUnit(ctx.app, ctx.db);
    const theirs = await newUnit(ctx.app, ctx.db);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/users', headers: ours.admin.headers });
    const ids = list.json().items.map((u: { id: string }) => u.id);
    expect(ids).toContain(ours.caseworker.id);
    expect(ids).not.toContain(theirs.caseworker.id);
    const patch = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${theirs.caseworker.id}`,
      headers: ours.admin.headers,
      payload: { version: 1, active: false },
    });
    expect(patch.statusCode).toBe(404);
  });
});
