import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_SECRET } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCompany, newCpr, newGroup, newUnit, newYouth, putSettings } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';

const NOW = new Date('2026-12-01T10:00:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;
type Headers = { cookie: string };

interface Row {
  pseudonym: string;
  arm: 'treatment' | 'control';
  seed: string;
  referredOn: string;
  visitationOn: string;
  exitOn: string | null;
  exitOutcome: string | null;
  weeksInPlacement: Record<string, number>;
  progression: { first: Record<string, number | null>; last: Record<string, number | null> };
}

const EXIT_NOTE = 'Fik fast job hos Bageriet Kornet';

describe.each(engines)("the evaluation's data on %s", (engine) => {
  let ctx: Awaited<ReturnType<typeof startTestApp>>;
  let unit: Unit;
  let other: Unit;
  const drawn: Array<{ name: string; cpr: string; arm: string; journeyId: string }> = [];

  async function event(h: Headers, journeyId: string, body: Record<string, unknown>) {
    const response = await sendEvent(ctx.app, h, journeyId, body);
    if (response.statusCode !== 201) throw new Error(`${String(body.type)}: ${response.body}`);
    return response.json<{ stage: string; context?: { randomisation?: { arm: string } } }>();
  }

  /** A youth visitated (and so drawn) on `day`; returns the arm. */
  async function drawnYouth(of: Unit, cpr: string, name: string, day = '2026-11-04') {
    const h = of.caseworker.headers;
    const youth = await newYouth(ctx.app, h, { name, cpr });
    const journey = await openJourney(ctx.app, h, youth.id, { firstContactAt: addDays(day, -2) });
    await event(h, journey.id, {
      type: 'FIRST_CONVERSATION_HELD',
      mode: 'in_person',
      occurredAt: `${addDays(day, -1)}T09:00:00+01:00`,
    });
    const decided = await event(h, journey.id, { ...activityReadyVisitation(), occurredAt: `${day}T09:00:00+01:00` });
    return { journeyId: journey.id, arm: decided.stage === 'control' ? 'control' : 'treatment' };
  }

  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    other = await newUnit(ctx.app, ctx.db);
    for (const u of [unit, other]) {
      const changed = await putSettings(ctx.app, u.admin.headers, {
        randomisation: { enabled: true, controlShare: 0.5 },
      });
      expect(changed.statusCode).toBe(200);
    }
    // Draw until both arms have a youth (each draw is a coin toss).
    for (
      let n = 0;
      n < 30 && !(drawn.some((d) => d.arm === 'control') && drawn.some((d) => d.arm === 'treatment'));
      n++
    ) {
      const cpr = newCpr('2003-02-11');
      const name = `Evalueringsung Nr${n} Hansen`;
      drawn.push({ name, cpr, ...(await drawnYouth(unit, cpr, name)) });
    }
    // A treatment youth in a group, placed, measured twice, then out in a job.
    const treated = drawn.find((d) => d.arm === 'treatment');
    if (!treated) throw new Error('no youth drawn into treatment');
    const h = unit.caseworker.headers;
    const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
    await event(h, treated.journeyId, {
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId: group.id,
      occurredAt: '2026-11-05T09:00:00+01:00',
    });
    const company = await newCompany(ctx.db, { municipalityId: unit.municipality.id });
    await event(h, treated.journeyId, {
      type: 'PLACEMENT_STARTED',
      companyId: company.id,
      kind: 'internship',
      hoursPerWeek: 20,
      occurredAt: '2026-11-06T09:00:00+01:00',
    });
    for (const [measuredOn, network] of [
      ['2026-11-05', 3],
      ['2026-11-19', 7],
    ] as const) {
      const measured = await ctx.app.inject({
        method: 'POST',
        url: `/api/journeys/${treated.journeyId}/progression`,
        headers: h,
        payload: { measuredOn, assessedBy: 'caseworker', scores: { network, readiness: 5 } },
      });
      expect(measured.statusCode).toBe(201);
    }
    await event(h, treated.journeyId, {
      type: 'EXITED',
      outcome: 'job',
      note: EXIT_NOTE,
      occurredAt: '2026-11-20T09:00:00+01:00',
    });
    // Drawn before the period: not in the export.
    await drawnYouth(unit, newCpr('2002-03-03'), 'Tidligere Lodtrukket', '2026-10-10');
    // The first youth, also known in the other municipality.
    const first = drawn[0];
    if (first) await drawnYouth(other, first.cpr, first.name);
  });
  afterAll(() => ctx.close());

  const exportAs = (query: string, as: Headers = unit.leader.headers) =>
    ctx.app.inject({ method: 'GET', url: `/api/evaluation-export?${query}`, headers: as });
  const rowsOf = async (evaluation: string, as: Headers = unit.leader.headers) => {
    const response = await exportAs(
      `from=2026-11-01&to=2026-11-30&evaluation=${encodeURIComponent(evaluation)}&format=json`,
      as,
    );
    expect(response.statusCode).toBe(200);
    return response.json<{ rows: Row[] }>().rows;
  };

  it('gives one row per journey drawn in the period, with the arm, its seed, the dates and the outcome', async () => {
    const rows = await rowsOf('NExTWORK 2026');
    expect(rows).toHaveLength(drawn.length);
    expect(rows.map((r) => r.arm).sort()).toEqual(drawn.map((d) => d.arm).sort());
    for (const row of rows) {
      expect(row.seed).toMatch(/^[0-9a-f]{32}$/);
      expect(row).toMatchObject({ referredOn: '2026-11-02', visitationOn: '2026-11-04' });
    }
    const treated = rows.find((r) => r.exitOn !== null);
    expect(treated).toMatchObject({
      arm: 'treatment',
      exitOn: '2026-11-20',
      exitOutcome: 'job',
      weeksInPlacement: { internship: 2, paid_hours: 0, wage_subsidy: 0 },
      progression: { first: { network: 3, readiness: 5 }, last: { network: 7, readiness: 5 } },
    });
  });

  it('keeps each pseudonym across exports, and gives another for another evaluation or municipality', async () => {
    const once = await rowsOf('NExTWORK 2026');
    const again = await rowsOf('  nextwork   2026 ');
    expect(again.map((r) => r.pseudonym)).toEqual(once.map((r) => r.pseudonym));
    expect(new Set(once.map((r) => r.pseudonym)).size).toBe(once.length);
    for (const pseudonym of once.map((r) => r.pseudonym)) expect(pseudonym).toMatch(/^[A-Z2-7]{26}$/);
    const another = await rowsOf('Opfølgning 2027');
    expect(another.map((r) => r.pseudonym).some((p) => once.some((r) => r.pseudonym === p))).toBe(false);
    // The same youth, drawn in another municipality, has another pseudonym there.
    const elsewhere = await rowsOf('NExTWORK 2026', other.leader.headers);
    expect(elsewhere).toHaveLength(1);
    expect(once.map((r) => r.pseudonym)).not.toContain(elsewhere[0]?.pseudonym);
  });

  it("gives the municipality the same pseudonyms for its register data, by the server's command", async () => {
    const rows = await rowsOf('NExTWORK 2026');
    const run = spawnSync(
      'npx',
      ['tsx', 'src/exports/pseudonym.cli.ts', '--municipality', unit.municipality.id, '--evaluation', 'nextwork 2026'],
      {
        input: `${drawn.map((d) => d.cpr.replace('-', '')).join('\n')}\nikke et nummer\n`,
        env: { ...process.env, UNGEFLOW_SECRET: TEST_SECRET },
        encoding: 'utf8',
      },
    );
    // The line that is no CPR number is named by its number only, and makes the exit code 2.
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`line ${drawn.length + 1}: not a CPR number (cpr_format)`);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('cpr;pseudonym');
    const byCpr = new Map(lines.slice(1).map((line) => line.split(';') as [string, string]));
    expect(new Set(drawn.map((d) => byCpr.get(d.cpr)))).toEqual(new Set(rows.map((r) => r.pseudonym)));
  });

  it('holds no name, CPR number or free text, as CSV or as JSON', async () => {
    const csv = await exportAs('from=2026-11-01&to=2026-11-30&evaluation=NExTWORK%202026&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="evaluering-nextwork-2026-2026-11-01-2026-11-30.csv"',
    );
    const json = await exportAs('from=2026-11-01&to=2026-11-30&evaluation=NExTWORK%202026&format=json');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^pseudonym;arm;seed;referred_on;visitation_on;category;barriers;returning;stage;exit_on/);
    expect(lines).toHaveLength(drawn.length + 1);
    const pseudonyms = json.json<{ rows: Row[] }>().rows.map((r) => r.pseudonym);
    for (const pseudonym of pseudonyms) expect(csv.body).toContain(pseudonym);
    for (const body of [csv.body, json.body]) {
      for (const youth of drawn) {
        expect(body).not.toContain(youth.name.split(' ')[0]);
        expect(body).not.toContain(youth.cpr);
        expect(body).not.toContain(youth.cpr.replace('-', ''));
      }
      expect(body).not.toContain('Hansen');
      expect(body).not.toContain(EXIT_NOTE);
      expect(body).not.toContain('Henvist fra jobcentret');
      // Nothing shaped like a CPR number, once the draws' seeds (hex digits that can run to ten) are out.
      expect(body.replace(/[0-9a-f]{32}/g, '')).not.toMatch(/\d{6}-?\d{4}(?!\d)/);
    }
  });

  it('writes each export to the audit log with the evaluation, the period and the number of rows', async () => {
    await exportAs('from=2026-11-01&to=2026-11-30&evaluation=Audit%20test&format=csv');
    const log = await ctx.app.inject({
      method: 'GET',
      url: '/api/audit?action=evaluation.exported',
      headers: unit.leader.headers,
    });
    expect(log.statusCode).toBe(200);
    expect(log.json().items[0]).toMatchObject({
      userId: unit.leader.id,
      youthId: null,
      details: {
        evaluation: 'Audit test',
        from: '2026-11-01',
        to: '2026-11-30',
        format: 'csv',
        rowCount: drawn.length,
      },
    });
  });

  it('is for leaders only, each of their own municipality', async () => {
    expect((await exportAs('from=2026-11-01&to=2026-11-30&evaluation=x', unit.caseworker.headers)).statusCode).toBe(
      403,
    );
    expect((await exportAs('from=2026-11-01&to=2026-11-30&evaluation=x', unit.admin.headers)).statusCode).toBe(403);
  });

  it('refuses a period that ends before it begins and a missing name, field by field in Danish', async () => {
    const backwards = await exportAs('from=2026-11-30&to=2026-11-01&evaluation=x');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([{ field: 'to', message: 'Til-datoen ligger før fra-datoen.' }]);
    const empty = await exportAs('from=2026-11-01&to=2026-11-30&evaluation=%20');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toMatchObject([{ field: 'evaluation', message: 'Må ikke være tomt.' }]);
    const noDates = await exportAs('evaluation=x');
    expect(noDates.statusCode).toBe(400);
    expect(
      noDates
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['from', 'to']);
  });
});

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
