import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverWebhooks } from '../../src/alerts/webhook.service.ts';
import { isLocalAddress } from '../../src/alerts/webhook-address.ts';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newUnit, newYouth, putSettings } from '../support/factories.ts';
import { openJourney } from '../support/journeys.ts';
import { deliverDue, RECEIVER_ENV, startReceiver, WEBHOOK_SECRET } from '../support/webhooks.ts';

const NOW = new Date('2026-12-07T09:00:00Z');
const notHttps = 'Adressen skal begynde med https://, så advarslerne sendes krypteret.';
const local =
  'Adressen må ikke pege på denne server eller på et internt netværk. Spørg driften, hvis modtageren står i kommunens eget netværk.';

describe('what counts as a local address', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['10.0.0.5', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.0.0.1', true],
    ['172.32.0.1', false],
    ['8.8.8.8', false],
    ['193.163.0.10', false],
    ['2a00:1450:4001::1', false],
    ['::ffff:8.8.8.8', false],
  ])('%s: %s', (address, expected) => {
    expect(isLocalAddress(address)).toBe(expected);
  });
});

describe.each(engines)('webhook addresses on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  let unit: Awaited<ReturnType<typeof newUnit>>;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const refusal = async (url: string) => {
    const response = await putSettings(ctx.app, unit.admin.headers, { webhook: { url, secret: WEBHOOK_SECRET } });
    expect(response.statusCode, url).toBe(400);
    return response.json().error.details;
  };

  it('refuses an address that is not https', async () => {
    expect(await refusal('http://hooks.example.dk/ungeflow')).toEqual([{ field: 'webhook.url', message: notHttps }]);
  });

  it.each([
    'https://127.0.0.1/hook',
    'https://localhost:8443/hook',
    'https://api.localhost/hook',
    'https://[::1]/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://10.20.30.40/hook',
    'https://192.168.0.10/hook',
    'https://172.20.0.2/hook',
    'https://[fe80::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://0.0.0.0/hook',
  ])('refuses %s: loopback, link-local or private', async (url) => {
    expect(await refusal(url)).toEqual([{ field: 'webhook.url', message: local }]);
  });

  it('keeps an https address on a public name', async () => {
    const saved = await putSettings(ctx.app, unit.admin.headers, {
      webhook: { url: 'https://hooks.example.dk/ungeflow', secret: WEBHOOK_SECRET },
    });
    expect(saved.statusCode).toBe(200);
  });
});

describe.each(engines)('a webhook host the operator allows, on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW, env: RECEIVER_ENV });
  });
  afterAll(() => ctx.close());

  async function alertFor(url: string) {
    const unit = await newUnit(ctx.app, ctx.db);
    const saved = await putSettings(ctx.app, unit.admin.headers, { webhook: { url, secret: WEBHOOK_SECRET } });
    expect(saved.statusCode).toBe(200);
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    // First contact three weeks ago: the first conversation is overdue, an alert opens.
    await openJourney(ctx.app, unit.caseworker.headers, youth.id, { firstContactAt: '2026-11-16' });
    return unit;
  }

  it('may be reached over plain HTTP on loopback; other local hosts stay refused', async () => {
    const receiver = await startReceiver();
    try {
      await alertFor(receiver.url);
      expect(await deliverDue(ctx)).toMatchObject({ delivered: 1 });
      expect(receiver.requests).toHaveLength(1);
      const unit = await newUnit(ctx.app, ctx.db);
      const other = await putSettings(ctx.app, unit.admin.headers, {
        webhook: { url: 'https://127.0.0.2/hook', secret: WEBHOOK_SECRET },
      });
      expect(other.json().error.details).toEqual([{ field: 'webhook.url', message: local }]);
    } finally {
      await receiver.close();
    }
  });

  it('is refused at delivery once the operator no longer allows it', async () => {
    const receiver = await startReceiver();
    try {
      const unit = await alertFor(receiver.url);
      const run = await deliverWebhooks(ctx.db, ctx.app.log, ctx.clock, { allowedHosts: [] });
      expect(run).toMatchObject({ delivered: 0, failed: 1 });
      expect(receiver.requests).toHaveLength(0);
      const pending = await ctx.app.inject({
        method: 'GET',
        url: '/api/webhooks/deliveries?status=pending',
        headers: unit.admin.headers,
      });
      expect(pending.json().items[0].lastError).toMatch(/^refused: not https/);
    } finally {
      await receiver.close();
    }
  });

  it('does not follow a redirect', async () => {
    const receiver = await startReceiver(302);
    try {
      await alertFor(receiver.url);
      expect(await deliverDue(ctx)).toMatchObject({ delivered: 0, failed: 1 });
      expect(receiver.requests).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});
