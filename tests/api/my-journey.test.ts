import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newGroup, newUnit, newYouth } from '../support/factories.ts';
import { youthAtIntake } from '../support/journeys.ts';
import { youthSession } from '../support/youth-login.ts';

describe.each(engines)('Mit forløb, the start page, on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  beforeAll(async () => {
    ctx = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  afterAll(() => ctx.close());

  it("shows the youth's next group meeting, next appointment, goal and next steps, and the plan as a PDF; audited as the youth's read", async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    const h = unit.caseworker.headers;
    const group = await newGroup(ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Tirsdagsholdet',
    });
    const { youth, journey } = await youthAtIntake(ctx.app, h, 'Amalie Nørgaard', { groupId: group.id });
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    startsAt.setUTCHours(9, 30, 0, 0);
    const booked = await ctx.app.inject({
      method: 'POST',
      url: `/api/youth/${youth.id}/appointments`,
      headers: h,
      payload: {
        kind: 'job_conversation',
        mode: 'in_person',
        place: 'Jobcentret, lokale 2',
        startsAt: startsAt.toISOString(),
      },
    });
    expect(booked.statusCode).toBe(201);
    const content = await ctx.app.inject({
      method: 'PUT',
      url: `/api/journeys/${journey.id}/plan-content`,
      headers: h,
      payload: {
        goal: 'Jeg vil være tømrer.',
        nextSteps: [{ what: 'Køb arbejdssko', when: '2027-01-15', who: 'Dig selv' }],
        agreements: [],
        stabilisation: [],
        reviewOn: '2027-02-22',
      },
    });
    expect(content.statusCode, content.body).toBe(200);

    const { cookie } = await youthSession(ctx.db, youth.id);
    const page = await ctx.app.inject({ method: 'GET', url: '/mit-forloeb', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/\s+/g, ' ');
    expect(text).toContain('Hej Amalie');
    expect(text).toContain('Tirsdagsholdet');
    const meeting = /next-meeting.*?<\/section>/.exec(text)?.[0] ?? '';
    expect(meeting, meeting).toMatch(/<strong>tirsdag [^<]*kl\. 10\.00<\/strong>/);
    expect(text).toContain('Jobcentret, mødelokale 3');
    expect(text).toContain('Jobcentret, lokale 2');
    expect(text).toContain('Jeg vil være tømrer.');
    expect(text).toContain('Køb arbejdssko');
    expect(text).toContain('Du er ikke i praktik lige nu.');
    expect(text).not.toMatch(/\d{6}-?\d{4}/);

    const pdf = await ctx.app.inject({ method: 'GET', url: '/mit-forloeb/min-plan.pdf', headers: { cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const reads = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'details'])
      .where('youth_id', '=', youth.id)
      .where('action', 'in', ['journey.read', 'plan.rendered'])
      .where('user_id', 'is', null)
      .execute();
    expect(reads.map((r) => [r.action, r.details.by])).toEqual([
      ['journey.read', 'youth'],
      ['plan.rendered', 'youth'],
    ]);

    // Another youth of the same caseworker sees their own page, nothing of Amalie's.
    const other = await newYouth(ctx.app, h, { name: 'Bo Lind' });
    const theirs = await ctx.app.inject({
      method: 'GET',
      url: '/mit-forloeb',
      headers: { cookie: (await youthSession(ctx.db, other.id)).cookie },
    });
    expect(theirs.body).toContain('Hej Bo');
    expect(theirs.body).not.toContain('Amalie');
    expect(theirs.body).toContain('Du har ikke et forløb i gang lige nu.');
    const noPlan = await ctx.app.inject({
      method: 'GET',
      url: '/mit-forloeb/min-plan.pdf',
      headers: { cookie: (await youthSession(ctx.db, other.id)).cookie },
    });
    expect(noPlan.statusCode).toBe(404);
  });
});
