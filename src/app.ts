import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityRoutes } from './activities/activity.routes.ts';
import { alertRoutes } from './alerts/alert.routes.ts';
import { appointmentRoutes } from './appointments/appointment.routes.ts';
import { todayRoutes } from './today/today.routes.ts';
import { calendarFeedRoutes } from './appointments/calendar-feed.routes.ts';
import { webhookRoutes } from './alerts/webhook.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authPlugin } from './auth/auth.plugin.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { databaseRateLimitStore } from './auth/rate-limit.store.ts';
import type { AppConfig } from './config.ts';
import { type Db, isDatabaseUnavailable, onConnectionError } from './db/database.ts';
import { checkReadiness } from './db/readiness.ts';
import { createAppDeps } from './deps.ts';
import { createMessenger } from './messages/messenger.ts';
import type { Clock } from './shared/clock.ts';
import { DomainError, errorBody, type ErrorCode } from './shared/errors.ts';
import { swaggerOptions } from './shared/openapi.ts';
import { REQUEST_ID_HEADER, requestIdOf } from './shared/request-id.ts';
import { t } from './shared/texts.ts';
import { guardInput } from './shared/input-guard.ts';
import { RequestValidationError, validatorCompiler } from './shared/validation.ts';
import { companyRoutes } from './companies/company.routes.ts';
import { exportRoutes } from './exports/export.routes.ts';
import { followUpRoutes } from './followups/follow-up.routes.ts';
import { groupRoutes } from './groups/group.routes.ts';
import { journeyRoutes } from './journeys/journey.routes.ts';
import { noteRoutes } from './notes/note.routes.ts';
import { overviewRoutes } from './overview/overview.routes.ts';
import { settingsRoutes } from './municipalities/settings.routes.ts';
import { offerRoutes } from './offers/offer.routes.ts';
import { placementRoutes } from './placements/placement.routes.ts';
import { planRoutes } from './plans/plan.routes.ts';
import { progressionRoutes } from './progression/progression.routes.ts';
import { questionnaireResponseRoutes } from './visitation/questionnaire-response.routes.ts';
import type { RuleSet } from './rules/rule-set.loader.ts';
import { rulesRoutes } from './rules/rules.routes.ts';
import { usersRoutes } from './users/users.routes.ts';
import { webRoutes } from './web/web.routes.ts';
import { logDestination, routeOf } from './monitoring/logging.ts';
import { metricsPlugin } from './monitoring/metrics.plugin.ts';
import { redactCpr } from './youth/cpr.ts';
import { youthRoutes } from './youth/youth.routes.ts';
import { retentionRoutes } from './retention/retention.routes.ts';
import { youthLoginRoutes } from './youth-login/youth-login.routes.ts';

export interface BuildAppOptions {
  config: AppConfig;
  db: Db;
  /** The resolved secret the CPR keys are derived from. */
  secret: string;
  clock?: Clock;
  /** The rule sets; loaded from rules/ when not given (a malformed file stops start-up). */
  ruleSets?: readonly RuleSet[];
  /** Where the log goes; standard output by default. Tests pass a stream to read it (JSON unless LOG_FORMAT=pretty). */
  logStream?: NodeJS.WritableStream;
  /**
   * Content still being added while the server already listens (the demo unit on a first start).
   * Public pages read with GET (the log-in page, health, API docs) answer at once; every other
   * request waits until it is in, so no one logs in to half a demo. It must never reject.
   */
  contentArriving?: Promise<unknown>;
}

/**
 * Everything a logged request shows: never headers (cookies, tokens) or bodies, and the URL
 * without the values of its query string (a search puts a name or a CPR number there); the
 * names of the parameters stay, so the log still tells what kind of request it was. A calendar
 * feed's secret address is cut from its path.
 */
export function loggableUrl(url: string): string {
  const [address = '', query] = url.split('?', 2);
  // A calendar feed's address is its only credential (src/appointments/calendar-feed.routes.ts).
  // So is a one-time link to Mit forløb (src/youth-login/youth-login.service.ts).
  const path = address
    .replace(/^\/kalender\/[^/]*/, '/kalender/…')
    .replace(/^\/mit-forloeb\/link\/[^/]*/, '/mit-forloeb/link/…');
  const keys = query ? [...new URLSearchParams(query).keys()] : [];
  return redactCpr(keys.length ? `${path}?${keys.map((k) => `${k}=…`).join('&')}` : path);
}

