import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * The OpenAPI document's options: what it says about itself (servers, licence, tags) and how it is
 * finished after the routes are turned into operations (see finishDocument).
 *
 * Each route names itself in its schema: an `operationId` (a camelCase verb, stable, unique: the
 * method name of a generated client), a `summary`, one tag of the list below, and a description of
 * each success answer (`.describe()` on its zod schema). The error answers share the Error schema
 * and, unless a route says more, the descriptions of `errorDescriptions`.
 */

/** The areas of the API, in the order a reader meets them; every operation has one of these tags. */
export const apiTags = [
  {
    name: 'auth',
    description:
      'Logging in and out, the caller themself, their own password, and personal API tokens. An integrating ' +
      'system creates a token once (POST /api/auth/tokens) and sends it as `Authorization: Bearer <token>`.',
  },
  {
    name: 'mit-forloeb',
    description:
      "The young person's own routes: they answer only to a youth logged in on the device " +
      '(the `youthSession` cookie, set by a one-time link or MitID), never to staff, and take no youth id: ' +
      "the youth is the session's.",
  },
  { name: 'users', description: "The users of the administrator's own municipality. Administrators only." },
  {
    name: 'youth',
    description:
      'The register of young people. CPR numbers are validated, stored encrypted and shown masked unless revealed.',
  },
  {
    name: 'journeys',
    description:
      "A youth's way through the unit, from referral through visitation and intake to a group, placements, " +
      'exit and follow-up. Everything that moves a journey is an event (POST /api/journeys/{id}/events); ' +
      'a journey lists the events its current stage accepts, with the JSON schema of each.',
  },
  {
    name: 'rules',
    description: 'Previews of the eligibility and visitation rules, without touching a journey.',
  },
  { name: 'groups', description: 'Network groups, their weekly meetings and the attendance at them.' },
  { name: 'companies', description: 'The company network: companies (validated by CVR) and their contact people.' },
  { name: 'company meetings', description: 'Meetings of the company network and who attended.' },
  {
    name: 'match events',
    description: "Match events: youth meet several companies; the youth's wishes and the companies' interest.",
  },
  { name: 'placements', description: 'Placements at companies: their terms and the hours worked each week.' },
  {
    name: 'offers',
    description:
      "A youth's LAB offers and mentor grants, and the education injunction. Internships and wage subsidies become offers when the placement starts.",
  },
  { name: 'activities', description: "Conversations, mentor contacts and other contacts on a youth's journey." },
  {
    name: 'today',
    description: "A caseworker's day: meetings, appointments, deadlines, alerts and youth without contact.",
  },
  {
    name: 'appointments',
    description:
      "Appointments with a youth: booked, moved, cancelled, and held (recorded as the conversation or contact they were), and each user's calendar feed.",
  },
  {
    name: 'case notes',
    description:
      'The journal: dated notes on a youth with their author and kind (forvaltningsloven § 13). An edit keeps ' +
      'every earlier version; notes are never deleted.',
  },
  { name: 'progression', description: 'Measurements of the progression factors, by the youth and the caseworker.' },
  { name: 'follow-ups', description: 'Follow-ups after a journey ends: when each is due, and what was recorded.' },
  {
    name: 'alerts',
    description:
      'Passivity-risk alerts, opened and resolved by the rules; acknowledged, snoozed, reassigned or resolved ' +
      "by users. Also the backtest of the risk rules on the municipality's history.",
  },
  { name: 'plans', description: 'The youth\'s plan ("Min plan"): its content, the PDF, and stored versions.' },
  { name: 'overview', description: "The leader's key figures for a period, as JSON or CSV." },
  {
    name: 'settings',
    description:
      "The municipality's settings: eligibility age limits, risk thresholds, randomisation, the access export, webhook.",
  },
  { name: 'webhooks', description: "Deliveries of the municipality's webhook: the failed ones, and sending again." },
  { name: 'audit', description: 'The audit log: who did what to whose data. Leaders and administrators.' },
  {
    name: 'exports',
    description:
      "A young person's access export (GDPR art. 15) as PDF or JSON, and the evaluation's pseudonymised data " +
      'as CSV or JSON. Every export is audited.',
  },
  {
    name: 'retention',
    description: 'Legal hold on a youth, and deleting a youth registered by mistake. Leaders.',
  },
  { name: 'system', description: 'Health checks for load balancers and orchestrators. Public.' },
] as const;

