import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newCpr, newUnit } from '../support/factories.ts';
import { acceptsString, apiOperations, type Json, propertiesOf, sendAsPermitted } from '../support/operations.ts';

/**
 * Input no route can store, sent to every operation of the API in every field that takes text
 * and as every query parameter. The catalogue runs over the OpenAPI document, so a new route is
 * covered without anyone remembering to add it.
 */
const unstorable =
  'Teksten indeholder et tegn, der ikke kan gemmes. Skriv den igen, eller kopiér den fra et andet sted.';
const outOfRange = 'Datoen skal ligge mellem år 1900 og 2100.';

const badValues = [
  { name: 'a NUL byte', value: 'før\u0000efter', message: unstorable, inAddress: true },
  // A lone surrogate cannot be written in an address (encodeURIComponent refuses it); JSON carries it.
  { name: 'a lone surrogate', value: 'før\uD800efter', message: unstorable, inAddress: false },
  { name: 'the year 1', value: '0001-01-01', message: outOfRange, inAddress: true },
  { name: 'the year 9999', value: '9999-12-31T10:00:00Z', message: outOfRange, inAddress: true },
] as const;

describe.each(engines)('input that cannot be stored, on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let document: Json;

  beforeAll(async () => {
    ctx = await startTestApp(engine);
    unit = await newUnit(ctx.app, ctx.db);
    document = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(() => ctx.close());

  it.each(badValues)(
    '$name in any text field or query parameter is a 400 naming the field, never a 500',
    async (bad) => {
      const users = [unit.caseworker, unit.leader, unit.admin];
      const failures: string[] = [];
      let tried = 0;
      for (const operation of apiOperations(document)) {
        const targets: Array<{ field: string; url: string; payload?: Json }> = [];
        if (operation.body) {
          for (const { name, schema } of propertiesOf(operation.body, document)) {
            if (acceptsString(schema))
              targets.push({ field: name, url: operation.url, payload: { [name]: bad.value } });
          }
        }
        for (const { name } of bad.inAddress ? operation.query : []) {
          targets.push({ field: name, url: `${operation.url}?${name}=${encodeURIComponent(bad.value)}` });
        }
        for (const target of targets) {
          tried += 1;
          const response = await sendAsPermitted(ctx.app, users, { method: operation.method, ...target });
          const where = `${operation.method} ${operation.path} ${target.field}: ${response.statusCode}`;
          if (response.statusCode === 403) continue;
          if (response.statusCode !== 400) {
            failures.push(where);
            continue;
          }
          const details = (response.json().error.details ?? []) as Array<{ field: string; message: string }>;
          const named = details.find((detail) => detail.field === target.field);
          if (named?.message !== bad.message) failures.push(`${where} ${JSON.stringify(details)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(tried).toBeGreaterThan(bad.inAddress ? 150 : 80);
    },
  );

  it('keeps ordinary text and dates that merely look odd', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/youth',
      headers: unit.caseworker.headers,
      payload: { name: 'Åse Ø. Ærø 😀', cpr: newCpr(), address: '2099-12-31 er en dato i teksten' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().name).toBe('Åse Ø. Ærø 😀');
  });

  it('answers a page with a NUL in its search with the error page, not a fault', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/?q=${encodeURIComponent('a\u0000b')}`,
      headers: unit.caseworker.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});