/**
 * The one log line of a finished request: method, the loggable address, route pattern, status and
 * time, with the request id the logger adds. Never headers or bodies.
 */
function logRequest(request: FastifyRequest, reply: FastifyReply) {
  const url = loggableUrl(request.url);
  const responseTime = Math.round(reply.elapsedTime * 10) / 10;
  request.log.info(
    { method: request.method, url, route: routeOf(request), statusCode: reply.statusCode, responseTime },
    `${request.method} ${url} ${reply.statusCode} ${responseTime} ms`,
  );
}

const requestSerializer = (request: { id: string; method: string; url: string }) => ({
  id: request.id,
  method: request.method,
  url: loggableUrl(request.url),
});

/**
 * Errors are logged with their type, code, message and stack only. Database errors carry the
 * statement's parameters (names, addresses) and the row that failed; those stay out of the log.
 */
const errorSerializer = (error: FastifyError) => ({
  type: error.name,
  code: error.code,
  message: redactCpr(error.message),
  stack: redactCpr(error.stack ?? ''),
});

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, db } = options;
  const deps = await createAppDeps(options);

  const logStream = logDestination(config.logFormat, options.logStream);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      serializers: { req: requestSerializer, err: errorSerializer },
      ...(logStream ? { stream: logStream } : {}),
    },
    // fastify's own "incoming request" and "request completed" lines are off: logRequest writes one.
    logController: new LogController({ disableRequestLogging: true }),
    // Behind the municipality's reverse proxy the client's address is in X-Forwarded-For, believed
    // only from the proxies named; the audit log and the login rate limit read it as request.ip.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    genReqId: requestIdOf,
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  // Messages to youth that no gateway takes are written to the app's log (src/messages/messenger.ts).
  deps.messenger = createMessenger(config, app.log);

  app.addHook('onResponse', async (request, reply) => logRequest(request, reply));
  const { contentArriving } = options;
  if (contentArriving) {
    let arrived = false;
    void contentArriving.finally(() => (arrived = true));
    app.addHook('onRequest', async (request) => {
      if (arrived || (request.routeOptions.config.public && ['GET', 'HEAD'].includes(request.method))) return;
      await contentArriving;
    });
  }
  await app.register(metricsPlugin, { deps });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // A connection the database closes is logged; it never ends the process (see openDatabase).
  onConnectionError(db, (error) => app.log.warn({ err: error }, 'lost a database connection'));
  app.addHook('onClose', () => onConnectionError(db, undefined));

  app.setErrorHandler((error: FastifyError | DomainError | RequestValidationError, request, reply) => {
    const lang = request.lang ?? 'da';
    if (isDatabaseUnavailable(error)) return databaseUnavailable(request, reply);
    if (error instanceof RequestValidationError) {
      const details = error.issues.map((i) => ({ field: i.field, message: i.messages[lang] }));
      return reply.code(400).send(errorBody('validation_failed', lang, details));
    }
    if (error instanceof DomainError) {
      const details = error.fieldErrors.map((f) => ({ field: f.field, message: f.message[lang] }));
      return reply.code(error.status).send(errorBody(error.code, lang, details, error.extra));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return reply.code(429).send(errorBody('rate_limited', lang));
    if (status >= 400 && status < 500) {
      // fastify's own client errors: malformed JSON, wrong content type, body too large.
      const code: ErrorCode = status === 404 ? 'not_found' : status === 401 ? 'unauthenticated' : 'validation_failed';
      const details =
        code === 'validation_failed'
          ? [
              {
                field: 'body',
                message: t(lang, 'errors.unreadableRequest'),
              },
            ]
          : undefined;
      return reply.code(status).send(errorBody(code, lang, details));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorBody('internal', lang, undefined, { requestId: request.id }));
  });

  function databaseUnavailable(request: FastifyRequest, reply: FastifyReply) {
    request.log.warn({ err: { message: 'database unavailable' } }, 'answered 503: the database is out of reach');
    return reply
      .code(503)
      .header('retry-after', '5')
      .send(errorBody('database_unavailable', request.lang ?? 'da', undefined, { requestId: request.id }));
  }

  app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody('not_found', request.lang ?? 'da')));

  // Every answer names its request, errors and pages included, so a user or the proxy's log can
  // point at the lines of our log and the audit entries it left.
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  // Text PostgreSQL cannot store and dates no one means are refused with the field named, before
  // any route sees them (pages and API alike).
  app.addHook('preValidation', guardInput);

  await app.register(cookie);
  // The counts are kept in the database, so the login limit holds across instances.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(db, deps.clock) });
  await app.register(swagger, swaggerOptions('0.1.0'));
  // The docs UI is public; its routes are registered by the plugin, so they are opened here.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...route.config, public: true };
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { url: '/api/openapi.json' } });
  await app.register(authPlugin, { deps });
  await app.register(webRoutes, { deps });
  await app.register(calendarFeedRoutes, { deps });

  await app.register(
    async (api) => {
      // API answers carry personal data (names, CPR numbers, case notes): neither the browser nor a
      // proxy on the way keeps a copy. A route that says otherwise keeps its own header.
      api.addHook('onSend', async (_request, reply, payload) => {
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
        return payload;
      });
      // Live: the process answers (a container orchestrator restarts it when not). Ready: the
      // database answers and its migrations are current (a load balancer sends traffic only then).
      // /health is ready, as it always was.
      const healthy = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
      const healthSchema = {
        tags: ['system'],
        security: [],
        response: {
          200: healthy.describe('The database answers and its migrations are current: send traffic.'),
          503: z
            .object({
              status: z.literal('unavailable'),
              database: z.enum(['unreachable', 'reachable']),
              migrations: z.enum(['unknown', 'pending', 'current']),
            })
            .meta({ id: 'HealthUnavailable' })
            .describe('Not ready: the database is out of reach or its migrations are not current.'),
        },
      };
      const ready = async (_request: FastifyRequest, reply: FastifyReply) => {
        const readiness = await checkReadiness(db);
        if (readiness.ready) return { status: 'ok' as const };
        const { database, migrations } = readiness;
        return reply
          .code(503)
          .header('retry-after', '5')
          .send({ status: 'unavailable' as const, database, migrations });
      };
      api.get(
        '/health',
        {
          config: { public: true },
          schema: { ...healthSchema, operationId: 'getHealth', summary: 'Is the instance ready (as /health/ready)' },
        },
        ready,
      );
      api.get(
        '/health/ready',
        {
          config: { public: true },
          schema: { ...healthSchema, operationId: 'getReadiness', summary: 'Is the instance ready for traffic' },
        },
        ready,
      );
      api.get(
        '/health/live',
        {
          config: { public: true },
          schema: {
            operationId: 'getLiveness',
            summary: 'Is the process alive',
            tags: ['system'],
            security: [],
            response: { 200: healthy.describe('The process answers.') },
          },
        },
        () => ({ status: 'ok' as const }),
      );
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
      await api.register(authRoutes, { deps });
      await api.register(usersRoutes, { deps });
      await api.register(youthRoutes, { deps });
      await api.register(retentionRoutes, { deps });
      await api.register(auditRoutes, { deps });
      await api.register(settingsRoutes, { deps });
      await api.register(webhookRoutes, { deps });
      await api.register(rulesRoutes, { deps });
      await api.register(journeyRoutes, { deps });
      await api.register(groupRoutes, { deps });
      await api.register(companyRoutes, { deps });
      await api.register(placementRoutes, { deps });
      await api.register(offerRoutes, { deps });
      await api.register(activityRoutes, { deps });
      await api.register(appointmentRoutes, { deps });
      await api.register(todayRoutes, { deps });
      await api.register(noteRoutes, { deps });
      await api.register(progressionRoutes, { deps });
      await api.register(questionnaireResponseRoutes, { deps });
      await api.register(followUpRoutes, { deps });
      await api.register(alertRoutes, { deps });
      await api.register(planRoutes, { deps });
      await api.register(overviewRoutes, { deps });
      await api.register(exportRoutes, { deps });
      await api.register(youthLoginRoutes, { deps });
    },
    { prefix: '/api' },
  );

  return app;
}
