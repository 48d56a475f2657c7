import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure, walkToIntake } from '../../examples/api-client/walk-to-intake.ts';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newCpr, newUnit } from '../support/factories.ts';

/**
 * The example client of examples/api-client, run as an integrating system would run it: over
 * HTTP against a listening server, with a personal API token, through the generated types.
 */
describe.each(engines)('the example API client on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let baseUrl: string;

  beforeAll(async () => {
    ctx = await startTestApp(engine);
    unit = await newUnit(ctx.app, ctx.db);
    baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => ctx.close());

  /** A personal API token of the user whose session `headers` carries, made as the README says. */
  async function tokenOf(headers: { cookie: string }): Promise<string> {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers,
      payload: { name: 'Example client' },
    });
    expect(created.statusCode).toBe(201);
    return created.json<{ token: string }>().token;
  }

  /** A youth of 20 this year, so the eligibility rules take them whenever the test runs. */
  const youngAdult = () => ({ name: 'Sofie Eksempel', cpr: newCpr(`${new Date().getUTCFullYear() - 20}-05-15`) });

  it('walks a youth from referral through visitation to intake with a token', async () => {
    const token = await tokenOf(unit.caseworker.headers);
    const lines: string[] = [];
    const result = await walkToIntake(baseUrl, token, { youth: youngAdult(), log: (line) => lines.push(line) });

    expect(result.stage).toBe('intake');
    const journey = await ctx.app.inject({
      method: 'GET',
      url: `/api/journeys/${result.journeyId}`,
      headers: unit.caseworker.headers,
    });
    expect(journey.statusCode).toBe(200);
    expect(journey.json()).toMatchObject({ youthId: result.youthId, stage: 'intake', version: result.version });
    expect(journey.json().events.map((e: { type: string }) => e.type)).toEqual([
      'FIRST_CONVERSATION_HELD',
      'VISITATION_DECIDED',
    ]);
    expect(lines[0]).toMatch(/^Logged in as .* \(caseworker\)\.$/);
    expect(lines.at(-1)).toMatch(/is in intake/);
  });

  it('goes on with a youth registered already, and stops at their open journey with its code', async () => {
    const token = await tokenOf(unit.caseworker.headers);
    const youth = youngAdult();
    const first = await walkToIntake(baseUrl, token, { youth, log: () => undefined });

    const lines: string[] = [];
    const again = walkToIntake(baseUrl, token, { youth, log: (line) => lines.push(line) });
    const failure = await again.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ operation: 'openJourney', status: 409, body: { error: { code: 'conflict' } } });
    expect(lines).toContain(`${youth.name} is registered already (${first.youthId}).`);
  });

  it("explains a refusal by its code: an administrator's token may not register youth", async () => {
    const token = await tokenOf(unit.admin.headers);
    const failure = await walkToIntake(baseUrl, token, { youth: youngAdult(), log: () => undefined }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ operation: 'createYouth', status: 403, body: { error: { code: 'forbidden' } } });
    expect((failure as Error).message).toContain('youth and journeys are for caseworkers and leaders');
  });

  it('stops at once with an unknown token', async () => {
    const failure = await walkToIntake(baseUrl, 'uft_not-a-token', { log: () => undefined }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({
      operation: 'getCurrentUser',
      status: 401,
      body: { error: { code: 'unauthenticated' } },
    });
  });
});
