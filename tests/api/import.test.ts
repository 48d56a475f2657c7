import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCompany, newCpr, newGroup, newUnit, newYouth } from '../support/factories.ts';
import { uploadCaseload, caseloadCsv, type CaseloadRow, importProblemsOf } from '../support/import.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

let born = 0;
/** A CPR number of someone born on a day no other youth of these tests was, 18-25 years old in 2026. */
function cprOfOwnDay(): string {
  born += 1;
  return newCpr(new Date(Date.UTC(2001, 0, 1) + born * 86_400_000).toISOString().slice(0, 10));
}

type Unit = Awaited<ReturnType<typeof newUnit>>;

describe.each(engines)('importing the current caseload on %s', (engine) => {
  let ctx: TestContext;
  let unit: Unit;
  let app: FastifyInstance;
  let company: { id: string; cvr: string };

  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    app = ctx.app;
    unit = await newUnit(app, ctx.db);
    await newGroup(ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Tirsdagsgruppen',
      capacity: 12,
    });
    company = await newCompany(ctx.db, { municipalityId: unit.municipality.id, placementCapacity: 10 });
  });
  afterAll(() => ctx.close());

  const api = (url: string) => app.inject({ method: 'GET', url, headers: unit.caseworker.headers });
  const admin = () => unit.admin.headers;

  /** A youth referred in September and taken all the way to a placement, or as far as `overrides` leave out. */
  const row = (overrides: Partial<CaseloadRow> = {}): CaseloadRow => ({
    Navn: 'Ida Nørgaard',
    'CPR-nummer': cprOfOwnDay(),
    Telefon: '20 30 40 50',
    'E-mail': 'ida@example.dk',
    Adresse: 'Algade 1, 4000 Roskilde',
    Henvisningsdato: '2026-09-01',
    'Henvist af': 'Jobcentret',
    'Rådgivers e-mail': unit.caseworker.email,
    Visitationsdato: '08-09-2026',
    Visitationskategori: 'Aktivitetsparat',
    Barrierer: 'Psykiske problemer, Gæld',
    Netværksgruppe: 'Tirsdagsgruppen',
    'Startdato i gruppe': '2026-09-15',
    'Praktik CVR-nummer': company.cvr,
    Praktiktype: 'Virksomhedspraktik',
    'Timer pr. uge': '12,5',
    Praktikstart: '2026-10-01',
    ...overrides,
  });

  /** The columns of the steps after the referral, left empty: a youth referred and nothing more. */
  const onlyReferred: CaseloadRow = Object.fromEntries(
    [
      'Visitationsdato',
      'Visitationskategori',
      'Barrierer',
      'Netværksgruppe',
      'Startdato i gruppe',
      'Praktik CVR-nummer',
      'Praktiktype',
      'Timer pr. uge',
      'Praktikstart',
    ].map((heading) => [heading, '']),
  );

  async function youthByCpr(cpr: string) {
    const found = await api(`/api/youth?query=${encodeURIComponent(cpr)}`);
    // No one with the number: the search shows those born on its day instead, and each row has its own day.
    return found.json<{ items: Array<{ id: string; name: string }> }>().items;
  }

  it('registers each youth, opens the journey and records the earlier steps with their real dates', async () => {
    const placed = row();
    const referred = row({ ...onlyReferred, Navn: 'Omar Hansen', 'CPR-nummer': cprOfOwnDay(), 'Henvist af': 'UU' });
    const response = await uploadCaseload(app, admin(), caseloadCsv([placed, referred]), 'import');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toContain('2 unge er importeret');

    const [youth] = await youthByCpr(placed['CPR-nummer'] ?? '');
    expect(youth?.name).toBe('Ida Nørgaard');
    const journeys = (await api(`/api/youth/${youth?.id}/journeys`)).json<{ items: Array<{ id: string }> }>().items;
    expect(journeys).toHaveLength(1);
    const view = (await api(`/api/journeys/${journeys[0]?.id}`)).json<{
      stage: string;
      placement: string;
      caseworkerId: string;
      referral: { source: string; firstContactAt: string };
      events: Array<{ type: string; occurredAt: string; actorId: string; payload: Record<string, unknown> }>;
      alerts: Array<{ code: string }>;
    }>();
    expect([view.stage, view.placement]).toEqual(['active', 'placed']);
    expect(view.caseworkerId).toBe(unit.caseworker.id);
    // The start of each day of the file in Denmark (summer time until 25 October).
    expect(view.referral).toEqual({
      source: 'jobcenter',
      reason: expect.any(String),
      firstContactAt: '2026-08-31T22:00:00.000Z',
    });
    expect(view.events.map((e) => [e.type, e.occurredAt])).toEqual([
      ['FIRST_CONVERSATION_HELD', '2026-09-07T22:00:00.000Z'],
      ['VISITATION_DECIDED', '2026-09-07T22:00:00.000Z'],
      ['GROUP_ASSIGNED', '2026-09-14T22:00:00.000Z'],
      ['PLACEMENT_STARTED', '2026-09-30T22:00:00.000Z'],
    ]);
    // Recorded as the responsible caseworker's work; the visitation says it was made before Ungeflow.
    expect(new Set(view.events.map((e) => e.actorId))).toEqual(new Set([unit.caseworker.id]));
    const visitation = view.events[1]?.payload;
    expect(visitation).toMatchObject({ category: 'activity_ready', barriers: ['mental_health', 'debt'] });
    expect(visitation?.overrideReason).toMatch(/før Ungeflow/);
    const placements = (await api(`/api/journeys/${journeys[0]?.id}/placements`)).json<{
      items: Array<{ company: { id: string }; kind: string; hoursPerWeek: number; startDate: string; active: boolean }>;
    }>().items;
    expect(placements).toEqual([
      expect.objectContaining({
        company: expect.objectContaining({ id: company.id }),
        kind: 'internship',
        hoursPerWeek: 12.5,
        startDate: '2026-10-01',
        active: true,
      }),
    ]);

    const [omar] = await youthByCpr(referred['CPR-nummer'] ?? '');
    const omarJourneys = (await api(`/api/youth/${omar?.id}/journeys`)).json<{
      items: Array<{ id: string; stage: string; referral: { source: string } }>;
    }>().items;
    expect(omarJourneys.map((j) => [j.stage, j.referral.source])).toEqual([['referred', 'uu']]);

    // The risk rules saw the journeys as they now stand: a referral of September without a first
    // conversation is overdue (LAB § 31, stk. 5); nothing was opened for a step that is behind Ida.
    const omarView = (await api(`/api/journeys/${omarJourneys[0]?.id}`)).json<{ alerts: Array<{ code: string }> }>();
    expect(omarView.alerts.map((a) => a.code)).toContain('first_conversation_overdue');
    expect(view.alerts.map((a) => a.code)).not.toContain('first_conversation_overdue');

    const audit = await app.inject({
      method: 'GET',
      url: '/api/audit?action=caseload.imported',
      headers: unit.leader.headers,
    });
    const entries = audit.json<{ items: Array<{ userId: string; details: { rows: number; imported: number } }> }>()
      .items;
    expect(entries).toEqual([
      expect.objectContaining({ userId: unit.admin.id, details: expect.objectContaining({ rows: 2, imported: 2 }) }),
    ]);
  });

  it('names the row, the column and the problem of every bad row, and imports nothing', async () => {
    const registered = await newYouth(app, unit.caseworker.headers);
    const twice = cprOfOwnDay();
    const good = row();
    const rows = [
      good,
      row({ 'CPR-nummer': '310299-1234' }),
      row({ 'CPR-nummer': twice }),
      row({ 'CPR-nummer': twice }),
      row({ 'CPR-nummer': registered.enteredCpr }),
      row({ 'Rådgivers e-mail': 'ukendt@kommune.dk' }),
      row({ Netværksgruppe: 'Fredagsgruppen' }),
      row({ ...onlyReferred, Henvisningsdato: '2027-01-05' }),
      row({ Visitationskategori: 'Klar', Barrierer: 'Gæld, Gæld' }),
    ];
    const response = await uploadCaseload(app, admin(), caseloadCsv(rows), 'import');
    expect(response.statusCode).toBe(400);
    expect(importProblemsOf(response.body)).toEqual([
      ['3', 'CPR-nummer', expect.stringMatching(/CPR/)],
      ['5', 'CPR-nummer', 'Samme CPR-nummer som række 4.'],
      ['6', 'CPR-nummer', 'Der findes allerede en ung med dette CPR-nummer i kommunen.'],
      ['7', 'Rådgivers e-mail', 'Ingen aktiv rådgiver i kommunen har e-mailen «ukendt@kommune.dk».'],
      ['8', 'Netværksgruppe', 'Ingen aktiv netværksgruppe i kommunen hedder «Fredagsgruppen».'],
      ['9', 'Henvisningsdato', 'Datoen 05-01-2027 ligger i fremtiden.'],
      [
        '10',
        'Visitationskategori',
        expect.stringMatching(/^«Klar» kendes ikke\. Skriv en af: Åbenlyst uddannelsesparat/),
      ],
      ['10', 'Barrierer', '«Gæld» står der mere end én gang.'],
    ]);
    expect(response.body).toContain('Intet er importeret');
    expect(await youthByCpr(good['CPR-nummer'] ?? '')).toEqual([]);
  });

  it('reports a row a service refuses, and keeps nothing of the file', async () => {
    const good = row();
    // 40 years old at the referral: outside every target group the rules allow.
    const tooOld = row({ 'CPR-nummer': newCpr('1985-03-03') });
    const response = await uploadCaseload(app, admin(), caseloadCsv([good, tooOld]), 'import');
    expect(response.statusCode).toBe(400);
    const problems = importProblemsOf(response.body);
    expect(problems).toEqual([['3', 'Hele rækken', expect.stringMatching(/^Kunne ikke registreres: /)]]);
    expect(await youthByCpr(good['CPR-nummer'] ?? '')).toEqual([]);
  });

  it('reads the Excel dialect: a byte order mark, semicolons, Windows line ends and Windows-1252', async () => {
    const first = row({ Navn: 'Søren Ærø' });
    const second = row({ Navn: 'Åse Østergaard' });
    const excel = caseloadCsv([first, second], { separator: ';', bom: true, lineEnd: '\r\n' });
    const checked = await uploadCaseload(app, admin(), excel, 'import');
    expect(checked.statusCode, checked.body).toBe(200);
    expect((await youthByCpr(first['CPR-nummer'] ?? ''))[0]?.name).toBe('Søren Ærø');

    const ansi = row({ Navn: 'Bjørn Læsø' });
    const text = caseloadCsv([ansi], { separator: ';', bom: false, lineEnd: '\r\n' });
    const latin1 = Buffer.from(text, 'latin1');
    const imported = await uploadCaseload(app, admin(), latin1, 'import');
    expect(imported.statusCode, imported.body).toBe(200);
    expect((await youthByCpr(ansi['CPR-nummer'] ?? ''))[0]?.name).toBe('Bjørn Læsø');

    const comma = row({ Navn: 'Karl Berg', Adresse: 'Vestergade 2, 4000 Roskilde' });
    const utf8 = await uploadCaseload(
      app,
      admin(),
      caseloadCsv([comma], { separator: ',', bom: false, lineEnd: '\n' }),
      'import',
    );
    expect(utf8.statusCode, utf8.body).toBe(200);
  });

  it('checks without writing: the dry run reports and registers no one', async () => {
    const checkedRow = row();
    const auditBefore = await app.inject({
      method: 'GET',
      url: '/api/audit?action=youth.created',
      headers: unit.leader.headers,
    });
    const response = await uploadCaseload(app, admin(), caseloadCsv([checkedRow]), 'check');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('1 række er kontrolleret uden fejl');
    expect(await youthByCpr(checkedRow['CPR-nummer'] ?? '')).toEqual([]);
    const auditAfter = await app.inject({
      method: 'GET',
      url: '/api/audit?action=youth.created',
      headers: unit.leader.headers,
    });
    expect(auditAfter.json<{ total: number }>().total).toBe(auditBefore.json<{ total: number }>().total);
    const checks = await app.inject({
      method: 'GET',
      url: '/api/audit?action=caseload.import_checked',
      headers: unit.leader.headers,
    });
    expect(checks.json<{ total: number }>().total).toBeGreaterThan(0);
  });

  it('refuses a file whose headings are wrong, naming them', async () => {
    const response = await uploadCaseload(app, admin(), 'Navn;Fornavn\r\nIda;Ida\r\n', 'check');
    expect(response.statusCode).toBe(400);
    const problems = importProblemsOf(response.body).map((p) => p[2]);
    expect(problems).toContain('Kolonnen «Fornavn» kendes ikke.');
    expect(problems).toContain('Kolonnen «CPR-nummer» mangler.');
  });

  it('says so when the file is larger than the page takes', async () => {
    const response = await uploadCaseload(app, admin(), `Navn;CPR-nummer\r\n${'x'.repeat(5 * 1024 * 1024)}`, 'check');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Filen er større end 4 MB. Del den op.');
  });

  it('offers the template with Danish headings, for Excel', async () => {
    const response = await app.inject({ method: 'GET', url: '/admin/import/skabelon.csv', headers: admin() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.body.startsWith('\uFEFFNavn;CPR-nummer;Telefon;')).toBe(true);
    expect(response.body).toContain('Rådgivers e-mail');
    expect(response.body.endsWith('\r\n')).toBe(true);
  });

  it('is for administrators only', async () => {
    const response = await app.inject({ method: 'GET', url: '/admin/import', headers: unit.caseworker.headers });
    expect(response.statusCode).not.toBe(200);
  });
});
