import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyEventSchema, type JourneyEvent, type JourneyEventType } from '../../machines/events.ts';
import { applyEvent, initialSnapshot, stageOf } from '../../machines/journey.ts';
import { listOverviewJourneys } from '../../src/overview/overview.repository.ts';
import { type StageEvent, stageAfter } from '../../src/overview/overview.stages.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { loginAs, newCompany, newGroup, newUnit, newUser, newYouth, putSettings } from '../support/factories.ts';
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
      await send(opened.id, {
        type: 'FIRST_CONVERSATION_HELD',
        mode: 'in_person',
        occurredAt: at(options.conversation, '09:00:00'),
      });
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
        canTakePart15HoursAWeek: true,
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
      mode: 'in_person',
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
      counts: { obviously_education_ready: 0, education_ready: 1, job_ready: 0, activity_ready: 2 },
    });
  });

  it('buckets the time from first contact to first conversation for first contacts in the period', async () => {
    expect((await unitRow()).firstConversation).toEqual({
      total: 4,
      counts: { sameDay: 1, withinWeek: 1, withinMonth: 1, later: 0, notYet: 1 },
    });
  });

  it('counts an active youth with no activity for 14 days as passive', async () => {
    expect((await unitRow()).passive).toEqual({ numerator: 1, denominator: 3, percent: 33.3 });
  });

  it('gives the share in placement at the end of the period and with a mentor contact in the period', async () => {
    const row = await unitRow();
    expect(row.inPlacement).toEqual({ numerator: 1, denominator: 3, percent: 33.3 });
    // Journeys 1, 2 and 3, and journey 5, which was active in the period until it exited on the
    // 15th: the mentor share counts everyone in the programme at some time in the period.
    expect(row.mentorContact).toEqual({ numerator: 1, denominator: 4, percent: 25 });
  });

  it('says the status figures are taken today while the period runs, with the passive threshold', async () => {
    const body = (await overview('from=2026-11-01&to=2026-11-30&by=unit')).json();
    expect(body).toMatchObject({ statusOn: '2026-11-22', passiveAfterDays: 14 });
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
      counts: { obviously_education_ready: 0, education_ready: 0, job_ready: 0, activity_ready: 1 },
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
    expect(cells[headings.indexOf('Share without recorded activity for 14 days: percent')]).toBe('33.3');
  });
});

