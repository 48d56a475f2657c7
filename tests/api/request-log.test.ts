import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newUnit, newYouth } from '../support/factories.ts';

type Unit = Awaited<ReturnType<typeof newUnit>>;
interface RequestLine {
  level: number;
  msg: string;
  reqId: string;
  method: string;
  url: string;
  route: string;
  statusCode: number;
  responseTime: number;
}

describe.each(engines)('the request log on %s', (engine) => {
  let ctx: TestContext;
  let unit: Unit;
  beforeAll(async () => {
    ctx = await startTestApp(engine);
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  /** What the requests made in `act` wrote to the log, each line parsed. */
  async function linesOf(act: () => Promise<unknown>): Promise<RequestLine[]> {
    const before = ctx.logLines.length;
    await act();
    return ctx.logLines.slice(before).map((line) => JSON.parse(line) as RequestLine);
  }

  it('writes exactly one line per request, whatever the answer', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const requests = [
      { method: 'GET', url: '/api/health' },
      { method: 'GET', url: `/api/youth/${youth.id}`, headers: unit.caseworker.headers },
      { method: 'GET', url: `/api/youth/${youth.id}` },
      { method: 'GET', url: '/api/nothing-here', headers: unit.caseworker.headers },
      { method: 'POST', url: '/api/youth', headers: unit.caseworker.headers, payload: { name: '' } },
      { method: 'GET', url: '/login' },
    ] as const;
    const lines = await linesOf(async () => {
      for (const request of requests) await ctx.app.inject(request);
    });
    expect(lines.map((l) => [l.method, l.route, l.statusCode])).toEqual([
      ['GET', '/api/health', 200],
      ['GET', '/api/youth/:id', 200],
      ['GET', '/api/youth/:id', 401],
      ['GET', 'unmatched', 404],
      ['POST', '/api/youth', 400],
      ['GET', '/login', 200],
    ]);
    // Each request its own id.
    expect(new Set(lines.map((l) => l.reqId)).size).toBe(requests.length);
  });

  it('names method, address, route, status, time and request id, and no query values', async () => {
    const [line] = await linesOf(() =>
      ctx.app.inject({
        method: 'GET',
        url: '/api/youth?query=Hemmeligsen&page=1',
        headers: { ...unit.caseworker.headers, 'x-secret-header': 'not-for-the-log' },
      }),
    );
    expect(line).toMatchObject({
      level: 30,
      method: 'GET',
      url: '/api/youth?query=…&page=…',
      route: '/api/youth',
      statusCode: 200,
      reqId: expect.any(String),
      responseTime: expect.any(Number),
    });
    expect(line?.msg).toMatch(/^GET \/api\/youth\?query=…&page=… 200 [\d.]+ ms$/);
    const raw = JSON.stringify(line);
    expect(raw).not.toContain('Hemmeligsen');
    expect(raw).not.toContain('not-for-the-log');
    expect(raw).not.toContain('ungeflow_session');
  });
});

describe.each(engines)('LOG_FORMAT=pretty on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { env: { LOG_FORMAT: 'pretty' } });
  });
  afterAll(() => ctx.close());

  it('writes readable lines, one per request, instead of JSON', async () => {
    await ctx.app.inject({ method: 'GET', url: '/api/health?probe=secret-value' });
    // pino-pretty writes on its own time.
    await expect.poll(() => ctx.logLines.filter((l) => l.includes('/api/health')).length).toBe(1);
    const [line] = ctx.logLines.filter((l) => l.includes('/api/health'));
    expect(line).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] INFO: GET \/api\/health\?probe=… 200 [\d.]+ ms /);
    expect(line).toContain('"route":"/api/health"');
    expect(line).not.toContain('secret-value');
    expect(line).not.toMatch(/^\{/);
  });
});
