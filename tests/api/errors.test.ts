import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newCpr, newUnit, newYouth } from '../support/factories.ts';

/**
 * Makes the audit insert of a youth registration fail inside the database for names starting
 * with "FEJL", so the request fails half-way: after the youth row was written, before commit.
 */
async function failAuditForNamesStartingWithFejl(ctx: TestContext) {
  await sql`
    create function fail_marked_youth_audit() returns trigger language plpgsql as $$
    begin
      if new.action = 'youth.created' and exists (select 1 from youth where id = new.youth_id and name like 'FEJL%') then
        raise exception 'injected failure: secret internals';
      end if;
      return new;
    end $$`.execute(ctx.db);
  await sql`create trigger fail_marked_youth_audit before insert on audit_log for each row execute function fail_marked_youth_audit()`.execute(
    ctx.db,
  );
}

describe.each(engines)('errors and atomicity on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  beforeAll(async () => {
    ctx = await startTestApp(engine);
    unit = await newUnit(ctx.app, ctx.db);
    await failAuditForNamesStartingWithFejl(ctx);
  });
  afterAll(() => ctx.close());

  const youthCount = async (name: string) =>
    Number(
      (
        await ctx.db
          .selectFrom('youth')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('leaves no youth row behind when the request fails half-way, and shows no internals', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/youth',
      headers: unit.caseworker.headers,
      payload: { name: 'FEJL halvvejs', cpr: newCpr() },
    });
    expect(response.statusCode).toBe(500);
    const { error } = response.json();
    expect(error.code).toBe('internal');
    expect(error.message).toBe('Der opstod en fejl hos os. Prøv igen, eller kontakt support med fejl-id.');
    // The id to quote is the one the answer's X-Request-Id header carries too.
    expect(error.requestId).toEqual(expect.any(String));
    expect(error.requestId).toBe(response.headers['x-request-id']);
    expect(response.body).not.toMatch(/secret internals|audit_log|insert|stack/i);
    expect(await youthCount('FEJL halvvejs')).toBe(0);
  });

  it('keeps concurrent requests apart: the ones that roll back take nothing of the others with them', async () => {
    // On PGlite all requests share one connection; a failing transaction must not swallow the
    // writes of requests that ran while it was open.
    const names = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? `FEJL samtidig ${i}` : `OK samtidig ${i}`));
    const responses = await Promise.all(
      names.map((name) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/youth',
          headers: unit.caseworker.headers,
          payload: { name, cpr: newCpr('2001-01-01') },
        }),
      ),
    );
    responses.forEach((r, i) => expect(r.statusCode, names[i]).toBe(names[i]?.startsWith('FEJL') ? 500 : 201));
    for (const name of names) expect(await youthCount(name), name).toBe(name.startsWith('FEJL') ? 0 : 1);
    const audited = await ctx.db
      .selectFrom('audit_log')
      .innerJoin('youth', 'youth.id', 'audit_log.youth_id')
      .select('youth.name')
      .where('audit_log.action', '=', 'youth.created')
      .where('youth.name', 'like', 'OK samtidig%')
      .execute();
    expect(audited).toHaveLength(8);
  });

  it('answers 400 with a readable message for malformed JSON', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/youth',
      headers: { ...unit.caseworker.headers, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'validation_failed',
      message: 'Nogle felter er ikke udfyldt korrekt.',
      details: [{ field: 'body', message: 'Forespørgslen kunne ikke læses.' }],
    });
  });

  it('answers 404 in the error shape for an unknown route', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/nothing-here',
      headers: unit.caseworker.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'Findes ikke.' } });
  });

  it('answers 401 before looking at the input of a closed route', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/youth', payload: { nonsense: true } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });

  it('answers in English for Accept-Language: en', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/youth',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(response.json().error.message).toBe('You are not logged in.');
  });

  it('never writes a searched name to the log', async () => {
    await ctx.app.inject({
      method: 'GET',
      url: '/api/youth?query=Hemmeligsen&page=1',
      headers: unit.caseworker.headers,
    });
    const log = ctx.logLines.join('\n');
    expect(log).toContain('/api/youth?query=…&page=…');
    expect(log).not.toContain('Hemmeligsen');
  });

  it('never writes a CPR number to the log, whether registered, searched or rejected', async () => {
    const cpr = newCpr('2002-12-24');
    const digits = cpr.replace('-', '');
    await newYouth(ctx.app, unit.caseworker.headers, { cpr });
    await ctx.app.inject({ method: 'GET', url: `/api/youth?query=${digits}`, headers: unit.caseworker.headers });
    await ctx.app.inject({ method: 'GET', url: `/api/youth?query=${cpr}`, headers: unit.caseworker.headers });
    await ctx.app.inject({
      method: 'POST',
      url: '/api/youth',
      headers: unit.caseworker.headers,
      payload: { name: 'FEJL log', cpr: newCpr() },
    });
    await ctx.app.inject({
      method: 'POST',
      url: '/api/youth',
      headers: unit.caseworker.headers,
      payload: { name: 'X', cpr: '311304-1234' },
    });
    const log = ctx.logLines.join('\n');
    expect(log).toContain('/api/youth?query=…');
    expect(log).toContain('injected failure');
    expect(log).not.toContain(digits);
    expect(log).not.toContain(cpr);
    expect(log).not.toContain('311304-1234');
    expect(log).not.toContain('ungeflow_session=');
  });
});

describe.each(engines)('health and API documentation on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp(engine);
  });
  afterAll(() => ctx.close());

  it('answers ok on /api/health without login', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3 document generated from the schemas, and the docs page', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/youth', '/api/youth/{id}', '/api/auth/login', '/api/audit']),
    );
    const createYouth = doc.paths['/api/youth'].post;
    expect(createYouth.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['name', 'cpr']),
    );
    expect(Object.keys(createYouth.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409']));
    const docs = await ctx.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });
});
