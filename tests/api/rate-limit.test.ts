import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAttempt, deleteExpiredRateLimitWindows } from '../../src/auth/rate-limit.repository.ts';
import { anotherInstance, startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';

const START = new Date('2026-12-07T09:00:00Z');
const seconds = (n: number) => new Date(START.getTime() + n * 1000);

describe.each(engines)('the login rate limit across instances on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  let first: FastifyInstance;
  let second: FastifyInstance;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' }, now: START });
    first = ctx.app;
    second = await anotherInstance(ctx);
  });
  afterAll(async () => {
    await second.close();
    await ctx.close();
  });

  const attempt = (app: FastifyInstance, ip: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@test.dk', password: 'wrong' },
      remoteAddress: ip,
    });

  it('answers 429 after 3 attempts in all, wherever they landed, until the minute is over', async () => {
    ctx.setNow(START);
    expect((await attempt(first, '10.3.0.1')).statusCode).toBe(401);
    expect((await attempt(second, '10.3.0.1')).statusCode).toBe(401);
    ctx.setNow(seconds(20));
    expect((await attempt(first, '10.3.0.1')).statusCode).toBe(401);

    const limited = await attempt(second, '10.3.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toEqual({
      code: 'rate_limited',
      message: 'For mange forsøg. Vent lidt og prøv igen.',
    });
    // The window began at the first attempt: 40 of its 60 seconds are left.
    expect(limited.headers['retry-after']).toBe('40');
    expect((await attempt(first, '10.3.0.1')).statusCode).toBe(429);

    ctx.setNow(seconds(59));
    expect((await attempt(first, '10.3.0.1')).statusCode).toBe(429);
    ctx.setNow(seconds(60));
    expect((await attempt(second, '10.3.0.1')).statusCode).toBe(401);
  });

  it('counts each address on its own', async () => {
    ctx.setNow(seconds(600));
    for (let i = 0; i < 3; i++) await attempt(i % 2 ? first : second, '10.3.0.2');
    expect((await attempt(first, '10.3.0.2')).statusCode).toBe(429);
    expect((await attempt(second, '10.3.0.3')).statusCode).toBe(401);
  });

  it('lets exactly 3 of 10 simultaneous attempts on two instances through', async () => {
    ctx.setNow(seconds(1200));
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => attempt(i % 2 ? first : second, '10.3.0.4')),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
  });

  it('starts a new window when the clock was set back before the window began', async () => {
    ctx.setNow(seconds(1800));
    for (let i = 0; i < 3; i++) await attempt(first, '10.3.0.5');
    expect((await attempt(second, '10.3.0.5')).statusCode).toBe(429);
    ctx.setNow(seconds(1700));
    expect((await attempt(second, '10.3.0.5')).statusCode).toBe(401);
  });

  it('deletes the windows that are over and keeps the running ones', async () => {
    await countAttempt(ctx.db, 'test ended', seconds(3000), 60_000);
    await countAttempt(ctx.db, 'test running', seconds(3030), 60_000);
    await deleteExpiredRateLimitWindows(ctx.db, seconds(3060));
    const keys = await ctx.db.selectFrom('rate_limit_window').select('key').where('key', 'like', 'test %').execute();
    expect(keys).toEqual([{ key: 'test running' }]);
  });
});
