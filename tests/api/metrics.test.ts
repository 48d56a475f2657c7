import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../src/alerts/sweep.service.ts';
import { loadRuleSets } from '../../src/rules/rule-set.loader.ts';
import { days } from '../support/alerts.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newUnit, newYouth } from '../support/factories.ts';
import { openJourney } from '../support/journeys.ts';
import { failedDelivery, RECEIVER_ENV, startReceiver } from '../support/webhooks.ts';

const NOW = new Date('2026-12-05T10:00:00Z');
const TOKEN = 'metrics-token-0123456789abcdef0123456789';

/**
 * One sample's value in Prometheus' text format, found by name and exactly these labels;
 * undefined when there is no such line.
 */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const labelsOf = (match[2] ?? '')
      .split(/,(?=[a-zA-Z_]\w*=")/)
      .filter(Boolean)
      .sort()
      .join(',');
    if (labelsOf === wanted) return Number(match[3]);
  }
  return undefined;
}

describe.each(engines)('GET /metrics with METRICS_TOKEN on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW, env: { METRICS_TOKEN: TOKEN, ...RECEIVER_ENV } });
  });
  afterAll(() => ctx.close());

  async function scrape(): Promise<string> {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.body;
  }

  it('answers 401 without the token or with another, in the error shape', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, TOKEN]) {
      const response = await ctx.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(response.statusCode, String(authorization)).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.json().error.code).toBe('unauthenticated');
      expect(response.body).not.toContain('ungeflow_');
    }
  });

  it('counts requests by method, route pattern and status, never by the address itself', async () => {
    await ctx.app.inject({ method: 'GET', url: '/api/health' });
    const first = await scrape();
    expect(first).toContain('ungeflow_http_requests_total{method="GET",route="/api/health",status="200"} 1\n');
    // Node's own metrics, under their usual names.
    expect(sample(first, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);

    const youthId = randomUUID();
    for (let i = 0; i < 3; i++) await ctx.app.inject({ method: 'GET', url: '/api/health?probe=1' });
    await ctx.app.inject({ method: 'GET', url: `/api/youth/${youthId}` });
    await ctx.app.inject({ method: 'GET', url: `/no/such/${youthId}` });
    const second = await scrape();
    const health = { method: 'GET', route: '/api/health' };
    expect(sample(second, 'ungeflow_http_requests_total', { ...health, status: '200' })).toBe(4);
    expect(sample(second, 'ungeflow_http_request_duration_seconds_count', health)).toBe(4);
    expect(
      sample(second, 'ungeflow_http_requests_total', { method: 'GET', route: '/api/youth/:id', status: '401' }),
    ).toBe(1);
    expect(sample(second, 'ungeflow_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(
      1,
    );
    expect(second).not.toContain(youthId);
    expect(second).not.toContain('probe');
    expect(sample(second, 'ungeflow_database_up')).toBe(1);
  });

  it('shows the last completed risk sweep as recorded in the database', async () => {
    ctx.setNow(NOW);
    const before = await scrape();
    expect(sample(before, 'ungeflow_sweep_last_success_timestamp_seconds')).toBe(0);

    // First contact today: nothing is overdue until the first conversation's week has passed.
    const unit = await newUnit(ctx.app, ctx.db);
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    await openJourney(ctx.app, unit.caseworker.headers, youth.id, { firstContactAt: '2026-12-05' });
    const later = new Date(NOW.getTime() + days(10));
    ctx.setNow(later);
    // A clock that moves a second each time it is read, so the sweep takes time.
    let reads = 0;
    const ticking = () => new Date(later.getTime() + 1000 * reads++);
    const result = await runSweep({ db: ctx.db, ruleSets: await loadRuleSets(), clock: ticking }, 'manual');
    if (result.status !== 'completed') throw new Error('the sweep did not run');
    expect(result.opened).toBeGreaterThanOrEqual(1);
    const run = await ctx.db
      .selectFrom('sweep_run')
      .selectAll()
      .where('id', '=', result.runId)
      .executeTakeFirstOrThrow();

    const after = await scrape();
    expect(sample(after, 'ungeflow_sweep_last_success_timestamp_seconds')).toBe(
      (run.finished_at?.getTime() ?? 0) / 1000,
    );
    expect(sample(after, 'ungeflow_sweep_last_duration_seconds')).toBe(
      ((run.finished_at?.getTime() ?? 0) - run.started_at.getTime()) / 1000,
    );
    expect(sample(after, 'ungeflow_sweep_last_duration_seconds')).toBeGreaterThan(0);
    expect(sample(after, 'ungeflow_sweep_last_alerts_opened')).toBe(result.opened);
    expect(sample(after, 'ungeflow_sweep_last_journeys')).toBe(result.journeys);
    expect(sample(after, 'ungeflow_sweep_last_failure_timestamp_seconds')).toBe(0);
  });

  it('shows the webhook deliveries waiting and those failed after their last attempt', async () => {
    ctx.setNow(NOW);
    const receiver = await startReceiver(500);
    try {
      const before = await scrape();
      const pending = sample(before, 'ungeflow_webhook_deliveries', { status: 'pending' }) ?? 0;
      const failed = sample(before, 'ungeflow_webhook_deliveries', { status: 'failed' }) ?? 0;

      const unit = await newUnit(ctx.app, ctx.db);
      await failedDelivery(ctx, unit, receiver.url);
      // One more alert for the same webhook, not yet sent.
      const youth = await newYouth(ctx.app, unit.caseworker.headers);
      await openJourney(ctx.app, unit.caseworker.headers, youth.id, { firstContactAt: '2026-11-01' });

      const after = await scrape();
      expect(sample(after, 'ungeflow_webhook_deliveries', { status: 'pending' })).toBe(pending + 1);
      expect(sample(after, 'ungeflow_webhook_deliveries', { status: 'failed' })).toBe(failed + 1);
    } finally {
      ctx.setNow(NOW);
      await receiver.close();
    }
  });

  it("reports the database pool's connections", async () => {
    const text = await scrape();
    if (engine === 'postgres') {
      expect(sample(text, 'ungeflow_db_pool_max_connections')).toBe(10);
      expect(sample(text, 'ungeflow_db_pool_connections')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'ungeflow_db_pool_idle_connections')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'ungeflow_db_pool_waiting_clients')).toBe(0);
    } else {
      // PGlite is one connection in the process, with no pool to read.
      expect(sample(text, 'ungeflow_db_pool_max_connections')).toBe(1);
      expect(sample(text, 'ungeflow_db_pool_connections')).toBe(1);
      expect(sample(text, 'ungeflow_db_pool_idle_connections')).toBeUndefined();
    }
  });
});

describe.each(engines)('metrics on a port of their own (METRICS_PORT) on %s', (engine) => {
  it('serves /metrics without a token on its own port, not on the app, and closes it with the app', async () => {
    const ctx = await startTestApp(engine, { env: { METRICS_PORT: '0', HOST: '127.0.0.1' } });
    let closed = false;
    try {
      // Not on the app's port: no token is set.
      expect((await ctx.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);

      const served = ctx.logLines
        .map((line) => (JSON.parse(line) as { msg: string }).msg)
        .map((msg) => /^Metrics are served on (http:\/\/127\.0\.0\.1:\d+\/metrics)$/.exec(msg)?.[1])
        .find(Boolean);
      expect(served).toBeDefined();
      const url = served ?? '';

      await ctx.app.inject({ method: 'GET', url: '/api/health' });
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(
        'ungeflow_http_requests_total{method="GET",route="/api/health",status="200"} 1\n',
      );
      expect((await fetch(url.replace('/metrics', '/api/health'))).status).toBe(404);

      await ctx.close();
      closed = true;
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      if (!closed) await ctx.close();
    }
  });
});
