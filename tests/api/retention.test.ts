import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit-chain.ts';
import { AuditPseudonyms } from '../../src/audit/pseudonym.ts';
import type { Db } from '../../src/db/database.ts';
import { runRetention } from '../../src/retention/retention.service.ts';
import { CprVault } from '../../src/shared/crypto.ts';
import { startTestApp, TEST_SECRET, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { loginAs, newGroup, newUnit, newYouth } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';

const NOW = new Date('2026-12-05T10:00:00Z');
const NAME = 'Retentia Glemmesen';
const PHONE = '23 45 67 89';
const EMAIL = 'retentia.glemmesen@example.dk';
const ADDRESS = 'Glemmevej 17, 9000 Aalborg';
const MARKER = 'Fritekstmærke Kvist';

/** Every text and jsonb column of every table, searched for the value (case-insensitive). */
async function whereFound(db: Db, value: string): Promise<string[]> {
  const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying', 'json')
    order by table_name, column_name`.execute(db);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const { rows } = await sql<{ n: string | number }>`
      select count(*) as n from ${sql.table(table_name)}
      where strpos(lower(${sql.ref(column_name)}::text), lower(${value})) > 0`.execute(db);
    if (Number(rows[0]?.n) > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

describe.each(engines)('retention on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  let unit: Awaited<ReturnType<typeof newUnit>>;
  const deps = () => ({
    db: ctx.db,
    vault: new CprVault(TEST_SECRET),
    pseudonyms: new AuditPseudonyms(TEST_SECRET),
    clock: () => NOW,
  });

  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const cw = () => unit.caseworker.headers;
  async function send(journeyId: string, event: Record<string, unknown>) {
    const answer = await sendEvent(ctx.app, cw(), journeyId, event);
    if (answer.statusCode !== 201) throw new Error(`${String(event['type'])} failed: ${answer.body}`);
  }
  const post = async (url: string, payload: object) => {
    const answer = await ctx.app.inject({ method: 'POST', url, headers: cw(), payload });
    if (answer.statusCode >= 300) throw new Error(`${url} failed: ${answer.body}`);
    return answer.json<{ id: string }>();
  };

  /** A youth with a whole journey, free text everywhere it can be written, closed on `closedOn`. */
  async function youthWithHistory(
    details: { name: string; phone: string; email: string; address: string },
    closedOn: string,
    MARKER: string,
  ) {
    const youth = await newYouth(ctx.app, cw(), details);
    const journey = await openJourney(ctx.app, cw(), youth.id, {
      firstContactAt: '2026-11-02',
      reason: `Henvist: ${MARKER} ${details.name}`,
    });
    const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
    await send(journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person', occurredAt: '2026-11-03T09:00:00Z' });
    await send(journey.id, activityReadyVisitation({ occurredAt: '2026-11-04T09:00:00Z' }));
    await send(journey.id, {
      type: 'GROUP_ASSIGNED',
      canTakePart15HoursAWeek: true,
      groupId: group.id,
      occurredAt: '2026-11-05T09:00:00Z',
    });
    await post(`/api/journeys/${journey.id}/activities`, {
      kind: 'mentor_contact',
      occurredAt: '2026-11-06T09:00:00Z',
      note: `${MARKER}: ringede til ${details.name} på ${details.phone}`,
    });
    await post(`/api/youth/${youth.id}/notes`, {
      kind: 'conversation',
      concernsOn: '2026-11-06',
      text: `${MARKER} om ${details.name}`,
    });
    await post(`/api/youth/${youth.id}/appointments`, {
      kind: 'job_conversation',
      mode: 'in_person',
      place: `${MARKER} hjemme på ${details.address}`,
      note: `${MARKER} mail ${details.email}`,
      startsAt: '2026-12-08T10:00:00+01:00',
    });
    const plan = await ctx.app.inject({
      method: 'PUT',
      url: `/api/journeys/${journey.id}/plan-content`,
      headers: cw(),
      payload: {
        goal: `${MARKER} mål`,
        agreements: [`${MARKER} aftale`],
        nextSteps: [],
        stabilisation: [`${MARKER} ro`],
      },
    });
    expect(plan.statusCode).toBeLessThan(300);
    await send(journey.id, {
      type: 'PAUSED',
      reason: 'illness',
      expectedReturn: '2026-11-20',
      note: `${MARKER} syg`,
      occurredAt: '2026-11-10T09:00:00Z',
    });
    await send(journey.id, { type: 'RESUMED', occurredAt: '2026-11-20T09:00:00Z' });
    await send(journey.id, {
      type: 'WITHDRAWN',
      reason: `${MARKER} flyttet, ${details.name}`,
      occurredAt: `${closedOn}T09:00:00Z`,
    });
    // A search that finds the youth, by name: its entry holds the words searched for.
    const search = await ctx.app.inject({
      method: 'GET',
      url: `/api/youth?q=${encodeURIComponent(details.name)}`,
      headers: cw(),
    });
    expect(search.statusCode).toBe(200);
    return { youth, journey };
  }

  it('anonymises a youth past the period: every personal field gone, figures for the period the same', async () => {
    const { youth } = await youthWithHistory(
      { name: NAME, phone: PHONE, email: EMAIL, address: ADDRESS },
      '2026-11-28',
      MARKER,
    );
    const cpr = youth.enteredCpr;
    // A second youth, on legal hold, keeps everything.
    const held = await youthWithHistory(
      { name: 'Holdine Bevaresen', phone: '31 31 31 31', email: 'holdine@example.dk', address: 'Holdvej 3' },
      '2026-11-27',
      'Holdmærke Eg',
    );
    const hold = await ctx.app.inject({
      method: 'POST',
      url: `/api/youth/${held.youth.id}/legal-hold`,
      headers: unit.leader.headers,
      payload: { reason: 'Klagesag hos Ankestyrelsen' },
    });
    expect(hold.statusCode).toBe(204);

    const overview = async () =>
      (
        await ctx.app.inject({
          method: 'GET',
          url: '/api/overview?from=2026-11-01&to=2026-11-30',
          headers: unit.leader.headers,
        })
      ).json<Record<string, unknown>>();
    const before = await overview();
    // The CPR number is stored encrypted: found only through the search.
    const byCpr = async () =>
      (await ctx.app.inject({ method: 'GET', url: `/api/youth?q=${cpr}`, headers: cw() }))
        .json<{ items: Array<{ id: string }> }>()
        .items.map((y) => y.id);
    expect(await byCpr()).toContain(youth.id);
    for (const value of [NAME, PHONE, EMAIL, MARKER]) {
      expect(await whereFound(ctx.db, value), value).not.toEqual([]);
    }

    // Four years on, nothing is due; five years and a day after the closing, the youth is.
    const early = await runRetention(deps(), { asOf: '2030-11-28', dryRun: false });
    expect(early.status === 'completed' && early.municipalities.flatMap((m) => m.youth)).toEqual([]);
    const dry = await runRetention(deps(), { asOf: '2031-11-29', dryRun: true });
    const mine =
      dry.status === 'completed'
        ? dry.municipalities.find((m) => m.municipalityId === unit.municipality.id)
        : undefined;
    expect(mine?.youth.map((y) => y.youthId)).toEqual([youth.id]);
    expect(await whereFound(ctx.db, NAME)).not.toEqual([]);

    await runRetention(deps(), { asOf: '2031-11-29', dryRun: false });
    for (const value of [
      NAME,
      'Glemmesen',
      cpr,
      cpr.replace('-', ''),
      PHONE,
      PHONE.replace(/ /g, ''),
      EMAIL,
      'Glemmevej',
      MARKER,
    ]) {
      expect(await whereFound(ctx.db, value), value).toEqual([]);
    }
    expect(await byCpr()).not.toContain(youth.id);
    const stored = await ctx.db.selectFrom('youth').selectAll().where('id', '=', youth.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ cpr_encrypted: '', phone: null, email: null, address: null });
    // The youth on legal hold keeps their data; their search entry stays until the log's own period ends.
    expect(await whereFound(ctx.db, 'Holdine Bevaresen')).toContain('youth.name');
    expect(await whereFound(ctx.db, 'Holdmærke Eg')).toContain('case_note_version.text');
    expect(await overview()).toEqual(before);
    // The chain of audit entries still holds after pseudonymisation.
    expect((await verifyAuditChain(ctx.db)).broken).toEqual([]);

    // The youth's page still opens, with the notice, and the youth's trail in the log ends with it.
    const page = await ctx.app.inject({ method: 'GET', url: `/unge/${youth.id}`, headers: unit.leader.headers });
    expect(page.statusCode).toBe(200);
    const trail = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?youthId=${youth.id}&action=youth.anonymised`,
      headers: unit.leader.headers,
    });
    expect(trail.json<{ total: number }>().total).toBe(1);
  });
});

