import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { countDeliveries } from '../alerts/webhook.repository.ts';
import { type Db, poolStats } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { errorBody } from '../shared/errors.ts';
import { routeOf } from './logging.ts';
import { lastSweeps } from './metrics.repository.ts';

/**
 * The app's metrics in a registry of its own (not prom-client's global one), so several apps in
 * one process, as in the tests, each count their own requests.
 *
 * Node's default metrics keep their usual names (process_cpu_seconds_total, nodejs_heap_...),
 * which ready-made dashboards expect; Ungeflow's own carry the prefix `ungeflow_`.
 */
function createMetrics(db: Db) {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'ungeflow_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  // By route and method only: the status codes are in the counter, and each label value here
  // multiplies the series by the number of buckets.
  const durations = new Histogram({
    name: 'ungeflow_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    registers,
  });

  const databaseUp = new Gauge({
    name: 'ungeflow_database_up',
    help: '1 when this scrape could read the database, else 0 (the figures read from it are then from an earlier scrape)',
    registers,
  });
  const sweepFinished = new Gauge({
    name: 'ungeflow_sweep_last_success_timestamp_seconds',
    help: 'When the last completed risk sweep finished (Unix time; 0: none yet)',
    registers,
  });
  const sweepDuration = new Gauge({
    name: 'ungeflow_sweep_last_duration_seconds',
    help: 'How long the last completed risk sweep took',
    registers,
  });
  const sweepJourneys = new Gauge({
    name: 'ungeflow_sweep_last_journeys',
    help: 'Journeys the last completed risk sweep evaluated',
    registers,
  });
  const sweepOpened = new Gauge({
    name: 'ungeflow_sweep_last_alerts_opened',
    help: 'Alerts the last completed risk sweep opened',
    registers,
  });
  const sweepFailed = new Gauge({
    name: 'ungeflow_sweep_last_failure_timestamp_seconds',
    help: 'When a risk sweep last failed (Unix time; 0: never)',
    registers,
  });
  const deliveries = new Gauge({
    name: 'ungeflow_webhook_deliveries',
    help: 'Webhook deliveries not delivered: pending (waiting or being retried) or failed (after the last attempt, waiting for an administrator)',
    labelNames: ['status'] as const,
    registers,
  });

  // PostgreSQL: the pg pool's own counts. PGlite is one connection inside the process, without a
  // pool or a queue that could be read: it shows as one connection of one.
  const pool = () => poolStats(db) ?? { max: 1, total: 1 };
  new Gauge({
    name: 'ungeflow_db_pool_max_connections',
    help: 'Connections the database pool may open',
    registers,
    collect() {
      this.set(pool().max);
    },
  });
  new Gauge({
    name: 'ungeflow_db_pool_connections',
    help: 'Connections the database pool has open, idle or in use',
    registers,
    collect() {
      this.set(pool().total);
    },
  });
  if (poolStats(db)) {
    new Gauge({
      name: 'ungeflow_db_pool_idle_connections',
      help: 'Open connections of the database pool that are not in use',
      registers,
      collect() {
        this.set(poolStats(db)?.idle ?? 0);
      },
    });
    new Gauge({
      name: 'ungeflow_db_pool_waiting_clients',
      help: 'Queries waiting for a connection of the database pool',
      registers,
      collect() {
        this.set(poolStats(db)?.waiting ?? 0);
      },
    });
  }

  return {
    contentType: registry.contentType,

    observe(request: FastifyRequest, reply: FastifyReply) {
      const route = routeOf(request);
      requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      durations.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    },

    /** The metrics as Prometheus reads them, with what is kept in the database read now. */
    async render(log: FastifyBaseLogger): Promise<string> {
      try {
        const [sweeps, outbox] = await Promise.all([lastSweeps(db), countDeliveries(db)]);
        sweepFinished.set(sweeps.completed ? sweeps.completed.finishedAt.getTime() / 1000 : 0);
        sweepDuration.set(sweeps.completed?.durationSeconds ?? 0);
        sweepJourneys.set(sweeps.completed?.journeys ?? 0);
        sweepOpened.set(sweeps.completed?.opened ?? 0);
        sweepFailed.set(sweeps.failedAt ? sweeps.failedAt.getTime() / 1000 : 0);
        deliveries.set({ status: 'pending' }, outbox.pending);
        deliveries.set({ status: 'failed' }, outbox.failed);
        databaseUp.set(1);
      } catch (error) {
        log.warn({ err: error }, 'metrics could not read the database');
        databaseUp.set(0);
      }
      return registry.metrics();
    },
  };
}

/** Whether the Authorization header carries the token; compared in constant time (as digests, so lengths match). */
function bearerMatches(authorization: string | undefined, token: string): boolean {
  const given = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * GET /metrics in Prometheus' text format, when configured: on the app's port behind
 * METRICS_TOKEN, and/or on a port of its own (METRICS_PORT) without a token, for a network only
 * Prometheus reaches. Without either, nothing is counted and /metrics does not exist.
 */
export const metricsPlugin = fp<{ deps: AppDeps }>(
  async (app, { deps }) => {
    const { metricsToken, metricsPort, host } = deps.config;
    if (metricsToken === undefined && metricsPort === undefined) return;
    const metrics = createMetrics(deps.db);

    app.addHook('onResponse', async (request, reply) => metrics.observe(request, reply));

    if (metricsToken !== undefined) {
      app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
        // Answered here rather than thrown: this route is registered before the app's error handler.
        if (!bearerMatches(request.headers.authorization, metricsToken)) {
          return reply
            .code(401)
            .header('www-authenticate', 'Bearer')
            .send(errorBody('unauthenticated', request.lang ?? 'da'));
        }
        return reply.type(metrics.contentType).send(await metrics.render(request.log));
      });
    }

    if (metricsPort !== undefined) {
      const server = createServer((request, response) => {
        if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
          response.writeHead(404).end();
          return;
        }
        metrics.render(app.log).then(
          (text) => response.writeHead(200, { 'content-type': metrics.contentType }).end(text),
          (error: unknown) => {
            app.log.error({ err: error }, 'metrics failed');
            response.writeHead(500).end();
          },
        );
      });
      // Listens with the app (ready), so a port already taken stops the start; closes with it.
      app.addHook('onReady', async () => {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(metricsPort, host, () => {
            server.off('error', reject);
            resolve();
          });
        });
        const { address, port } = server.address() as AddressInfo;
        app.log.info(
          `Metrics are served on http://${address.includes(':') ? `[${address}]` : address}:${port}/metrics`,
        );
      });
      app.addHook('onClose', async () => {
        if (!server.listening) return;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Prometheus keeps its connection open between scrapes; it is not waited for.
        server.closeAllConnections();
        await closed;
      });
    }
  },
  { name: 'metrics' },
);
