import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TYPES_PATH, generateApiTypes } from '../../scripts/api-types.ts';
import { errorCodes } from '../../src/shared/errors.ts';
import { apiTags, operationsOf } from '../../src/shared/openapi.ts';
import { startTestApp, type TestContext } from '../support/app.ts';

/**
 * The OpenAPI document as an integrator meets it (STYLE.md, "The API as a contract"). redocly
 * lints it in npm run check; these are the conventions it cannot see, and the generated client
 * types that must never drift from it.
 */
describe('the OpenAPI document', () => {
  let ctx: TestContext;
  let document: Record<string, any>;
  let operations: ReturnType<typeof operationsOf>;

  beforeAll(async () => {
    ctx = await startTestApp('pglite');
    const response = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
    operations = operationsOf(document);
  });
  afterAll(() => ctx.close());

  it('names every operation with a unique camelCase operationId, a summary and one known tag', () => {
    const tagNames: string[] = apiTags.map((tag) => tag.name);
    expect(operations.length).toBeGreaterThan(80);
    for (const { path, method, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.operationId, where).toMatch(/^[a-z][a-zA-Z]+$/);
      expect(operation.summary, where).toEqual(expect.any(String));
      expect(operation.tags, where).toHaveLength(1);
      expect(tagNames, where).toContain((operation.tags as string[])[0]);
    }
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.tags.map((tag: { name: string }) => tag.name)).toEqual(tagNames);
  });

  it('describes every answer, and declares the errors a logged-in route can give', () => {
    for (const { path, method, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      const responses = operation.responses as Record<string, { description?: string; $ref?: string }>;
      for (const [status, response] of Object.entries(responses)) {
        if (response.$ref) expect(response.$ref, `${where} ${status}`).toMatch(/^#\/components\/responses\//);
        else expect(response.description, `${where} ${status}`).not.toBe('Default Response');
      }
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      if (isPublic || path === '/api/auth/login') continue;
      expect(Object.keys(responses), where).toEqual(expect.arrayContaining(['401', '500', '503']));
      // The youth's own routes have no roles to refuse: without the youth's session they answer 401.
      if (!path.startsWith('/api/auth/') && !path.startsWith('/api/my/')) {
        expect(Object.keys(responses), where).toContain('403');
      }
      if (path.includes('{')) expect(Object.keys(responses), where).toContain('404');
    }
    for (const [name, response] of Object.entries(document.components.responses as Record<string, any>)) {
      expect(response.description, name).not.toBe('Default Response');
      expect(response.content['application/json'].schema, name).toEqual({ $ref: '#/components/schemas/Error' });
    }
  });

  it('types the error code as the codes the server uses', () => {
    const error = document.components.schemas.Error;
    expect(error.properties.error.properties.code.enum).toEqual([...errorCodes]);
  });

  it('names its server and licence, and leaves out the web pages and itself', () => {
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    expect(document.info.license).toEqual({ name: 'UNLICENSED' });
    const paths = Object.keys(document.paths);
    expect(paths.every((path) => path.startsWith('/api/'))).toBe(true);
    expect(paths).not.toContain('/api/openapi.json');
  });

  it('is what the committed client types were generated from (npm run api:types)', async () => {
    const committed = await readFile(API_TYPES_PATH, 'utf8');
    const fresh = await generateApiTypes();
    expect(committed === fresh, 'examples/api-client/ungeflow-api.d.ts is stale: run npm run api:types').toBe(true);
    // It builds the app again and runs the generator: slower than a request.
  }, 120_000);
});
