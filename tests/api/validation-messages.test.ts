import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newUnit } from '../support/factories.ts';
import { acceptsString, apiOperations, type Json, propertiesOf, sendAsPermitted } from '../support/operations.ts';

/**
 * zod's own messages, in both languages, for every kind of issue it raises. A user must never meet
 * one of these ("Ugyldigt input: matcher ingen af de tilladte typer", "For lille: forventede liste
 * indeholdt >= 1 elementer"): they speak of types, not of the form in front of the user.
 */
function libraryMessages(): string[] {
  const issues: Array<Record<string, unknown>> = [
    ...['number', 'int', 'string', 'array', 'boolean', 'object', 'date'].map((expected) => ({
      code: 'invalid_type',
      expected,
      input: Symbol('wrong'),
    })),
    { code: 'invalid_value', values: ['a', 'b'], input: 'c' },
    ...['number', 'string', 'array', 'set', 'date'].flatMap((origin) => [
      { code: 'too_small', origin, minimum: 1, inclusive: true, input: 0 },
      { code: 'too_big', origin, maximum: 1, inclusive: true, input: 2 },
    ]),
    ...['email', 'uuid', 'regex', 'date', 'datetime', 'url', 'time'].map((format) => ({
      code: 'invalid_format',
      format,
      pattern: '^a$',
      input: 'x',
    })),
    { code: 'not_multiple_of', divisor: 0.5, input: 0.3 },
    { code: 'unrecognized_keys', keys: ['a'], input: {} },
    { code: 'invalid_union', errors: [], input: 1 },
    { code: 'invalid_key', origin: 'record', issues: [], input: 1 },
    { code: 'invalid_element', origin: 'map', issues: [], input: 1 },
    { code: 'custom', input: 1 },
  ];
  return (['da', 'en'] as const).flatMap((lang) =>
    issues.map((issue) => {
      const result = z.locales[lang]().localeError?.(issue as never);
      return typeof result === 'string' ? result : (result?.message ?? '');
    }),
  );
}

/** Whether a message is zod's: the same sentence, or the same opening before the colon ("For lille: ..."). */
function isLibraryMessage(message: string, library: readonly string[]): boolean {
  const bare = message.replace(/\.$/, '');
  return library.some((own) => {
    const colon = own.indexOf(':');
    return bare === own || (colon > 0 && message.startsWith(own.slice(0, colon + 1)));
  });
}

/** A value of the wrong type for each property of an object schema. */
function wrongTypes(schema: Json, document: Json): Json {
  return Object.fromEntries(
    propertiesOf(schema, document).map(({ name, schema: property }) => [
      name,
      acceptsString(property) ? { not: 'text' } : 'tekst i stedet',
    ]),
  );
}

/**
 * Every operation that takes a body, sent an empty body and a body of wrong types by the roles
 * that may use it: each answer lists all its field errors at once, each in the user's words, and
 * none of them is a message of the validation library.
 */
describe('validation messages a user can meet', () => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let document: Json;

  beforeAll(async () => {
    ctx = await startTestApp('pglite');
    unit = await newUnit(ctx.app, ctx.db);
    document = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(() => ctx.close());

  it('are never the library’s own words, on any form of the API, in Danish and English', async () => {
    const library = libraryMessages();
    const checked: string[] = [];
    const offending: string[] = [];

    for (const operation of apiOperations(document)) {
      if (!operation.body) continue;
      for (const payload of [{}, wrongTypes(operation.body, document)]) {
        for (const lang of ['da', 'en'] as const) {
          const url = `${operation.url}?lang=${lang}`;
          const users = [unit.caseworker, unit.leader, unit.admin];
          const response = await sendAsPermitted(ctx.app, users, { method: operation.method, url, payload });
          if (response.statusCode !== 400) continue;
          const { error } = response.json<{ error: { details?: Array<{ field: string; message: string }> } }>();
          for (const detail of error.details ?? []) {
            checked.push(detail.message);
            if (isLibraryMessage(detail.message, library)) {
              offending.push(`${operation.method} ${operation.path} ${lang} ${detail.field}: ${detail.message}`);
            }
          }
        }
      }
    }

    expect(offending).toEqual([]);
    // The check reached the forms: dozens of operations, each with field messages.
    expect(checked.length).toBeGreaterThan(100);
  });

  it('knows the library’s words when it sees them', () => {
    const library = libraryMessages();
    expect(isLibraryMessage('Ugyldigt input: matcher ingen af de tilladte typer', library)).toBe(true);
    expect(isLibraryMessage('For lille: forventede liste indeholdt >= 1 elementer', library)).toBe(true);
    expect(isLibraryMessage('Invalid input: expected number, received NaN', library)).toBe(true);
    expect(isLibraryMessage('Vælg mindst én.', library)).toBe(false);
    expect(isLibraryMessage('Skriv et tal, fx 7 eller 7,5.', library)).toBe(false);
  });

  it('lists every field of a form at once', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/youth',
      headers: unit.caseworker.headers,
      payload: { name: 12, cpr: [], email: false },
    });
    expect(response.statusCode).toBe(400);
    const fields = (response.json().error.details as Array<{ field: string; message: string }>).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'cpr', 'email']));
  });
});