export type ApiTag = (typeof apiTags)[number]['name'];

/**
 * What an error status means, unless the route describes it itself. Every one of them answers
 * with the Error schema; `error.code` says which of the codes it is.
 */
export const errorDescriptions: Readonly<Record<string, string>> = {
  400: 'The request is invalid (`validation_failed`); `error.details` names every bad field.',
  401: 'Not logged in: no session or token, or it has expired or been revoked (`unauthenticated`).',
  403:
    "The caller's role may not do this (`forbidden`), or the caller must first replace a one-time password " +
    '(`password_change_required`).',
  404: "Not found, or not in the caller's municipality (`not_found`).",
  409:
    'Changed by someone else meanwhile: the version sent is stale (`version_conflict`, with the current ' +
    'version); or it conflicts with existing data (`conflict`, `duplicate_cpr`). Nothing was changed.',
  422: "The journey's current stage does not allow this (`event_not_accepted`).",
  429: 'Too many attempts (`rate_limited`); try again after the seconds of Retry-After.',
  500: 'Something failed on the server (`internal`); the answer carries the `requestId` to quote.',
  503: 'The database is out of reach (`database_unavailable`); try again after the seconds of Retry-After.',
};

const retryAfter = {
  description: 'Seconds to wait before trying again.',
  schema: { type: 'integer', minimum: 0 },
};

type Json = Record<string, unknown>;

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation of the document, with its path and method. */
export function operationsOf(document: Json): Array<{ path: string; method: string; operation: Json }> {
  const paths = (document.paths ?? {}) as Record<string, Json>;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => httpMethods.includes(method))
      .map(([method, operation]) => ({ path, method, operation: operation as Json })),
  );
}

/**
 * Error answers the route left without a description get the one for their status; 429 and 503
 * also name their Retry-After header (the rate limit, the error handler and the health checks
 * all send it).
 */
function describeErrors(document: Json) {
  for (const { operation } of operationsOf(document)) {
    const responses = (operation.responses ?? {}) as Record<string, Json>;
    for (const [status, response] of Object.entries(responses)) {
      const standard = errorDescriptions[status];
      if (!standard) continue;
      if (response.description === 'Default Response') response.description = standard;
      if (status === '429' || status === '503') {
        response.headers = { 'Retry-After': retryAfter, ...(response.headers as Json | undefined) };
      }
    }
  }
}

/** The names under which the error answers with their standard description are shared components. */
const errorResponseNames: Readonly<Record<string, string>> = {
  400: 'BadRequest',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  422: 'NotAccepted',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'Unavailable',
};

/**
 * An error answer that says no more than its status's standard description refers to one shared
 * response (`#/components/responses/NotFound`), so the document, and a client generated from it,
 * has each once rather than on every operation.
 */
function shareErrorResponses(document: Json) {
  const components = document.components as Json;
  const shared = (components.responses ?? {}) as Record<string, Json>;
  for (const { operation } of operationsOf(document)) {
    const responses = (operation.responses ?? {}) as Record<string, Json>;
    for (const [status, response] of Object.entries(responses)) {
      const name = errorResponseNames[status];
      if (!name || response.description !== errorDescriptions[status]) continue;
      const content = response.content as Record<string, { schema?: Json }> | undefined;
      const onlyError =
        Object.keys(content ?? {}).length === 1 &&
        canonical(content?.['application/json']?.schema) === canonical({ $ref: '#/components/schemas/Error' });
      if (!onlyError) continue;
      shared[name] ??= response;
      if (canonical(shared[name]) !== canonical(response)) continue;
      responses[status] = { $ref: `#/components/responses/${name}` };
    }
  }
  components.responses = Object.fromEntries(
    Object.values(errorResponseNames)
      .filter((name) => name in shared)
      .map((name) => [name, shared[name]]),
  );
}

/** The names of the component schemas a value refers to (`#/components/schemas/<name>`). */
function referencedSchemas(value: unknown, found: Set<string>) {
  if (Array.isArray(value)) {
    for (const item of value) referencedSchemas(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/schemas/')) {
        found.add(child.slice('#/components/schemas/'.length));
      } else {
        referencedSchemas(child, found);
      }
    }
  }
}

