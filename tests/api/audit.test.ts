import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newUnit, newYouth, TEST_PASSWORD } from '../support/factories.ts';
import { openJourney } from '../support/journeys.ts';

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

  it("records login successes and failures, and keeps the e-mail typed only when it is a user's", async () => {
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
    expect(unknown.length).toBeGreaterThan(0);
    expect(JSON.stringify(unknown)).not.toContain('ukendt@x.dk');
    expect(mine.find((r) => r.action === 'auth.login_failed')?.details).toMatchObject({
      reason: 'wrong_password',
      email: unit.leader.email,
    });
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

  it('exports the entries the filter finds as CSV, Danish headings first, never a CPR number', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers, { name: 'Åse Ærø' });
    const digits = youth.enteredCpr.replace('-', '');
    await ctx.app.inject({ method: 'GET', url: `/api/youth?query=${digits}`, headers: unit.caseworker.headers });
    await ctx.app.inject({ method: 'GET', url: `/api/youth/${youth.id}?reveal=cpr`, headers: unit.caseworker.headers });
    const csv = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit.csv?youthId=${youth.id}`,
      headers: unit.leader.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const lines = csv.body.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Tidspunkt;Bruger;Handling;Handlingskode;Ung;Ung-id;Detaljer;IP-adresse;Forespørgsels-id');
    // Newest first; the search found her among its results, so it is hers too.
    expect(lines.slice(1).map((line) => line.split(';')[3])).toEqual([
      'youth.cpr_revealed',
      'youth.searched',
      'youth.created',
    ]);
    expect(lines[1]).toContain(';CPR-nummer vist;youth.cpr_revealed;Åse Ærø;');
    expect(csv.body).toContain(`${digits.slice(0, 6)}-XXXX`);
    expect(csv.body).not.toContain(digits);
    const english = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit.csv?youthId=${youth.id}&lang=en`,
      headers: unit.admin.headers,
    });
    expect(english.body.slice(1).split('\r\n')[1]).toContain(';CPR number shown;youth.cpr_revealed;');
    const exported = await entries({ action: 'audit.read', userId: unit.leader.id });
    expect(exported.at(-1)?.details).toMatchObject({ format: 'csv', resultCount: 3, criteria: { youthId: youth.id } });
    const asCaseworker = await ctx.app.inject({
      method: 'GET',
      url: '/api/audit.csv',
      headers: unit.caseworker.headers,
    });
    expect(asCaseworker.statusCode).toBe(403);
  });

  it('finds under a youth the caseload lists that showed the youth among others', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    await openJourney(ctx.app, unit.caseworker.headers, youth.id);
    await ctx.app.inject({
      method: 'GET',
      url: `/api/journeys?caseworkerId=${unit.caseworker.id}&open=true&pageSize=100`,
      headers: unit.leader.headers,
    });
    const found = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?youthId=${youth.id}&action=journey.listed`,
      headers: unit.admin.headers,
    });
    expect(found.json().items.map((e: { userId: string; youthId: string | null }) => [e.userId, e.youthId])).toEqual([
      [unit.leader.id, null],
    ]);
  });

  it('refuses a CSV of more than 10,000 entries and asks for a narrower filter', async () => {
    const busy = await newUnit(ctx.app, ctx.db);
    await sql`insert into audit_log (municipality_id, user_id, action)
              select ${busy.municipality.id}::uuid, ${busy.caseworker.id}::uuid, 'journey.listed'
              from generate_series(1, 10001)`.execute(ctx.db);
    const refused = await ctx.app.inject({ method: 'GET', url: '/api/audit.csv', headers: busy.leader.headers });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      {
        field: 'from',
        message:
          'Der er for mange handlinger til én CSV-fil (højst 10.000). Vælg en kortere periode eller flere filtre.',
      },
    ]);
    const narrower = await ctx.app.inject({
      method: 'GET',
      url: '/api/audit.csv?action=auth.login_succeeded',
      headers: busy.leader.headers,
    });
    expect(narrower.statusCode).toBe(200);
  });

  it('records reading the log itself', async () => {
    await ctx.app.inject({ method: 'GET', url: '/api/audit?action=youth.read', headers: unit.admin.headers });
    const rows = await entries({ action: 'audit.read', userId: unit.admin.id });
    expect(rows.at(-1)?.details).toMatchObject({ criteria: { action: 'youth.read' } });
  });
});
