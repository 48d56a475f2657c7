import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverWebhooks } from '../../src/alerts/webhook.service.ts';
import type { TestContext } from './app.ts';
import { newYouth, putSettings } from './factories.ts';
import { openJourney } from './journeys.ts';

export const WEBHOOK_SECRET = 'webhook-signing-secret-0123';

/**
 * The receiver listens on loopback over plain HTTP, which a webhook may reach only when the
 * operator names the host: the environment of an app whose tests post to it.
 */
export const RECEIVER_ENV = { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' };

/** Sends the webhooks that are due, as the scheduler does with the app's configuration. */
export function deliverDue(ctx: TestContext) {
  return deliverWebhooks(ctx.db, ctx.app.log, ctx.clock, { allowedHosts: ctx.config.webhookAllowedHosts });
}

export interface Receiver {
  requests: Array<{ headers: IncomingMessage['headers']; body: string }>;
  url: string;
  /** The status code the receiver answers from now on. */
  answer(status: number): void;
  close(): Promise<void>;
}

/** A real HTTP listener on a free loopback port that records the webhook requests it gets. */
export async function startReceiver(status = 200): Promise<Receiver> {
  const requests: Receiver['requests'] = [];
  let answer = status;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push({ headers: req.headers, body });
      res.statusCode = answer;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    requests,
    url: `http://127.0.0.1:${port}/hook`,
    answer: (next) => {
      answer = next;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The attempts a delivery gets before it is marked failed (webhook.service.ts). */
export const MAX_ATTEMPTS = 8;

/**
 * A webhook delivery that failed after its last attempt: the unit's webhook is set to `url`, a
 * journey opened three weeks after first contact opens an alert (first conversation overdue), and
 * the delivery run goes at each retry's time, the app's clock moved on, until the last attempt.
 * The clock is left at the last attempt, which it returns with the journey.
 */
export async function failedDelivery(
  ctx: TestContext & { setNow(d: Date): void },
  unit: { caseworker: { headers: { cookie: string } }; admin: { headers: { cookie: string } } },
  url: string,
): Promise<{ journeyId: string; failedAt: Date }> {
  const settings = await putSettings(ctx.app, unit.admin.headers, { webhook: { url, secret: WEBHOOK_SECRET } });
  if (settings.statusCode !== 200) throw new Error(`webhook not set: ${settings.body}`);
  const youth = await newYouth(ctx.app, unit.caseworker.headers);
  const now = ctx.clock();
  const threeWeeksAgo = new Date(now.getTime() - 21 * 86_400_000).toISOString().slice(0, 10);
  const journey = await openJourney(ctx.app, unit.caseworker.headers, youth.id, { firstContactAt: threeWeeksAgo });
  let at = now;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    if (attempt > 1) {
      // The retry waits 1, 2, 4 ... minutes after the attempt before it.
      at = new Date(at.getTime() + 60_000 * 2 ** (attempt - 2) + 1000);
      ctx.setNow(at);
    }
    await deliverDue(ctx);
  }
  return { journeyId: journey.id, failedAt: at };
}
