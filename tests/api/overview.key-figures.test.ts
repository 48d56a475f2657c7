import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCompany, newGroup, newUnit, newYouth } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';

// A small unit built by hand, read for November 2026 (30 days) after the month has ended. Each
// expectation names the definition it checks:
// - population: every open journey on benefit in the period, whatever its stage (STAR: Den gode
//   ungeindsats i jobcentrene (2017), s. 35, "personer på ydelse");
// - passivandel: the share of them without an active LAB offer (s. 35: "Personer uden aktivt
//   tilbud i pct. af personer på ydelse"; jobindsats.dk, passivandel);
// - aktiveringsgrad: days in active offers / days on benefit (jobindsats.dk, aktiveringsgrad);
// - share with a mentor (s. 35), in a company-based offer (s. 32, 35), started an education
//   (s. 31, 33), time on benefit in the bands of s. 34; every figure by visitation category (s. 35).
const NOW = new Date('2026-12-05T10:00:00Z');
const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

type Unit = Awaited<ReturnType<typeof newUnit>>;

describe.each(engines)('the key figures by STAR’s definitions on %s', (engine) => {
  let ctx: TestContext;
  let unit: Unit;

  const at = (day: string, time = '10:00:00') => `${day}T${time}+01:00`;
  const headers = () => unit.caseworker.headers;

  async function send(journeyId: string, event: Record<string, unknown>) {
    const answer = await sendEvent(ctx.app, headers(), journeyId, event);
    if (answer.statusCode !== 201) throw new Error(`${String(event['type'])} failed: ${answer.body}`);
  }

  async function referred(firstContact: string) {
    const youth = await newYouth(ctx.app, headers());
    return (await openJourney(ctx.app, headers(), youth.id, { firstContactAt: firstContact })).id;
  }

  /** Referred, first conversation the next day and visitated the day after, in the given category. */
  async function visitated(
    firstContact: string,
    visitationDay: string,
    category: 'activity_ready' | 'education_ready' | 'obviously_education_ready',
    extra: Record<string, unknown> = {},
  ) {
    const id = await referred(firstContact);
    await send(id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person', occurredAt: at(firstContact, '12:00:00') });
    const chosen = category === 'activity_ready' ? {} : { category, overrideReason: 'Vurderet ved samtalen' };
    await send(id, { ...activityReadyVisitation({ ...chosen, ...extra }), occurredAt: at(visitationDay) });
    return id;
  }

  async function recordOffer(journeyId: string, offer: Record<string, unknown>, endedOn?: string) {
    const recorded = await ctx.app.inject({
      method: 'POST',
      url: `/api/journeys/${journeyId}/offers`,
      headers: headers(),
      payload: offer,
    });
    if (recorded.statusCode !== 201) throw new Error(`offer failed: ${recorded.body}`);
    if (endedOn) {
      const { id, version } = recorded.json<{ id: string; version: number }>();
      const ended = await ctx.app.inject({
        method: 'POST',
        url: `/api/offers/${id}/end`,
        headers: headers(),
        payload: { version, endedOn, cause: 'completed' },
      });
      if (ended.statusCode !== 200) throw new Error(`ending the offer failed: ${ended.body}`);
    }
  }

  async function startPlacement(journeyId: string, companyId: string, kind: string, day: string) {
    await send(journeyId, {
      type: 'PLACEMENT_STARTED',
      companyId,
      kind,
      hoursPerWeek: 15,
      chosenByYouth: true,
      occurredAt: at(day),
    });
  }

  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
    const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id });

    // A: referred on 21 November and still waiting for the first conversation: 10 days, no offer.
    await referred('2026-11-21');

    // B: in the visitation stage since October, in bridge-building 11-20 November: 30 days, 10 in an offer.
    const b = await referred('2026-10-01');
    await send(b, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person', occurredAt: at('2026-10-02') });
    await recordOffer(
      b,
      { kind: 'guidance_upskilling', subtype: 'bridge_building', startDate: '2026-11-11' },
      '2026-11-20',
    );

    // C: activity-ready, in a group since September, a mentor since October, an internship from
    // 16 November, and utility work 20-25 November on top of it: 30 days, 15 in an offer.
    const c = await visitated('2026-09-01', '2026-09-03', 'activity_ready');
    await send(c, {
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId: group.id,
      occurredAt: at('2026-09-04'),
    });
    await recordOffer(c, { kind: 'mentor', startDate: '2026-10-01', hoursPerWeek: 2 });
    await startPlacement(c, company.id, 'internship', '2026-11-16');
    await recordOffer(c, { kind: 'utility_work', startDate: '2026-11-20' }, '2026-11-25');

    // D: activity-ready, in paid ordinary hours since October, exited to education on 10 November:
    // 10 days on benefit, none in an offer (paid hours are work, not activation).
    const d = await visitated('2026-06-01', '2026-06-03', 'activity_ready');
    await send(d, {
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId: group.id,
      occurredAt: at('2026-06-04'),
    });
    await startPlacement(d, company.id, 'paid_hours', '2026-10-01');
    await send(d, { type: 'EXITED', outcome: 'education', occurredAt: at('2026-11-10') });

    // E: education-ready (with a barrier), a wage subsidy that ended in October: 30 days, no offer.
    const e = await visitated('2025-08-01', '2025-08-03', 'education_ready');
    await send(e, {
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId: group.id,
      occurredAt: at('2025-08-04'),
    });
    await startPlacement(e, company.id, 'wage_subsidy', '2025-09-01');
    const placements = await ctx.app.inject({
      method: 'GET',
      url: `/api/journeys/${e}/placements`,
      headers: headers(),
    });
    const [placement] = placements.json<{ items: Array<{ id: string }> }>().items;
    await send(e, { type: 'PLACEMENT_ENDED', placementId: placement!.id, occurredAt: at('2026-10-15') });

    // F: obviously education-ready, redirected at the visitation on 5 November: 3 days.
    await visitated('2026-11-03', '2026-11-05', 'obviously_education_ready');

    // G: found not on benefit at the visitation on 4 November: on benefit 2-3 November only.
    await visitated('2026-11-02', '2026-11-04', 'activity_ready', { onBenefit: false });

    // I: withdrawn on 12 November (moved away): on benefit 10-12 November.
    const i = await referred('2026-11-10');
    await send(i, { type: 'WITHDRAWN', reason: 'Flyttet', occurredAt: at('2026-11-12') });

    // Registered by mistake and withdrawn: never a youth on benefit.
    const mistake = await referred('2026-11-10');
    await send(mistake, {
      type: 'WITHDRAWN',
      reason: 'Oprettet ved en fejl',
      registeredByMistake: true,
      occurredAt: at('2026-11-11'),
    });

    // Not on benefit in November: withdrawn in October, and exited to a job in October.
    const gone = await referred('2026-10-01');
    await send(gone, { type: 'WITHDRAWN', reason: 'Flyttet', occurredAt: at('2026-10-20') });
    const exited = await visitated('2026-05-01', '2026-05-03', 'activity_ready');
    await send(exited, {
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId: group.id,
      occurredAt: at('2026-05-04'),
    });
    await send(exited, { type: 'EXITED', outcome: 'job', occurredAt: at('2026-10-10') });
  });
  afterAll(() => ctx.close());

  async function keyFigures() {
    const answer = await ctx.app.inject({
      method: 'GET',
      url: `/api/overview?${NOVEMBER}&by=unit`,
      headers: unit.leader.headers,
    });
    expect(answer.statusCode).toBe(200);
    return answer.json().rows[0].keyFigures;
  }

  it('counts every journey on benefit in the period, whatever its stage, with its days on benefit', async () => {
    // s. 35 "personer på ydelse": A, B, C, D, E, F, G and I; not the journeys that left in
    // October, nor the one registered by mistake.
    // Days: A 10 + B 30 + C 30 + D 10 + E 30 + F 3 + G 2 + I 3.
    expect((await keyFigures()).all.population).toEqual({ persons: 8, daysOnBenefit: 118 });
  });

  it('gives the passivandel as the share without an active offer', async () => {
    // s. 35, jobindsats.dk passivandel: only B (bridge-building) and C (internship, utility work)
    // had an active offer; D's paid hours and C's mentor are not active offers.
    expect((await keyFigures()).all.passive).toEqual({ numerator: 6, denominator: 8, percent: 75 });
  });

  it('gives the aktiveringsgrad as days in active offers out of days on benefit', async () => {
    // jobindsats.dk aktiveringsgrad: B 10 days + C 15 days (utility work during the internship
    // adds no day) out of 118 days on benefit.
    expect((await keyFigures()).all.activationRate).toEqual({ numerator: 25, denominator: 118, percent: 21.2 });
  });

  it('gives the shares with a mentor, in a company-based offer and who started an education', async () => {
    const all = (await keyFigures()).all;
    // s. 35, mentor: C's mentor grant.
    expect(all.mentor).toEqual({ numerator: 1, denominator: 8, percent: 12.5 });
    // s. 32 and 35, virksomhedspraktik and løntilskud: C's internship; E's wage subsidy ended before November.
    expect(all.companyBased).toEqual({ numerator: 1, denominator: 8, percent: 12.5 });
    // s. 31 and 33, started an education: D's exit to education.
    expect(all.startedEducation).toEqual({ numerator: 1, denominator: 8, percent: 12.5 });
  });

  it('sorts the population into the time-on-benefit bands of page 34', async () => {
    // From first contact to the last day on benefit in November: A 10, F 3, G 2 and I 3 days;
    // B 61 and C 91 days (9-13 weeks); D 163 days (24 weeks); E 487 days (1-2 years).
    expect((await keyFigures()).all.timeOnBenefit).toEqual({
      total: 8,
      counts: {
        weeks0to4: 4,
        weeks5to8: 0,
        weeks9to13: 2,
        weeks14to26: 1,
        weeks27to39: 0,
        weeks40to52: 0,
        years1to2: 1,
        years2to3: 0,
        over3Years: 0,
      },
    });
  });

  it('breaks every figure down by visitation category, with those not visitated yet', async () => {
    const { byCategory } = await keyFigures();
    // s. 35 "fordelt på visitationsgrupper". Activity-ready: C, D and G (30 + 10 + 2 days).
    expect(byCategory.activity_ready).toMatchObject({
      population: { persons: 3, daysOnBenefit: 42 },
      passive: { numerator: 2, denominator: 3, percent: 66.7 },
      activationRate: { numerator: 15, denominator: 42, percent: 35.7 },
      mentor: { numerator: 1, denominator: 3, percent: 33.3 },
      // s. 32: "Andel af aktivitetsparate ... der deltager i virksomhedspraktik, privat løntilskud eller offentligt løntilskud".
      companyBased: { numerator: 1, denominator: 3, percent: 33.3 },
      startedEducation: { numerator: 1, denominator: 3, percent: 33.3 },
    });
    // Not visitated yet: A, B and I (10 + 30 + 3 days), waiting in referral and visitation.
    expect(byCategory.notVisitated).toMatchObject({
      population: { persons: 3, daysOnBenefit: 43 },
      passive: { numerator: 2, denominator: 3, percent: 66.7 },
      activationRate: { numerator: 10, denominator: 43, percent: 23.3 },
    });
    expect(byCategory.education_ready).toMatchObject({
      population: { persons: 1, daysOnBenefit: 30 },
      passive: { numerator: 1, denominator: 1, percent: 100 },
      activationRate: { numerator: 0, denominator: 30, percent: 0 },
    });
    expect(byCategory.obviously_education_ready).toMatchObject({
      population: { persons: 1, daysOnBenefit: 3 },
      passive: { numerator: 1, denominator: 1, percent: 100 },
    });
    // Job-ready (the executive order on LAB, § 1): nobody in this unit.
    expect(byCategory.job_ready.population).toEqual({ persons: 0, daysOnBenefit: 0 });
    expect(byCategory.activity_ready.timeOnBenefit.counts).toMatchObject({
      weeks0to4: 1,
      weeks9to13: 1,
      weeks14to26: 1,
    });
  });

  it('counts only the days up to today while the period runs', async () => {
    const answer = await ctx.app.inject({
      method: 'GET',
      url: '/api/overview?from=2026-12-01&to=2026-12-31&by=unit',
      headers: unit.leader.headers,
    });
    // 1-5 December: A, B, C and E are still on benefit, 5 days each.
    expect(answer.json().rows[0].keyFigures.all.population).toEqual({ persons: 4, daysOnBenefit: 20 });
  });

  it('shows each key figure with its definition and source in the CSV', async () => {
    const answer = await ctx.app.inject({
      method: 'GET',
      url: `/api/overview.csv?${NOVEMBER}`,
      headers: unit.leader.headers,
    });
    const lines = answer.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
    const [heading, row] = lines.map((line) => line.split(';'));
    expect(row![heading!.indexOf('Passivandel, Alle: antal')]).toBe('6');
    expect(row![heading!.indexOf('Aktiveringsgrad, Alle: ud af')]).toBe('118');
    expect(row![heading!.indexOf('Aktiveringsgrad, Aktivitetsparat: pct.')]).toBe('35,7');
    expect(row![heading!.indexOf('Tid på ydelse, Alle: 1-2 år')]).toBe('1');
    const passivandel = lines.find((line) => line.startsWith('Passivandel;'));
    expect(passivandel).toContain('STAR: Den gode ungeindsats i jobcentrene (2017), s. 35');
    expect(passivandel).toContain('jobindsats.dk, passivandel');
  });
});
