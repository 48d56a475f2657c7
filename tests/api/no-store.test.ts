import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newCpr, newUnit, newYouth } from '../support/factories.ts';
import { openJourney } from '../support/journeys.ts';
import { apiOperations, type Json, sendAsPermitted } from '../support/operations.ts';

/**
 * Every answer of the API may carry personal data, so none may be kept by a browser or a proxy.
 * The catalogue runs over every GET of the OpenAPI document, so a new route is covered without
 * anyone remembering to add it; the ids in its path are those of a real youth and journey where
 * the parameter is one, so the answers are not only 404s.
 */
describe.each(engines)('no API answer is stored by browsers or proxies, on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let document: Json;
  let youthId = '';
  let journeyId = '';

  beforeAll(async () => {
    ctx = await startTestApp(engine);
    unit = await newUnit(ctx.app, ctx.db);
    document = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const youth = await newYouth(ctx.app, unit.caseworker.headers, { name: 'Sofie Hansen', cpr: newCpr() });
    youthId = youth.id;
    journeyId = (await openJourney(ctx.app, unit.caseworker.headers, youth.id)).id;
  });
  afterAll(() => ctx.close());

  it('answers every GET with Cache-Control: no-store, what it answers', async () => {
    const users = [unit.caseworker, unit.leader, unit.admin];
    const missing: string[] = [];
    let answered = 0;
    for (const operation of apiOperations(document).filter((o) => o.method === 'GET')) {
      const url = operation.path
        .replace('/youth/{id}', `/youth/${youthId}`)
        .replace('/journeys/{id}', `/journeys/${journeyId}`)
        .replace(/\{[^}]+\}/g, () => crypto.randomUUID());
      const response = await sendAsPermitted(ctx.app, users, { method: 'GET', url });
      if (response.statusCode === 200) answered += 1;
      if (!String(response.headers['cache-control'] ?? '').includes('no-store')) {
        missing.push(`${operation.path} ${response.statusCode} ${String(response.headers['cache-control'])}`);
      }
    }
    expect(missing).toEqual([]);
    expect(answered).toBeGreaterThan(30);
  });

  it('answers a youth, with the CPR number revealed, as no-store', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/youth/${youthId}?reveal=cpr`,
      headers: unit.caseworker.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('searches the register by CPR number in a POST body, the number out of the address', async () => {
    const cpr = newCpr('2003-02-01');
    const youth = await newYouth(ctx.app, unit.caseworker.headers, { name: 'Amalie Jensen', cpr });
    const found = await ctx.app.inject({
      method: 'POST',
      url: '/api/youth/search',
      headers: unit.caseworker.headers,
      payload: { query: cpr, pageSize: 10 },
    });
    expect(found.statusCode).toBe(200);
    expect(found.headers['cache-control']).toBe('no-store');
    expect(found.json()).toMatchObject({ total: 1, page: 1, pageSize: 10, items: [{ id: youth.id }] });
    expect(found.body).not.toContain(cpr);

    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/youth/search',
      headers: unit.caseworker.headers,
      payload: { query: cpr, pageSize: '10' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['pageSize']);

    const admin = await ctx.app.inject({
      method: 'POST',
      url: '/api/youth/search',
      headers: unit.admin.headers,
      payload: { query: cpr },
    });
    expect(admin.statusCode).toBe(403);
  });
});
