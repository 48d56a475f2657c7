import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { operationsOf } from '../../src/shared/openapi.ts';

export type Json = Record<string, any>;

export interface Operation {
  method: string;
  /** The OpenAPI path, e.g. /api/youth/{id}. */
  path: string;
  /** The path with a fresh id for each parameter. */
  url: string;
  /** The request body's JSON schema, when the operation takes one. */
  body: Json | undefined;
  /** The query parameters' names and schemas. */
  query: Array<{ name: string; schema: Json }>;
}

/** Every operation of the OpenAPI document, with what a caller can send it. */
export function apiOperations(document: Json): Operation[] {
  const components = (document.components?.schemas ?? {}) as Json;
  return operationsOf(document).map(({ path, method, operation }) => {
    const described = operation as {
      requestBody?: { content?: Record<string, { schema?: Json }> };
      parameters?: Array<{ in: string; name: string; schema?: Json }>;
    };
    const body = described.requestBody?.content?.['application/json']?.schema;
    return {
      method: method.toUpperCase(),
      path,
      url: path.replace(/\{[^}]+\}/g, () => randomUUID()),
      body: body ? resolveSchema(body, components) : undefined,
      query: (described.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => ({ name: parameter.name, schema: resolveSchema(parameter.schema ?? {}, components) })),
    };
  });
}

/** The properties of an object schema, each resolved. */
export function propertiesOf(schema: Json, document: Json): Array<{ name: string; schema: Json }> {
  const components = (document.components?.schemas ?? {}) as Json;
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  return Object.entries(properties).map(([name, property]) => ({ name, schema: resolveSchema(property, components) }));
}

function resolveSchema(schema: Json, components: Json): Json {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop() as string;
    return resolveSchema(components[name] as Json, components);
  }
  return schema;
}

/** Whether a schema accepts a string (directly or as one branch of a union). */
export function acceptsString(schema: Json): boolean {
  const types: unknown[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('string')) return true;
  const branches = [...((schema.anyOf ?? []) as Json[]), ...((schema.oneOf ?? []) as Json[])];
  return branches.some(acceptsString);
}

/**
 * Sends the request as the first of the given users whose role may use the operation (a 403
 * tries the next). Returns the answer, or the last 403 when none may.
 */
export async function sendAsPermitted(
  app: FastifyInstance,
  users: ReadonlyArray<{ headers: Record<string, string> }>,
  request: { method: string; url: string; payload?: unknown },
): Promise<LightMyRequestResponse> {
  let response: LightMyRequestResponse | undefined;
  for (const user of users) {
    response = await app.inject({
      method: request.method as 'POST',
      url: request.url,
      headers: user.headers,
      ...(request.payload === undefined ? {} : { payload: request.payload as Json }),
    });
    if (response.statusCode !== 403) return response;
  }
  if (!response) throw new Error('sendAsPermitted needs at least one user');
  return response;
}