describe.each(engines)('the leader overview of a past period on %s', (engine) => {
  // October, read on 22 November: what happened in November must not show in October's figures.
  const OCTOBER = 'from=2026-10-01&to=2026-10-31';
  let ctx: Awaited<ReturnType<typeof startTestApp>>;
  let unit: Unit;
  let second: { id: string; name: string };
  let groupA: { id: string; name: string };
  let groupB: { id: string; name: string };
  const journeys: Record<string, string> = {};

  const headers = () => unit.caseworker.headers;
  const at = (day: string, time = '10:00:00') => `${day}T${time}+01:00`;

  async function send(journeyId: string, event: Record<string, unknown>) {
    const answer = await sendEvent(ctx.app, headers(), journeyId, event);
    if (answer.statusCode !== 201) throw new Error(`${String(event['type'])} failed: ${answer.body}`);
    return answer.json<{ context: { currentPlacement: { placementId: string } | null } }>();
  }
  async function activity(journeyId: string, kind: string, day: string) {
    const answer = await ctx.app.inject({
      method: 'POST',
      url: `/api/journeys/${journeyId}/activities`,
      headers: headers(),
      payload: { kind, occurredAt: at(day) },
    });
    if (answer.statusCode !== 201) throw new Error(`activity failed: ${answer.body}`);
  }
  /** A journey through first conversation and visitation, and into a group when given. */
  async function journey(options: {
    firstContact: string;
    conversation?: string;
    visitation: string;
    group?: { id: string; day: string };
    category?: 'obviously_education_ready';
  }) {
    const youth = await newYouth(ctx.app, headers());
    const opened = await openJourney(ctx.app, headers(), youth.id, { firstContactAt: options.firstContact });
    await send(opened.id, {
      type: 'FIRST_CONVERSATION_HELD',
      mode: 'in_person',
      occurredAt: at(options.conversation ?? options.firstContact, '09:00:00'),
    });
    const category = options.category
      ? { category: options.category, overrideReason: 'Kan starte på uddannelse nu' }
      : {};
    await send(opened.id, { ...activityReadyVisitation(category), occurredAt: at(options.visitation) });
    if (options.group) {
      await send(opened.id, {
        type: 'GROUP_ASSIGNED',
        canTakePart15HoursAWeek: true,
        groupId: options.group.id,
        occurredAt: at(options.group.day),
      });
    }
    return opened.id;
  }
  const overview = async (query: string) => {
    const answer = await ctx.app.inject({ method: 'GET', url: `/api/overview?${query}`, headers: unit.leader.headers });
    expect(answer.statusCode).toBe(200);
    return answer.json();
  };
  const unitRow = async (query = OCTOBER) => (await overview(`${query}&by=unit`)).rows[0];

  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    const user = await newUser(ctx.db, { municipalityId: unit.municipality.id, name: 'Bo Andersen' });
    second = { id: user.id, name: 'Bo Andersen' };
    const facilitator = { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id };
    groupA = await newGroup(ctx.db, { ...facilitator, name: 'Gruppe A' });
    groupB = await newGroup(ctx.db, { ...facilitator, name: 'Gruppe B' });
    const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id, placementCapacity: 5 });
    const inA = { id: groupA.id, day: '2026-09-03' };
    const inB = { id: groupB.id, day: '2026-09-03' };
    const since = { firstContact: '2026-09-01', visitation: '2026-09-02' };
    const placement = (day: string) => ({
      type: 'PLACEMENT_STARTED',
      companyId: company.id,
      kind: 'internship',
      hoursPerWeek: 20,
      chosenByYouth: true,
      occurredAt: at(day),
    });

    // Active in group A with a mentor contact in October; exited to a job in November.
    journeys['exitedLater'] = await journey({ ...since, group: inA });
    await activity(journeys['exitedLater'], 'mentor_contact', '2026-10-25');
    await send(journeys['exitedLater'], { type: 'EXITED', outcome: 'job', occurredAt: at('2026-11-10') });

    // Placed from 5 October, with hours worked in the week of 19 October (its only recent
    // activity, counted at the end of that week); the placement ended in November.
    journeys['placedInOctober'] = await journey({ ...since, group: inA });
    const started = await send(journeys['placedInOctober'], placement('2026-10-05'));
    const placementId = started.context.currentPlacement?.placementId;
    const hours = await ctx.app.inject({
      method: 'PUT',
      url: `/api/placements/${placementId}/hours/2026-10-19`,
      headers: headers(),
      payload: { hours: 18 },
    });
    expect(hours.statusCode).toBe(200);
    await send(journeys['placedInOctober'], {
      type: 'PLACEMENT_ENDED',
      placementId,
      occurredAt: at('2026-11-03'),
    });

    // Nothing recorded since joining group A in September (passive in October); placed in November.
    journeys['placedLater'] = await journey({ ...since, group: inA });
    await send(journeys['placedLater'], placement('2026-11-04'));
    await activity(journeys['placedLater'], 'other_contact', '2026-11-05');

    // In group A in October; moved to group B in November.
    journeys['movedLater'] = await journey({ ...since, group: inA });
    await activity(journeys['movedLater'], 'other_contact', '2026-10-29');
    await send(journeys['movedLater'], {
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId: groupB.id,
      occurredAt: at('2026-11-02'),
    });

    // Activity in October and again in November; reassigned to the second caseworker afterwards.
    journeys['reassignedLater'] = await journey({ ...since, group: inA });
    await activity(journeys['reassignedLater'], 'other_contact', '2026-10-25');
    await activity(journeys['reassignedLater'], 'other_contact', '2026-11-10');
    const moved = await ctx.app.inject({
      method: 'PUT',
      url: `/api/journeys/${journeys['reassignedLater']}/caseworker`,
      headers: unit.leader.headers,
      payload: { caseworkerId: second.id },
    });
    expect(moved.statusCode).toBeLessThan(300);

    // First contact and visitation in October, ready for a group at its end; group A in November.
    journeys['intakeAtEnd'] = await journey({
      firstContact: '2026-10-15',
      conversation: '2026-10-16',
      visitation: '2026-10-20',
    });
    await send(journeys['intakeAtEnd'], {
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId: groupA.id,
      occurredAt: at('2026-11-05'),
    });

    // Paused from 20 October to 3 November.
    journeys['pausedAtEnd'] = await journey({ ...since, group: inA });
    await send(journeys['pausedAtEnd'], {
      type: 'PAUSED',
      reason: 'illness',
      expectedReturn: '2026-11-01',
      occurredAt: at('2026-10-20'),
    });
    await send(journeys['pausedAtEnd'], { type: 'RESUMED', occurredAt: at('2026-11-03') });

    // In group B with a mentor contact on 8 October; exited to education on 20 October.
    journeys['exitedInOctober'] = await journey({ ...since, group: inB });
    await activity(journeys['exitedInOctober'], 'mentor_contact', '2026-10-08');
    await send(journeys['exitedInOctober'], { type: 'EXITED', outcome: 'education', occurredAt: at('2026-10-20') });

    // In group B, active on 30 October; withdrawn in November.
    journeys['withdrawnLater'] = await journey({ ...since, group: inB });
    await activity(journeys['withdrawnLater'], 'other_contact', '2026-10-30');
    await send(journeys['withdrawnLater'], { type: 'WITHDRAWN', reason: 'Flyttet', occurredAt: at('2026-11-15') });

    // Obviously education-ready: outside the target group, redirected at the visitation on 5 October.
    journeys['redirected'] = await journey({
      firstContact: '2026-10-03',
      visitation: '2026-10-05',
      category: 'obviously_education_ready',
    });

    // Started after October.
    journeys['startedLater'] = await journey({
      firstContact: '2026-11-03',
      visitation: '2026-11-04',
      group: { id: groupA.id, day: '2026-11-04' },
    });
  });
  afterAll(() => ctx.close());

  it('rebuilds from the event log the stage the statechart stored, for every journey', async () => {
    const stored = await ctx.db
      .selectFrom('journey')
      .where('municipality_id', '=', unit.municipality.id)
      .select(['id', 'stage'])
      .execute();
    const far = new Date('2100-01-01T00:00:00Z');
    const rebuilt = await listOverviewJourneys(ctx.db, unit.municipality.id, {
      from: '1970-01-01',
      to: '2099-12-31',
      start: new Date(0),
      end: far,
      asOf: far,
      asOfDay: '2099-12-31',
      activeSince: far,
      activeSinceDay: '2099-12-31',
    });
    expect(new Set(stored.map((j) => j.stage))).toEqual(new Set(['active', 'followUp', 'closed', 'redirected']));
    expect(Object.fromEntries(rebuilt.map((j) => [j.id, stageAfter(j.eventAtEnd)]))).toEqual(
      Object.fromEntries(stored.map((j) => [j.id, j.stage])),
    );
  });

  it('counts stage, group and placement as they were at the end of the period', async () => {
    const row = await unitRow();
    // Ready for a group, active or paused on 31 October: everyone but the journey that exited in
    // October, the redirected one and the one that started in November. One was placed (the
    // placement that started in November is not).
    expect(row.inPlacement).toEqual({ numerator: 1, denominator: 8, percent: 12.5 });
  });

  it('counts as passive only the youth active at the end of the period without activity for 14 days', async () => {
    // Active on 31 October: six (not the paused one, not the one ready for a group). Only the one
    // with nothing since September was passive; activity in November does not reach back.
    expect((await unitRow()).passive).toEqual({ numerator: 1, denominator: 6, percent: 16.7 });
  });

  it('uses the municipality’s own passive threshold', async () => {
    const put = (risk: Record<string, number>) => putSettings(ctx.app, unit.admin.headers, { risk });
    expect((await put({ passiveDays: 5 })).statusCode).toBe(200);
    try {
      const body = await overview(`${OCTOBER}&by=unit`);
      // Activity up to 25 October (the hours of the week that ended that day included) no longer
      // reaches 31 October: three more are passive.
      expect(body.passiveAfterDays).toBe(5);
      expect(body.rows[0].passive).toEqual({ numerator: 4, denominator: 6, percent: 66.7 });
      const csv = await ctx.app.inject({
        method: 'GET',
        url: `/api/overview.csv?${OCTOBER}`,
        headers: unit.leader.headers,
      });
      expect(csv.body).toContain('Andel uden registreret aktivitet i 5 dage: antal');
    } finally {
      await put({});
    }
  });

  it('counts mentor contacts among everyone in the programme at some time in the period', async () => {
    // Nine were ready for a group, active or paused during October (the eight at its end and the
    // one that exited on the 20th); two had a mentor contact in October.
    expect((await unitRow()).mentorContact).toEqual({ numerator: 2, denominator: 9, percent: 22.2 });
  });

  it('counts the visitations, first contacts and exits of the period, not those after it', async () => {
    const row = await unitRow();
    expect(row.visitationCategories).toEqual({
      total: 2,
      counts: { obviously_education_ready: 1, education_ready: 0, job_ready: 0, activity_ready: 1 },
    });
    expect(row.firstConversation).toEqual({
      total: 2,
      counts: { sameDay: 1, withinWeek: 1, withinMonth: 0, later: 0, notYet: 0 },
    });
    expect(row.exitOutcomes.total).toBe(1);
    expect(row.exitOutcomes.counts.education).toBe(1);
  });

  it('does not count a journey that started after the period', async () => {
    const october = await unitRow();
    const november = await unitRow('from=2026-11-01&to=2026-11-22');
    expect(october.firstConversation.total).toBe(2);
    expect(november.firstConversation.total).toBe(1);
    expect(november.visitationCategories.total).toBe(1);
    // In the programme from 4 November: one of nine in November's mentor share, none of October's.
    expect(november.mentorContact.denominator).toBe(9);
    expect(october.inPlacement.denominator).toBe(8);
  });

  it('puts each youth in the network group they were last in at the end of the period', async () => {
    const rows = (await overview(`${OCTOBER}&by=group`)).rows;
    expect(rows.map((r: { label: string }) => r.label)).toEqual(['Gruppe A', 'Gruppe B', 'Ikke i en gruppe']);
    const [a, b, none] = rows;
    // Group A: the five active there and the paused one (the one moved to B in November included).
    expect(a.inPlacement.denominator).toBe(6);
    // Group B: the one withdrawn in November; the one that exited in October counts here for its exit.
    expect(b.inPlacement.denominator).toBe(1);
    expect(b.exitOutcomes.total).toBe(1);
    expect(b.mentorContact).toEqual({ numerator: 1, denominator: 2, percent: 50 });
    // Not in a group: the one ready for a group (group A only in November) and the redirected one.
    expect(none.inPlacement.denominator).toBe(1);
    expect(none.visitationCategories.total).toBe(2);
  });

  it('puts a journey reassigned after the period with the caseworker who had it then', async () => {
    const reassignment = await ctx.db
      .selectFrom('audit_log')
      .where('municipality_id', '=', unit.municipality.id)
      .where('action', '=', 'journey.reassigned')
      .select('occurred_at')
      .executeTakeFirstOrThrow();
    // The audit log is stamped by the database clock: the reassignment lies after October.
    expect(reassignment.occurred_at.getTime()).toBeGreaterThan(Date.parse('2026-11-01T00:00:00+01:00'));
    const current = await ctx.db
      .selectFrom('journey')
      .where('id', '=', journeys['reassignedLater']!)
      .select('caseworker_id')
      .executeTakeFirstOrThrow();
    expect(current.caseworker_id).toBe(second.id);

    const rows = (await overview(`${OCTOBER}&by=caseworker`)).rows;
    expect(rows.map((r: { id: string }) => r.id)).toEqual([unit.caseworker.id]);
    expect(rows[0].inPlacement).toEqual({ numerator: 1, denominator: 8, percent: 12.5 });
  });
});

