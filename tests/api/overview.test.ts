import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { loginAs, newCompany, newGroup, newUnit, newUser, newYouth } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';

const NOW = new Date('2026-11-22T10:00:00Z');
const PERIOD = 'from=2026-11-01&to=2026-11-22';

type Unit = Awaited<ReturnType<typeof newUnit>>;
type Headers = { cookie: string };

describe.each(engines)('the leader overview on %s', (engine) => {
  let ctx: TestContext;
  let unit: Unit;
  let other: Unit;
  let second: { id: string; name: string; headers: Headers };
  let groupA: { id: string; name: string };
  let groupB: { id: string; name: string };

  const headers = () => unit.caseworker.headers;
  const at = (day: string, time = '10:00:00') => `${day}T${time}+01:00`;

  async function send(journeyId: string, event: Record<string, unknown>) {
    const answer = await sendEvent(ctx.app, headers(), journeyId, event);
    if (answer.statusCode !== 201) throw new Error(`${String(event['type'])} failed: ${answer.body}`);
  }

  /** A journey through first conversation, visitation and a group, each on the given day. */
  async function journey(options: {
    firstContact: string;
    conversation?: string;
    visitation?: { day: string; category?: 'education_ready' };
    group?: { id: string; day: string };
    caseworkerId?: string;
  }) {
    const youth = await newYouth(ctx.app, headers());
    const opened = await openJourney(ctx.app, headers(), youth.id, {
      firstContactAt: options.firstContact,
      ...(options.caseworkerId ? { caseworkerId: options.caseworkerId } : {}),
    });
    if (options.conversation) {
      await send(opened.id, { type: 'FIRST_CONVERSATION_HELD', occurredAt: at(options.conversation, '09:00:00') });
    }
    if (options.visitation) {
      const category = options.visitation.category
        ? { category: options.visitation.category, overrideReason: 'Vurderet ved samtalen' }
        : {};
      await send(opened.id, { ...activityReadyVisitation(category), occurredAt: at(options.visitation.day) });
    }
    if (options.group) {
      await send(opened.id, {
        type: 'GROUP_ASSIGNED',
        groupId: options.group.id,
        occurredAt: at(options.group.day, '11:00:00'),
      });
    }
    return opened.id;
  }

  const activity = (journeyId: string, kind: string, day: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/journeys/${journeyId}/activities`,
      headers: headers(),
      payload: { kind, occurredAt: at(day) },
    });
  const measure = (journeyId: string, measuredOn: string, scores: Record<string, number>) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/journeys/${journeyId}/progression`,
      headers: headers(),
      payload: { measuredOn, assessedBy: 'youth', scores },
    });
  const overview = (query: string, as: Headers = unit.leader.headers) =>
    ctx.app.inject({ method: 'GET', url: `/api/overview?${query}`, headers: as });

  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    other = await newUnit(ctx.app, ctx.db);
    const user = await newUser(ctx.db, { municipalityId: unit.municipality.id, name: 'Åse Ølgaard' });
    second = { ...user, name: 'Åse Ølgaard', headers: await loginAs(ctx.app, user) };
    groupA = await newGroup(ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Gruppe Nord',
    });
    groupB = await newGroup(ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Gruppe Syd',
    });

    // 1. Conversation the same day, activity-ready, in group Nord, mentor contact on the 20th.
    const one = await journey({
      firstContact: '2026-11-02',
      conversation: '2026-11-02',
      visitation: { day: '2026-11-02' },
      group: { id: groupA.id, day: '2026-11-02' },
    });
    await activity(one, 'mentor_contact', '2026-11-20');
    await measure(one, '2026-11-03', { beliefInOwnAbilities: 3, network: 4 });
    await measure(one, '2026-11-20', { beliefInOwnAbilities: 6 });

    // 2. Conversation within a week, education-ready, in group Nord, nothing since the 5th: passive.
    const two = await journey({
      firstContact: '2026-11-02',
      conversation: '2026-11-05',
      visitation: { day: '2026-11-05', category: 'education_ready' },
      group: { id: groupA.id, day: '2026-11-05' },
    });
    await measure(two, '2026-11-05', { beliefInOwnAbilities: 9 });

    // 3. Conversation within a month, in group Syd and placed at a company, for the second caseworker.
    const three = await journey({
      firstContact: '2026-11-02',
      conversation: '2026-11-20',
      visitation: { day: '2026-11-20' },
      group: { id: groupB.id, day: '2026-11-20' },
      caseworkerId: second.id,
    });
    const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
    await send(three, {
      type: 'PLACEMENT_STARTED',
      companyId: company.id,
      kind: 'internship',
      hoursPerWeek: 20,
      chosenByYouth: true,
      occurredAt: at('2026-11-21'),
    });

    // 4. First contact on the 10th, no conversation yet.
    await journey({ firstContact: '2026-11-10' });

    // 5. First contact and visitation before the period; exited in the period to education.
    const five = await journey({
      firstContact: '2026-09-01',
      conversation: '2026-09-01',
      visitation: { day: '2026-09-02' },
      group: { id: groupA.id, day: '2026-09-02' },
    });
    await send(five, { type: 'EXITED', outcome: 'education', occurredAt: at('2026-11-15') });

    // 6. Exited in August to a job, its 3-month follow-up recorded in the period: in a job.
    const six = await journey({
      firstContact: '2026-06-01',
      conversation: '2026-06-01',
      visitation: { day: '2026-06-02' },
      group: { id: groupB.id, day: '2026-06-02' },
    });
    await send(six, { type: 'EXITED', outcome: 'job', occurredAt: at('2026-08-10') });
    await send(six, { type: 'FOLLOW_UP_RECORDED', month: 3, status: 'in_job', occurredAt: at('2026-11-12') });

    // Another municipality's youth, visitated in the period, must not count.
    const stranger = await newYouth(ctx.app, other.caseworker.headers);
    const foreign = await openJourney(ctx.app, other.caseworker.headers, stranger.id, { firstContactAt: '2026-11-03' });
    await sendEvent(ctx.app, other.caseworker.headers, foreign.id, {
      type: 'FIRST_CONVERSATION_HELD',
      occurredAt: at('2026-11-03'),
    });
    await sendEvent(ctx.app, other.caseworker.headers, foreign.id, {
      ...activityReadyVisitation(),
      occurredAt: at('2026-11-03'),
    });
  });
  afterAll(() => ctx.close());

  async function unitRow() {
    const answer = await overview(`${PERIOD}&by=unit`);
    expect(answer.statusCode).toBe(200);
    const body = answer.json();
    expect(body.rows).toHaveLength(1);
    return body.rows[0];
  }

  it('counts the journeys visitated in the period by their decided category', async () => {
    expect((await unitRow()).visitationCategories).toEqual({
      total: 3,
      counts: { obviously_education_ready: 0, education_ready: 1, activity_ready: 2 },
    });
  });

  it('buckets the time from first contact to first conversation for first contacts in the period', async () => {
    expect((await unitRow()).firstConversation).toEqual({
      total: 4,
      counts: { sameDay: 1, withinWeek: 1, withinMonth: 1, later: 0, notYet: 1 },
    });
  });

  it('gives the share with an active offer among journeys in intake, active or paused', async () => {
    // Journeys 1, 2 and 3 are active and in a group; journey 4 is still referred.
    expect((await unitRow()).activeOffer).toEqual({ numerator: 3, denominator: 3, percent: 100 });
  });

  it('counts an active youth with no activity for 14 days as passive', async () => {
    expect((await unitRow()).passive).toEqual({ numerator: 1, denominator: 3, percent: 33.3 });
  });

  it('gives the shares in placement and with a mentor contact in the period', async () => {
    const row = await unitRow();
    expect(row.inPlacement).toEqual({ numerator: 1, denominator: 3, percent: 33.3 });
    expect(row.mentorContact).toEqual({ numerator: 1, denominator: 3, percent: 33.3 });
  });

  it('counts the outcomes of journeys exited in the period and the follow-ups recorded in it', async () => {
    const row = await unitRow();
    expect(row.exitOutcomes).toEqual({
      total: 1,
      counts: { job: 0, education: 1, other_support: 0, dropped_out: 0, moved: 0, other: 0 },
    });
    expect(row.followUps).toEqual({ total: 1, counts: { in_job: 1, in_education: 0, back_on_benefit: 0, unknown: 0 } });
  });

  it('averages the latest progression score of each journey per factor', async () => {
    const progression = (await unitRow()).progression;
    expect(progression).toContainEqual({ factor: 'beliefInOwnAbilities', numerator: 15, denominator: 2, average: 7.5 });
    expect(progression).toContainEqual({ factor: 'network', numerator: 4, denominator: 1, average: 4 });
    expect(progression).toContainEqual({ factor: 'readiness', numerator: 0, denominator: 0, average: null });
  });

  it('gives one row per caseworker with their own journeys', async () => {
    const body = (await overview(`${PERIOD}&by=caseworker`)).json();
    const mine = body.rows.find((r: { id: string }) => r.id === unit.caseworker.id);
    const theirs = body.rows.find((r: { id: string }) => r.id === second.id);
    expect(theirs).toMatchObject({ label: second.name, inPlacement: { numerator: 1, denominator: 1, percent: 100 } });
    expect(mine.inPlacement).toEqual({ numerator: 0, denominator: 2, percent: 0 });
  });

  it('gives one row per network group and one for youth not in a group', async () => {
    const body = (await overview(`${PERIOD}&by=group`)).json();
    expect(body.rows.map((r: { label: string }) => r.label)).toEqual(['Gruppe Nord', 'Gruppe Syd', 'Ikke i en gruppe']);
    expect(body.rows[0].visitationCategories.total).toBe(2);
    expect(body.rows[1].visitationCategories.total).toBe(1);
    expect(body.rows[2].firstConversation.counts.notYet).toBe(1);
  });

  it('counts nothing outside the period', async () => {
    const row = (await overview('from=2026-10-01&to=2026-10-31&by=unit')).json().rows[0];
    expect(row.visitationCategories.total).toBe(0);
    expect(row.exitOutcomes.total).toBe(0);
    expect(row.firstConversation.total).toBe(0);
  });

  it('shows another municipality only its own journeys', async () => {
    const row = (await overview(`${PERIOD}&by=unit`, other.leader.headers)).json().rows[0];
    expect(row.visitationCategories).toEqual({
      total: 1,
      counts: { obviously_education_ready: 0, education_ready: 0, activity_ready: 1 },
    });
    expect(row.firstConversation.total).toBe(1);
  });

  it('refuses caseworkers', async () => {
    expect((await overview(PERIOD, unit.caseworker.headers)).statusCode).toBe(403);
    const csv = await ctx.app.inject({ method: 'GET', url: `/api/overview.csv?${PERIOD}`, headers: headers() });
    expect(csv.statusCode).toBe(403);
  });

  it('refuses a period that ends before it starts, in Danish', async () => {
    const answer = await overview('from=2026-11-22&to=2026-11-01');
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.details).toEqual([
      { field: 'to', message: 'Slutdatoen må ikke ligge før startdatoen.' },
    ]);
  });

  it('logs the leader reading the overview with its criteria', async () => {
    await overview(`${PERIOD}&by=group`);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .where('municipality_id', '=', unit.municipality.id)
      .where('action', '=', 'journey.listed')
      .where('user_id', '=', unit.leader.id)
      .select('details')
      .execute();
    expect(audit.map((a) => a.details)).toContainEqual(
      expect.objectContaining({ criteria: { view: 'overview', from: '2026-11-01', to: '2026-11-22', by: 'group' } }),
    );
  });

  it('exports the figures as Excel-ready CSV with Danish headings', async () => {
    const answer = await ctx.app.inject({
      method: 'GET',
      url: `/api/overview.csv?${PERIOD}&by=caseworker`,
      headers: unit.leader.headers,
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [heading, ...rows] = answer.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
    const headings = heading!.split(';');
    expect(headings.slice(0, 3)).toEqual([
      'Rådgiver',
      'Fordeling på visitationskategori: I alt',
      'Fordeling på visitationskategori: Åbenlyst uddannelsesparat',
    ]);
    const row = rows.find((r) => r.startsWith(`${second.name};`))!.split(';');
    expect(row[headings.indexOf('Andel i praktik: antal')]).toBe('1');
    expect(row[headings.indexOf('Andel i praktik: ud af')]).toBe('1');
    expect(row[headings.indexOf('Andel i praktik: pct.')]).toBe('100');
  });

  it('exports English headings and decimal points with lang=en', async () => {
    const answer = await ctx.app.inject({
      method: 'GET',
      url: `/api/overview.csv?${PERIOD}&lang=en`,
      headers: unit.leader.headers,
    });
    const [heading, row] = answer.rawPayload.subarray(3).toString('utf8').split('\r\n');
    const headings = heading!.split(';');
    expect(headings[0]).toBe('Unit');
    const cells = row!.split(';');
    expect(cells[0]).toBe('The whole unit');
    expect(cells[headings.indexOf('Share passive (no activity for 14 days): percent')]).toBe('33.3');
  });
});
