import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newUnit, newYouth, TEST_PASSWORD } from '../support/factories.ts';

describe.each(engines)('audit log on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  beforeAll(async () => {
    ctx = await startTestApp(engine);
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const entries = (filter: { youthId?: string; action?: string; userId?: string }) => {
    let q = ctx.db.selectFrom('audit_log').selectAll().where('municipality_id', '=', unit.municipality.id);
    if (filter.youthId) q = q.where('youth_id', '=', filter.youthId);
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.userId) q = q.where('user_id', '=', filter.userId);
    return q.orderBy('id').execute();
  };

  it('records create, read, reveal and change of a youth with who and which youth', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    await ctx.app.inject({ method: 'GET', url: `/api/youth/${youth.id}`, headers: unit.caseworker.headers });
    await ctx.app.inject({ method: 'GET', url: `/api/youth/${youth.id}?reveal=cpr`, headers: unit.leader.headers });
    await ctx.app.inject({
      method: 'PATCH',
      url: `/api/youth/${youth.id}`,
      headers: unit.caseworker.headers,
      payload: { version: 1, phone: '11223344' },
    });
    const rows = await entries({ youthId: youth.id });
    expect(rows.map((r) => [r.action, r.user_id])).toEqual([
      ['youth.created', unit.caseworker.id],
      ['youth.read', unit.caseworker.id],
      ['youth.cpr_revealed', unit.leader.id],
      ['youth.updated', unit.caseworker.id],
    ]);
    expect(rows[3]?.details).toEqual({ fields: ['phone'] });
    expect(JSON.stringify(rows)).not.toContain('11223344');
  });

  it('records a search with its criteria, masking a CPR criterion, and the youth it found', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const digits = youth.enteredCpr.replace('-', '');
    await ctx.app.inject({ method: 'GET', url: `/api/youth?query=${digits}`, headers: unit.caseworker.headers });
    const [row] = (await entries({ action: 'youth.searched', userId: unit.caseworker.id })).slice(-1);
    expect(row?.details).toMatchObject({
      criteria: { query: `${digits.slice(0, 6)}-XXXX`, by: 'cpr', page: 1, pageSize: 25 },
      resultCount: 1,
      youthIds: [youth.id],
    });
    expect(JSON.stringify(row)).not.toContain(digits);
  });

  it('records login successes and failures, including for unknown e-mails', async () => {
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: unit.leader.email, password: 'forkert' },
    });
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: unit.leader.email, password: TEST_PASSWORD },
    });
    await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ukendt@x.dk', password: 'x' } });
    const mine = await entries({ userId: unit.leader.id });
    const actions = mine.map((r) => r.action);
    expect(actions).toContain('auth.login_failed');
    expect(actions.lastIndexOf('auth.login_succeeded')).toBeGreaterThan(actions.indexOf('auth.login_failed'));
    const unknown = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.login_failed')
      .where('municipality_id', 'is', null)
      .execute();
    expect(unknown.some((r) => r.details.email === 'ukendt@x.dk')).toBe(true);
    expect(JSON.stringify(mine)).not.toContain(TEST_PASSWORD);
  });

  it('refuses to change, delete or truncate audit rows, even in SQL', async () => {
    await newYouth(ctx.app, unit.caseworker.headers);
    await expect(sql`update audit_log set action = 'x'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
    expect((await entries({})).length).toBeGreaterThan(0);
  });

  it('lists the log for leaders with filters on user, youth, action and period', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    await ctx.app.inject({ method: 'GET', url: `/api/youth/${youth.id}`, headers: unit.caseworker.headers });
    const byYouth = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?youthId=${youth.id}`,
      headers: unit.leader.headers,
    });
    expect(byYouth.statusCode).toBe(200);
    expect(byYouth.json().items.map((e: { action: string }) => e.action)).toEqual(['youth.read', 'youth.created']);
    const byAction = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?action=youth.read&userId=${unit.caseworker.id}`,
      headers: unit.admin.headers,
    });
    expect(
      byAction
        .json()
        .items.every(
          (e: { action: string; userId: string }) => e.action === 'youth.read' && e.userId === unit.caseworker.id,
        ),
    ).toBe(true);
    const future = await ctx.app.inject({
      method: 'GET',
      url: '/api/audit?from=2099-01-01',
      headers: unit.leader.headers,
    });
    expect(future.json().total).toBe(0);
    const past = await ctx.app.inject({ method: 'GET', url: '/api/audit?to=2000-01-01', headers: unit.leader.headers });
    expect(past.json().total).toBe(0);
  });

  it('keeps the log of a municipality to itself and from caseworkers', async () => {
    const other = await newUnit(ctx.app, ctx.db);
    const theirs = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?userId=${unit.caseworker.id}`,
      headers: other.leader.headers,
    });
    expect(theirs.json().total).toBe(0);
    const asCaseworker = await ctx.app.inject({ method: 'GET', url: '/api/audit', headers: unit.caseworker.headers });
    expect(asCaseworker.statusCode).toBe(403);
  });

  it('records reading the log itself', async () => {
    await ctx.app.inject({ method: 'GET', url: '/api/audit?action=youth.read', headers: unit.admin.headers });
    const rows = await entries({ action: 'audit.read', userId: unit.admin.id });
    expect(rows.at(-1)?.details).toMatchObject({ criteria: { action: 'youth.read' } });
  });
});