/**
 * Drops the component schemas no operation (or shared response) uses. fastify-type-provider-zod writes every schema
 * registered with an id twice, as read (`<Id>Input`) and as answered (`<Id>`); only one of the two
 * is used, mostly, and an integrator should not meet the other.
 */
function dropUnusedSchemas(document: Json) {
  const components = (document.components ?? {}) as Json;
  const schemas = (components.schemas ?? {}) as Record<string, unknown>;
  const used = new Set<string>();
  referencedSchemas([document.paths, components.responses], used);
  const pending = [...used];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const inner = new Set<string>();
    referencedSchemas(schemas[name], inner);
    for (const next of inner) {
      if (!used.has(next)) {
        used.add(next);
        pending.push(next);
      }
    }
  }
  components.schemas = Object.fromEntries(
    Object.entries(schemas)
      .filter(([name]) => used.has(name))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** A value with every `$ref` to a component schema renamed by `names` (old name to new). */
function renameReferences(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => renameReferences(item, names));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => {
      if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/schemas/')) {
        const name = names.get(child.slice('#/components/schemas/'.length));
        return [key, name ? `#/components/schemas/${name}` : child];
      }
      return [key, renameReferences(child, names)];
    }),
  );
}

/** JSON with the keys of every object sorted, to compare two schemas whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, child: unknown) =>
    child !== null && typeof child === 'object' && !Array.isArray(child)
      ? Object.fromEntries(Object.entries(child).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : child,
  );
}

/**
 * One name per shape: `<Id>Input` becomes `<Id>` where only the input is used (a request body
 * schema), and is merged into `<Id>` where the two read the same (no defaults or transforms tell
 * them apart). Repeated, since merging inner schemas can make outer ones the same.
 */
function mergeInputSchemas(document: Json) {
  const components = document.components as Json;
  for (;;) {
    const schemas = components.schemas as Record<string, unknown>;
    const names = new Map<string, string>();
    for (const name of Object.keys(schemas)) {
      if (!name.endsWith('Input')) continue;
      const base = name.slice(0, -'Input'.length);
      if (!(base in schemas) || canonical(schemas[name]) === canonical(schemas[base])) names.set(name, base);
    }
    if (names.size === 0) return;
    const renamed = renameReferences({ paths: document.paths, schemas }, names) as { paths: Json; schemas: Json };
    document.paths = renamed.paths;
    components.schemas = Object.fromEntries(
      Object.entries(renamed.schemas).flatMap(([name, schema]) => {
        const target = names.get(name);
        if (!target) return [[name, schema]];
        return target in renamed.schemas ? [] : [[target, schema]];
      }),
    );
  }
}

/** The last steps after fastify-type-provider-zod has written the component schemas. */
function finishDocument(document: Json): Json {
  describeErrors(document);
  shareErrorResponses(document);
  dropUnusedSchemas(document);
  mergeInputSchemas(document);
  dropUnusedSchemas(document);
  return document;
}

/** The options of @fastify/swagger for the API's document. */
export function swaggerOptions(version: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ungeflow API',
        version,
        description:
          'Case flow and visitation for a municipal youth employment unit. Log in with POST /api/auth/login ' +
          '(a session cookie), or create a personal API token with POST /api/auth/tokens and send it as ' +
          '`Authorization: Bearer <token>`. Every error has one shape (the Error schema), with a stable ' +
          '`error.code`. Every answer carries its request id in `X-Request-Id`.',
        // package.json names no licence: the software is not licensed to others.
        license: { name: 'UNLICENSED' },
      },
      servers: [{ url: '/', description: 'This Ungeflow instance (the one that serves this document)' }],
      tags: apiTags.map((tag) => ({ ...tag })),
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'ungeflow_session',
            description:
              'The session cookie that POST /api/auth/login sets; served over HTTPS it is named ' +
              '`__Host-ungeflow_session`.',
          },
          youthSession: {
            type: 'apiKey',
            in: 'cookie',
            name: 'ungeflow_youth',
            description:
              "A young person's device cookie, set when they log in to their own side; served over HTTPS it is " +
              'named `__Host-ungeflow_youth`.',
          },
          token: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal API token from POST /api/auth/tokens.',
          },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => finishDocument(jsonSchemaTransformObject(documentObject)),
  };
}