describe.each(engines)('legal hold and deleting a youth registered by mistake on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  let unit: Awaited<ReturnType<typeof newUnit>>;

  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: new Date() });
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  const request = (method: 'POST' | 'DELETE' | 'GET', url: string, headers: { cookie: string }, payload?: object) =>
    ctx.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const remove = (youthId: string, reason: string, headers = unit.leader.headers) =>
    request('POST', `/api/youth/${youthId}/deletion`, headers, { reason });

  it('deletes a youth registered by mistake, with everything recorded, and keeps a trace without the name', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers, { name: 'Fejlia Forkertsen' });
    const journey = await openJourney(ctx.app, unit.caseworker.headers, youth.id);
    const first = await sendEvent(ctx.app, unit.caseworker.headers, journey.id, {
      type: 'FIRST_CONVERSATION_HELD',
      mode: 'in_person',
    });
    expect(first.statusCode).toBe(201);
    await request('POST', `/api/youth/${youth.id}/notes`, unit.caseworker.headers, {
      kind: 'conversation',
      text: 'Forkert person',
    });

    expect((await remove(youth.id, 'Forkert CPR', unit.caseworker.headers)).statusCode).toBe(403);
    const blank = await remove(youth.id, '  ');
    expect(blank.statusCode).toBe(400);
    expect(blank.json<{ error: { details: Array<{ field: string }> } }>().error.details[0]?.field).toBe('reason');

    expect((await remove(youth.id, 'Registreret med forkert CPR-nummer')).statusCode).toBe(204);
    expect((await request('GET', `/api/youth/${youth.id}`, unit.leader.headers)).statusCode).toBe(404);
    expect(await whereFound(ctx.db, 'Fejlia Forkertsen')).toEqual([]);
    expect(await whereFound(ctx.db, 'Forkert person')).toEqual([]);

    // The youth's trail in the log: what was done before, and the deletion under the pseudonym.
    const trail = await request('GET', `/api/audit?youthId=${youth.id}`, unit.leader.headers);
    const actions = trail.json<{ items: Array<{ action: string; youthId: string | null }> }>().items;
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['youth.deleted', 'youth.created']));
    expect(actions.find((a) => a.action === 'youth.deleted')?.youthId).toBeNull();
    expect((await verifyAuditChain(ctx.db)).broken).toEqual([]);
  });

  it('refuses to delete a youth past referral after 30 days, or on legal hold', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const journey = await openJourney(ctx.app, unit.caseworker.headers, youth.id);
    await sendEvent(ctx.app, unit.caseworker.headers, journey.id, {
      type: 'FIRST_CONVERSATION_HELD',
      mode: 'in_person',
    });
    const referredOnly = await newYouth(ctx.app, unit.caseworker.headers);
    await openJourney(ctx.app, unit.caseworker.headers, referredOnly.id);

    const hold = await request('POST', `/api/youth/${youth.id}/legal-hold`, unit.leader.headers, {
      reason: 'Aktindsigt verserer',
    });
    expect(hold.statusCode).toBe(204);
    expect((await remove(youth.id, 'Fejl')).statusCode).toBe(409);
    expect((await request('DELETE', `/api/youth/${youth.id}/legal-hold`, unit.leader.headers)).statusCode).toBe(204);
    const audited = await request('GET', `/api/audit?youthId=${youth.id}`, unit.leader.headers);
    expect(audited.json<{ items: Array<{ action: string }> }>().items.map((i) => i.action)).toEqual(
      expect.arrayContaining(['youth.legal_hold_set', 'youth.legal_hold_lifted']),
    );

    ctx.setNow(new Date(Date.now() + 40 * 86_400_000));
    const leader = await loginAs(ctx.app, unit.leader);
    const late = await remove(youth.id, 'Fejl', leader);
    expect(late.statusCode).toBe(409);
    // With no journey beyond referral, the age of the registration does not matter.
    expect((await remove(referredOnly.id, 'Dobbeltregistreret', leader)).statusCode).toBe(204);
  });
});