describe('the stage read off a journey event', () => {
  const actorId = randomUUID();
  let minute = 0;
  /** An event as the service sends it, a minute after the previous one. */
  const event = (type: JourneyEventType, payload: Record<string, unknown> = {}): JourneyEvent =>
    journeyEventSchema.parse({
      type,
      actorId,
      occurredAt: new Date(Date.UTC(2026, 2, 2, 9, minute++)).toISOString(),
      ...payload,
    });
  const visitation = (eligible: boolean, arm?: 'control' | 'treatment') =>
    event('VISITATION_DECIDED', {
      category: 'activity_ready',
      suggestedCategory: 'activity_ready',
      barriers: ['mental_health'],
      eligibility: { eligible, code: 'test' },
      ...(arm ? { randomisation: { arm, seed: 'test' } } : {}),
    });
  /** What the overview reads of an event from the event log's payload. */
  const stageEvent = (e: JourneyEvent): StageEvent => ({
    type: e.type,
    eligible: e.type === 'VISITATION_DECIDED' ? e.eligibility.eligible : null,
    randomisationArm: e.type === 'VISITATION_DECIDED' ? (e.randomisation?.arm ?? null) : null,
    followUpMonth: e.type === 'FOLLOW_UP_RECORDED' ? e.month : null,
    followUpStatus: e.type === 'FOLLOW_UP_RECORDED' ? e.status : null,
  });

  const placementId = randomUUID();
  const paths: Record<string, JourneyEvent[]> = {
    'through the whole programme': [
      event('FIRST_CONVERSATION_HELD'),
      visitation(true),
      event('GROUP_ASSIGNED', { groupId: randomUUID() }),
      event('PLACEMENT_STARTED', { placementId, companyId: randomUUID(), kind: 'internship', hoursPerWeek: 20 }),
      event('PAUSED', { reason: 'illness', expectedReturn: '2026-04-01' }),
      event('RESUMED'),
      event('PLACEMENT_ENDED', { placementId }),
      event('GROUP_ASSIGNED', { groupId: randomUUID() }),
      event('EXITED', { outcome: 'job' }),
      event('FOLLOW_UP_RECORDED', { month: 3, status: 'in_job' }),
      event('FOLLOW_UP_RECORDED', { month: 6, status: 'unknown' }),
      event('FOLLOW_UP_RECORDED', { month: 12, status: 'in_education' }),
    ],
    'redirected at visitation': [event('FIRST_CONVERSATION_HELD'), visitation(false)],
    'drawn to the control group': [event('FIRST_CONVERSATION_HELD'), visitation(true, 'control')],
    'drawn to treatment and withdrawn': [
      event('FIRST_CONVERSATION_HELD'),
      visitation(true, 'treatment'),
      event('WITHDRAWN', { reason: 'Flyttet' }),
    ],
    'back on benefit at follow-up': [
      event('FIRST_CONVERSATION_HELD'),
      visitation(true),
      event('GROUP_ASSIGNED', { groupId: randomUUID() }),
      event('EXITED', { outcome: 'education' }),
      event('FOLLOW_UP_RECORDED', { month: 3, status: 'back_on_benefit' }),
    ],
    'withdrawn before the first conversation': [event('WITHDRAWN', { reason: 'Flyttet' })],
  };

  it.each(Object.entries(paths))('agrees with the statechart on every step: %s', (_name, events) => {
    let snapshot = initialSnapshot({
      journeyId: randomUUID(),
      youthId: randomUUID(),
      returning: false,
      firstContactAt: '2026-03-02T08:00:00.000Z',
    });
    expect(stageAfter(null)).toBe(stageOf(snapshot));
    for (const e of events) {
      const result = applyEvent(snapshot, e);
      if (!result.accepted) throw new Error(`${e.type} was refused in ${stageOf(snapshot)}`);
      snapshot = result.snapshot;
      expect(stageAfter(stageEvent(e))).toBe(stageOf(snapshot));
    }
  });
});
